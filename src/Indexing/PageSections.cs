using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Content;
using Microsite.Core;
using Microsite.Markdown;
using Microsite.Markdown.Tables;

namespace Microsite.Indexing;

/// <summary>A section of a page: what comes before the first h2 ("top") or one h2 and what follows it.</summary>
/// <param name="Text">Its plain text (paragraphs and headings), for terminology and typography checks.</param>
/// <param name="Blocks">Its blocks in order, the heading first (none for "top").</param>
internal sealed record PageSection(string Id, string Title, int Line, string Text, int Paragraphs, IReadOnlyList<Block> Blocks)
{
    /// <summary>The page the section is part of.</summary>
    public required SourcePage Page { get; init; }

    /// <summary>Where each of the section's blocks is in the page's text (footnotes included).</summary>
    public required IReadOnlyList<SourceSpan> Spans { get; init; }

    /// <summary>
    /// The section's source text, for translation hashes: cut from the page's text when asked (a new string
    /// each time), not kept beside it (at 10,000 pages a second copy of all the Markdown, 70 MB, lived as long
    /// as the index).
    /// </summary>
    public string Markdown() => string.Join("\n\n", Spans.Select(s => Page.TextAt(s).Trim()));

    /// <summary>
    /// The section's paragraphs of text (not a table's label), each with its id: the section's id and its
    /// place, "planning-3". Both languages number a section's paragraphs alike, so a paragraph has the same
    /// id in both; editing a paragraph keeps every id, adding or removing one renumbers those after it.
    /// </summary>
    public IReadOnlyList<(ParagraphBlock Paragraph, string Id)> NumberedParagraphs =>
        Blocks.OfType<ParagraphBlock>().Where(p => !TableCaptions.IsCaption(p)).Select((p, i) => (p, $"{Id}-{i + 1}")).ToList();
}

internal static class PageSections
{
    public const string TopId = "top";

    public static IReadOnlyList<PageSection> Of(SourcePage page)
    {
        var sections = new List<PageSection>();
        var (id, title, line) = (TopId, page.Meta.Title, 1);
        var blocks = new List<Block>();

        foreach (var block in page.Ast)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                Flush();
                (id, title, line) = (heading.TryGetAttributes()?.Id ?? "", MarkdownText.Of(heading.Inline), heading.Line + 1);
            }

            blocks.Add(block);
        }

        Flush();
        return sections;

        void Flush()
        {
            if (blocks.Count == 0 && id == TopId)
            {
                return;
            }

            // The leaves' text, a line each, in one builder (a string for each leaf first was a tenth of
            // the index's allocation).
            var text = ThreadBuilder.Take();
            var first = true;
            foreach (var leaf in blocks.SelectMany(b => b is LeafBlock l ? [l] : ((ContainerBlock)b).Descendants<LeafBlock>()))
            {
                if (!first)
                {
                    text.Append('\n');
                }

                first = false;
                MarkdownText.AppendTo(text, leaf.Inline);
            }

            sections.Add(new PageSection(id, title, line, ThreadBuilder.Return(text), blocks.Count(b => b is ParagraphBlock), blocks.Where(b => b is not FootnoteGroup).ToList())
            {
                Page = page,
                Spans = blocks.Select(b => b.Span).ToArray(),
            });
            blocks.Clear();
        }
    }
}
