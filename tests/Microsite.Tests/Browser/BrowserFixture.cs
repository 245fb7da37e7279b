using Microsite.Build;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>
/// The real report, built once into a temporary folder, served over HTTP on 127.0.0.1 under a sub-path
/// (as a government host would), and a headless Debian chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string SubPath = "/gzbg2023/";

    // The network here allows no outside hosts: the proxy flag keeps chromium from trying.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9",
    ];

    private HttpListener? _listener;
    private Task? _serving;

    public string SiteFolder { get; } = Directory.CreateTempSubdirectory("microsite-browser-").FullName;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<string> Pages { get; private set; } = [];

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ArtifactsFolder { get; } = Path.Combine(TestSite.RepoRoot, "tests", "artifacts");

    public async Task InitializeAsync()
    {
        var result = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the real site does not build:\n" + string.Join("\n", result.Diagnostics));
        }

        Output.SiteWriter.Write(SiteFolder, result.Files);
        Pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Path).ToList();

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{SubPath}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = Task.Run(Serve);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
        _listener?.Stop();
        _listener?.Close();
        if (_serving is not null)
        {
            await Task.WhenAny(_serving, Task.Delay(2000));
        }

        Directory.Delete(SiteFolder, recursive: true);
    }

    public async Task<IPage> OpenAsync(int width, int height, bool javaScript = true, bool touch = false, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            HasTouch = touch,
            IsMobile = touch,
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The address of a page that arrives as over a slow connection: the server stops for a moment before
    /// each of the given pieces of its HTML, so that the browser draws what it has so far (as a phone
    /// does), and then sends the rest.
    /// </summary>
    public string HeldUrl(string path, params string[] before) =>
        BaseUrl + path + "?hold=" + Uri.EscapeDataString(string.Join('\n', before));

    private static readonly TimeSpan HoldTime = TimeSpan.FromMilliseconds(400);

    private static IEnumerable<int> HoldPoints(string? hold, byte[] bytes)
    {
        if (string.IsNullOrEmpty(hold))
        {
            return [];
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        return hold.Split('\n')
            .Select(piece => text.IndexOf(piece, StringComparison.Ordinal))
            .Where(at => at > 0)
            .Select(at => System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, at)))
            .Order()
            .ToList();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>
    /// Accepts requests until stopped, each answered on its own task: one request that fails (a browser
    /// that closes its page mid-transfer) must not stop the server for every test after it.
    /// </summary>
    private async Task Serve()
    {
        while (_listener is { IsListening: true })
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath[SubPath.Length..]);
            var path = Path.GetFullPath(Path.Combine(SiteFolder, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative));
            var found = path.StartsWith(SiteFolder, StringComparison.Ordinal) && File.Exists(path);
            // Like a host's error page per language: English addresses get the English 404.
            var file = found ? path : Path.Combine(SiteFolder, relative.StartsWith("en/", StringComparison.Ordinal) ? "en/404.html" : "404.html");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                ".xml" => "application/xml",
                _ => "text/plain; charset=utf-8",
            };
            var bytes = await File.ReadAllBytesAsync(file);
            context.Response.ContentLength64 = bytes.Length;
            var sent = 0;
            foreach (var at in HoldPoints(context.Request.QueryString["hold"], bytes))
            {
                await context.Response.OutputStream.WriteAsync(bytes.AsMemory(sent, at - sent));
                await context.Response.OutputStream.FlushAsync();
                await Task.Delay(HoldTime);
                sent = at;
            }

            await context.Response.OutputStream.WriteAsync(bytes.AsMemory(sent));
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            context.Response.Abort(); // the browser went away; nothing to answer
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
