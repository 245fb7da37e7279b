using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Content;
using Microsite.Core;
using Microsite.Markdown.Tables;

namespace Microsite.Checks;

/// <summary>
/// Typography of Chinese body text (MS0301-MS0303). These catch the defects that text extracted from
/// a PDF brings with it: a sentence cut at a page break, stray spaces around numbers, ASCII punctuation.
/// </summary>
internal static partial class ChineseTypography
{
    private const string Terminal = "。！？：；…";

    public static void Check(SourcePage page, DiagnosticBag diagnostics)
    {
        foreach (var leaf in page.Ast.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null)
            {
                continue;
            }

            var (text, origins) = Flatten(leaf.Inline);
            foreach (Match m in SpaceBetweenHan().Matches(text))
            {
                var (line, column) = At(origins, m.Index, leaf);
                diagnostics.Error(DiagnosticIds.SpaceInChinese, page.DisplayPath, line, column,
                    $"space inside Chinese text: \"{Excerpt(text, m.Index, m.Length)}\" (Chinese typography puts no space between Han characters or between a Han character and a number: remove it)");
            }

            foreach (Match m in HalfWidthBesideHan().Matches(text))
            {
                var punctuation = m.Value.First(c => ",;:?!()".Contains(c));
                var (line, column) = At(origins, m.Index + m.Value.IndexOf(punctuation), leaf);
                diagnostics.Error(DiagnosticIds.HalfWidthPunctuation, page.DisplayPath, line, column,
                    $"half-width \"{punctuation}\" beside Chinese text in \"{Excerpt(text, m.Index, m.Length)}\" (use the full-width \"{FullWidth(punctuation)}\")");
            }

            if (leaf is ParagraphBlock paragraph && leaf.Parent is MarkdownDocument && !EndsSentence(text) && !TableCaptions.IsCaption(paragraph))
            {
                var (line, column) = At(origins, Math.Max(0, text.TrimEnd().Length - 1), leaf);
                diagnostics.Warning(DiagnosticIds.ParagraphUnterminated, page.DisplayPath, line, column,
                    $"paragraph ends without terminal punctuation: \"…{Excerpt(text, Math.Max(0, text.TrimEnd().Length - 12), 12)}\" (was a sentence cut by a page break? join it with the next paragraph)");
            }
        }
    }

    private static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        if (trimmed.Length == 0)
        {
            return true;
        }

        var last = trimmed[^1];
        if (Terminal.Contains(last))
        {
            return true;
        }

        // A quotation or bracket may close after the sentence's own stop: ……写照。”
        return "”’」』）》".Contains(last) && trimmed.Length > 1 && Terminal.Contains(trimmed[^2]);
    }

    /// <summary>The paragraph's text, and for each character the inline it came from and its offset there.</summary>
    private static (string Text, List<(int Start, Inline Inline)> Origins) Flatten(ContainerInline container)
    {
        var builder = new StringBuilder();
        var origins = new List<(int, Inline)>();
        foreach (var inline in Text(container))
        {
            var piece = inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                Markdown.Glossary.ExplicitTermInline term => term.Term,
                LineBreakInline => "\n",
                _ => null,
            };
            if (piece is not null)
            {
                origins.Add((builder.Length, inline));
                builder.Append(piece);
            }
        }

        return (builder.ToString(), origins);
    }

    /// <summary>The inlines a reader reads as the sentence: an image's alt text is a description, not part of it.</summary>
    private static IEnumerable<Inline> Text(ContainerInline container)
    {
        foreach (var inline in container)
        {
            yield return inline;
            if (inline is ContainerInline inner and not LinkInline { IsImage: true })
            {
                foreach (var nested in Text(inner))
                {
                    yield return nested;
                }
            }
        }
    }

    private static (int Line, int Column) At(List<(int Start, Inline Inline)> origins, int index, LeafBlock leaf)
    {
        var origin = origins.LastOrDefault(o => o.Start <= index);
        return origin.Inline is null
            ? (leaf.Line + 1, leaf.Column + 1)
            : (origin.Inline.Line + 1, origin.Inline.Column + 1 + (index - origin.Start));
    }

    private static string Excerpt(string text, int start, int length)
    {
        var from = Math.Max(0, start - 3);
        var to = Math.Min(text.Length, start + length + 3);
        return text[from..to].Replace("\n", " ");
    }

    private static char FullWidth(char c) => c switch
    {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        _ => '）',
    };

    // Han-space-Han, Han-space-digit, digit/%-space-Han.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[ \t\u00A0\u3000]+(?=[\p{IsCJKUnifiedIdeographs}0-9])|(?<=[0-9%])[ \t\u00A0\u3000]+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SpaceBetweenHan();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[,;:?!()]|[,;:?!()]\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HalfWidthBesideHan();
}
