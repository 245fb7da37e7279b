using Microsite.Config;
using Microsite.Core;
using Microsite.Figures;
using Microsite.Numbers;

namespace Microsite.Tests.Figures;

public class FigureLoaderTests
{
    private const string Path = "input/data/figures.yml";

    private static readonly SiteConfig Config = ConfigLoader.Load(TestSite.Config, "input/site.yml", new DiagnosticBag())!;

    private const string Valid = """
        groups:
          - id: economy
            title: { zh: 经济, en: The economy }
            year: 2022
            kind: result
            source: review.md#economy
            figures:
              - id: gdp
                label: { zh: 地区生产总值, en: Gross regional product }
                value: 1100
                approx: about
                unit: { zh: 亿元, en: billion yuan }
                change: { value: 1.5, approx: about, base: { zh: 同比, en: year on year } }
                home: true
              - id: jobs
                label: { zh: 解决用工缺口, en: Labour shortages filled }
                value: 2.3
                unit: { zh: 万人, en: people }
                year: 2023
                kind: target
                source: tasks.md#targets
        """;

    private static (FigureSet? Set, IReadOnlyList<Diagnostic> Diagnostics) Load(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var set = FigureLoader.Load(yaml, Path, Config, diagnostics);
        return (set, diagnostics.Snapshot());
    }

    /// <summary>Line and column of <paramref name="needle"/> in the YAML.</summary>
    private static (int Line, int Column) Where(string yaml, string needle)
    {
        var at = yaml.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle);
        return (yaml[..at].Count(c => c == '\n') + 1, at - yaml.LastIndexOf('\n', Math.Max(at - 1, 0)));
    }

    private static void AssertAt(Diagnostic d, string id, string yaml, string needle) =>
        Assert.Equal((id, Path, Where(yaml, needle)), (d.Id, d.Path, (d.Line, d.Column)));

    [Fact]
    public void Reads_figures_with_group_defaults_and_per_language_units()
    {
        var (set, diagnostics) = Load(Valid);
        Assert.Empty(diagnostics);
        var group = Assert.Single(set!.Groups);
        Assert.Equal(("economy", "The economy"), (group.Id, group.Title["en"]));

        var gdp = group.Figures[0];
        Assert.Equal((2022, FigureKind.Result, "review.md#economy", true), (gdp.Year, gdp.Kind, gdp.Source.ToString(), gdp.Home));
        Assert.Equal(110_000_000_000m, gdp.Amount!.Value);
        Assert.Equal(Currency.Yuan, gdp.Amount.Currency);
        Assert.Equal(Bound.About, gdp.Bound);
        Assert.Equal(1100m, gdp.ValueIn("zh"));
        Assert.Equal(110m, gdp.ValueIn("en"));
        Assert.Equal((1.5m, Bound.About, "year on year"), (gdp.Change!.Value, gdp.Change.Bound, gdp.Change.Base["en"]));

        var jobs = group.Figures[1];
        Assert.Equal((2023, FigureKind.Target, "tasks.md#targets", false), (jobs.Year, jobs.Kind, jobs.Source.ToString(), jobs.Home));
        Assert.Equal(23_000m, jobs.ValueIn("en"));
        Assert.Equal([gdp], set.Home);
    }

    [Fact]
    public void Reports_an_unknown_key_at_its_place_with_a_hint()
    {
        var yaml = Valid.Replace("        home: true", "        homes: true", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0701", yaml, "homes");
        Assert.Contains("unknown key \"homes\" (did you mean \"home\"?)", d.Message);
    }

    [Fact]
    public void Reports_a_language_the_site_does_not_have_as_an_unknown_key()
    {
        var yaml = Valid.Replace("{ zh: 经济, en: The economy }", "{ zh: 经济, en: The economy, fr: L'économie }", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0701", yaml, "fr:");
    }

    [Fact]
    public void Reports_a_value_of_the_wrong_type_at_the_value()
    {
        var yaml = Valid.Replace("value: 1100", "value: 1,100", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0703", yaml, "1,100");
        Assert.Contains("must be a number like 1100", d.Message);
    }

    [Fact]
    public void Reports_a_missing_field_at_the_figure()
    {
        var yaml = Valid.Replace("        label: { zh: 解决用工缺口, en: Labour shortages filled }\n", "", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0702", yaml, "id: jobs");
        Assert.Contains("missing required \"label\"", d.Message);
    }

    [Fact]
    public void Reports_a_text_missing_in_one_language()
    {
        var yaml = Valid.Replace("{ zh: 地区生产总值, en: Gross regional product }", "{ zh: 地区生产总值 }", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        Assert.Equal("MS0702", d.Id);
        Assert.Contains("\"en\"", d.Message);
        Assert.Equal(Where(yaml, "zh: 地区生产总值").Line, d.Line);
    }

    [Fact]
    public void Reports_an_unknown_kind()
    {
        var yaml = Valid.Replace("kind: target", "kind: forecast", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0703", yaml, "forecast");
        Assert.Contains("result or target", d.Message);
    }

    [Fact]
    public void Reports_a_source_that_is_not_a_page_and_section()
    {
        var yaml = Valid.Replace("source: tasks.md#targets", "source: tasks#targets", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0704", yaml, "tasks#targets");
    }

    [Fact]
    public void Reports_a_repeated_id()
    {
        var yaml = Valid.Replace("id: jobs", "id: gdp", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        Assert.Equal("MS0705", d.Id);
        Assert.Equal(Where(yaml, "id: gdp\n        label: { zh: 解决").Line, d.Line);
    }

    [Fact]
    public void Reports_units_that_do_not_convert_into_each_other()
    {
        var yaml = Valid.Replace("unit: { zh: 亿元, en: billion yuan }", "unit: { zh: 亿元, en: billion US dollars }", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0706", yaml, "{ zh: 亿元, en: billion US");
        Assert.Contains("yuan", d.Message);
    }

    [Fact]
    public void Reports_a_figure_without_value_or_change()
    {
        var yaml = Valid.Replace("        value: 2.3\n        unit: { zh: 万人, en: people }\n", "", StringComparison.Ordinal);
        var d = Assert.Single(Load(yaml).Diagnostics);
        AssertAt(d, "MS0702", yaml, "id: jobs");
        Assert.Contains("needs a \"value\", a \"change\", or both", d.Message);
    }

    [Fact]
    public void Reports_invalid_yaml_at_its_line()
    {
        var yaml = Valid.Replace("title: { zh: 经济, en: The economy }", "title: { zh: 经济, en: The economy", StringComparison.Ordinal);
        var (set, diagnostics) = Load(yaml);
        Assert.Null(set);
        Assert.Equal("MS0700", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void A_site_without_figures_has_none_and_no_error()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(FigureLoader.Load(TestSite.Input($"-- site.yml --\n{TestSite.Config}"), Config, diagnostics));
        Assert.Empty(diagnostics.Snapshot());
    }

    [Fact]
    public void Loads_the_real_figures_grouped_as_the_report()
    {
        var diagnostics = new DiagnosticBag();
        var input = TestSite.RepoInput();
        var set = FigureLoader.Load(input, ConfigLoader.Load(input, diagnostics)!, diagnostics)!;
        Assert.Empty(diagnostics.Snapshot());
        Assert.Equal(
            ["economy-2022", "innovation-2022", "city-2022", "wellbeing-2022", "governance-2022", "targets-2023", "opening-up-2023", "wellbeing-2023", "environment-2023"],
            set.Groups.Select(g => g.Id));
        Assert.Equal(6, set.Groups.Single(g => g.Id == "targets-2023").Figures.Count);
        Assert.All(set.Groups.Single(g => g.Id == "targets-2023").Figures, f => Assert.Equal((FigureKind.Target, 2023), (f.Kind, f.Year)));
        Assert.True(set.Groups.Sum(g => g.Figures.Count) >= 50);
        Assert.InRange(set.Home.Count, 4, 10);
    }
}
