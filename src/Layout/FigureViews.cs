using System.Globalization;
using Microsite.Core;
using Microsite.Figures;
using Microsite.Indexing;
using Microsite.Themes;

namespace Microsite.Layout;

/// <summary>
/// The key figures as the layouts show them: each group of figures.yml as a chart and a table on the
/// figures page, and the figures marked home: true as a small set on the home page. Every word comes
/// from the theme's strings, every number from <see cref="FigureFormat"/>, so the page, the chart and
/// the checks agree on how a figure is written.
/// </summary>
internal static class FigureViews
{
    /// <summary>The ids a figures page uses besides the groups' own (a group's anchor is its id in figures.yml).</summary>
    public static string ChartId(FigureGroup group) => "chart-" + group.Id;

    public static string RowId(Figure figure) => "figure-" + figure.Id;

    /// <summary>The chart's words in the page's language, from the theme (a third language needs no code).</summary>
    public static ChartText Words(UiStrings strings, string lang) => new(
        strings.FiguresResult, strings.FiguresTarget, strings.FiguresGrowth, strings.FiguresIndicator, strings.FiguresValue,
        strings.FiguresChange, strings.FiguresYear, strings.FiguresKind, strings.FiguresSource, ChartText.For(lang).Chinese);

    /// <param name="path">The figures page's own path, for relative links to the sections the figures come from.</param>
    public static IReadOnlyList<FigureGroupView> Groups(FigureSet figures, SiteIndex index, UiStrings strings, string lang, string path)
    {
        var text = Words(strings, lang);
        return figures.Groups.Select(group =>
        {
            var chart = FigureCharts.Render(group, lang, text, ChartId(group));
            // Most groups quote one section: a link repeated on every row would only make the rows tall.
            var shared = chart.Table.Rows.Select(r => (r.Source.Page, r.Source.Section)).Distinct().Count() == 1;
            var rows = group.Figures.Zip(chart.Table.Rows, (figure, row) => new FigureRowView(
                RowId(figure), row.Label, row.Value, row.Change, row.Year, row.Kind, figure.Kind == FigureKind.Target,
                shared ? null : Source(index, lang, path, row.Source)));
            var hasValue = chart.Table.Rows.Any(r => r.Value.Length > 0);
            var hasChange = chart.Table.Rows.Any(r => r.Change.Length > 0);
            // The header of ChartTable: indicator, value, change, year, kind, source.
            var header = chart.Table.Header.Where((_, i) => i switch { 1 => hasValue, 2 => hasChange, 5 => !shared, _ => true }).ToList();
            return new FigureGroupView(group.Id, group.Title[lang], chart.Svg, strings.FiguresTable.Replace("{title}", chart.Table.Caption, StringComparison.Ordinal),
                chart.Table.Caption, header, rows.ToList(),
                shared && chart.Table.Rows.Count > 0 ? Source(index, lang, path, chart.Table.Rows[0].Source) : null, hasValue, hasChange);
        }).ToList();
    }

    /// <summary>The home page's set: the figures marked home: true, under one heading per year and kind, in file order.</summary>
    public static IReadOnlyList<HomeFiguresView> Home(FigureSet figures, UiStrings strings, string lang)
    {
        var text = Words(strings, lang);
        return figures.Home
            .GroupBy(f => (f.Year, f.Kind))
            .Select(set => new HomeFiguresView(
                (set.Key.Kind == FigureKind.Target ? strings.FiguresTargets : strings.FiguresResults)
                    .Replace("{year}", set.Key.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                set.Key.Kind == FigureKind.Target,
                set.Select(f =>
                {
                    var value = FigureFormat.Value(f, lang, text);
                    var change = FigureFormat.Change(f, lang, text);
                    // A target that is only a growth rate (+5%) shows the rate in large type.
                    return value.Length > 0 ? new HomeFigureView(f.Label[lang], value, change) : new HomeFigureView(f.Label[lang], change, "");
                }).ToList()))
            .ToList();
    }

    /// <summary>
    /// What every page's layout shows of the figures (the navigation entry and the home page's set), for the
    /// memo of laid-out pages: a changed figures.yml lays the home page out again.
    /// </summary>
    public static string Digest(FigureSet? figures, Theme theme, IEnumerable<string> languages) => figures is null ? "" : Core.Digest.Of(
        languages.SelectMany(lang => Home(figures, theme.Strings(lang), lang)
            .SelectMany(set => set.Figures.Select(f => $"{lang}|{set.Title}|{f.Label}|{f.Main}|{f.Change}")))
            .Prepend("figures"));

    /// <summary>The section a figure comes from, in the page's language: "2022年工作总结 · 经济运行".</summary>
    private static LinkView? Source(SiteIndex index, string lang, string path, FigureSource source)
    {
        if (index.Page(lang, source.Page) is not { } page)
        {
            return null; // a missing translation is reported by the content checks; the table still says the figure
        }

        var pageTitle = page.Meta.ShortTitle ?? page.Meta.Title;
        var section = index.Sections(page).FirstOrDefault(s => s.Id == source.Section);
        var href = Urls.Relative(path, index.OutputPath(page));
        // The part before a page's first heading has no anchor of its own: link the page.
        return section is null || section.Id == PageSections.TopId
            ? new LinkView(href, pageTitle)
            : new LinkView($"{href}#{section.Id}", section.Title == pageTitle ? pageTitle : $"{pageTitle} · {section.Title}");
    }
}
