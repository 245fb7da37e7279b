using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsite.Build;
using Microsite.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsite.Serve;

/// <summary>What the preview server needs to know: the folders, where to listen, how to report.</summary>
internal sealed record PreviewOptions(string InputDirectory, string ThemeDirectory, string Host, int Port, BuildOptions Build);

/// <summary>
/// `serve`: builds the site into memory, serves it on Kestrel under the path of base_url (as the host
/// will), and rebuilds when input/ or theme/ change. Every open page reloads after a good rebuild and
/// keeps its scroll position; a build with errors keeps the last good site served and shows the errors in
/// the terminal and over the page. The reload script and the overlay exist only in what this server sends:
/// they are added to each HTML response, never written into a built file.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    /// <summary>The server's own files, under the site's path; no page of a site can be there (names starting with "__" are not slugs).</summary>
    public const string OwnFolder = "__microsite/";

    private readonly PreviewOptions _options;
    private readonly TextWriter _out;
    private readonly BuildSession _session = new();
    private readonly Lock _lock = new();
    private readonly List<Channel<string>> _clients = [];
    private readonly Debouncer _debouncer;
    private readonly SemaphoreSlim _building = new(1, 1);
    private FileSystemWatcher[] _watchers = [];
    private WebApplication? _app;

    // The last good site, and what the last build found when it failed (null when it succeeded).
    private IReadOnlyDictionary<string, SiteFile> _site = new Dictionary<string, SiteFile>();
    private string? _errors;
    private int _version;

    public PreviewServer(PreviewOptions options, TextWriter output)
    {
        _options = options;
        _out = output;
        _debouncer = new Debouncer(TimeSpan.FromMilliseconds(80), () => _ = RebuildOrReportAsync());
    }

    /// <summary>The site's path on the host: base_url's path ("/gzbg2023/"), or "/".</summary>
    public string BasePath { get; private set; } = "/";

    /// <summary>The address the site is served at, once started.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Builds, starts listening and watching. Returns when the server is up.</summary>
    public async Task StartAsync(CancellationToken stopping)
    {
        await RebuildAsync("start");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders(); // the terminal shows builds and errors, not request logs
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(Listen(_options.Host), _options.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(stopping);

        var port = new Uri(_app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Port;
        var shownHost = _options.Host is "0.0.0.0" or "::" ? "127.0.0.1" : _options.Host;
        Address = $"http://{(shownHost.Contains(':') ? $"[{shownHost}]" : shownHost)}:{port}{BasePath}";
        _watchers = [Watch(_options.InputDirectory), Watch(_options.ThemeDirectory)];
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C), then stops cleanly.</summary>
    public async Task WaitAsync(CancellationToken stopping)
    {
        // Ctrl+C reaches the host's own console lifetime too; either way the server stops once.
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, _app!.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debouncer.Dispose();
        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryComplete();
            }
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A rebuild started by a change: whatever goes wrong is said in the terminal, and the server goes on.</summary>
    private async Task RebuildOrReportAsync()
    {
        try
        {
            await RebuildAsync("changed");
        }
#pragma warning disable CA1031 // a bug in one rebuild must not silently end every later one
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_out)
            {
                _out.WriteLine($"internal error while rebuilding: {e.GetType().Name}: {e.Message} (this is a bug in Microsite; the last good site is still served)");
                if (Environment.GetEnvironmentVariable("MICROSITE_DEBUG") == "1")
                {
                    _out.WriteLine(e);
                }

                _out.Flush();
            }
        }
    }

    /// <summary>Builds from what is on disk now; serves the result when it is good, the errors when not.</summary>
    public async Task RebuildAsync(string why)
    {
        await _building.WaitAsync();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var input = FileSet.FromDirectory(_options.InputDirectory, Display(_options.InputDirectory));
            var theme = FileSet.FromDirectory(_options.ThemeDirectory, Display(_options.ThemeDirectory));
            var result = SiteBuilder.Build(input, theme, _options.Build, _session);
            var elapsed = watch.ElapsedMilliseconds;
            lock (_lock)
            {
                if (result.Succeeded)
                {
                    _site = result.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
                    _errors = null;
                    _version++;
                    BasePath = BaseOf(result);
                }
                else
                {
                    _errors = JsonSerializer.Serialize(result.Diagnostics.Select(d => new OverlayLine(d.Location, d.Severity == Severity.Error ? "error" : "warning", d.Id, d.Message)).ToList(),
                        OverlayJson.Default.ListOverlayLine);
                }
            }

            Report(result, why, elapsed);
            Broadcast(result.Succeeded ? $"event: reload\ndata: {_version}\n\n" : $"event: errors\ndata: {_errors}\n\n");
        }
        finally
        {
            _building.Release();
        }
    }

    private void Report(BuildResult result, string why, long elapsed)
    {
        lock (_out)
        {
            if (!result.Succeeded)
            {
                DiagnosticReport.WriteText(_out, result.Diagnostics, result.PagesChecked);
                _out.WriteLine($"not rebuilt: the last good site is still served; the errors show over every open page until they are fixed");
                _out.Flush();
                return;
            }

            var warnings = result.Diagnostics.Count(d => d.Severity == Severity.Warning);
            var work = string.Join(", ", _session.LastWork.Where(w => w.Stage is "render" or "layout" or "validate").Select(w => $"{w.Stage} {w.Redone} of {w.Total}"));
            _out.WriteLine($"{(why == "start" ? "built" : "rebuilt")} in {elapsed} ms ({work}){(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? "" : "s")}" : "")}");
            _out.Flush();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/");
        context.Response.Headers.CacheControl = "no-store";
        if (path == "/" && BasePath != "/")
        {
            context.Response.Redirect(BasePath);
            return;
        }

        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync($"Not found. The site is served at {BasePath}", context.RequestAborted);
            return;
        }

        var relative = path[BasePath.Length..];
        switch (relative)
        {
            case OwnFolder + "reload.js":
                await Send(context, "text/javascript; charset=utf-8", ClientFiles.ReloadScript);
                return;
            case OwnFolder + "overlay.css":
                await Send(context, "text/css; charset=utf-8", ClientFiles.OverlayStyles);
                return;
            case OwnFolder + "events":
                await StreamEventsAsync(context);
                return;
        }

        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html"; // as the host does
        }

        SiteFile? file;
        int version;
        lock (_lock)
        {
            version = _version;
            file = _site.GetValueOrDefault(relative);
            if (file is null)
            {
                // The host's 404: the not-found page of the language whose folder was asked for.
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                file = _site.GetValueOrDefault(relative.StartsWith("en/", StringComparison.Ordinal) ? "en/404.html" : "404.html")
                    ?? _site.Values.FirstOrDefault(f => f.Path.EndsWith("404.html", StringComparison.Ordinal));
            }
        }

        if (file is null)
        {
            // Nothing was ever built: a page that only shows the errors, and reloads once they are fixed.
            await Send(context, "text/html; charset=utf-8", WithClient(ClientFiles.NothingBuiltPage, version));
            return;
        }

        var type = ContentTypes.Of(file.Path);
        await Send(context, type, type.StartsWith("text/html", StringComparison.Ordinal) ? WithClient(file.Content, version) : null, file.Bytes);
    }

    /// <summary>Adds the reload script and the overlay's styles to a page as it is sent (never to the built file).</summary>
    private string WithClient(string html, int version)
    {
        var tags = $"<link rel=\"stylesheet\" href=\"{BasePath}{OwnFolder}overlay.css\"><script src=\"{BasePath}{OwnFolder}reload.js?v={version}\" defer></script>";
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? tags + html : html.Insert(head, tags);
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var channel = Channel.CreateUnbounded<string>();
        string first;
        lock (_lock)
        {
            _clients.Add(channel);
            // A page that connects after a build already knows what it missed: the version, or the errors.
            first = _errors is null ? $"event: version\ndata: {_version}\n\n" : $"event: errors\ndata: {_errors}\n\n";
        }

        try
        {
            await context.Response.WriteAsync(first, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server stops.
        }
        finally
        {
            lock (_lock)
            {
                _clients.Remove(channel);
            }
        }
    }

    private void Broadcast(string message)
    {
        lock (_lock)
        {
            foreach (var client in _clients)
            {
                client.Writer.TryWrite(message);
            }
        }
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, e) => Changed(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Editors write files in bursts (a temporary file, then a rename): one rebuild after the burst.</summary>
    private void Changed(string path)
    {
        // Swap and backup files of editors (.x.swp, x~) are never content.
        var name = Path.GetFileName(path);
        if (!name.StartsWith('.') && !name.EndsWith('~'))
        {
            _debouncer.Trigger();
        }
    }

    private static string BaseOf(BuildResult result) => result.BasePath;

    private static IPAddress Listen(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        _ => IPAddress.Parse(host),
    };

    private static string Display(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(folder).Replace('\\', '/') : relative;
    }

    private static async Task Send(HttpContext context, string type, string? text, byte[]? bytes = null)
    {
        context.Response.ContentType = type;
        var body = text is null ? bytes! : Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

/// <summary>One line of the error overlay.</summary>
internal sealed record OverlayLine(string Location, string Severity, string Id, string Message);

[System.Text.Json.Serialization.JsonSerializable(typeof(List<OverlayLine>))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class OverlayJson : System.Text.Json.Serialization.JsonSerializerContext;
