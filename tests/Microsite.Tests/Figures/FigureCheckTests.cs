using Microsite.Build;
using Microsite.Core;

namespace Microsite.Tests.Figures;

/// <summary>Figures checked against the sections they cite, in whole tiny sites; and the real report.</summary>
public class FigureCheckTests
{
    private const string Pages = """
        -- zh/review.md --
        ---
        kind: chapter
        title: 一、总结
        short_title: 总结
        order: 1
        slug: review
        description: 回顾。
        ---

        ## 经济 {#economy}

        预计完成地区生产总值1100亿元左右，增长1.5%左右；一般公共预算收入145.7亿元，同口径增长0.9%。
        -- en/review.md --
        ---
        kind: chapter
        title: I. Review
        short_title: Review
        order: 1
        slug: review
        description: Review.
        ---

        ## Economy {#economy}

        Gross regional product is expected to reach about 110 billion yuan, up about 1.5%; general public budget revenue, 14.57 billion yuan, up 0.9% on a comparable basis.
        """;

    private const string Figures = """
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
                change: { value: 1.5, approx: about }
              - id: budget-revenue
                label: { zh: 一般公共预算收入, en: General public budget revenue }
                value: 145.7
                unit: { zh: 亿元, en: billion yuan }
                change: { value: 0.9, base: { zh: 同口径, en: on a comparable basis } }
        """;

    private static TestSite Build(string figures = Figures, string pages = Pages) =>
        TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{pages}\n-- data/figures.yml --\n{figures}");

    private static IReadOnlyList<Diagnostic> FigureFindings(TestSite site) => site.Diagnostics.Where(d => d.Id.StartsWith("MS071", StringComparison.Ordinal)).ToList();

    private static int LineOf(string text, string needle) => text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void Figures_that_stand_in_their_sections_pass()
    {
        var site = Build();
        site.AssertBuilt();
        Assert.DoesNotContain(site.Diagnostics, d => d.Id.StartsWith("MS07", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_figure_whose_section_does_not_contain_it()
    {
        var figures = Figures.Replace("value: 145.7", "value: 147.5", StringComparison.Ordinal);
        var site = Build(figures);
        var zh = Assert.Single(site.Diagnostics, d => d.Id == "MS0711");
        Assert.Equal(("input/data/figures.yml", LineOf(figures, "147.5")), (zh.Path, zh.Line));
        Assert.Contains("figure \"budget-revenue\": 147.5亿元 is not in section \"economy\" of input/zh/review.md (it says \"145.7亿元\"", zh.Message);
        var en = Assert.Single(site.Diagnostics, d => d.Id == "MS0712");
        Assert.Contains("14.75 billion yuan is not in section \"economy\" of input/en/review.md", en.Message);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void Reports_a_figure_that_drops_the_texts_approximation()
    {
        var figures = Figures.Replace("change: { value: 1.5, approx: about }", "change: { value: 1.5 }", StringComparison.Ordinal);
        var d = Assert.Single(Build(figures).Diagnostics, d => d.Id == "MS0711");
        Assert.Contains("it says \"1.5%左右\" (set \"approx: about\"?)", d.Message);
    }

    [Fact]
    public void Reports_a_figure_the_translation_does_not_say()
    {
        var pages = Pages.Replace("14.57 billion yuan", "14.75 billion yuan", StringComparison.Ordinal);
        var site = Build(pages: pages);
        var d = Assert.Single(FigureFindings(site));
        Assert.Equal("MS0712", d.Id);
        Assert.Equal(LineOf(Figures, "145.7"), d.Line);
        Assert.Contains("14.57 billion yuan is not in section \"economy\" of input/en/review.md (it says \"14.75 billion yuan\"", d.Message);
        Assert.Single(site.Diagnostics, x => x.Id == "MS0721"); // and the numbers of the two languages differ
    }

    [Fact]
    public void Reports_a_figure_in_an_unknown_section_once_at_its_source()
    {
        var figures = Figures.Replace("source: review.md#economy", "source: review.md#econmy", StringComparison.Ordinal);
        var d = Assert.Single(FigureFindings(Build(figures)));
        Assert.Equal(("MS0710", LineOf(figures, "review.md#econmy")), (d.Id, d.Line));
        Assert.Contains("2 figures (\"gdp\", …) cite \"review.md#econmy\", but input/zh/review.md has no section \"econmy\" (did you mean \"economy\"?)", d.Message);
    }

    [Fact]
    public void Reports_a_figure_citing_an_unknown_page()
    {
        var figures = Figures.Replace("source: review.md#economy", "source: reveiw.md#economy", StringComparison.Ordinal);
        var d = Assert.Single(FigureFindings(Build(figures)));
        Assert.Equal("MS0710", d.Id);
        Assert.Contains("there is no page reveiw.md in input/zh/ (did you mean \"review.md\"?)", d.Message);
    }

    [Fact]
    public void The_real_site_builds_with_its_figures_and_numbers_in_agreement()
    {
        var site = new TestSiteOfRealInput();
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Id.StartsWith("MS07", StringComparison.Ordinal));
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        var note = Assert.Single(site.Result.Notes, n => n.StartsWith("numbers (zh/en):", StringComparison.Ordinal));
        var counts = System.Text.RegularExpressions.Regex.Matches(note, @"(\d+) (?:中文|English)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(counts.Count == 2 && counts.Sum() > 300, note);
        Assert.EndsWith("all agree", note, StringComparison.Ordinal);
    }

    private sealed class TestSiteOfRealInput
    {
        public BuildResult Result { get; } = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
    }
}
