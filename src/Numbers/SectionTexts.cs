using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Markdown.Glossary;

namespace Microsite.Numbers;

/// <summary>The plain text of one paragraph (or heading, or table cell), with where each of its characters is in the file.</summary>
/// <param name="Pieces">The runs of the text, in order, each copied from one place of the file (a literal, a code span, a term).</param>
internal sealed record ParagraphText(string Text, ParagraphText.Piece[] Pieces, int Line, int Column)
{
    /// <summary>Where the text's characters from <paramref name="TextStart"/> on came from: <paramref name="Start"/> on, never past <paramref name="Limit"/>.</summary>
    internal readonly record struct Piece(int TextStart, int Start, int Limit);

    /// <summary>The file offset of a character of the text (the last character's for an index past the end; 0 for no text).</summary>
    public int OffsetOf(int index)
    {
        if (Pieces.Length == 0 || Text.Length == 0)
        {
            return 0;
        }

        index = Math.Clamp(index, 0, Text.Length - 1);
        var low = 0;
        var high = Pieces.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Pieces[middle].TextStart <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var piece = Pieces[low];
        return Math.Clamp(piece.Start + (index - piece.TextStart), 0, piece.Limit);
    }
}

/// <summary>A section's paragraphs, split as <see cref="PageSections"/> splits the page (one h2 and what follows it).</summary>
internal sealed record SectionText(string Id, int Line, IReadOnlyList<ParagraphText> Paragraphs);

/// <summary>A page's sections and where its lines start, to turn a character's offset into a line and column.</summary>
internal sealed record PageText(IReadOnlyList<SectionText> Sections, int[] LineStarts)
{
    public (int Line, int Column) Position(int offset) => SectionTexts.Position(LineStarts, offset);
}

/// <summary>
/// The text of a page's sections paragraph by paragraph, each character mapped back to its place in the
/// file, so that a number is reported at its own line and column rather than at its section's heading.
/// </summary>
internal static class SectionTexts
{
    public static PageText Of(SourcePage page)
    {
        var lines = LineStarts(page.Text);
        var sections = new List<SectionText>();
        var (id, line) = (PageSections.TopId, 1);
        var paragraphs = new List<ParagraphText>();
        var any = false;

        foreach (var block in page.Ast)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                Flush();
                (id, line) = (heading.TryGetAttributes()?.Id ?? "", heading.Line + 1);
            }

            any = true;
            var leaves = block is LeafBlock leaf ? [leaf] : ((ContainerBlock)block).Descendants<LeafBlock>();
            foreach (var l in leaves.Where(l => l.Inline is not null))
            {
                paragraphs.Add(Text(l, page.Text, lines));
            }
        }

        Flush();
        return new PageText(sections, lines);

        void Flush()
        {
            if (!any && id == PageSections.TopId)
            {
                return;
            }

            sections.Add(new SectionText(id, line, paragraphs.ToList()));
            paragraphs.Clear();
            any = false;
        }
    }

    /// <summary>1-based line and column of a character of the file.</summary>
    public static (int Line, int Column) Position(int[] lineStarts, int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        var lineIndex = index >= 0 ? index : ~index - 1;
        return (lineIndex + 1, offset - lineStarts[lineIndex] + 1);
    }

    public static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    /// <summary>The same text as <see cref="Markdown.MarkdownText.Of"/>, with the file offset of every character.</summary>
    private static ParagraphText Text(LeafBlock leaf, string source, int[] lines)
    {
        var builder = ThreadBuilder.Take();
        // A run per piece, not an offset per character: that was four bytes a character, and most of what
        // comparing the numbers allocated (at 10,000 pages, 1.1 GB in half a second).
        var pieces = t_pieces ??= [];
        pieces.Clear();
        foreach (var node in leaf.Inline!.Descendants<Inline>())
        {
            ReadOnlySpan<char> piece = node switch
            {
                LiteralInline literal => literal.Content.AsSpan(),
                CodeInline code => code.Content,
                ExplicitTermInline term => term.Term,
                _ => [],
            };
            if (piece.IsEmpty)
            {
                continue;
            }

            var textStart = builder.Length;
            builder.Append(piece);

            // A literal's characters are its source's from its line and column, except where an escape or entity was
            // replaced, which shifts a column or two.
            var start = node.Line >= 0 && node.Line < lines.Length ? lines[node.Line] + Math.Max(node.Column, 0) : Math.Max(leaf.Span.Start, 0);
            var end = node.Line + 1 < lines.Length ? lines[node.Line + 1] - 1 : source.Length;
            pieces.Add(new ParagraphText.Piece(textStart, start, Math.Max(start, end)));
        }

        var (line, column) = Position(lines, Math.Max(leaf.Span.Start, 0));
        return new ParagraphText(ThreadBuilder.Return(builder), pieces.ToArray(), line, column);
    }

    // The thread's list of a paragraph's pieces, used again for the next (copied out exactly sized).
    [ThreadStatic] private static List<ParagraphText.Piece>? t_pieces;
}
