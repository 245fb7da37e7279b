using Microsite.Build;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
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

    // Kestrel, as `serve` uses: the managed HttpListener left a navigation unanswered now and then (two
    // tests timed out waiting for a page load in CI, each once in several runs).
    private WebApplication? _server;

    public string SiteFolder { get; } = Directory.CreateTempSubdirectory("microsite-browser-").FullName;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<string> Pages { get; private set; } = [];

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// For a link followed to an anchor: the address is the link's once the new page is committed, and an
    /// assertion after it waits for the element to be in view. Waiting for the load event as well timed out
    /// in two CI runs (early in the run, while the other tests kept both cores busy; never when run alone or
    /// beside a build; cause not found), and the load event is not what these tests are about.
    /// </summary>
    public static PageWaitForURLOptions Committed { get; } = new() { WaitUntil = WaitUntilState.Commit };

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

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(Answer);
        await _server.StartAsync();
        BaseUrl = _server.Urls.First().TrimEnd('/') + SubPath;

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
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
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
    /// Runs <paramref name="check"/> on every item, on <paramref name="lanes"/> pages (tabs of their own
    /// contexts) at once, each lane taking the items in turn: a sweep over the site waits mostly on one
    /// renderer (axe, paints, held responses) while the other core idles. What each check returns is given
    /// back in the items' order, so a failure message reads the same whatever finished first.
    /// </summary>
    public async Task<List<T>> SweepAsync<TItem, T>(IReadOnlyList<TItem> items, Func<Task<IPage>> open, Func<IPage, TItem, Task<IEnumerable<T>>> check, int lanes = 2)
    {
        var found = new IEnumerable<T>[items.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(lanes, items.Count)).Select(async _ =>
        {
            var page = await open();
            for (var i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                found[i] = await check(page, items[i]);
            }

            await page.Context.CloseAsync();
        }));
        return found.SelectMany(f => f).ToList();
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

    private async Task Answer(HttpContext context)
    {
        var url = context.Request.Path.Value ?? "/";
        if (!url.StartsWith(SubPath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var relative = url[SubPath.Length..];
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
        context.Response.ContentLength = bytes.Length;
        var sent = 0;
        try
        {
            foreach (var at in HoldPoints(context.Request.Query["hold"], bytes))
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(sent, at - sent), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(HoldTime, context.RequestAborted);
                sent = at;
            }

            await context.Response.Body.WriteAsync(bytes.AsMemory(sent), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the browser went away mid-transfer; nothing more to send
        }
    }
}

/// <summary>
/// The browser tests run on their own, after the other tests: in three CI runs a navigation did not finish
/// within 30 s (twice to a served page, once to a page on disk), each time 1 min 46 s to 2 min 12 s into the
/// run, while the other test classes were building sites on every core and on this process's threads; it
/// never happened with the browser tests alone or beside a build in another process.
/// </summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
