using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Tables;

/// <summary>
/// Pipe tables as screen readers need them: header cells with scope="col", the label above the table
/// referred to by aria-labelledby. Column alignment is a class, not Markdig's style attribute, which
/// the site's Content-Security-Policy (style-src 'self') would refuse.
/// </summary>
internal sealed class HtmlAccessibleTableRenderer : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        renderer.EnsureLine();
        renderer.Write("<table");
        if (TableCaptions.CaptionOf(table) is not null)
        {
            renderer.Write(" aria-labelledby=\"").WriteEscape(context.Id(TableCaptions.CaptionId(table))).Write('"');
        }

        renderer.WriteLine(">");
        var section = "";
        foreach (var row in table.OfType<TableRow>())
        {
            var wanted = row.IsHeader ? "thead" : "tbody";
            if (section != wanted)
            {
                if (section.Length > 0)
                {
                    renderer.Write("</").Write(section).WriteLine(">");
                }

                renderer.Write('<').Write(wanted).WriteLine(">");
                section = wanted;
            }

            renderer.WriteLine("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = (TableCell)row[i];
                renderer.EnsureLine();
                renderer.Write(row.IsHeader ? "<th scope=\"col\"" : "<td");
                if (cell.ColumnSpan != 1)
                {
                    renderer.Write(" colspan=\"").Write(cell.ColumnSpan.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write('"');
                }

                if (Alignment(table, cell, i) is { } align)
                {
                    renderer.Write(" class=\"align-").Write(align).Write('"');
                }

                renderer.Write('>');
                var implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = cell.Count == 1;
                renderer.Write(cell);
                renderer.ImplicitParagraph = implicitParagraph;
                renderer.WriteLine(row.IsHeader ? "</th>" : "</td>");
            }

            renderer.WriteLine("</tr>");
        }

        if (section.Length > 0)
        {
            renderer.Write("</").Write(section).WriteLine(">");
        }

        renderer.WriteLine("</table>");
    }

    private static string? Alignment(Table table, TableCell cell, int position)
    {
        if (table.ColumnDefinitions.Count == 0)
        {
            return null;
        }

        var column = cell.ColumnIndex >= 0 && cell.ColumnIndex < table.ColumnDefinitions.Count ? cell.ColumnIndex : Math.Min(position, table.ColumnDefinitions.Count - 1);
        return table.ColumnDefinitions[column].Alignment switch
        {
            TableColumnAlign.Center => "center",
            TableColumnAlign.Right => "right",
            TableColumnAlign.Left => "left",
            _ => null,
        };
    }
}
