using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.Indexing;
using Microsite.Themes;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Rendering;

/// <summary>A page's own HTML (no layout yet), made once, or each time it is asked for (see <see cref="PageRenderer.Render"/>).</summary>
internal sealed record RenderedPage(SourcePage Page, string OutputPath, Func<string> Html)
{
    public RenderedPage(SourcePage page, string outputPath, string bodyHtml)
        : this(page, outputPath, () => bodyHtml)
    {
    }

    public string BodyHtml => Html();

    /// <summary>The same page at the same place with the same HTML, however it is made.</summary>
    public bool Equals(RenderedPage? other) =>
        other is not null && EqualityComparer<SourcePage>.Default.Equals(Page, other.Page) && OutputPath == other.OutputPath && BodyHtml == other.BodyHtml;

    // Without the HTML, which an on-demand page would make for it; equal pages still hash alike.
    public override int GetHashCode() => HashCode.Combine(Page, OutputPath);
}

/// <summary>Every page's own HTML, and every glossary definition's.</summary>
internal sealed class RenderedSite
{
    private readonly Dictionary<SourcePage, RenderedPage> _byPage;
    private readonly Dictionary<(string Lang, string Id), string> _definitions;
    private readonly Func<bool> _failed;

    public RenderedSite(IReadOnlyList<RenderedPage> pages, IReadOnlyDictionary<(string Lang, string Id), string> definitions, Func<bool>? failed = null)
    {
        _failed = failed ?? (() => false);
        Pages = pages;
        _byPage = pages.ToDictionary(p => p.Page, ReferenceEqualityComparer.Instance as IEqualityComparer<SourcePage>);
        _definitions = definitions.ToDictionary(d => d.Key, d => d.Value);
    }

    public IReadOnlyList<RenderedPage> Pages { get; }

    public string Definition(GlossaryEntry entry) => _definitions[(entry.Lang, entry.Id)];

    public RenderedPage Of(SourcePage page) => _byPage[page];

    /// <summary>Whether a page rendered on demand (by layout) failed; it was reported at its file.</summary>
    public bool AnyFailed => _failed();
}

/// <summary>
/// Stage 4: writes each page's Markdown as HTML. A page's HTML is a function of the page and the site
/// index only (the parsed tree is never changed), so pages render in parallel, and one changed page can
/// be rendered again alone.
/// </summary>
internal static class PageRenderer
{
    /// <param name="diagnostics">
    /// Where a page that fails to render is reported, at its file (the page is then left empty, and the
    /// build stops before layout, or, on demand, after layout and before the checks); without it the failure is thrown.
    /// </param>
    /// <param name="pageMemo">Pages of an earlier build, reused when neither the page nor what it depends on changed (the preview server).</param>
    /// <param name="onDemand">
    /// Each page's HTML is made when it is asked for, where layout asks for it, and not kept (a build that lays
    /// out each page once). Made here, every page's HTML lived until the last page was laid out: at 10,000
    /// pages 190 MB of strings, copied by the collector into its older generations and growing the heap.
    /// A page that fails is reported at its file when it is asked for, and <see cref="RenderedSite.AnyFailed"/> says so.
    /// </param>
    public static RenderedSite Render(SiteIndex index, Theme theme, DiagnosticBag? diagnostics = null, Memo<RenderedPage>? pageMemo = null, Memo<string>? definitionMemo = null,
        bool onDemand = false)
    {
        var site = pageMemo is null && definitionMemo is null ? "" : SiteDigest(index, theme);
        var entries = index.Glossary.Values.SelectMany(g => g).ToList();
        var definitions = Parallelism.Map(entries, entry => Guard(index, entry.Source, diagnostics,
            () => definitionMemo is null ? RenderDefinition(index, entry) : definitionMemo.Get(MemoKey(index, entry.Source, site), () => RenderDefinition(index, entry)),
            ""));
        var byEntry = entries.Select((e, i) => (e, i)).ToDictionary(x => (x.e.Lang, x.e.Id), x => definitions[x.i]);
        if (onDemand && pageMemo is null)
        {
            var failed = false;
            var later = index.Pages.Select(page => new RenderedPage(page, index.OutputPath(page), () =>
            {
                var html = Guard(index, page, diagnostics, () => (string?)Render(index, theme, page).BodyHtml, null);
                if (html is null)
                {
                    Volatile.Write(ref failed, true);
                }

                return html ?? "";
            })).ToList();
            return new RenderedSite(later, byEntry, () => Volatile.Read(ref failed));
        }

        // A remembered page is the same HTML, but belongs to this build's page object (the index knows only those).
        // A page that fails is not remembered (the memo keeps only what its function returned), so it is reported again.
        var pages = Parallelism.Map(index.Pages, page => Guard(index, page, diagnostics,
            () => pageMemo is null ? Render(index, theme, page) : pageMemo.Get(MemoKey(index, page, site), () => Render(index, theme, page)) with { Page = page },
            new RenderedPage(page, index.OutputPath(page), "")));
        return new RenderedSite(pages, byEntry);
    }

    /// <summary>
    /// What a rendered page is remembered by: the page itself, the source a translation behind it shows
    /// sections of, and everything of the site its HTML depends on.
    /// </summary>
    public static string MemoKey(SiteIndex index, SourcePage page, string siteDigest)
    {
        var shown = index.Composition(page) is { } c
            ? $"{c.Source.Hash}|{c.WholeSource}|{string.Join(",", c.Sections.Select(s => s.Pending ? "+" + s.Section.Id : s.Section.Id))}"
            : "";
        return $"{page.Key}|{page.FallbackFrom}|{page.Hash}|{shown}|{siteDigest}";
    }

    /// <summary>
    /// Everything about the site that a page's HTML depends on besides the page itself: where links lead
    /// (every page, its slug and headings), which terms are linked (every entry's names), and the labels
    /// the renderer writes (a term's button, a paragraph's link, the pending-translation notice). A page
    /// whose own text and this are unchanged renders the same.
    /// </summary>
    public static string SiteDigest(SiteIndex index, Theme theme) => Digest.Of(
        index.Config.Languages.Select(l => $"{l.Code}:{l.Prefix}:{theme.Strings(l.Code).TermButton}:{theme.Strings(l.Code).ParagraphLink}:{theme.Strings(l.Code).TranslationPending}")
            .Append(index.Config.GlossaryLinking.ToString())
            .Concat(index.Pages.Select(p => $"{p.Key}|{p.Kind}|{p.Meta.Slug}|{p.FallbackFrom}|{string.Join(",", index.Anchors(p).Order(StringComparer.Ordinal))}"))
            .Concat(index.Files.Entries.Select(f => $"{f.SitePath}|{f.Hash}"))
            .Concat(index.Glossary.Values.SelectMany(g => g).Select(e => $"{e.Lang}/{e.Id}|{e.Meta.Term}|{string.Join(",", e.Meta.Aliases)}")));

    /// <summary>
    /// Whatever a renderer throws on a page is that page's problem, reported at its file, never the build's:
    /// the content that made it fail is the editor's to change.
    /// </summary>
    private static T Guard<T>(SiteIndex index, SourcePage page, DiagnosticBag? diagnostics, Func<T> render, T failed)
    {
        if (diagnostics is null)
        {
            return render();
        }

        try
        {
            return render();
        }
#pragma warning disable CA1031 // a failure of one page is reported at its file
        catch (Exception e)
#pragma warning restore CA1031
        {
            // A translation shown with source sections fails on what those sections hold: blame the deeper text.
            var blamed = index.Composition(page) is { } composition
                && MarkdownNesting.Deepest(composition.Source.Text).Depth > MarkdownNesting.Deepest(page.Text).Depth ? composition.Source : page;
            var (line, _) = MarkdownNesting.Deepest(blamed.Text);
            diagnostics.Error(DiagnosticIds.MarkdownUnreadable, blamed.DisplayPath, line, 1,
                $"this page could not be written as HTML ({e.Message.Split(". ")[0].TrimEnd('.')}); simplify its Markdown (the deepest nesting is here)");
            return failed;
        }
    }

    /// <summary>One page as its own page.</summary>
    public static RenderedPage Render(SiteIndex index, Theme theme, SourcePage page) => RenderPage(index, theme.Strings(page.Lang), page);

    /// <summary>
    /// The home page or a chapter as a part of the full report (<see cref="RenderInReport"/>). Made where the
    /// full report is laid out, not kept with the rendered pages: at 10,000 pages the parts were 90 MB of
    /// strings that lived until the whole site was laid out, for a page laid out first.
    /// </summary>
    /// <param name="diagnostics">Where a part that fails is reported, at its file (the part is then empty); without it the failure is thrown.</param>
    /// <param name="memo">Parts of an earlier build, reused when neither the page nor what it depends on changed (the preview server).</param>
    /// <param name="siteDigest">What of the site the part depends on (<see cref="SiteDigest"/>), with a memo.</param>
    public static string ReportPart(SiteIndex index, Theme theme, SourcePage page, DiagnosticBag? diagnostics, Memo<string>? memo = null, string siteDigest = "")
    {
        string Part() => RenderInReport(index, theme.Strings(page.Lang), page, index.OutputPath(page.Lang, SiteIndex.FullReportFile));
        return Guard(index, page, diagnostics, () => memo is null ? Part() : memo.Get(MemoKey(index, page, siteDigest), Part), "");
    }

    /// <summary>One page as its own page: links relative to it, terms linked with their definitions in place.</summary>
    public static RenderedPage RenderPage(SiteIndex index, UiStrings strings, SourcePage page)
    {
        var outputPath = index.OutputPath(page);
        var glossaryHref = Urls.Relative(outputPath, index.OutputPath(page.Lang, SiteIndex.GlossaryFile));
        var context = new RenderContext
        {
            ResolveUrl = url => PageHref(index, page, outputPath, url),
            Image = (url, alt, title) => Image(index, page, outputPath, url, alt, title),
            LinkNote = url => LinkNote(index, page, url),
            ParagraphId = paragraph => index.ParagraphIds(page).GetValueOrDefault(paragraph),
            ParagraphLinkLabel = strings.ParagraphLink,
            Terms = index.Terms(page),
            TermLink = id => new TermLink($"{glossaryHref}#{id}", strings.TermButton + index.Lookups[page.ContentLang].TermById[id]),
        };
        return new RenderedPage(page, outputPath, Write(index, page, context, strings));
    }

    /// <summary>
    /// The page's tree as HTML; a translation behind its source (see <see cref="SiteIndex.Composition"/>)
    /// section by section, each from its own tree: the source's sections under a notice, in their language.
    /// </summary>
    private static string Write(SiteIndex index, SourcePage page, RenderContext context, UiStrings? strings)
    {
        if (index.Composition(page) is not { } composition)
        {
            return SiteHtmlRenderer.Render(page.Ast, context);
        }

        var source = composition.Source;
        // The source's sections are written from the source's tree: its terms, and its paragraphs' ids
        // (a section shown in the source language keeps the ids it has there).
        var sourceContext = context with
        {
            Terms = index.Terms(source),
            ParagraphId = paragraph => context.ParagraphId(paragraph) ?? index.ParagraphIds(source).GetValueOrDefault(paragraph),
        };
        if (composition.WholeSource)
        {
            return Pending(SiteHtmlRenderer.Render(source.Ast, sourceContext), "");
        }

        var html = new System.Text.StringBuilder();
        foreach (var shown in composition.Sections)
        {
            if (!shown.Pending)
            {
                html.Append(SiteHtmlRenderer.Render(shown.Section.Blocks, context));
                continue;
            }

            // The heading opens the section, so the notice follows it: it belongs to this section, not the one before.
            var blocks = shown.Section.Blocks;
            var heading = blocks.Count > 0 && blocks[0] is Markdig.Syntax.HeadingBlock ? 1 : 0;
            html.Append(Pending(SiteHtmlRenderer.Render(blocks.Skip(heading), sourceContext), SiteHtmlRenderer.Render(blocks.Take(heading), sourceContext)));
        }

        return html.ToString();

        string Pending(string body, string heading)
        {
            var notice = System.Net.WebUtility.HtmlEncode(strings?.TranslationPending ?? "");
            return $"<div class=\"translation-pending\" lang=\"{index.Language(source.Lang).HtmlLang}\">\n{heading}"
                + $"<p class=\"translation-pending-notice\" lang=\"{index.Language(page.Lang).HtmlLang}\">{notice}</p>\n{body}</div>\n";
        }
    }

    /// <summary>
    /// A definition is shown on the glossary page and in popovers on every page of its language, all at
    /// the same folder depth, so its links are written relative to the glossary page. Terms inside a
    /// definition are not linked automatically (a popover inside a popover helps nobody); [[term]] is, as a plain link.
    /// </summary>
    public static string RenderDefinition(SiteIndex index, GlossaryEntry entry)
    {
        var glossaryPage = index.OutputPath(entry.Lang, SiteIndex.GlossaryFile);
        var context = new RenderContext
        {
            Options = RenderOptions.Page with { Terms = TermStyle.Link },
            ResolveUrl = url => PageHref(index, entry.Source, glossaryPage, url),
            Image = (url, alt, title) => Image(index, entry.Source, glossaryPage, url, alt, title),
            LinkNote = url => LinkNote(index, entry.Source, url),
            Terms = index.Terms(entry.Source),
            TermLink = id => new TermLink($"{Urls.Relative(glossaryPage, glossaryPage)}#{id}", ""),
        };
        return SiteHtmlRenderer.Render(entry.Source.Ast, context).Trim();
    }

    /// <summary>
    /// One page as a part of the printable full report: its ids prefixed with "{slug}--" (chapters share
    /// section ids), headings one level down under the chapter's own heading, terms as plain text (the
    /// glossary is at the end), and links between chapters as links within the report.
    /// </summary>
    public static string RenderInReport(SiteIndex index, UiStrings strings, SourcePage page, string reportPath)
    {
        var slug = ReportSlug(page);
        var context = new RenderContext
        {
            Options = new RenderOptions($"{slug}--", HeadingOffset: 1, TermStyle.Plain),
            Image = (url, alt, title) => Image(index, page, reportPath, url, alt, title),
            LinkNote = url => LinkNote(index, page, url),
            ParagraphId = paragraph => index.ParagraphIds(page).GetValueOrDefault(paragraph),
            ParagraphLinkLabel = strings.ParagraphLink,
            ResolveUrl = url => index.ResolveLink(page, url) switch
            {
                SourceLink.OwnAnchor own when own.Fragment.Length > 0 => $"#{slug}--{own.Fragment}",
                SourceLink.ToPage { Page: { } target, Fragment: var fragment } when InReport(target, page.Lang) =>
                    fragment is null ? "#" + ReportTitleId(target) : $"#{ReportSlug(target)}--{fragment}",
                var link => Href(reportPath, link),
            },
        };
        return Write(index, page, context, strings);
    }

    /// <summary>Links to these pages become links within the report (the home page is in it too, but is linked as a page).</summary>
    private static bool InReport(SourcePage target, string lang) => target.Kind == PageKind.Chapter && target.Lang == lang;

    /// <summary>The report's name for a page: its slug, "index" for the home page.</summary>
    public static string ReportSlug(SourcePage page) => page.Kind == PageKind.Home ? "index" : page.Meta.Slug;

    /// <summary>
    /// On the full report, a chapter's heading is "chapter-{slug}" and its sections "{slug}--{id}". Slugs
    /// never contain "--", so the two kinds can never collide, whatever ids editors choose.
    /// </summary>
    public static string ReportTitleId(SourcePage page) => "chapter-" + ReportSlug(page);

    /// <summary>The URL to write for a link of <paramref name="page"/> shown at <paramref name="from"/>; null leaves it as written.</summary>
    public static string? Href(SiteIndex index, SourcePage page, string from, string url) => Href(from, index.ResolveLink(page, url));

    private static string? PageHref(SiteIndex index, SourcePage page, string from, string url) => Href(index, page, from, url);

    /// <summary>The URL written for a resolved link, relative to the page at <paramref name="from"/>; null leaves it as written.</summary>
    private static string? Href(string from, SourceLink link) => link switch
    {
        SourceLink.ToPage target => Urls.Relative(from, target.OutputPath) + Fragment(target.Fragment),
        SourceLink.ToFile file => FileMarkup.Url(RootOf(from), file.Entry.SitePath) + Fragment(file.Fragment),
        _ => null,
    };

    private static string Fragment(string? fragment) => fragment is null ? "" : "#" + Uri.EscapeDataString(fragment);

    /// <summary>The way from a page to the site's root: "" for "x.html", "../" for "en/x.html".</summary>
    private static string RootOf(string from) => string.Concat(Enumerable.Repeat("../", from.Count(c => c == '/')));

    /// <summary>A published image with its pixel size (no layout shift), lazy loading and its smaller copies.</summary>
    public static string? Image(SiteIndex index, SourcePage page, string from, string url, string alt, string? title) =>
        index.ResolveLink(page, url) is SourceLink.ToFile { Entry.IsImage: true } file ? FileMarkup.Image(file.Entry, RootOf(from), alt, title) : null;

    /// <summary>A download says what it is and how big, in the page's language: "（PDF，2.3 MB）", " (PDF, 2.3 MB)".</summary>
    public static string? LinkNote(SiteIndex index, SourcePage page, string url)
    {
        if (index.ResolveLink(page, url) is not SourceLink.ToFile { Entry: { IsImage: false } entry })
        {
            return null;
        }

        var label = FileMarkup.DownloadLabel(entry, page.Lang);
        return page.Lang.StartsWith("zh", StringComparison.Ordinal) ? $"（{label}）" : $" ({label})";
    }
}
