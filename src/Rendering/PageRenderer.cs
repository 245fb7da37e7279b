using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Core;
using Microsite.Content;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;
using Microsite.Markdown.Links;
using Microsite.Markdown.Tables;

namespace Microsite.Rendering;

internal sealed record TocEntry(string Id, string Title);

/// <summary>A page's own HTML (no layout yet) and what the cross-page stages need to know about it.</summary>
internal sealed record RenderedPage(
    SourcePage Page,
    string OutputPath,
    string BodyHtml,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<TermUse> TermUses);

/// <summary>Every page's own HTML, and every glossary definition's, by "lang/id".</summary>
internal sealed record RenderedSite(IReadOnlyList<RenderedPage> Pages, IReadOnlyDictionary<string, string> Definitions)
{
    private readonly Dictionary<object, RenderedPage> _byPage = Pages.ToDictionary(p => (object)p.Page, ReferenceEqualityComparer.Instance);

    public string Definition(GlossaryEntry entry) => Definitions[$"{entry.Lang}/{entry.Id}"];

    public RenderedPage Of(SourcePage page) => _byPage[page];
}

/// <summary>
/// Stage 4: per page, independent of every other page once the index exists, so pages render in
/// parallel. Rewrites source links, links glossary terms, writes the Markdown as HTML.
/// </summary>
internal static class PageRenderer
{
    public static RenderedSite Render(SiteIndex index, Theme theme, DiagnosticBag diagnostics)
    {
        var results = new RenderedPage[index.Pages.Count];
        Parallel.For(0, index.Pages.Count, i => results[i] = RenderOne(index, theme, index.Pages[i], diagnostics));

        var entries = index.Glossary.Values.SelectMany(g => g).ToList();
        var definitions = new string[entries.Count];
        Parallel.For(0, entries.Count, i => definitions[i] = RenderDefinition(index, entries[i], diagnostics));
        return new RenderedSite(results, entries.Select((e, i) => (Key: $"{e.Lang}/{e.Id}", Html: definitions[i])).ToDictionary(x => x.Key, x => x.Html));
    }

    /// <summary>
    /// A definition is shown on the glossary page and in popovers on every page of its language, all at
    /// the same folder depth, so its links are written relative to the glossary page. Terms inside a
    /// definition are not linked automatically (a popover inside a popover helps nobody); [[term]] is.
    /// </summary>
    private static string RenderDefinition(SiteIndex index, GlossaryEntry entry, DiagnosticBag diagnostics)
    {
        var source = entry.Source;
        var glossaryPage = index.OutputPath(entry.Lang, SiteIndex.GlossaryFile);
        InternalLinkRewriter.Rewrite(source.Ast, source.Lang, source.RelPath, glossaryPage,
            index.Glossary[entry.Lang].Select(e => e.Id).ToHashSet(StringComparer.Ordinal),
            index.ResolveLink, index.LinkablePaths, source.DisplayPath, diagnostics);
        if (index.Lookups.TryGetValue(entry.Lang, out var lookup))
        {
            var href = Urls.Relative(glossaryPage, glossaryPage);
            GlossaryLinker.Link(source.Ast, lookup, index.Config.GlossaryLinking, id => $"{href}#{id}", term => term,
                source.DisplayPath, entry.Meta.Term, diagnostics, automatic: false);
        }

        return ToHtml(source.Ast).Trim();
    }

    private static RenderedPage RenderOne(SiteIndex index, Theme theme, SourcePage page, DiagnosticBag diagnostics)
    {
        var outputPath = index.OutputPath(page);
        // A fallback page repeats its original's findings; those are reported once, at the original.
        // Its term uses still give it popovers, but do not count as uses in its language (see GlossaryUsage).
        var bag = page.FallbackFrom is null ? diagnostics : new DiagnosticBag();

        InternalLinkRewriter.Rewrite(page.Ast, page.Lang, page.RelPath, outputPath, index.Anchors(page),
            index.ResolveLink, index.LinkablePaths, page.DisplayPath, bag);

        var uses = Array.Empty<TermUse>() as IReadOnlyList<TermUse>;
        if (index.Lookups.TryGetValue(page.ContentLang, out var lookup))
        {
            var glossaryPage = index.OutputPath(page.Lang, SiteIndex.GlossaryFile);
            var href = Urls.Relative(outputPath, glossaryPage);
            var label = theme.Text(page.Lang, "term_button");
            uses = GlossaryLinker.Link(page.Ast, lookup, index.Config.GlossaryLinking,
                id => $"{href}#{id}", term => $"{label}{term}", page.DisplayPath, page.Meta.Title, bag);
        }

        TableAccessibility.Apply(page.Ast);

        var toc = page.Ast.OfType<HeadingBlock>()
            .Where(h => h.Level == 2 && h.GetAttributes().Id is not null)
            .Select(h => new TocEntry(h.GetAttributes().Id!, GlossaryLinker.InlineText(h.Inline)))
            .ToList();

        return new RenderedPage(page, outputPath, ToHtml(page.Ast), toc, uses);
    }

    public static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        MarkdownPipelines.Content.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }
}
