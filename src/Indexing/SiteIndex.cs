using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Indexing;

/// <summary>One glossary entry in one language; its definition is rendered with the pages.</summary>
internal sealed record GlossaryEntry(string Id, string Lang, GlossaryMeta Meta, SourcePage Source);

/// <summary>A section of a page's contents: an h2 with an id.</summary>
/// <param name="Lang">The section's language (its html lang) when it is not the page's: a section shown in the source language.</param>
internal sealed record TocEntry(string Id, string Title, string? Lang = null);

/// <summary>
/// Stage 3, the barrier: every page known before any is rendered. Everything is computed when it is
/// built and nothing changes afterwards, so the later stages read it from many threads, and every
/// look-up they make is a dictionary, never a scan of the site.
/// </summary>
internal sealed class SiteIndex
{
    public const string GlossaryFile = "glossary.html";
    public const string ContentsFile = "contents.html";
    public const string FullReportFile = "full.html";
    public const string FiguresFile = "figures.html";
    public const string NotFoundFile = "404.html";

    private readonly Dictionary<string, SourcePage> _byKey;
    private readonly Dictionary<SourcePage, PageFacts> _facts;
    private readonly Dictionary<string, IReadOnlyList<SourcePage>> _chapters;
    private readonly Dictionary<(string Lang, string Slug), IReadOnlyList<SourcePage>> _children;
    private readonly Dictionary<(string Lang, string Id), GlossaryEntry> _entries;
    private readonly Dictionary<SourcePage, PageComposition> _compositions;
    private readonly Dictionary<SourcePage, IReadOnlySet<string>> _composedAnchors = new(ReferenceEqualityComparer.Instance);

    /// <summary>What is known of each page (and glossary entry) without rendering it.</summary>
    private sealed record PageFacts(IReadOnlySet<string> Anchors, IReadOnlyList<PageSection> Sections, IReadOnlyList<TocEntry> Toc, int ChapterPosition, TermPlan Terms)
    {
        public IReadOnlyDictionary<ParagraphBlock, string> ParagraphIds { get; } =
            Sections.SelectMany(s => s.NumberedParagraphs).ToDictionary(p => p.Paragraph, p => p.Id, ReferenceEqualityComparer.Instance as IEqualityComparer<ParagraphBlock>);
    }

    public SiteIndex(
        SiteConfig config,
        IReadOnlyList<SourcePage> pages,
        IReadOnlyDictionary<string, IReadOnlyList<GlossaryEntry>> glossary,
        IReadOnlyDictionary<string, GlossaryLookup> lookups,
        IReadOnlyList<TerminologyPair> terminology,
        FileCatalog? files = null,
        IReadOnlySet<string>? unreadable = null)
    {
        Unreadable = unreadable ?? new HashSet<string>();
        Config = config;
        Files = files ?? FileCatalog.Empty;
        Pages = pages;
        Glossary = glossary;
        Lookups = lookups;
        Terminology = terminology;
        _byKey = pages.ToDictionary(p => p.Key, StringComparer.Ordinal);
        _entries = glossary.Values.SelectMany(g => g).ToDictionary(e => (e.Lang, e.Id));
        _chapters = config.Languages.ToDictionary(l => l.Code, l => (IReadOnlyList<SourcePage>)pages
            .Where(p => p.Lang == l.Code && p.Kind == PageKind.Chapter)
            .OrderBy(p => p.Meta.Order).ThenBy(p => p.RelPath, StringComparer.Ordinal).ToList());
        _children = _chapters.Values.SelectMany(c => c).Where(c => c.Meta.Parent is not null)
            .GroupBy(c => (c.Lang, c.Meta.Parent!))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SourcePage>)g.ToList());

        var positions = _chapters.Values.SelectMany(list => list.Select((page, i) => (page, i))).ToDictionary(x => x.page, x => x.i, (IEqualityComparer<SourcePage>)ReferenceEqualityComparer.Instance);
        var all = pages.Concat(glossary.Values.SelectMany(g => g).Select(e => e.Source)).ToList();
        var facts = Parallelism.Map(all, page => new PageFacts(
            page.Ast.Descendants<HeadingBlock>().Select(h => h.TryGetAttributes()?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal),
            PageSections.Of(page),
            page.Ast.OfType<HeadingBlock>().Where(h => h.Level == 2 && h.TryGetAttributes()?.Id is not null)
                .Select(h => new TocEntry(h.TryGetAttributes()!.Id!, MarkdownText.Of(h.Inline))).ToList(),
            positions.GetValueOrDefault(page, -1),
            PlanTerms(page)));
        // Keyed by reference: a record's own equality would compare (and hash) whole files on every look-up.
        _facts = new Dictionary<SourcePage, PageFacts>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            _facts[all[i]] = facts[i];
        }

        // Chinese first: a translation shows the source's sections its translation has not caught up with.
        _compositions = new Dictionary<SourcePage, PageComposition>(ReferenceEqualityComparer.Instance);
        if (config.Sections == TranslationPolicy.Fallback)
        {
            // Each translation compared with its source on every core; the dictionaries filled after, in order.
            var translations = pages.Where(p => p.Lang != config.Default.Code && p.FallbackFrom is null).ToList();
            var composed = Parallelism.Map(translations, page => Page(config.Default.Code, page.RelPath) is { FallbackFrom: null } source
                && PageComposition.Of(page, _facts[page].Sections, source, _facts[source].Sections) is { } composition
                    ? (composition, composition.Anchors())
                    : default((PageComposition Composition, IReadOnlySet<string> Anchors)?));
            for (var i = 0; i < translations.Count; i++)
            {
                if (composed[i] is ({ } composition, { } anchors))
                {
                    _compositions[translations[i]] = composition;
                    _composedAnchors[translations[i]] = anchors;
                }
            }
        }

        LinkablePaths = pages.Where(p => p.FallbackFrom is null).Select(p => p.Key)
            .Concat(glossary.Values.SelectMany(g => g).Select(e => $"{e.Lang}/glossary/{e.Id}.md"))
            .Order(StringComparer.Ordinal).ToList();
    }

    public SiteConfig Config { get; }

    /// <summary>
    /// "lang/path.md" of every Markdown file that exists but did not load (its error is reported). Checks
    /// ask it before reporting what only the file's absence would cause: a missing pair, a broken link, an unused term.
    /// </summary>
    public IReadOnlySet<string> Unreadable { get; }

    /// <summary>True when a page (not a glossary entry) of the language did not load: what its text uses is unknown.</summary>
    public bool HasUnreadablePages(string lang) =>
        Unreadable.Any(k => k.StartsWith(lang + "/", StringComparison.Ordinal) && !k.StartsWith(lang + "/glossary/", StringComparison.Ordinal));

    /// <summary>True when a glossary entry of the language did not load: which terms exist is unknown.</summary>
    public bool HasUnreadableEntries(string lang) => Unreadable.Any(k => k.StartsWith(lang + "/glossary/", StringComparison.Ordinal));

    /// <summary>Home, chapters and plain pages of every language (fallback pages included), not glossary entries.</summary>
    public IReadOnlyList<SourcePage> Pages { get; }

    /// <summary>Entries per language, in the report's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GlossaryEntry>> Glossary { get; }

    public IReadOnlyDictionary<string, GlossaryLookup> Lookups { get; }

    public IReadOnlyList<TerminologyPair> Terminology { get; }

    /// <summary>The files of input/files/ that pages link to and show.</summary>
    public FileCatalog Files { get; }

    /// <summary>Every "lang/path.md" a link may name, in every language (for did-you-mean hints).</summary>
    public IReadOnlyList<string> LinkablePaths { get; }

    public SourcePage? Page(string lang, string relPath) => _byKey.GetValueOrDefault($"{lang}/{relPath}");

    public SourcePage? Home(string lang) => Page(lang, "index.md");

    /// <summary>A language's chapters in report order.</summary>
    public IReadOnlyList<SourcePage> Chapters(string lang) => _chapters.GetValueOrDefault(lang) ?? [];

    /// <summary>The chapter's place in <see cref="Chapters"/>, or -1 for a page that is not a chapter.</summary>
    public int ChapterPosition(SourcePage page) => _facts[page].ChapterPosition;

    /// <summary>The chapters whose parent is the chapter with this slug.</summary>
    public IReadOnlyList<SourcePage> Children(string lang, string slug) => _children.GetValueOrDefault((lang, slug)) ?? [];

    public GlossaryEntry? Entry(string lang, string id) => _entries.GetValueOrDefault((lang, id));

    /// <summary>The heading ids of the page as shown (see <see cref="Composition"/>).</summary>
    public IReadOnlySet<string> Anchors(SourcePage page) => _composedAnchors.GetValueOrDefault(page) ?? _facts[page].Anchors;

    /// <summary>The page's own sections, from its own file (see <see cref="Shown"/> for what a reader sees).</summary>
    public IReadOnlyList<PageSection> Sections(SourcePage page) => _facts[page].Sections;

    /// <summary>
    /// How a translation is shown while its source is ahead of it, or null when it is shown as it is.
    /// Rendering, layout and search all read it, so the page, the full report and the search index agree.
    /// </summary>
    public PageComposition? Composition(SourcePage page) => _compositions.GetValueOrDefault(page);

    /// <summary>The sections a reader sees on the page, each with the page whose tree it is written from.</summary>
    public IReadOnlyList<ShownSection> Shown(SourcePage page) =>
        Composition(page)?.Sections ?? Sections(page).Select(s => new ShownSection(s, page, false)).ToList();

    /// <summary>The glossary terms linked on the page as shown: its own sections' and those of the source sections it shows.</summary>
    public IReadOnlyList<TermUse> ShownTermUses(SourcePage page)
    {
        if (Composition(page) is not { } composition)
        {
            return Terms(page).Uses;
        }

        return composition.Sections
            .SelectMany(s => Terms(s.From).Uses.Where(u => (u.SectionId ?? PageSections.TopId) == s.Section.Id))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// The glossary terms a page links, and where. A fallback page shows the other language's text, so its
    /// terms are that language's; a definition links only its explicit [[term]] references.
    /// </summary>
    public TermPlan Terms(SourcePage page) => _facts[page].Terms;

    private TermPlan PlanTerms(SourcePage page) => Lookups.GetValueOrDefault(page.ContentLang) is not { } lookup ? TermPlan.Empty
        : page.Kind == PageKind.GlossaryEntry ? TermPlanner.Plan(page.Ast, lookup, Config.GlossaryLinking, page.Meta.Title, automatic: false)
        : TermPlanner.Plan(page.Ast, lookup, Config.GlossaryLinking, page.Meta.Title);

    /// <summary>The id of each paragraph of text, shared by both languages (see <see cref="PageSection.NumberedParagraphs"/>).</summary>
    public IReadOnlyDictionary<ParagraphBlock, string> ParagraphIds(SourcePage page) => _facts[page].ParagraphIds;

    /// <summary>The page's sections for its contents: every h2 with an id, as shown (a pending section in its own language).</summary>
    public IReadOnlyList<TocEntry> Toc(SourcePage page)
    {
        if (Composition(page) is not { } composition)
        {
            return _facts[page].Toc;
        }

        var sourceLang = Language(composition.Source.Lang).HtmlLang;
        return composition.Sections
            .Where(s => s.Section.Blocks.FirstOrDefault() is HeadingBlock { Level: 2 } h && h.TryGetAttributes()?.Id is not null)
            .Select(s => new TocEntry(s.Section.Id, s.Section.Title, s.Pending ? sourceLang : null))
            .ToList();
    }

    public LanguageConfig Language(string code) => Config.Language(code)!;

    public string OutputPath(SourcePage page) => OutputPath(page.Lang, page.Kind == PageKind.Home ? "index.html" : page.Meta.Slug + ".html");

    public string OutputPath(string lang, string file) => Language(lang).Prefix + file;

    /// <summary>The same page in another language (pages pair by their path under input/&lt;lang&gt;/).</summary>
    public SourcePage? Pair(SourcePage page, string lang) => Page(lang, page.RelPath);

    /// <summary>
    /// Editors link to pages by their source file, relative to the file they are editing:
    /// <c>[…](review-2022.md#economy)</c>, <c>[…](glossary/tod.md)</c>, <c>[…](../en/review-2022.md)</c>.
    /// One reading for the content checks (which report a broken one) and the renderers (which write the
    /// output URL).
    /// </summary>
    public SourceLink ResolveLink(SourcePage from, string url)
    {
        switch (Urls.Scheme(url.Trim()))
        {
            // A link that runs code or carries a whole document is never content (and the strict CSP would block it anyway).
            case "javascript" or "vbscript" or "data":
                return new SourceLink.Broken(DiagnosticIds.LinkTargetMissing,
                    $"a \"{Urls.Scheme(url.Trim())}:\" link runs code or embeds a document instead of leading somewhere; link to a page or an https:// address");
            case "file":
                return new SourceLink.Broken(DiagnosticIds.LinkTargetMissing,
                    "a \"file:\" link points at a file on this computer, which readers do not have; link to a page of the site or an https:// address");
        }

        if (string.IsNullOrEmpty(url) || Urls.IsExternal(url))
        {
            return new SourceLink.Other();
        }

        if (url.StartsWith('/'))
        {
            return new SourceLink.Broken(DiagnosticIds.LinkTargetMissing,
                $"\"{url}\" starts at the web host's root, which changes with where the site is published; write the path relative to this file, like \"{url.TrimStart('/')}\" or \"../{url.TrimStart('/')}\"");
        }

        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        if (path.Length == 0)
        {
            // A definition lives on the glossary page: its own anchors are the entries.
            var own = from.Kind == PageKind.GlossaryEntry
                ? (IReadOnlySet<string>)Glossary.GetValueOrDefault(from.Lang, []).Select(e => e.Id).ToHashSet(StringComparer.Ordinal)
                : Anchors(from);
            return fragment is null || own.Contains(fragment)
                ? new SourceLink.OwnAnchor(fragment ?? "")
                : new SourceLink.Broken(DiagnosticIds.LinkAnchorMissing, $"no heading with id \"{fragment}\" on this page{DidYouMean.Hint(fragment, own)}");
        }

        var here = $"{from.Lang}/{from.RelPath}";
        if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            // A file (an image, a PDF…) lives in input/files/; a page of the site itself (x.html) is left to the output checks.
            var extension = Path.GetExtension(path);
            return extension.Length == 0 || extension.Equals(".html", StringComparison.OrdinalIgnoreCase) ? new SourceLink.Other()
                : Files.Resolve(here, url) is { } file ? new SourceLink.ToFile(file, fragment)
                : new SourceLink.Broken(DiagnosticIds.FileMissing, Files.MissingMessage(here, url));
        }

        var (key, _) = Urls.Resolve(here[..(here.LastIndexOf('/') + 1)], Uri.UnescapeDataString(path));
        if (key is not null && Unreadable.Contains(key))
        {
            return new SourceLink.Other(); // the page exists but did not load: its own error says why, and nothing is built
        }

        if (key is not null && key != "../" && _byKey.TryGetValue(key, out var page))
        {
            return fragment is null || Anchors(page).Contains(fragment)
                ? new SourceLink.ToPage(OutputPath(page), fragment, page, null)
                : new SourceLink.Broken(DiagnosticIds.LinkAnchorMissing, $"\"{path}\" has no heading with id \"{fragment}\"{DidYouMean.Hint(fragment, Anchors(page))}");
        }

        var lang = key?.Split('/')[0] ?? "";
        if (key is not null && key.StartsWith(lang + "/glossary/", StringComparison.Ordinal) && Entry(lang, Path.GetFileNameWithoutExtension(key)) is { } entry)
        {
            return fragment is null
                ? new SourceLink.ToPage(OutputPath(lang, GlossaryFile), entry.Id, null, entry.Id)
                : new SourceLink.Broken(DiagnosticIds.LinkAnchorMissing, $"\"{path}\" has no heading with id \"{fragment}\"");
        }

        // The hint is written the way the editor writes links: relative to this file.
        var hint = DidYouMean.Suggest(key ?? path, LinkablePaths) is { } known ? $" (did you mean \"{Urls.Relative(here, known)}\"?)" : "";
        return new SourceLink.Broken(DiagnosticIds.LinkTargetMissing, $"link to a page that does not exist: \"{path}\"{hint}");
    }
}

/// <summary>
/// One line of input/terminology.yml: a name and its fixed rendering in each language. Where the
/// default language's form occurs in a section, the paired section must contain the other forms.
/// </summary>
internal sealed record TerminologyPair(IReadOnlyDictionary<string, IReadOnlyList<string>> Forms, int Line);
