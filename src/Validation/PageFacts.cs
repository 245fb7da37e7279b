namespace Microsite.Validation;

/// <summary>
/// What one page recorded of itself for the checks across pages, so that its parsed tree can be dropped
/// as soon as its own rules have run: memory stays proportional to what the cross-page rules need, not
/// to the size of the site's HTML.
/// </summary>
internal sealed record PageFacts(string Path, string? Lang, string? Source)
{
    /// <summary>A 404 page: the host serves it at whatever address was not found, at any depth.</summary>
    public static bool IsNotFoundPage(string path) => System.IO.Path.GetFileName(path) == "404.html";

    public IReadOnlySet<string> Ids { get; init; } = new HashSet<string>();

    /// <summary>Ids of the glossary entries on the page (elements with data-glossary-entry).</summary>
    public IReadOnlySet<string> GlossaryEntries { get; init; } = new HashSet<string>();

    public string Title { get; init; } = "";

    /// <summary>A page in two languages at once (&lt;html data-bilingual&gt;, a side-by-side page): it needs no language switch.</summary>
    public bool Bilingual { get; init; }

    public Position TitleAt { get; init; }

    /// <summary>URLs into the site whose target another page must have: a file, and an id on it.</summary>
    public IReadOnlyList<LinkFact> Links { get; init; } = [];

    /// <summary>Glossary term links (a.term): their target must be an entry.</summary>
    public IReadOnlyList<LinkFact> TermLinks { get; init; } = [];

    /// <summary>Language switch links and the page they lead to.</summary>
    public IReadOnlyList<LinkFact> Switches { get; init; } = [];

    /// <summary>hreflang alternates, with the site page they name (null when they name none).</summary>
    public IReadOnlyList<AlternateFact> Alternates { get; init; } = [];

    /// <summary>The footer's registration numbers, in order, and where each is.</summary>
    public IReadOnlyList<(string Text, Position At)> Furniture { get; init; } = [];

    public Position FooterAt { get; init; }
}

/// <summary>
/// One link of a page. A value in its page's list rather than an object of its own, with its URL's reading shared
/// (<see cref="LinkTargets"/>): the 10,000-page benchmark's pages have 540,000 links, all kept until the checks
/// across pages have run.
/// </summary>
/// <param name="Element">The element's name (a, img, link…) and <paramref name="Attribute"/> the one holding the URL.</param>
/// <param name="Target">The URL as written and where it leads.</param>
/// <param name="FromSiteRoot">A 404 page's link from the host's root under the site's own path (allowed there only).</param>
/// <param name="Text">The link's text, where a message quotes it.</param>
internal readonly record struct LinkFact(Position At, string Element, string Attribute, LinkTarget Target, bool FromSiteRoot = false, string Text = "")
{
    /// <summary>As written in the page.</summary>
    public string Url => Target.Url;

    /// <summary>The site path it resolves to (null: this page).</summary>
    public string? Path => Target.Path;

    public string? Fragment => Target.Fragment;
}

internal sealed record AlternateFact(Position At, string Hreflang, string Href, string? Path);

/// <summary>The whole site as the cross-page rules see it: every file's path and every page's facts.</summary>
internal sealed class SiteFacts
{
    private readonly Dictionary<string, string> _byLowerCase;
    private readonly Dictionary<string, List<string>> _titles;
    private readonly Dictionary<string, string> _firstPages;

    public SiteFacts(IReadOnlyCollection<string> files, IReadOnlyDictionary<string, PageFacts> pages, SiteExpectations expectations)
    {
        Files = files.ToHashSet(StringComparer.Ordinal);
        _byLowerCase = files.GroupBy(f => f.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        Pages = pages;
        Expectations = expectations;
        _titles = pages.Values.Where(p => p.Title.Length > 0).GroupBy(p => p.Title)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Path).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _firstPages = pages.Values.GroupBy(p => p.Lang ?? "").ToDictionary(g => g.Key, g => g.Select(p => p.Path).Min(StringComparer.Ordinal)!);
    }

    public IReadOnlySet<string> Files { get; }

    public IReadOnlyDictionary<string, PageFacts> Pages { get; }

    public SiteExpectations Expectations { get; }

    /// <summary>The pages with this title, in path order.</summary>
    public IReadOnlyList<string> WithTitle(string title) => _titles.GetValueOrDefault(title) ?? [];

    /// <summary>The first page (in path order) of a language.</summary>
    public string FirstPage(string? lang) => _firstPages[lang ?? ""];

    /// <summary>A file that exists only with other letter case (works on Windows, breaks on the Linux host).</summary>
    public string? CaseVariant(string path) => _byLowerCase.GetValueOrDefault(path.ToLowerInvariant());
}
