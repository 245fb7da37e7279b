using AngleSharp.Dom;
using Microsite.Core;

namespace Microsite.Validation;

/// <summary>A check of one output page. Each rule has a stable id and a default level (site.yml may change it).</summary>
internal abstract class HtmlRule
{
    public abstract string Id { get; }

    public virtual Severity Level => Severity.Error;

    public abstract void Check(PageUnderTest page, SiteUnderTest site, Reporter report);
}

/// <summary>A parsed output page and what is known of it.</summary>
/// <param name="Path">Path inside the site ("en/review-2022.html").</param>
/// <param name="Lang">The language the page should be in (html lang), when known.</param>
internal sealed record PageUnderTest(string Path, IDocument Document, string? Source, string? Lang)
{
    /// <summary>
    /// Every element in document order, listed once: rules filter this list rather than running their own
    /// selector over the whole tree (each selector is a full walk, and there are dozens per page).
    /// </summary>
    public IReadOnlyList<IElement> Elements { get; } = Document.All.ToList();

    /// <summary>The ids on the page, computed once: several rules and other pages' fragment checks ask.</summary>
    public IReadOnlySet<string> Ids => _ids ??= Elements.Where(e => e.HasAttribute("id")).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every URL an element refers to (href, src, srcset, …), found once for the rules that need them.</summary>
    public IReadOnlyList<(IElement Element, string Url)> References => _references ??= Rules.References.Of(this).ToList();

    /// <summary>The trimmed &lt;title&gt;, read once (every page compares it with every other page's).</summary>
    public string? Title => _title ??= Document.Title?.Trim() ?? "";

    /// <summary>The language switch links: element and the site path they lead to.</summary>
    public IReadOnlyList<(IElement Element, string? Path)> Switches => _switches ??= Elements
        .Where(e => e.LocalName == "a" && e.HasAttribute("data-lang-switch"))
        .Select(e => (e, Urls.Resolve(Directory, e.GetAttribute("href") ?? "").Path))
        .ToList();

    /// <summary>The hreflang alternates (link rel=alternate), and the canonical URL.</summary>
    public IReadOnlyList<IElement> AlternateLinks => _alternates ??= Elements
        .Where(e => e.LocalName == "link" && e.GetAttribute("rel") == "alternate" && e.HasAttribute("hreflang"))
        .ToList();

    public string? Canonical => Elements.FirstOrDefault(e => e.LocalName == "link" && e.GetAttribute("rel") == "canonical")?.GetAttribute("href");

    private string? _title;
    private IReadOnlyList<(IElement, string?)>? _switches;
    private IReadOnlyList<IElement>? _alternates;
    private IReadOnlySet<string>? _ids;
    private IReadOnlyList<(IElement Element, string Url)>? _references;

    public string Directory => Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : "";
}

/// <summary>The whole site under test: every file's path (exact case) and every page, parsed once.</summary>
internal sealed class SiteUnderTest
{
    private readonly Dictionary<string, string> _byLowerCase;

    public SiteUnderTest(IReadOnlyCollection<string> files, IReadOnlyDictionary<string, PageUnderTest> pages,
        IReadOnlyDictionary<string, string> stylesheets, SiteExpectations expectations)
    {
        Files = files.ToHashSet(StringComparer.Ordinal);
        _byLowerCase = files.GroupBy(f => f.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        Pages = pages;
        Stylesheets = stylesheets;
        Expectations = expectations;
    }

    public IReadOnlySet<string> Files { get; }

    public IReadOnlyDictionary<string, PageUnderTest> Pages { get; }

    /// <summary>Local CSS files by path, for url() and @import checks.</summary>
    public IReadOnlyDictionary<string, string> Stylesheets { get; }

    public SiteExpectations Expectations { get; }

    /// <summary>The first page (in path order) of a language, or of the site when the language is not known.</summary>
    public string FirstPage(string? lang) => _firstPages.GetOrAdd(lang ?? "", key =>
        Pages.Values.Where(p => key.Length == 0 || p.Lang == key).Select(p => p.Path).Order(StringComparer.Ordinal).First());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _firstPages = new();

    /// <summary>A file that exists only with other letter case (works on Windows, breaks on the Linux host).</summary>
    public string? CaseVariant(string path) => _byLowerCase.GetValueOrDefault(path.ToLowerInvariant());
}

/// <summary>What site.yml says the pages must show; empty when checking a folder without a config.</summary>
/// <param name="Languages">How many languages the site has (a language switch is expected when more than one).</param>
/// <param name="Footers">By html lang: the registration numbers site.yml sets for that language's footer.</param>
/// <param name="NotFoundBase">The path of base_url ("/gzbg2023/"): 404 pages may use it, since a host serves them at any depth.</param>
internal sealed record SiteExpectations(int Languages, IReadOnlyDictionary<string, FooterExpectation> Footers, string? NotFoundBase = null)
{
    public FooterExpectation Footer(string? lang) => lang is not null && Footers.TryGetValue(lang, out var f) ? f : FooterExpectation.None;
}

internal sealed record FooterExpectation(string? SiteCode, string? Icp, string? PublicSecurity)
{
    public static FooterExpectation None { get; } = new(null, null, null);
}

/// <summary>Collects a rule's findings about one page, with the page's output path and source.</summary>
internal sealed class Reporter(DiagnosticBag bag, string displayRoot)
{
    public void Report(HtmlRule rule, PageUnderTest page, INode? node, string message)
    {
        var (line, column) = node is IElement { SourceReference: { } reference } ? (reference.Position.Line, reference.Position.Column) : (0, 0);
        bag.Add(new Diagnostic(rule.Id, rule.Level, $"{displayRoot}/{page.Path}", line, column, message, page.Source));
    }

    public void ReportFile(HtmlRule rule, string path, string message) =>
        bag.Add(new Diagnostic(rule.Id, rule.Level, $"{displayRoot}/{path}", 0, 0, message));
}
