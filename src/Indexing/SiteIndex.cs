using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Config;
using Microsite.Content;
using Microsite.Markdown.Glossary;
using Microsite.Markdown.Links;

namespace Microsite.Indexing;

/// <summary>One glossary entry in one language; its definition is rendered with the pages.</summary>
internal sealed record GlossaryEntry(string Id, string Lang, GlossaryMeta Meta, SourcePage Source);

/// <summary>
/// Stage 3, the barrier: every page known before any is rendered. Immutable once built; the render
/// stage reads it from many threads.
/// </summary>
internal sealed class SiteIndex
{
    public const string GlossaryFile = "glossary.html";
    public const string ContentsFile = "contents.html";
    public const string FullReportFile = "full.html";
    public const string NotFoundFile = "404.html";

    private readonly Dictionary<string, SourcePage> _byKey;
    private readonly Dictionary<object, IReadOnlySet<string>> _anchors;
    private readonly Dictionary<object, IReadOnlyList<PageSection>> _sections;

    public SiteIndex(
        SiteConfig config,
        IReadOnlyList<SourcePage> pages,
        IReadOnlyDictionary<string, IReadOnlyList<GlossaryEntry>> glossary,
        IReadOnlyDictionary<string, GlossaryLookup> lookups,
        IReadOnlyList<TerminologyPair> terminology)
    {
        Config = config;
        Pages = pages;
        Glossary = glossary;
        Lookups = lookups;
        Terminology = terminology;
        _byKey = pages.ToDictionary(p => p.Key, StringComparer.Ordinal);
        // Keyed by reference: a record's own equality would compare (and hash) whole files on every look-up.
        _anchors = pages.ToDictionary(p => (object)p, p => (IReadOnlySet<string>)p.Ast.Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal), ReferenceEqualityComparer.Instance);
        _sections = pages.Concat(glossary.Values.SelectMany(g => g).Select(e => e.Source))
            .ToDictionary(p => (object)p, p => PageSections.Of(p), ReferenceEqualityComparer.Instance);
    }

    public SiteConfig Config { get; }

    /// <summary>Home, chapters and plain pages of every language (fallback pages included), not glossary entries.</summary>
    public IReadOnlyList<SourcePage> Pages { get; }

    /// <summary>Entries per language, in the report's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GlossaryEntry>> Glossary { get; }

    public IReadOnlyDictionary<string, GlossaryLookup> Lookups { get; }

    public IReadOnlyList<TerminologyPair> Terminology { get; }

    public SourcePage? Page(string lang, string relPath) => _byKey.GetValueOrDefault($"{lang}/{relPath}");

    public SourcePage? Home(string lang) => Page(lang, "index.md");

    /// <summary>A language's chapters in report order (asked for by every page's layout: computed once).</summary>
    public IReadOnlyList<SourcePage> Chapters(string lang) => _chapters.GetOrAdd(lang, l =>
        Pages.Where(p => p.Lang == l && p.Kind == PageKind.Chapter).OrderBy(p => p.Meta.Order).ThenBy(p => p.RelPath, StringComparer.Ordinal).ToList());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SourcePage>> _chapters = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Anchors(SourcePage page) => _anchors[page];

    public IReadOnlyList<PageSection> Sections(SourcePage page) => _sections[page];

    public LanguageConfig Language(string code) => Config.Language(code)!;

    public string OutputPath(SourcePage page) => OutputPath(page.Lang, page.Kind == PageKind.Home ? "index.html" : page.Meta.Slug + ".html");

    public string OutputPath(string lang, string file) => Language(lang).Prefix + file;

    /// <summary>Resolves "lang/relpath.md" as written in a link (see <see cref="InternalLinkRewriter"/>).</summary>
    public LinkTarget? ResolveLink(string key)
    {
        if (_byKey.TryGetValue(key, out var page))
        {
            return new LinkTarget(OutputPath(page), Anchors(page));
        }

        var lang = key.Split('/')[0];
        if (key.StartsWith(lang + "/glossary/", StringComparison.Ordinal) && Glossary.TryGetValue(lang, out var entries))
        {
            var id = Path.GetFileNameWithoutExtension(key);
            return entries.Any(e => e.Id == id)
                ? new LinkTarget(OutputPath(lang, GlossaryFile) + "#" + id, new HashSet<string>())
                : null;
        }

        return null;
    }

    /// <summary>Every "lang/path.md" a link may name, in every language (for did-you-mean hints).</summary>
    public IReadOnlyList<string> LinkablePaths => _linkable ??= Pages.Where(p => p.FallbackFrom is null).Select(p => p.Key)
        .Concat(Glossary.Values.SelectMany(g => g).Select(e => $"{e.Lang}/glossary/{e.Id}.md"))
        .Order(StringComparer.Ordinal).ToList();

    private IReadOnlyList<string>? _linkable;

    /// <summary>The same page in another language (pages pair by their path under input/&lt;lang&gt;/).</summary>
    public SourcePage? Pair(SourcePage page, string lang) => Page(lang, page.RelPath);
}

/// <summary>
/// One line of input/terminology.yml: a name and its fixed rendering in each language. Where the
/// default language's form occurs in a section, the paired section must contain the other forms.
/// </summary>
internal sealed record TerminologyPair(IReadOnlyDictionary<string, IReadOnlyList<string>> Forms, int Line);
