using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Microsite.Markdown.Tables;

/// <summary>
/// A paragraph right above a table that starts with "表：" or "Table:" is the table's visible label
/// (its id is referred to by aria-labelledby), not a sentence of the text. Without such a label the
/// build's table rule reports the table.
/// </summary>
internal static class TableCaptions
{
    private static readonly string[] Prefixes = ["表：", "表:", "Table:", "Table："];

    public static bool IsCaption(ParagraphBlock paragraph) =>
        Next(paragraph) is Table && Prefixes.Any(p => MarkdownText.Of(paragraph.Inline).StartsWith(p, StringComparison.Ordinal));

    /// <summary>The caption paragraph of a table, if it has one.</summary>
    public static ParagraphBlock? CaptionOf(Table table) =>
        Previous(table) is ParagraphBlock paragraph && IsCaption(paragraph) ? paragraph : null;

    /// <summary>"table-2-caption": tables are numbered in document order, whether or not they have a label.</summary>
    public static string CaptionId(Table table)
    {
        Block root = table;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var number = 1 + ((ContainerBlock)root).Descendants<Table>().TakeWhile(t => !ReferenceEquals(t, table)).Count();
        return $"table-{number}-caption";
    }

    private static Block? Next(Block block)
    {
        var parent = block.Parent;
        var index = parent?.IndexOf(block) ?? -1;
        return index >= 0 && index + 1 < parent!.Count ? parent[index + 1] : null;
    }

    private static Block? Previous(Block block)
    {
        var parent = block.Parent;
        var index = parent?.IndexOf(block) ?? -1;
        return index > 0 ? parent![index - 1] : null;
    }
}
