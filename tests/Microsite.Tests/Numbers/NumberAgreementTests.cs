using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Numbers;

namespace Microsite.Tests.Numbers;

/// <summary>
/// Whole tiny sites whose two languages agree, then one planted mismatch each: the finding names the
/// section and stands at the line and column of the number (or of the paragraph that lacks it).
/// </summary>
public class NumberAgreementTests
{
    private const string Zh = """
        ---
        kind: chapter
        title: 一、总结
        short_title: 总结
        order: 1
        slug: review
        description: 回顾。
        ---

        ## 经济 {#economy}

        解决用工缺口2.3万人，为市场主体减负72.2亿元。一般公共预算收入145.7亿元，同口径增长0.9%；地区生产总值1100亿元左右。

        ## 民生 {#livelihoods}

        国防科工局四个分支机构成功揭牌。保障民生支出121.3亿元，同比增长17.7%。

        签约项目280个，落户项目192个。
        """;

    private const string En = """
        ---
        kind: chapter
        title: I. Review
        short_title: Review
        order: 1
        slug: review
        description: Review.
        ---

        ## Economy {#economy}

        We filled labour shortages of 23,000 people and reduced the burden on market entities by 7.22 billion yuan. General public budget revenue was 14.57 billion yuan, up 0.9% on a comparable basis; gross regional product, about 110 billion yuan.

        ## Livelihoods {#livelihoods}

        Four branch institutions were inaugurated. Spending on people's wellbeing reached 12.13 billion yuan, up 17.7% year on year.

        280 projects were signed and 192 were established.
        """;

    private const string ZhTerm = """
        ---
        number: 1
        term: TOD
        ---

        以400—800米范围为半径。
        """;

    private const string EnTerm = """
        ---
        number: 1
        term: TOD
        ---

        With a radius of 400–800 metres.
        """;

    private static TestSite Build(string zh = Zh, string en = En, string config = "", string zhTerm = ZhTerm, string enTerm = EnTerm) =>
        TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{config}\n{TestSite.Homes}\n-- zh/review.md --\n{zh}\n-- en/review.md --\n{en}\n-- zh/glossary/tod.md --\n{zhTerm}\n-- en/glossary/tod.md --\n{enTerm}");

    private static IReadOnlyList<Diagnostic> Numbers(TestSite site) => site.Diagnostics.Where(d => d.Id.StartsWith("MS07", StringComparison.Ordinal)).ToList();

    /// <summary>Line and column of <paramref name="needle"/> in a file as the test site writes it.</summary>
    private static (int Line, int Column) Where(string file, string needle)
    {
        var text = TestSite.Parse($"-- f --\n{file}")["f"];
        var at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{needle}\" not in the file");
        var line = text[..at].Count(c => c == '\n') + 1;
        return (line, at - text.LastIndexOf('\n', Math.Max(at - 1, 0)) - (at == 0 ? -1 : 0));
    }

    private static void AssertAt(Diagnostic d, string path, string file, string needle)
    {
        var (line, column) = Where(file, needle);
        Assert.Equal((path, line, column), (d.Path, d.Line, d.Column));
    }

    [Fact]
    public void Sections_that_say_the_same_numbers_pass()
    {
        var site = Build();
        site.AssertBuilt();
        Assert.Empty(Numbers(site));
        Assert.True(site.Result.Notes.Any(n => n.StartsWith("numbers (zh/en): 12 中文 and 12 English numbers compared in 3 sections and 1 glossary definition; all agree", StringComparison.Ordinal)), string.Join("\n", site.Result.Notes));
    }

    [Fact]
    public void Reports_a_wrong_digit_at_the_number_in_the_translation()
    {
        var en = En.Replace("7.22 billion", "7.23 billion", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0721", d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        AssertAt(d, "input/en/review.md", en, "7.23 billion");
        Assert.Contains("section \"economy\"", d.Message);
        Assert.Contains("\"72.2亿元\" (7.22 billion yuan) at input/zh/review.md:12:", d.Message);
    }

    [Fact]
    public void Reports_a_dropped_percent_sign()
    {
        var en = En.Replace("up 17.7% year on year", "up 17.7 year on year", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0721", d.Id);
        AssertAt(d, "input/en/review.md", en, "17.7 year");
        Assert.Contains("section \"livelihoods\"", d.Message);
        Assert.Contains("% sign", d.Message);
    }

    [Fact]
    public void Reports_a_slip_between_yi_and_billion()
    {
        var en = En.Replace("14.57 billion yuan", "145.7 billion yuan", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0721", d.Id);
        AssertAt(d, "input/en/review.md", en, "145.7 billion");
        Assert.Contains("\"145.7亿元\" (14.57 billion yuan)", d.Message);
        Assert.Contains("亿 is 100 million", d.Message);
    }

    [Fact]
    public void Reports_a_number_spelled_out_in_english_that_differs()
    {
        var en = En.Replace("Four branch institutions", "Five branch institutions", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0721", d.Id);
        AssertAt(d, "input/en/review.md", en, "Five branch");
        Assert.Contains("\"四个\"", d.Message);
    }

    [Fact]
    public void Reports_a_number_left_out_of_the_translation_at_its_paragraph()
    {
        var en = En.Replace(" and 192 were established", "", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0720", d.Id);
        AssertAt(d, "input/en/review.md", en, "280 projects");
        Assert.Contains("section \"livelihoods\": \"192个\" (192) at input/zh/review.md:18:", d.Message);
    }

    [Fact]
    public void Reports_a_number_only_the_translation_has_in_the_file_that_lacks_it()
    {
        var en = En.Replace("280 projects were signed", "280 projects were signed in 12 cities", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0720", d.Id);
        AssertAt(d, "input/zh/review.md", Zh, "签约项目");
        var (line, column) = Where(en, "12 cities");
        Assert.Contains($"\"12\" (12) at input/en/review.md:{line}:{column} is not in the 中文 text", d.Message);
    }

    [Fact]
    public void Reports_an_approximation_said_in_one_language_only()
    {
        var en = En.Replace("about 110 billion", "110 billion", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(en: en)));
        Assert.Equal("MS0722", d.Id);
        AssertAt(d, "input/en/review.md", en, "110 billion");
        Assert.True(d.Message.Contains("says exactly here, but \"1100亿元左右\"", StringComparison.Ordinal), d.Message);
    }

    [Fact]
    public void Reports_a_wrong_digit_in_the_chinese_text_at_the_differing_translation()
    {
        var zh = Zh.Replace("落户项目192个", "落户项目193个", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(zh: zh)));
        Assert.Equal("MS0721", d.Id);
        AssertAt(d, "input/en/review.md", En, "192 were");
        Assert.Contains("\"193个\"", d.Message);
    }

    [Fact]
    public void Compares_the_numbers_of_glossary_definitions()
    {
        var enTerm = EnTerm.Replace("400–800", "400–900", StringComparison.Ordinal);
        var d = Assert.Single(Numbers(Build(enTerm: enTerm)));
        Assert.Equal("MS0721", d.Id);
        AssertAt(d, "input/en/glossary/tod.md", enTerm, "900");
        Assert.Contains("the definition of \"TOD\"", d.Message);
    }

    [Fact]
    public void Numbers_strict_makes_differences_errors_and_stops_the_build()
    {
        var site = Build(en: En.Replace("7.22 billion", "7.23 billion", StringComparison.Ordinal), config: "numbers: strict");
        var d = Assert.Single(Numbers(site));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void Numbers_takes_only_warn_or_strict()
    {
        var site = Build(config: "numbers: loud");
        var d = site.Single("MS0013");
        Assert.Contains("\"numbers\" must be one of warn, strict", d.Message);
    }

    [Fact]
    public void The_real_report_says_the_same_numbers_in_both_languages()
    {
        var input = TestSite.RepoInput();
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(input, diagnostics)!;
        var index = Indexer.Build(ContentLoader.Load(input, config, diagnostics), input, config, diagnostics);
        var found = new DiagnosticBag();

        var tally = Assert.Single(NumberAgreement.Compare(index, found));

        Assert.Empty(found.Snapshot());
        Assert.Equal(0, tally.Findings);
        Assert.True(tally.ComparedA > 250 && tally.ComparedB > 250, tally.Note);
        Assert.True(tally.ComparedA + tally.ComparedB > 500, tally.Note);
        Assert.Equal(33, tally.Definitions);
    }
}
