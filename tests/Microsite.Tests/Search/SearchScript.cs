using System.Text.Json;
using Jint;

namespace Microsite.Tests.Search;

/// <summary>
/// theme/assets/search.js run by Jint, a JavaScript interpreter in .NET: the browser's tokenizer and ranking
/// are checked in every test run, with no browser and no node on the machine. Chromium runs the same cases
/// in the browser tests.
/// </summary>
internal sealed class SearchScript
{
    /// <summary>The real report's site index, as the build makes it before rendering.</summary>
    public static Microsite.Indexing.SiteIndex RealSiteIndex()
    {
        var input = TestSite.RepoInput();
        var diagnostics = new Microsite.Core.DiagnosticBag();
        var config = Microsite.Config.ConfigLoader.Load(input, diagnostics)!;
        return Microsite.Indexing.Indexer.Build(Microsite.Content.ContentLoader.Load(input, config, diagnostics), input, config, diagnostics);
    }

    public static string ScriptPath { get; } = Path.Combine(TestSite.RepoRoot, "theme", "assets", "search.js");

    private readonly Engine _engine = new(options => options.TimeoutInterval(TimeSpan.FromSeconds(20)));

    public SearchScript() => _engine.Execute(File.ReadAllText(ScriptPath));

    public IReadOnlyList<(string Text, int Start, int End)> Tokenize(string input)
    {
        _engine.SetValue("input", input);
        var json = _engine.Evaluate("JSON.stringify(MicrositeSearch.tokenize(input).map(t => [t.text, t.start, t.end]))").AsString();
        return JsonSerializer.Deserialize<JsonElement[][]>(json)!
            .Select(t => (t[0].GetString()!, t[1].GetInt32(), t[2].GetInt32())).ToList();
    }

    /// <summary>Loads an index file written by the build (it sets window.MicrositeSearchIndex).</summary>
    public void LoadIndex(string indexScript)
    {
        _engine.Execute("var window = this;");
        _engine.Execute(indexScript);
        _engine.Execute("var loaded = MicrositeSearch.load(window.MicrositeSearchIndex);");
    }

    /// <summary>The results of a query, best first: the link, the tier and the highlighted text.</summary>
    public IReadOnlyList<SearchHit> Search(string query)
    {
        _engine.SetValue("query", query);
        var json = _engine.Evaluate("""
            JSON.stringify(MicrositeSearch.search(loaded, query).map(r => ({
              href: r.doc.href, tier: r.tier, title: r.doc.title,
              marks: r.textSpans.map(s => r.doc.text.slice(s[0], s[1])),
              titleMarks: r.titleSpans.map(s => r.doc.title.slice(s[0], s[1])),
            })))
            """).AsString();
        return JsonSerializer.Deserialize<List<SearchHit>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}

public sealed record SearchHit(string Href, int Tier, string Title, IReadOnlyList<string> Marks, IReadOnlyList<string> TitleMarks);

/// <summary>tests/fixtures/search-tokenizer-cases.json, read by the C#, Jint and chromium tests alike.</summary>
public static class TokenizerCases
{
    public sealed record Case(string Name, string Input, IReadOnlyList<string> Tokens, IReadOnlyList<int[]>? Spans);

    public static string FilePath { get; } = Path.Combine(TestSite.RepoRoot, "tests", "fixtures", "search-tokenizer-cases.json");

    public static IReadOnlyList<Case> All { get; } = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(FilePath))
        .GetProperty("cases").EnumerateArray()
        .Select(c => new Case(
            c.GetProperty("name").GetString()!,
            c.GetProperty("input").GetString()!,
            c.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!).ToList(),
            c.TryGetProperty("spans", out var spans) ? spans.EnumerateArray().Select(s => s.EnumerateArray().Select(n => n.GetInt32()).ToArray()).ToList() : null))
        .ToList();

    /// <summary>Theory data: the case's name (shown in the test list).</summary>
    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static Case Named(string name) => All.Single(c => c.Name == name);
}
