using Microsite.Build;
using Microsite.Cli;
using Microsite.Core;
using Microsite.Validation;

namespace Microsite.Tests.Integration;

/// <summary>
/// The output checks: a clean site passes; each planted defect (one per rule) is caught with its id and
/// the line it is on, both in a build's pages in memory and in a folder on disk checked with `check`.
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private const string Furniture = """
            footer:
              host: 测试主办单位
              site_code: "3205070001"
              icp: 苏ICP备12345678号
              public_security: 苏公网安备32050702010001号
        """;

    /// <summary>A small site with every kind of page and markup the generator writes.</summary>
    private static readonly string CleanSite = $$"""
        -- site.yml --
        {{TestSite.Config.Replace("    report: { title: 政府工作报告", Furniture + "\n    report: { title: 政府工作报告").Replace("    report: { title: Report", Furniture.Replace("测试主办单位", "Test host") + "\n    report: { title: Report")}}
        base_url: https://example.gov.cn/report/
        {{TestSite.Homes}}
        -- zh/a.md --
        ---
        kind: chapter
        title: 甲章
        short_title: 甲
        order: 1
        slug: alpha
        description: 甲章。
        ---

        开头提到双中心。

        ## 规划 {#planning}

        建设双中心[^1]，见[枢纽](#hub)与[乙章](b.md#targets)，PM~2.5~达标。

        [^1]: 注释。

        ## 枢纽 {#hub}

        表：主要指标

        | 指标 | 目标 |
        |---|---|
        | 增长 | 5% |
        -- en/a.md --
        ---
        kind: chapter
        title: Chapter A
        short_title: A
        order: 1
        slug: alpha
        description: Chapter A.
        ---

        The opening mentions the Dual Centres.

        ## Planning {#planning}

        Build the Dual Centres[^1], see [the hub](#hub) and [chapter B](b.md#targets), PM~2.5~ met.

        [^1]: A note.

        ## Hub {#hub}

        Table: Main indicators

        | Indicator | Target |
        |---|---|
        | Growth | 5% |
        -- zh/b.md --
        ---
        kind: chapter
        title: 乙章
        short_title: 乙
        order: 2
        slug: beta
        description: 乙章。
        ---

        ## 目标 {#targets}

        内容。
        -- en/b.md --
        ---
        kind: chapter
        title: Chapter B
        short_title: B
        order: 2
        slug: beta
        description: Chapter B.
        ---

        ## Targets {#targets}

        Text.
        -- zh/glossary/dual-centre.md --
        ---
        number: 1
        term: 双中心
        ---

        指两个中心。
        -- en/glossary/dual-centre.md --
        ---
        number: 1
        term: Dual Centres
        ---

        The two centres.
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("microsite-check-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly Lazy<TestSite> Clean = new(() => TestSite.Build(CleanSite));

    [Fact]
    public void A_clean_site_has_no_findings_in_the_build()
    {
        Clean.Value.AssertBuilt();
        Assert.DoesNotContain(Clean.Value.Diagnostics, d => d.Id != "MS0408"); // translations are not marked in this tiny site
        // Every page written is checked: 7 pages and the search page per language, and one side-by-side page per chapter.
        Assert.Equal(Clean.Value.Result.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), Clean.Value.Result.PagesChecked);
        Assert.Equal(18, Clean.Value.Result.PagesChecked);
    }

    [Fact]
    public void A_clean_site_has_no_findings_when_checked_on_disk()
    {
        var (exit, stdout) = Check(WriteClean());
        Assert.Equal(ExitCodes.Built, exit);
        Assert.Contains("0 errors, 0 warnings", stdout);
    }

    [Fact]
    public void A_page_given_a_byte_order_mark_on_the_host_is_checked_as_a_browser_reads_it()
    {
        // Some upload tools save text files with a UTF-8 byte order mark; browsers take it as the encoding and
        // drop it. check reads the pages' bytes as they are (File.ReadAllText used to drop it): the parser does.
        var folder = WriteClean();
        var home = Path.Combine(folder, "index.html");
        File.WriteAllBytes(home, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(home)]);

        var (exit, stdout) = Check(folder);

        Assert.Equal(ExitCodes.Built, exit);
        Assert.Contains("0 errors, 0 warnings", stdout);
    }

    [Fact]
    public void The_real_report_has_no_findings_in_the_build_or_on_disk()
    {
        var real = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        Assert.True(real.Succeeded);
        Assert.Empty(real.Diagnostics);

        var folder = Path.Combine(_root, "real");
        Output.SiteWriter.Write(folder, real.Files);
        var (exit, stdout) = Check(folder, Path.Combine(TestSite.RepoRoot, "input"));
        Assert.Equal(ExitCodes.Built, exit);
        // The check on disk sees every page the build wrote.
        Assert.Contains($"0 errors, 0 warnings in {real.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal))} pages", stdout);
    }

    [Fact]
    public void Checked_without_site_yml_the_404_pages_links_from_the_host_root_are_reported_with_how_to_give_it()
    {
        var real = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        var folder = Path.Combine(_root, "real");
        Output.SiteWriter.Write(folder, real.Files);

        var (exit, stdout) = Check(folder, Path.Combine(_root, "no-content-here"));

        Assert.Equal(ExitCodes.ContentErrors, exit);
        var findings = stdout.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.Contains("/404.html:", f, StringComparison.Ordinal);
            Assert.Contains("error MS0501", f, StringComparison.Ordinal);
            Assert.Contains("check with --input naming the content folder", f, StringComparison.Ordinal);
        });
    }

    /// <summary>(rule id, file, text to find, what to put instead). The finding is expected on the line of the replacement.</summary>
    public static TheoryData<string, string, string, string> Defects() => new()
    {
        { "MS0501", "index.html", "href=\"contents.html\"", "href=\"contents-missing.html\"" },
        { "MS0502", "index.html", "href=\"contents.html\"", "href=\"Contents.html\"" },
        { "MS0503", "alpha.html", "href=\"#hub\"", "href=\"#hubb\"" },
        { "MS0504", "index.html", "href=\"contents.html\"", "href=\"contents.md\"" },
        { "MS0505", "index.html", "href=\"contents.html\"", "href=\"\"" },
        { "MS0506", "index.html", "href=\"contents.html\"", "href=\"javascript:void(0)\"" },
        { "MS0510", "alpha.html", "<h2 id=\"hub\">", "<h2 id=\"planning\">" },
        { "MS0511", "alpha.html", "aria-describedby=\"gloss-dual-centre-def\"", "aria-describedby=\"gloss-dual-centre-definition\"" },
        { "MS0511", "alpha.html", "<table aria-labelledby=\"table-1-caption\">", "<table aria-labelledby=\"table-1-title\">" },
        { "MS0520", "alpha.html", "<h2 id=\"hub\">枢纽</h2>", "<h1 id=\"hub\">枢纽</h1>" },
        { "MS0521", "alpha.html", "<h2 id=\"hub\">枢纽</h2>", "<h4 id=\"hub\">枢纽</h4>" },
        { "MS0522", "alpha.html", "<h2 id=\"hub\">枢纽</h2>", "<h2 id=\"hub\"> </h2>" },
        { "MS0523", "alpha.html", "<a class=\"skip-link\" href=\"#main\">", "<a class=\"skip-link\" href=\"#site-top\">" },
        { "MS0524", "alpha.html", "<title>甲章 - 测试站点</title>", "<title>乙章 - 测试站点</title>" },
        { "MS0525", "alpha.html", "<meta name=\"description\" content=\"甲章。\">", "<meta name=\"description\" content=\" \">" },
        { "MS0530", "alpha.html", "<html lang=\"zh-Hans\"", "<html lang=\"en\"" },
        { "MS0531", "en/alpha.html", "href=\"../alpha.html\" hreflang=\"zh-Hans\"", "href=\"../beta.html\" hreflang=\"zh-Hans\"" },
        { "MS0540", "alpha.html", ">开头提到", "><img src=\"assets/favicon.svg\">开头提到" },
        { "MS0541", "alpha.html", "<table aria-labelledby=\"table-1-caption\">", "<table>" },
        { "MS0550", "alpha.html", ">开头提到", "><img alt=\"\" src=\"https://cdn.example.com/x.png\">开头提到" },
        { "MS0560", "alpha.html", "<a class=\"term\" href=\"glossary.html#dual-centre\"", "<a class=\"term\" href=\"glossary.html#main\"" },
        { "MS0570", "beta.html", "3205070001", "3205070009" },
        { "MS0580", "alpha.html", "<p id=\"top-1\">开头提到", "<p id=\"top-1\" style=\"color: red\">开头提到" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void Catches_a_planted_defect_in_a_builds_pages(string id, string file, string find, string replace)
    {
        var files = Plant(Clean.Value.Result.Files.Select(f => (f.Path, f.Content, f.Source, f.Lang)).ToList(), file, find, replace, out var line);
        var bag = new DiagnosticBag();
        HtmlValidator.Validate(
            files.Select(f => new SiteFile(f.Path, f.Content, f.Lang, f.Source)).ToList(),
            new SiteExpectations(2, new Dictionary<string, FooterExpectation>
            {
                ["zh-Hans"] = new("3205070001", "苏ICP备12345678号", "苏公网安备32050702010001号"),
                ["en"] = new("3205070001", "苏ICP备12345678号", "苏公网安备32050702010001号"),
            }), "output", bag);

        var found = bag.Snapshot().Where(d => d.Id == id).ToList();
        Assert.True(found.Count > 0, $"{id} not reported; got:\n{string.Join("\n", bag.Snapshot())}");
        Assert.Contains(found, d => d.Path == $"output/{file}" && (d.Line == line || id == "MS0570"));
        Assert.All(found.Where(d => d.Path == $"output/{file}"), d => Assert.Equal(file.StartsWith("en/", StringComparison.Ordinal) ? "input/en/a.md" : Source(file), d.Source));
    }

    /// <summary>
    /// Pages are checked without the parser's source references; a finding's line and column are found
    /// afterwards by parsing its page again. They must be those of the element itself: a page rule's
    /// finding (MS0510) and one found across pages on the pages' facts (MS0501), one of many on a page.
    /// </summary>
    [Theory]
    [InlineData("MS0510", "alpha.html", "<h2 id=\"hub\">", "<h2 id=\"planning\">", "[id='planning']", 1)]
    [InlineData("MS0501", "index.html", "href=\"contents.html\"", "href=\"contents-missing.html\"", "a[href='contents-missing.html']", 0)]
    public void A_finding_is_placed_at_the_line_and_column_of_its_element(string id, string file, string find, string replace, string selector, int nth)
    {
        var files = Plant(Clean.Value.Result.Files.Select(f => (f.Path, f.Content, f.Source, f.Lang)).ToList(), file, find, replace, out _);
        var bag = new DiagnosticBag();
        HtmlValidator.Validate(files.Select(f => new SiteFile(f.Path, f.Content, f.Lang, f.Source)).ToList(), new SiteExpectations(2, new Dictionary<string, FooterExpectation>()), "output", bag);

        var page = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsKeepingSourceReferences = true })
            .ParseDocument(files.Single(f => f.Path == file).Content);
        var element = page.QuerySelectorAll(selector)[nth];
        var found = Assert.Single(bag.Snapshot(), d => d.Id == id && d.Path == $"output/{file}");
        Assert.Equal((element.SourceReference!.Position.Line, element.SourceReference.Position.Column), (found.Line, found.Column));
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Catches_a_planted_defect_in_a_folder_on_disk(string id, string file, string find, string replace)
    {
        var folder = WriteClean();
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        var line = LineOf(text, find);
        File.WriteAllText(path, ReplaceFirst(text, find, replace));

        var (exit, stdout) = Check(folder);
        Assert.Equal(ExitCodes.ContentErrors, exit);
        var location = $"{Cli.Options.Display(folder)}/{file}:{line}:";
        Assert.True(stdout.Split('\n').Any(l => l.Contains(id) && l.Contains(location)), $"no {id} at {location} in:\n{stdout}");
    }

    [Fact]
    public void A_stylesheet_loading_from_another_host_is_caught()
    {
        var folder = WriteClean();
        File.AppendAllText(Path.Combine(folder, "assets", "site.css"), "\n@import \"https://fonts.example.com/a.css\";\nbody { background: url(missing.png); }\n");
        var (exit, stdout) = Check(folder);
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("MS0550", stdout);
        Assert.Contains("MS0507", stdout);
    }

    [Fact]
    public void A_theme_defect_fails_the_build_before_anything_is_written()
    {
        var theme = TestSite.RepoTheme();
        var broken = Core.FileSet.FromMap(theme.Paths.ToDictionary(p => p, p => p == "layouts/base.liquid"
            ? theme.Read(p)!.Replace("<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><img src=\"https://example.com/logo.png\">")
            : theme.Read(p)!), "theme");
        var result = SiteBuilder.Build(TestSite.Input(CleanSite), broken);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Id == "MS0550" && d.Path == "output/alpha.html" && d.Source == "input/zh/a.md");
        Assert.Contains(result.Diagnostics, d => d.Id == "MS0540");
    }

    [Fact]
    public void Rule_levels_can_be_changed_in_site_yml()
    {
        var site = TestSite.Build(CleanSite.Replace("base_url: https://example.gov.cn/report/", "base_url: https://example.gov.cn/report/\nrules:\n  MS0408: off"));
        Assert.Empty(site.Diagnostics);
    }

    private static string Source(string file) => file switch
    {
        "alpha.html" => "input/zh/a.md",
        "beta.html" => "input/zh/b.md",
        "index.html" => "input/zh/index.md",
        _ => throw new ArgumentException(file),
    };

    private string WriteClean()
    {
        var folder = Path.Combine(_root, "site-" + Guid.NewGuid().ToString("N")[..8]);
        Clean.Value.AssertBuilt();
        Output.SiteWriter.Write(folder, Clean.Value.Result.Files);
        var input = Path.Combine(_root, "input");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "site.yml"), TestSite.Parse(CleanSite)["site.yml"]);
        return folder;
    }

    private (int Exit, string Out) Check(string folder, string? input = null)
    {
        var stdout = new StringWriter();
        var exit = Commands.Create(stdout, new StringWriter()).Parse(["check", folder, "--input", input ?? Path.Combine(_root, "input")]).Invoke();
        return (exit, stdout.ToString());
    }

    private static List<(string Path, string Content, string? Source, string? Lang)> Plant(
        List<(string Path, string Content, string? Source, string? Lang)> files, string file, string find, string replace, out int line)
    {
        var index = files.FindIndex(f => f.Path == file);
        line = LineOf(files[index].Content, find);
        files[index] = files[index] with { Content = ReplaceFirst(files[index].Content, find, replace) };
        return files;
    }

    private static int LineOf(string text, string find)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"\"{find}\" is not in the clean page");
        return text[..at].Count(c => c == '\n') + 1;
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}

/// <summary>Budgets for the theme: what a reader on a slow network downloads besides the text itself.</summary>
public class PageWeightTests
{
    [Fact]
    public void A_chapter_pages_own_html_css_and_js_without_its_text_stay_under_100_kb()
    {
        var site = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var assets = site.Files.Where(f => f.Path is "assets/site.css" or "assets/site.js").Sum(f => System.Text.Encoding.UTF8.GetByteCount(f.Content));
        foreach (var page in site.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && f.Source is not null))
        {
            var text = parser.ParseDocument(page.Content).Body!.TextContent;
            var own = System.Text.Encoding.UTF8.GetByteCount(page.Content) - System.Text.Encoding.UTF8.GetByteCount(text) + assets;
            Assert.True(own < 100 * 1024, $"{page.Path}: {own / 1024.0:0.0} KB of markup, CSS and JS");
        }
    }
}
