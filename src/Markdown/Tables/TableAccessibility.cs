using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Markdown.Glossary;

namespace Microsite.Markdown.Tables;

/// <summary>
/// Pipe tables as screen readers need them: header cells get scope="col", and a paragraph right above
/// the table that starts with "表：" or "Table:" becomes its visible label (aria-labelledby).
/// Without such a label the build's table rule reports the table.
/// </summary>
internal static class TableAccessibility
{
    private static readonly string[] CaptionPrefixes = ["表：", "表:", "Table:", "Table："];

    public static void Apply(MarkdownDocument document)
    {
        var number = 0;
        foreach (var table in document.Descendants<Table>().ToList())
        {
            number++;
            foreach (var row in table.OfType<TableRow>().Where(r => r.IsHeader))
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    cell.GetAttributes().AddPropertyIfNotExist("scope", "col");
                }
            }

            if (Previous(table) is ParagraphBlock paragraph && IsCaption(paragraph))
            {
                var id = $"table-{number}-caption";
                paragraph.GetAttributes().Id = id;
                paragraph.GetAttributes().AddClass("table-caption");
                table.GetAttributes().AddPropertyIfNotExist("aria-labelledby", id);
            }
        }
    }

    /// <summary>A "表：…" paragraph right above a table: its label, not a sentence of the text.</summary>
    public static bool IsCaption(ParagraphBlock paragraph) =>
        Next(paragraph) is Table && CaptionPrefixes.Any(p => GlossaryLinker.InlineText(paragraph.Inline).StartsWith(p, StringComparison.Ordinal));

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
