using System.Net;
using Microsite.Build;
using Microsite.Serve;

namespace Microsite.Tests.Serve;

/// <summary>The preview server as an editor uses it: a site served under its base path, rebuilt and reloaded on every save.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-serve-").FullName;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private PreviewServer _server = null!;
    private readonly CancellationTokenSource _stop = new();

    private string Input => Path.Combine(_root, "input");

    public static string Site => $"""
        -- site.yml --
        {TestSite.Config}
        base_url: https://www.example.gov.cn/report/
        {TestSite.Homes}
        -- zh/a.md --
        ---
        kind: chapter
        title: 甲
        short_title: 甲
        order: 1
        slug: alpha
        description: 甲。
        ---

        第一稿。
        -- en/a.md --
        ---
        kind: chapter
        title: Alpha
        short_title: Alpha
        order: 1
        slug: alpha
        description: Alpha.
        ---

        First draft.
        """;

    public async Task InitializeAsync()
    {
        foreach (var (path, text) in TestSite.Parse(Site))
        {
            var full = Path.Combine(Input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }

        _server = new PreviewServer(new PreviewOptions(Input, Path.Combine(TestSite.RepoRoot, "theme"), "127.0.0.1", 0, new BuildOptions()), TextWriter.Null);
        await _server.StartAsync(_stop.Token);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Serves_the_site_under_the_path_of_base_url_like_the_host()
    {
        Assert.EndsWith("/report/", _server.Address, StringComparison.Ordinal);
        var root = new Uri(_server.Address).GetLeftPart(UriPartial.Authority) + "/";

        var redirect = await _http.GetAsync(root);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/report/", redirect.Headers.Location!.OriginalString);

        var page = await _http.GetStringAsync(_server.Address + "alpha.html");
        Assert.Contains("第一稿。", page, StringComparison.Ordinal);
        Assert.Contains($"/report/{PreviewServer.OwnFolder}reload.js", page, StringComparison.Ordinal);

        var missing = await _http.GetAsync(_server.Address + "en/nowhere.html");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("lang=\"en\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_page_serves_the_new_text_and_tells_open_pages_to_reload()
    {
        await using var events = await Events.OpenAsync(_http, _server.Address);
        Assert.Equal("version", (await events.NextAsync()).Name);

        // The event is pushed when the file changes (NextAsync gives up after 5 s). How soon it comes (the
        // issue's bound is a second) is measured by the benchmark (tests/benchmark, "reload"), not here: a
        // timed test failed in a test run that kept both cores busy (1,012 ms).
        await File.WriteAllTextAsync(Path.Combine(Input, "zh", "a.md"), (await File.ReadAllTextAsync(Path.Combine(Input, "zh", "a.md"))).Replace("第一稿。", "第二稿。", StringComparison.Ordinal));
        var reload = await events.NextAsync();

        Assert.Equal("reload", reload.Name);
        Assert.Contains("第二稿。", await _http.GetStringAsync(_server.Address + "alpha.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_page_keeps_the_last_good_site_and_shows_its_errors_until_it_is_fixed()
    {
        await using var events = await Events.OpenAsync(_http, _server.Address);
        await events.NextAsync();
        var file = Path.Combine(Input, "zh", "a.md");
        var good = await File.ReadAllTextAsync(file);

        await File.WriteAllTextAsync(file, good.Replace("order: 1", "order: [1", StringComparison.Ordinal));
        var errors = await events.NextAsync();
        Assert.Equal("errors", errors.Name);
        Assert.Contains("\"location\":\"", errors.Data, StringComparison.Ordinal);
        Assert.Contains("zh/a.md:5:", errors.Data, StringComparison.Ordinal);
        Assert.Contains("第一稿。", await _http.GetStringAsync(_server.Address + "alpha.html"), StringComparison.Ordinal);

        // A page opened now learns of the errors at once.
        await using (var late = await Events.OpenAsync(_http, _server.Address))
        {
            Assert.Equal("errors", (await late.NextAsync()).Name);
        }

        await File.WriteAllTextAsync(file, good);
        Assert.Equal("reload", (await events.NextAsync()).Name);
    }

    [Fact]
    public void A_built_site_has_no_reload_script()
    {
        var result = SiteBuilder.Build(TestSite.Input(Site), TestSite.RepoTheme());
        Assert.True(result.Succeeded);
        Assert.All(result.Files.Where(f => f.IsText), f => Assert.DoesNotContain("__microsite", f.Content, StringComparison.Ordinal));
    }

    /// <summary>A Server-Sent Events stream, read one event at a time.</summary>
    private sealed class Events : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private Events(HttpResponseMessage response, StreamReader reader) => (_response, _reader) = (response, reader);

        public static async Task<Events> OpenAsync(HttpClient http, string address)
        {
            var response = await http.GetAsync(address + PreviewServer.OwnFolder + "events", HttpCompletionOption.ResponseHeadersRead);
            return new Events(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        public async Task<(string Name, string Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            string? name = null, data = null;
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = line[6..];
                }
                else if (line.Length == 0 && name is not null)
                {
                    return (name, data ?? "");
                }
            }

            throw new Xunit.Sdk.XunitException("the event stream ended");
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
