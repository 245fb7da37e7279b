using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Themes;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Rendering;

/// <summary>A page's own HTML (no layout yet) and the glossary terms it links.</summary>
/// <param name="ReportHtml">The page as a part of the full report (chapters and the home page only).</param>
internal sealed record RenderedPage(SourcePage Page, string OutputPath, string BodyHtml, string? ReportHtml = null);

/// <summary>Every page's own HTML, and every glossary definition's.</summary>
internal sealed class RenderedSite
{
    private readonly Dictionary<SourcePage, RenderedPage> _byPage;
    private readonly Dictionary<(string Lang, string Id), string> _definitions;

    public RenderedSite(IReadOnlyList<RenderedPage> pages, IReadOnlyDictionary<(string Lang, string Id), string> definitions)
    {
        Pages = pages;
        _byPage = pages.ToDictionary(p => p.Page, ReferenceEqualityComparer.Instance as IEqualityComparer<SourcePage>);
        _definitions = definitions.ToDictionary(d => d.Key, d => d.Value);
    }

    public IReadOnlyList<RenderedPage> Pages { get; }

    public string Definition(GlossaryEntry entry) => _definitions[(entry.Lang, entry.Id)];

    public RenderedPage Of(SourcePage page) => _byPage[page];

    /// <summary>The page as written into the full report.</summary>
    public string ReportPart(SourcePage page) => _byPage[page].ReportHtml ?? "";
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
    /// build stops before layout); without it the failure is thrown.
    /// </param>
    public static RenderedSite Render(SiteIndex index, Theme theme, DiagnosticBag? diagnostics = null)
    {
        var pages = Parallelism.Map(index.Pages, page => Guard(index, page, diagnostics, () => Render(index, theme, page), new RenderedPage(page, index.OutputPath(page), "", "")));
        var entries = index.Glossary.Values.SelectMany(g => g).ToList();
        var definitions = Parallelism.Map(entries, entry => Guard(index, entry.Source, diagnostics, () => RenderDefinition(index, entry), ""));
        return new RenderedSite(pages, entries.Select((e, i) => (e, i)).ToDictionary(x => (x.e.Lang, x.e.Id), x => definitions[x.i]));
    }

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

    /// <summary>One page, as its own page and, for the home page and chapters, as a part of the full report.</summary>
    public static RenderedPage Render(SiteIndex index, Theme theme, SourcePage page)
    {
        var strings = theme.Strings(page.Lang);
        var own = RenderPage(index, strings, page);
        return page.Kind is PageKind.Home or PageKind.Chapter
            ? own with { ReportHtml = RenderInReport(index, page, index.OutputPath(page.Lang, SiteIndex.FullReportFile), strings) }
            : own;
    }

    /// <summary>One page as its own page: links relative to it, terms linked with their definitions in place.</summary>
    public static RenderedPage RenderPage(SiteIndex index, UiStrings strings, SourcePage page)
    {
        var outputPath = index.OutputPath(page);
        var glossaryHref = Urls.Relative(outputPath, index.OutputPath(page.Lang, SiteIndex.GlossaryFile));
        var context = new RenderContext
        {
            ResolveUrl = url => PageHref(index, page, outputPath, url),
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
        var sourceContext = context.WithTerms(index.Terms(source));
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
    public static string RenderInReport(SiteIndex index, SourcePage page, string reportPath, UiStrings? strings = null)
    {
        var slug = ReportSlug(page);
        var context = new RenderContext
        {
            Options = new RenderOptions($"{slug}--", HeadingOffset: 1, TermStyle.Plain),
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

    private static string? PageHref(SiteIndex index, SourcePage page, string from, string url) => Href(from, index.ResolveLink(page, url));

    /// <summary>The URL written for a resolved link, relative to the page at <paramref name="from"/>; null leaves it as written.</summary>
    private static string? Href(string from, SourceLink link) => link is SourceLink.ToPage target
        ? Urls.Relative(from, target.OutputPath) + (target.Fragment is null ? "" : "#" + Uri.EscapeDataString(target.Fragment))
        : null;
}
