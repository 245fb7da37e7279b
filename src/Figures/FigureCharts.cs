using System.Globalization;
using System.Text;
using Microsite.Numbers;

namespace Microsite.Figures;

/// <summary>A group's chart: inline SVG, the same figures as a table, and a sentence a screen reader reads.</summary>
/// <param name="Svg">An &lt;svg role="img"&gt; labelled by its &lt;title&gt; and &lt;desc&gt;; ids start with the chart's id.</param>
/// <param name="Description">The figures in a sentence (also the SVG's &lt;desc&gt;).</param>
internal sealed record ChartMarkup(string Svg, ChartTable Table, string Description);

/// <summary>The figures of a chart as a table: its accessible equivalent, with the section each figure comes from.</summary>
internal sealed record ChartTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<ChartRow> Rows);

internal sealed record ChartRow(string FigureId, string Label, string Value, string Change, string Year, string Kind, FigureSource Source);

/// <summary>
/// Draws a group of figures as an SVG chart at build time (no chart code in the browser): horizontal bars
/// for amounts that share a unit, for percentages (against 100) and for growth rates; figures that stand
/// alone as large numbers. Targets are dashed outlines, results solid bars, and a legend says which is which.
/// </summary>
/// <remarks>
/// The drawing is 320 units wide and scales with its box (viewBox only): at a 320 px phone a unit is
/// about a pixel and text is 12.5 px. Colours come from the theme's classes (fig-*) and currentColor, so
/// the dark scheme and print restyle it; there are no style attributes (the CSP forbids them). Labels
/// wrap by an estimate of glyph widths, so a long label never runs under its value. Numbers are written
/// with the invariant culture: the same figures give the same bytes.
/// </remarks>
internal static class FigureCharts
{
    private const double Width = 320;
    private const double Pad = 8;
    private const double TextSize = 14;
    private const double LineHeight = 18;
    private const double BarHeight = 12;
    private const double RowGap = 10;
    private const double PanelGap = 12;
    private const double Swatch = 11;
    private const int MaxLines = 3;

    public static ChartMarkup Render(FigureGroup group, string lang) => Render(group, lang, ChartText.For(lang));

    public static ChartMarkup Render(FigureGroup group, string lang, ChartText text, string? id = null)
    {
        id ??= "fig-" + group.Id;
        var title = group.Title[lang];
        var description = Describe(group, lang, text);
        var body = new StringBuilder();
        var y = Pad;

        y = Legend(body, group, text, y);
        foreach (var panel in Panels(group, lang, text))
        {
            y = DrawPanel(body, panel, y);
        }

        var height = Math.Ceiling(y + Pad - RowGap);
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fig-chart\" viewBox=\"0 0 ")
            .Append(N(Width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(Attr(id)).Append("-title ").Append(Attr(id)).Append("-desc\">")
            .Append("<title id=\"").Append(Attr(id)).Append("-title\">").Append(Xml(title)).Append("</title>")
            .Append("<desc id=\"").Append(Attr(id)).Append("-desc\">").Append(Xml(description)).Append("</desc>")
            .Append(body)
            .Append("</svg>");

        var table = new ChartTable(title, [text.Indicator, text.Value, text.Change, text.Year, text.Kind, text.Source],
            group.Figures.Select(f => new ChartRow(f.Id, f.Label[lang], FigureFormat.Value(f, lang, text), FigureFormat.Change(f, lang, text),
                FigureFormat.Year(f, text), FigureFormat.Kind(f, text), f.Source)).ToList());
        return new ChartMarkup(svg.ToString(), table, description);
    }

    /// <summary>The figures in one sentence: 2022年经济运行：地区生产总值1100亿元左右，增长1.5%左右；…</summary>
    public static string Describe(FigureGroup group, string lang, ChartText text)
    {
        var items = group.Figures.Select(f =>
        {
            var value = FigureFormat.Value(f, lang, text);
            var change = FigureFormat.Change(f, lang, text);
            var target = f.Kind == FigureKind.Target ? (text.Chinese ? "（" + text.Target + "）" : $" ({text.Target})") : "";
            return text.Chinese
                ? f.Label[lang] + value + (value.Length > 0 && change.Length > 0 ? "，" : "") + change + target
                : $"{f.Label[lang]}: {value}{(value.Length > 0 && change.Length > 0 ? ", " : "")}{change}{target}";
        });
        return text.Chinese
            ? group.Title[lang] + "：" + string.Join("；", items) + "。"
            : group.Title[lang] + ": " + string.Join("; ", items) + ".";
    }

    private sealed record Row(Figure Figure, string Label, string Value, decimal Magnitude);

    /// <param name="Max">The length of a full bar; null for large numbers without bars.</param>
    /// <param name="Track">Draw the full length behind each bar: a percentage is read against 100.</param>
    private sealed record Panel(string? Title, IReadOnlyList<Row> Rows, decimal? Max, bool Track = false);

    /// <summary>
    /// Amounts that share a unit (and currency) as one bar chart, percentages against 100, growth rates as
    /// one more; a figure whose unit no other figure shares stands alone as a large number. Grouped by the
    /// units of all languages, so both languages draw the same panels.
    /// </summary>
    private static List<Panel> Panels(FigureGroup group, string lang, ChartText text)
    {
        var panels = new List<Panel>();
        var alone = new List<Row>();
        // Bars compare like with like: sums in one currency and one scale of the default language (73亿美元 and
        // 4亿美元, written 7.3 billion and 400 million in English; not 亿元 totals with a 万元 income per head),
        // percentages, or counts with the same unit in every language (个 is school places in one figure and
        // projects in another).
        var amounts = group.Figures.Where(f => f.Amount is not null)
            .GroupBy(f => (f.Amount!.Kind, f.Amount.Currency, Unit: f.Amount.Kind != QuantityKind.Number
                ? ""
                : f.Amount.Currency != Currency.None
                    ? f.Units.Values.First().Text
                    : string.Join("\u001f", f.Units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => u.Value.Text))));
        foreach (var same in amounts)
        {
            // Bars compare normalised amounts: 7.3 billion and 400 million US dollars are 73亿 and 4亿, whatever each language writes.
            var rows = same.Select(f => new Row(f, f.Label[lang], FigureFormat.Value(f, lang, text), f.Amount!.Value)).ToList();
            if (same.Key.Kind == QuantityKind.Percent)
            {
                panels.Add(new Panel(null, rows, Math.Max(100m, rows.Max(r => Math.Abs(r.Magnitude))), Track: true));
            }
            else if (rows.Count >= 2)
            {
                panels.Add(new Panel(null, rows, rows.Max(r => Math.Abs(r.Magnitude))));
            }
            else
            {
                alone.AddRange(rows);
            }
        }

        foreach (var unit in new[] { QuantityKind.Percent, QuantityKind.PercentagePoints })
        {
            var changes = group.Figures.Where(f => f.Change?.Unit == unit)
                .Select(f => new Row(f, f.Label[lang], FigureFormat.ChangeShort(f, text), f.Change!.Value)).ToList();
            if (changes.Count > 0)
            {
                var title = unit == QuantityKind.Percent ? text.Growth : (text.Chinese ? "增减（百分点）" : "Change (percentage points)");
                // One growth rate alone would fill the width as if it were 100%: it stands as a number.
                panels.Add(new Panel(title, changes, changes.Count > 1 ? changes.Max(r => Math.Abs(r.Magnitude)) : null));
            }
        }

        if (alone.Count > 0)
        {
            panels.Add(new Panel(null, alone, null));
        }

        return panels;
    }

    /// <summary>A solid swatch for results and a dashed one for targets, with the year each is for.</summary>
    private static double Legend(StringBuilder svg, FigureGroup group, ChartText text, double y)
    {
        var x = Pad;
        svg.Append("<g class=\"fig-legend\">");
        foreach (var kind in group.Figures.Select(f => f.Kind).Distinct().Order())
        {
            var years = group.Figures.Where(f => f.Kind == kind).Select(f => f.Year).Distinct().Order().ToList();
            var yearText = string.Join(text.Chinese ? "、" : ", ", years.Select(v => v.ToString(CultureInfo.InvariantCulture) + (text.Chinese ? "年" : "")));
            var label = text.Chinese ? yearText + (kind == FigureKind.Target ? text.Target : text.Result) : $"{yearText} {(kind == FigureKind.Target ? text.Target : text.Result)}";
            SwatchAt(svg, x, y + 1.5, kind);
            svg.Append("<text class=\"fig-text fig-legend-label\" x=\"").Append(N(x + Swatch + 5)).Append("\" y=\"").Append(N(y + 11.5))
                .Append("\" font-size=\"12.5\" fill=\"currentColor\">").Append(Xml(label)).Append("</text>");
            x += Swatch + 5 + TextWidth(label, 12.5) + 14;
        }

        svg.Append("</g>");
        return y + 16 + PanelGap;
    }

    private static double DrawPanel(StringBuilder svg, Panel panel, double y)
    {
        svg.Append("<g class=\"fig-panel\">");
        if (panel.Title is not null)
        {
            svg.Append("<text class=\"fig-text fig-panel-title\" x=\"").Append(N(Pad)).Append("\" y=\"").Append(N(y + TextSize))
                .Append("\" font-size=\"").Append(N(TextSize)).Append("\" font-weight=\"bold\" fill=\"currentColor\">").Append(Xml(panel.Title)).Append("</text>");
            y += LineHeight + 6;
        }

        // Bars grow right from zero; with a negative value the zero line moves right to make room for it.
        var negative = panel.Rows.Any(r => r.Magnitude < 0) ? panel.Rows.Min(r => r.Magnitude) : 0m;
        var span = (double)((panel.Max ?? 0) + Math.Abs(negative));
        var full = Width - 2 * Pad;
        var zero = Pad + (span > 0 ? full * (double)Math.Abs(negative) / span : 0);

        foreach (var row in panel.Rows)
        {
            var valueWidth = TextWidth(row.Value, TextSize) * 1.08;
            var indent = panel.Max is null ? Swatch + 5 : 0;

            // A long value ("no more than 29 micrograms per cubic metre") gets a line of its own under the label.
            var ownLine = valueWidth > (full - indent) / 2;
            var lines = Wrap(row.Label, full - indent - (ownLine ? 0 : valueWidth + 10), TextSize);
            svg.Append("<g class=\"fig-row\">");
            if (panel.Max is null)
            {
                SwatchAt(svg, Pad, y + TextSize - Swatch + 0.5, row.Figure.Kind);
            }

            for (var i = 0; i < lines.Count; i++)
            {
                svg.Append("<text class=\"fig-text fig-label\" x=\"").Append(N(Pad + indent)).Append("\" y=\"").Append(N(y + TextSize + i * LineHeight))
                    .Append("\" font-size=\"").Append(N(TextSize)).Append("\" fill=\"currentColor\">").Append(Xml(lines[i])).Append("</text>");
            }

            var valueLine = ownLine ? lines.Count : 0;
            var values = ownLine ? Wrap(row.Value, (full - indent) / 1.08, TextSize) : [row.Value];
            for (var i = 0; i < values.Count; i++)
            {
                svg.Append("<text class=\"fig-text fig-value\" x=\"").Append(N(Width - Pad)).Append("\" y=\"").Append(N(y + TextSize + (valueLine + i) * LineHeight))
                    .Append("\" font-size=\"").Append(N(TextSize)).Append("\" font-weight=\"bold\" text-anchor=\"end\" fill=\"currentColor\">")
                    .Append(Xml(values[i])).Append("</text>");
            }

            y += (lines.Count + (ownLine ? values.Count : 0)) * LineHeight + 3;

            if (panel.Max is not null && span > 0)
            {
                var length = full * (double)Math.Abs(row.Magnitude) / span;
                length = row.Magnitude == 0 ? 0 : Math.Max(length, 2);
                var x = row.Magnitude < 0 ? zero - length : zero;
                if (panel.Track)
                {
                    svg.Append("<rect class=\"fig-track\" x=\"").Append(N(Pad)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(full))
                        .Append("\" height=\"").Append(N(BarHeight)).Append("\" fill=\"currentColor\" fill-opacity=\"0.15\"/>");
                }

                Bar(svg, x, y, length, row.Figure.Kind);
                y += BarHeight;
            }

            svg.Append("</g>");
            y += RowGap;
        }

        svg.Append("</g>");
        return y + PanelGap - RowGap;
    }

    private static void Bar(StringBuilder svg, double x, double y, double width, FigureKind kind)
    {
        svg.Append("<rect class=\"fig-bar ").Append(kind == FigureKind.Target ? "fig-target" : "fig-result").Append("\" x=\"").Append(N(x))
            .Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(BarHeight)).Append('"');
        Paint(svg, kind);
        svg.Append("/>");
    }

    private static void SwatchAt(StringBuilder svg, double x, double y, FigureKind kind)
    {
        svg.Append("<rect class=\"fig-swatch ").Append(kind == FigureKind.Target ? "fig-target" : "fig-result").Append("\" x=\"").Append(N(x))
            .Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(Swatch)).Append("\" height=\"").Append(N(Swatch)).Append('"');
        Paint(svg, kind);
        svg.Append("/>");
    }

    /// <summary>Presentation attributes (allowed by the CSP, unlike style attributes) so the chart reads without the theme too.</summary>
    private static void Paint(StringBuilder svg, FigureKind kind) =>
        svg.Append(kind == FigureKind.Target
            ? " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"5 3\""
            : " fill=\"currentColor\"");

    /// <summary>Splits a label into lines of at most <paramref name="width"/> units: English at spaces, Chinese between characters.</summary>
    internal static IReadOnlyList<string> Wrap(string text, double width, double size)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var piece in Pieces(text))
        {
            if (line.Length > 0 && TextWidth(line + piece.TrimEnd(), size) > width && !IsClosing(piece))
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (lines.Count == MaxLines)
                {
                    break;
                }
            }

            line.Append(line.Length == 0 ? piece.TrimStart() : piece);
        }

        if (lines.Count < MaxLines && line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }
        else if (line.Length > 0)
        {
            // Longer than three lines: the table and the description have it whole.
            var last = lines[^1];
            while (last.Length > 1 && TextWidth(last + "…", size) > width)
            {
                last = last[..^1];
            }

            lines[^1] = last + "…";
        }

        return lines;
    }

    /// <summary>Words with the space before them, or single CJK characters: the places a line may break.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var piece = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWide(c))
            {
                if (piece.Length > 0)
                {
                    yield return piece.ToString();
                    piece.Clear();
                }

                yield return c.ToString();
            }
            else if (c == ' ' && piece.Length > 0 && piece[^1] != ' ')
            {
                yield return piece.ToString();
                piece.Clear().Append(c);
            }
            else
            {
                piece.Append(c);
            }
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static bool IsClosing(string piece) => piece.Length == 1 && "，。、；：）”’》！？".Contains(piece[0]);

    private static bool IsWide(char c) => c >= '\u2E80' || c is >= '\u3000' and <= '\u303F';

    /// <summary>A generous estimate of a text's width in system fonts, so that nothing overflows.</summary>
    internal static double TextWidth(string text, double size)
    {
        var em = 0.0;
        foreach (var c in text)
        {
            em += c switch
            {
                _ when IsWide(c) => 1.0,
                ' ' => 0.33,
                'i' or 'l' or 'j' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or '(' or ')' => 0.36,
                'm' or 'w' or 'M' or 'W' or '%' => 0.95,
                >= 'A' and <= 'Z' => 0.74,
                >= '0' and <= '9' => 0.64,
                _ => 0.61,
            };
        }

        return em * size;
    }

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Attr(string text) => Xml(text).Replace("\"", "&quot;", StringComparison.Ordinal);
}
