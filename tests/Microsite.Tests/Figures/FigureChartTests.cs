using System.Globalization;
using System.Xml.Linq;
using Microsite.Config;
using Microsite.Core;
using Microsite.Figures;

namespace Microsite.Tests.Figures;

public class FigureChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<FigureSet> Real = new(() =>
    {
        var input = TestSite.RepoInput();
        var diagnostics = new DiagnosticBag();
        return FigureLoader.Load(input, ConfigLoader.Load(input, diagnostics)!, diagnostics)!;
    });

    public static TheoryData<string, string> Charts()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Real.Value.Groups)
        {
            data.Add(group.Id, "zh");
            data.Add(group.Id, "en");
        }

        return data;
    }

    private static FigureGroup Group(string id) => Real.Value.Groups.Single(g => g.Id == id);

    private static XElement Render(string id, string lang) => XElement.Parse(FigureCharts.Render(Group(id), lang).Svg);

    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_chart_is_well_formed_svg_labelled_by_its_title_and_description(string id, string lang)
    {
        var svg = Render(id, lang);
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")!.Value);
        var labels = svg.Attribute("aria-labelledby")!.Value.Split(' ');
        Assert.Equal(Group(id).Title[lang], svg.Elements(Svg + "title").Single(e => e.Attribute("id")!.Value == labels[0]).Value);
        Assert.Equal(FigureCharts.Render(Group(id), lang).Description, svg.Elements(Svg + "desc").Single(e => e.Attribute("id")!.Value == labels[1]).Value);
        Assert.StartsWith("0 0 320 ", svg.Attribute("viewBox")!.Value, StringComparison.Ordinal);
        Assert.Null(svg.Attribute("width"));
        Assert.Null(svg.Attribute("height"));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void No_chart_has_style_or_script_the_csp_would_block(string id, string lang)
    {
        var svg = Render(id, lang);
        var all = svg.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(all, e => e.Name.LocalName is "style" or "script" or "foreignObject");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_text_fits_the_320_unit_width_and_the_height(string id, string lang)
    {
        var svg = Render(id, lang);
        var height = double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[3], CultureInfo.InvariantCulture);
        foreach (var text in svg.Descendants(Svg + "text"))
        {
            var (x, y, size) = (Number(text, "x"), Number(text, "y"), Number(text, "font-size"));
            var width = FigureCharts.TextWidth(text.Value, size) * (text.Attribute("font-weight") is null ? 1 : 1.08);
            var (left, right) = text.Attribute("text-anchor")?.Value == "end" ? (x - width, x) : (x, x + width);
            Assert.True(left >= 0 && right <= 320.5 && y <= height, $"\"{text.Value}\" at {left:0.#}–{right:0.#}, {y} of {height}");
        }

        foreach (var rect in svg.Descendants(Svg + "rect"))
        {
            Assert.True(Number(rect, "x") >= 0 && Number(rect, "x") + Number(rect, "width") <= 320.5 && Number(rect, "y") + Number(rect, "height") <= height);
        }
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Charts_are_the_same_bytes_every_time(string id, string lang)
    {
        var (first, second) = (FigureCharts.Render(Group(id), lang), FigureCharts.Render(Group(id), lang));
        Assert.Equal((first.Svg, first.Description), (second.Svg, second.Description));
        Assert.Equal(first.Table.Rows, second.Table.Rows);
    }

    [Fact]
    public void Charts_of_a_fresh_load_are_byte_identical()
    {
        var input = TestSite.RepoInput();
        var diagnostics = new DiagnosticBag();
        var again = FigureLoader.Load(input, ConfigLoader.Load(input, diagnostics)!, diagnostics)!;
        Assert.Equal(Real.Value.Groups.Select(g => FigureCharts.Render(g, "zh").Svg), again.Groups.Select(g => FigureCharts.Render(g, "zh").Svg));
    }

    [Fact]
    public void Targets_are_dashed_outlines_and_results_solid_bars()
    {
        var targets = Render("targets-2023", "zh").Descendants(Svg + "rect").Where(r => r.Attribute("class")!.Value.Contains("fig-bar", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, targets.Count);
        Assert.All(targets, r => Assert.Equal(("fig-bar fig-target", "none", "5 3"), (r.Attribute("class")!.Value, r.Attribute("fill")!.Value, r.Attribute("stroke-dasharray")?.Value)));

        var results = Render("economy-2022", "en").Descendants(Svg + "rect").Where(r => r.Attribute("class")!.Value.StartsWith("fig-bar", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(("fig-bar fig-result", "currentColor", null), (r.Attribute("class")!.Value, r.Attribute("fill")!.Value, r.Attribute("stroke-dasharray")?.Value)));
        Assert.Contains("2023年目标", Render("targets-2023", "zh").Descendants(Svg + "text").Select(t => t.Value));
        Assert.Contains("2022 result", Render("economy-2022", "en").Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Labels_and_numbers_are_written_in_the_pages_language()
    {
        var zh = Render("economy-2022", "zh").Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("地区生产总值", zh);
        Assert.Contains("1100亿元左右", zh);
        Assert.Contains("1.5%左右", zh);

        var en = Render("economy-2022", "en").Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Gross regional product", en);
        Assert.Contains("about 110 billion yuan", en);
        Assert.Contains("about +1.5%", en);
        Assert.Contains("23,000 people", en);
        Assert.DoesNotContain(en, t => t.Any(c => c >= '\u4E00' && c <= '\u9FFF'));
    }

    [Fact]
    public void Bars_compare_normalised_amounts_whatever_unit_each_language_writes()
    {
        // 73亿美元 is "7.3 billion", 4亿美元 "400 million": the first bar is still the longer, by the same ratio.
        foreach (var lang in new[] { "zh", "en" })
        {
            var bars = Render("opening-up-2023", lang).Descendants(Svg + "rect").Where(r => r.Attribute("class")!.Value.Contains("fig-bar", StringComparison.Ordinal)).Select(r => Number(r, "width")).ToList();
            Assert.Equal(2, bars.Count);
            Assert.InRange(bars[0] / bars[1], 17, 19.5);
        }
    }

    [Fact]
    public void The_table_and_description_give_every_figure_with_its_source()
    {
        var group = Group("economy-2022");
        var chart = FigureCharts.Render(group, "en");
        Assert.Equal(["Indicator", "Value", "Change", "Year", "Kind", "Source"], chart.Table.Header);
        Assert.Equal(group.Figures.Count, chart.Table.Rows.Count);
        var gdp = chart.Table.Rows[0];
        Assert.Equal(("Gross regional product", "about 110 billion yuan", "up about 1.5%", "2022", "result", "review-2022.md#economy"),
            (gdp.Label, gdp.Value, gdp.Change, gdp.Year, gdp.Kind, gdp.Source.ToString()));
        Assert.Equal("up 0.9% on a comparable basis", chart.Table.Rows[1].Change);
        Assert.All(group.Figures, f => Assert.Contains(f.Label["en"], chart.Description));

        var zh = FigureCharts.Render(group, "zh");
        Assert.Equal(("1100亿元左右", "增长1.5%左右", "2022年", "实绩"), (zh.Table.Rows[0].Value, zh.Table.Rows[0].Change, zh.Table.Rows[0].Year, zh.Table.Rows[0].Kind));
        Assert.Equal("同口径增长0.9%", zh.Table.Rows[1].Change);
        Assert.StartsWith("2022年经济运行：地区生产总值1100亿元左右，增长1.5%左右；", zh.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fall_is_drawn_left_of_zero_and_a_long_label_wraps()
    {
        var config = ConfigLoader.Load(TestSite.Config, "input/site.yml", new DiagnosticBag())!;
        var diagnostics = new DiagnosticBag();
        var set = FigureLoader.Load("""
            groups:
              - id: mixed
                title: { zh: 混合, en: Mixed }
                year: 2022
                kind: result
                source: review.md#economy
                figures:
                  - id: up
                    label: { zh: 增长的一项指标, en: An indicator with a label long enough to need more than one line on a phone }
                    change: { value: 4 }
                  - id: down
                    label: { zh: 下降的一项指标, en: Falling }
                    change: { value: -2 }
            """, "input/data/figures.yml", config, diagnostics)!;
        Assert.Empty(diagnostics.Snapshot());

        var svg = XElement.Parse(FigureCharts.Render(set.Groups[0], "en").Svg);
        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("class")!.Value.StartsWith("fig-bar", StringComparison.Ordinal)).ToList();
        Assert.True(Number(bars[1], "x") + Number(bars[1], "width") <= Number(bars[0], "x") + 0.1);
        Assert.True(svg.Descendants(Svg + "text").Count(t => t.Attribute("class")!.Value.Contains("fig-label", StringComparison.Ordinal)) >= 3);
        Assert.Contains("−2%", svg.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Equal("down 2%", FigureCharts.Render(set.Groups[0], "en").Table.Rows[1].Change);
        Assert.Equal("下降2%", FigureCharts.Render(set.Groups[0], "zh").Table.Rows[1].Change);
    }
}
