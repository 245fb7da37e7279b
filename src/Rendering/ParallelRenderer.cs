using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;
using Microsite.Themes;

namespace Microsite.Rendering;

/// <summary>One row of a side-by-side page: a block of each language (null where one language has fewer).</summary>
internal sealed record ParallelRow(string? First, string? Second);

/// <summary>A section of a side-by-side page: its id, its title in each language, and its blocks in rows.</summary>
internal sealed record ParallelSection(string Id, string? FirstTitle, string? SecondTitle, IReadOnlyList<ParallelRow> Rows);

/// <summary>
/// A chapter and its translation side by side, for translators, reviewers and bilingual readers: aligned
/// section by section (by the ids both languages share) and block by block within a section (the first
/// paragraph with the first, …). Rendered from the same unchanged trees as the chapter pages, with ids
/// prefixed by language ("zh-planning-3"), so both columns live on one page.
/// </summary>
internal static class ParallelRenderer
{
    /// <summary>The side-by-side page of a chapter: "review-2022.parallel.html", beside the default language's chapter.</summary>
    public static string OutputPath(SiteIndex index, SourcePage chapter) => index.OutputPath(index.Config.Default.Code, chapter.Meta.Slug + ".parallel.html");

    public static IReadOnlyList<ParallelSection> Render(SiteIndex index, Theme theme, SourcePage first, SourcePage second, string outputPath)
    {
        var ours = index.Sections(first);
        var theirs = index.Sections(second).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var ids = ours.Select(s => s.Id).Concat(index.Sections(second).Select(s => s.Id)).Distinct(StringComparer.Ordinal);
        var mine = ours.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sections = ids.Select(id =>
        {
            var a = mine.GetValueOrDefault(id);
            var b = theirs.GetValueOrDefault(id);
            var left = Blocks(a).Select(block => Render(index, theme, first, block, outputPath)).ToList();
            var right = Blocks(b).Select(block => Render(index, theme, second, block, outputPath)).ToList();
            var rows = Enumerable.Range(0, Math.Max(left.Count, right.Count))
                .Select(i => new ParallelRow(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null))
                .ToList();
            return new ParallelSection(id, a is { Id: not PageSections.TopId } ? a.Title : null, b is { Id: not PageSections.TopId } ? b.Title : null, rows);
        }).ToList();

        // Footnotes are the page's, not a section's: each language's notes close the page, beside each other,
        // so the note references in both columns lead somewhere. No section id: an editor's section could take any.
        var notes = new[] { first, second }.Select(page => page.Ast.OfType<FootnoteGroup>().FirstOrDefault() is { } group
            ? Render(index, theme, page, group, outputPath) : null).ToList();
        if (notes.Any(n => n is not null))
        {
            sections.Add(new ParallelSection("", null, null, [new ParallelRow(notes[0], notes[1])]));
        }

        return sections;
    }

    /// <summary>A section's blocks after its heading.</summary>
    private static IEnumerable<Block> Blocks(PageSection? section) =>
        section?.Blocks.Where(b => b is not HeadingBlock { Level: <= 2 }) ?? [];

    private static string Render(SiteIndex index, Theme theme, SourcePage page, Block block, string outputPath)
    {
        var glossary = Urls.Relative(outputPath, index.OutputPath(page.Lang, SiteIndex.GlossaryFile));
        var context = new RenderContext
        {
            // Term links lead to the entry (no popovers: two languages' definitions on one page would share ids).
            Options = new RenderOptions($"{page.Lang}-", Terms: TermStyle.Link),
            ResolveUrl = url => PageRenderer.Href(index, page, outputPath, url),
            Image = (url, alt, title) => PageRenderer.Image(index, page, outputPath, url, alt, title),
            LinkNote = url => PageRenderer.LinkNote(index, page, url),
            ParagraphId = paragraph => index.ParagraphIds(page).GetValueOrDefault(paragraph),
            ParagraphLinkLabel = theme.Strings(page.Lang).ParagraphLink,
            Terms = index.Terms(page),
            TermLink = id => new TermLink($"{glossary}#{id}", ""),
        };
        return SiteHtmlRenderer.Render(block, context).Trim();
    }
}
