using Microsite.Build;
using Microsite.Core;
using System.Text;
using Microsite.Content;

namespace Microsite.Tests.Integration;

/// <summary>Mistakes editors make, each answered by a diagnostic at the right place, never by a crash.</summary>
public class EditorMistakeTests
{
    private static string Chapter(string lang, string file, string slug, int order, string body, string extra = "") => $"""
        -- {lang}/{file} --
        ---
        kind: chapter
        title: {(lang == "zh" ? "章" : "Chapter")} {order}
        short_title: {order}
        order: {order}
        slug: {slug}
        description: {(lang == "zh" ? "说明。" : "About.")}{extra}
        ---

        {body}
        """;

    private static string Entry(string lang, string id, int number, string term, string definition) => $"""
        -- {lang}/glossary/{id}.md --
        ---
        number: {number}
        term: {term}
        ---

        {definition}
        """;

    private static string Site(params string[] files) =>
        $"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n" + string.Join('\n', files);

    [Fact]
    public void Two_chapters_with_one_slug_are_reported_not_crashed_on()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "same", 1, "甲。"), Chapter("en", "a.md", "same", 1, "A."),
            Chapter("zh", "b.md", "same", 2, "乙。"), Chapter("en", "b.md", "same", 2, "B.")));
        Assert.False(site.Result.Succeeded);
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0024" && d.Path == "input/zh/b.md" && d.Line == 6);
    }

    [Fact]
    public void A_glossary_entry_in_a_subfolder_is_reported()
    {
        var site = TestSite.Build(Site(Entry("zh", "sub/x", 1, "甲", "指甲。"), Entry("en", "sub/x", 1, "A", "A.")));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0025" && d.Path == "input/zh/glossary/sub/x.md");
    }

    [Fact]
    public void Reserved_and_repeated_heading_ids_are_reported_at_the_heading()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "a", 1, "开头。\n\n## 甲 {#top}\n\n甲。\n\n## 乙 {#part}\n\n乙。\n\n## 丙 {#part}\n\n丙。"),
            Chapter("en", "a.md", "a", 1, "Start.\n\n## A {#top}\n\nA.\n\n## B {#part}\n\nB.\n\n## C {#part}\n\nC.", "\ntranslated_from: { hash: abc, sections: { top: x } }")));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0204" && d.Path == "input/zh/a.md" && d.Line == 12 && d.Message.Contains("reserved"));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0204" && d.Path == "input/zh/a.md" && d.Line == 20 && d.Message.Contains("already used"));
    }

    [Fact]
    public void A_fallback_page_keeps_its_definitions_and_stays_out_of_search_engines()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "a", 1, "建设双中心。"),
            Entry("zh", "dual-centre", 1, "双中心", "指两个中心。"), Entry("en", "dual-centre", 1, "Dual Centres", "Two centres."))
            .Replace("-- site.yml --\n", "-- site.yml --\nbase_url: https://example.gov.cn/r/\ntranslations: fallback\n"));
        site.AssertBuilt();

        var fallback = site.Html("en/a.html");
        Assert.NotNull(fallback.GetElementById("gloss-dual-centre"));
        Assert.Empty(fallback.QuerySelectorAll("link[rel=alternate]"));
        Assert.Empty(site.Html("a.html").QuerySelectorAll("link[rel=alternate]"));
        Assert.Empty(site.Html("en/glossary.html").QuerySelectorAll("#dual-centre .used-in a"));
        Assert.DoesNotContain("en/a.html", site.Text("sitemap.xml"));
    }

    [Fact]
    public void Links_in_a_definition_are_rewritten_and_checked_at_the_entry()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "a", 1, "## 一 {#one}\n\n双中心。"), Chapter("en", "a.md", "a", 1, "## One {#one}\n\nDual Centres."),
            Entry("zh", "dual-centre", 1, "双中心", "见[第一章](../a.md#one)。"), Entry("en", "dual-centre", 1, "Dual Centres", "See [chapter one](../a.md#one).")));
        site.AssertBuilt();
        Assert.Equal("a.html#one", site.Html("glossary.html").QuerySelector("#dual-centre .glossary-definition a")!.GetAttribute("href"));
        Assert.Equal("a.html#one", site.Html("en/a.html").QuerySelector("#gloss-dual-centre-def a")!.GetAttribute("href"));

        var broken = TestSite.Build(Site(
            Chapter("zh", "a.md", "a", 1, "双中心。"), Chapter("en", "a.md", "a", 1, "Dual Centres."),
            Entry("zh", "dual-centre", 1, "双中心", "见[第一章](../b.md)。"), Entry("en", "dual-centre", 1, "Dual Centres", "Two.")));
        var d = broken.Single("MS0201");
        Assert.Equal(("input/zh/glossary/dual-centre.md", 6, 2), (d.Path, d.Line, d.Column));
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_not_published_as_mojibake()
    {
        var files = TestSite.Parse(Site(Chapter("zh", "a.md", "a", 1, "正文。"), Chapter("en", "a.md", "a", 1, "Text.")));
        var input = FileSet.FromMap(files, "input");
        var gbk = FileSetWith(files, "zh/a.md", Encoding.Latin1.GetBytes("---\ntitle: \u00d5\u00fd\n---\n"));
        var result = SiteBuilder.Build(gbk, TestSite.RepoTheme());
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Id == "MS0020" && d.Path == "input/zh/a.md" && d.Message.Contains("not UTF-8"));
        Assert.True(SiteBuilder.Build(input, TestSite.RepoTheme()).Succeeded);
    }

    [Fact]
    public void Binary_theme_files_are_copied_byte_for_byte()
    {
        var theme = TestSite.RepoTheme();
        var png = Enumerable.Range(0, 2000).Select(i => (byte)(i * 37 % 256)).ToArray();
        var withPng = FileSetWith(theme.Paths.ToDictionary(p => p, p => theme.Read(p)!), "assets/logo.png", png, "theme");
        var result = SiteBuilder.Build(TestSite.Input(Site()), withPng);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var logo = result.Files.Single(f => f.Path == "assets/logo.png");
        Assert.False(logo.IsText);
        Assert.Equal(png, logo.Bytes);
    }

    [Theory]
    [InlineData("还有[长三角] {lang=en}。", "MS0206")]
    [InlineData("还有[长三角]{lang=english}。", "MS0206")]
    [InlineData("见[[双中心。", "MS0207")]
    public void Attribute_and_glossary_syntax_that_did_not_take_is_reported(string paragraph, string id)
    {
        var site = TestSite.Build(Site(Chapter("zh", "a.md", "a", 1, paragraph), Chapter("en", "a.md", "a", 1, "Text.")));
        var d = site.Diagnostics.First(x => x.Id == id);
        Assert.Equal(("input/zh/a.md", 10), (d.Path, d.Line));
        Assert.DoesNotContain("lang=\"english\"", site.Result.Files.FirstOrDefault(f => f.Path == "a.html")?.Content ?? "");
    }

    [Fact]
    public void A_heading_id_with_a_space_is_reported()
    {
        var site = TestSite.Build(Site(Chapter("zh", "a.md", "a", 1, "## 第一节 {#my id}\n\n正文。"), Chapter("en", "a.md", "a", 1, "## One {#my id}\n\nText.")));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0206" && d.Path == "input/zh/a.md" && d.Line == 10);
    }

    [Fact]
    public void Section_ids_never_collide_with_the_full_reports_own_ids()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "title", 1, "## 标题 {#title}\n\n正文。"), Chapter("en", "a.md", "title", 1, "## Title {#title}\n\nText.")));
        site.AssertBuilt();
        Assert.DoesNotContain(site.Diagnostics, d => d.Severity == Core.Severity.Error);
    }

    [Fact]
    public void A_link_from_the_hosts_root_is_reported_at_the_source()
    {
        var site = TestSite.Build(Site(Chapter("zh", "a.md", "a", 1, "见[根](/a.md)。"), Chapter("en", "a.md", "a", 1, "Text.")));
        var d = site.Single("MS0201");
        Assert.Equal(("input/zh/a.md", 10, 2), (d.Path, d.Line, d.Column));
        Assert.Contains("relative to this file", d.Message);
    }

    [Fact]
    public void The_hint_for_a_mistyped_link_is_written_relative_to_the_file()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "alpha.md", "alpha", 1, "见[乙](betta.md)和[英](../en/betta.md)。"), Chapter("en", "alpha.md", "alpha", 1, "Text."),
            Chapter("zh", "beta.md", "beta", 2, "乙。"), Chapter("en", "beta.md", "beta", 2, "B.")));
        var hints = site.Diagnostics.Where(d => d.Id == "MS0201").Select(d => d.Message).ToList();
        Assert.Contains(hints, m => m.Contains("did you mean \"beta.md\"?"));
        Assert.Contains(hints, m => m.Contains("did you mean \"../en/beta.md\"?"));
    }

    [Fact]
    public void A_chapter_that_names_itself_as_parent_is_reported_at_parent()
    {
        var site = TestSite.Build(Site(
            Chapter("zh", "a.md", "a", 1, "正文。", "\nparent: a"), Chapter("en", "a.md", "a", 1, "Text.", "\nparent: a")));
        var d = site.Diagnostics.First(x => x.Id == "MS0026");
        Assert.Equal((8, 9), (d.Line, d.Column));
        Assert.DoesNotContain("did you mean", d.Message);
    }

    [Fact]
    public void An_empty_kind_is_the_only_finding_about_that_file()
    {
        var site = TestSite.Build(Site("-- zh/a.md --\n---\nkind:\ntitle: 甲\nslug: a\n---\n\n正文。"));
        var forFile = site.Diagnostics.Where(d => d.Path == "input/zh/a.md").ToList();
        Assert.Single(forFile);
        Assert.Contains("kind", forFile[0].Message);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_on_its_own_line()
    {
        var site = TestSite.Build(Site("-- zh/a.md --\n---\nkind: chapter\ntitle: 甲\norder: [1\nslug: a\n---\n\n正文。"));
        var d = site.Single("MS0020");
        Assert.Equal(4, d.Line);
        Assert.Contains("never closed", d.Message);
    }

    [Fact]
    public void Footer_numbers_set_for_one_language_are_expected_on_that_languages_pages_only()
    {
        var config = TestSite.Config.Replace("    report: { title: 政府工作报告", "    footer: { icp: 苏ICP备12345678号 }\n    report: { title: 政府工作报告");
        var site = TestSite.Build($"-- site.yml --\n{config}\n{TestSite.Homes}");
        site.AssertBuilt();
        Assert.Contains("苏ICP备12345678号", site.Text("index.html"));
        Assert.DoesNotContain("苏ICP备12345678号", site.Text("en/index.html"));
    }

    [Fact]
    public void A_yaml_null_is_no_value_not_the_text_tilde()
    {
        var site = TestSite.Build(Site(Chapter("zh", "a.md", "a", 1, "正文。").Replace("description: 说明。", "description: ~"), Chapter("en", "a.md", "a", 1, "Text.")));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0022" && d.Path == "input/zh/a.md" && d.Message.Contains("description"));
    }

    private static FileSet FileSetWith(Dictionary<string, string> files, string path, byte[] bytes, string root = "input")
    {
        var folder = Directory.CreateTempSubdirectory("microsite-bytes-").FullName;
        try
        {
            foreach (var (p, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, p))!);
                File.WriteAllText(Path.Combine(folder, p), text);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllBytes(Path.Combine(folder, path), bytes);
            return FileSet.FromDirectory(folder, root);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
