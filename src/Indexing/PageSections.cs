using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Content;
using Microsite.Markdown;

namespace Microsite.Indexing;

/// <summary>A section of a page: what comes before the first h2 ("top") or one h2 and what follows it.</summary>
/// <param name="Markdown">The section's source text, for translation hashes.</param>
/// <param name="Text">Its plain text (paragraphs and headings), for terminology and typography checks.</param>
internal sealed record PageSection(string Id, string Title, int Line, string Markdown, string Text, int Paragraphs)
{
    /// <summary>The section's top-level blocks (its heading first), to render it alone; footnotes are the page's, not a section's.</summary>
    public IReadOnlyList<Block> Blocks { get; init; } = [];
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
                (id, title, line) = (heading.GetAttributes().Id ?? "", MarkdownText.Of(heading.Inline), heading.Line + 1);
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

            var markdown = string.Join("\n\n", blocks.Select(b => page.TextAt(b.Span).Trim()));
            var text = string.Join("\n", blocks.SelectMany(b => b is LeafBlock l ? [l] : ((ContainerBlock)b).Descendants<LeafBlock>())
                .Select(l => MarkdownText.Of(l.Inline)));
            sections.Add(new PageSection(id, title, line, markdown, text, blocks.Count(b => b is ParagraphBlock))
            {
                Blocks = blocks.Where(b => b is not FootnoteGroup).ToList(),
            });
            blocks.Clear();
        }
    }
}
