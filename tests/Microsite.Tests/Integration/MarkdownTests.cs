using Microsite.Core;
namespace Microsite.Tests.Integration;

public class MarkdownTests
{
    private static TestSite Build(string zh, string en) => TestSite.Build($$"""
        -- site.yml --
        {{TestSite.Config}}
        {{TestSite.Homes}}
        -- zh/a.md --
        ---
        kind: chapter
        title: 甲
        short_title: 甲
        order: 1
        slug: alpha
        description: 甲。
        ---

        {{zh}}
        -- en/a.md --
        ---
        kind: chapter
        title: Alpha
        short_title: Alpha
        order: 1
        slug: alpha
        description: Alpha.
        ---

        {{en}}
        -- zh/b.md --
        ---
        kind: chapter
        title: 乙
        short_title: 乙
        order: 2
        slug: beta
        description: 乙。
        ---

        ## 目标 {#targets}

        内容。
        -- en/b.md --
        ---
        kind: chapter
        title: Beta
        short_title: Beta
        order: 2
        slug: beta
        description: Beta.
        ---

        ## Targets {#targets}

        Text.
        """);

    [Fact]
    public void Rewrites_links_to_source_files_into_relative_page_urls()
    {
        var site = Build("见[主要目标](b.md#targets)和[英文版](../en/b.md)。", "See [the targets](b.md#targets).");
        site.AssertBuilt();

        var zhLinks = site.Html("alpha.html").QuerySelectorAll("main .prose a:not(.para-link)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["beta.html#targets", "en/beta.html"], zhLinks);
        Assert.Equal("beta.html#targets", site.Html("en/alpha.html").QuerySelector("main .prose a:not(.para-link)")!.GetAttribute("href"));
    }

    [Fact]
    public void Reports_a_link_to_a_missing_page_at_its_line_and_column()
    {
        var site = Build("第一段。\n\n见[目标](c.md)。", "See [targets](b.md).");

        var d = site.Single("MS0201");
        Assert.Equal(("input/zh/a.md", 12, 2), (d.Path, d.Line, d.Column));
        Assert.Contains("\"c.md\"", d.Message);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void Reports_a_link_to_a_missing_heading_with_a_hint()
    {
        var site = Build("见[目标](b.md#target)。", "See [targets](b.md#targets).");

        var d = site.Single("MS0202");
        Assert.Equal(("input/zh/a.md", 10, 2), (d.Path, d.Line, d.Column));
        Assert.Contains("did you mean \"targets\"", d.Message);
    }

    [Fact]
    public void Chinese_headings_get_readable_ids_and_explicit_ids_win()
    {
        var site = Build("## 登高望远实施规划建设\n\n正文。\n\n## 一流标准 {#hub}\n\n正文。", "## Planning {#登高望远实施规划建设}\n\nText.\n\n## Hub {#hub}\n\nText.");

        var ids = site.Html("alpha.html").QuerySelectorAll("main .prose h2").Select(h => h.Id).ToList();
        Assert.Equal(["登高望远实施规划建设", "hub"], ids);
        Assert.DoesNotContain("section", ids);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_with_a_warning()
    {
        var site = Build("正文<script>alert(1)</script>。\n\n<div class=\"x\">块</div>", "Text.");

        site.AssertBuilt();
        var page = site.Html("alpha.html");
        Assert.Empty(page.QuerySelectorAll("main script, main div.x"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("main .prose")!.TextContent);
        Assert.Equal(3, site.Diagnostics.Count(d => d.Id == "MS0203" && d.Severity == Core.Severity.Warning));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0203" && d.Line == 12 && d.Column == 1);
    }

    [Fact]
    public void Tables_footnotes_subscript_and_language_runs_render()
    {
        var site = Build(
            "PM~2.5~浓度[^1]，见[Yangtze River Delta]{lang=en}。\n\n[^1]: 注释。\n\n表：主要预期目标\n\n| 指标 | 目标 |\n|---|---|\n| 增长 | 5% |",
            "PM~2.5~ [相城]{lang=zh-Hans}.");

        var page = site.Html("alpha.html");
        Assert.Equal("2.5", page.QuerySelector("main sub")!.TextContent);
        Assert.Equal("Yangtze River Delta", page.QuerySelector("main span[lang=en]")!.TextContent);
        Assert.Equal("col", page.QuerySelector("main table th")!.GetAttribute("scope"));
        var label = page.QuerySelector("main table")!.GetAttribute("aria-labelledby")!;
        Assert.Equal("表：主要预期目标", page.GetElementById(label)!.TextContent);
        Assert.DoesNotContain(site.Diagnostics, d => d.Id == "MS0541");
        Assert.NotNull(page.QuerySelector("main .footnotes"));
        Assert.Equal("相城", site.Html("en/alpha.html").QuerySelector("main span[lang=zh-Hans]")!.TextContent);
    }

    [Fact]
    public void Reports_a_heading_id_that_would_show_as_text()
    {
        var site = Build("正文。\n\n## 甲 {#a}\n\n正文。", "Text.\n\n## A {#a}\n\nText.");
        var d = site.Diagnostics.First(x => x.Id == "MS0205" && x.Path.Contains("zh"));
        Assert.Equal(("input/zh/a.md", 12, 1), (d.Path, d.Line, d.Column));
        Assert.Contains("{#a}", d.Message);
    }

    [Fact]
    public void Paragraphs_have_ids_shared_by_both_languages_and_a_link_to_cite_them()
    {
        var site = Build("开头一段。\n\n## 规划 {#planning}\n\n第一段。\n\n表：数据\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n第二段。",
            "The opening.\n\n## Planning {#planning}\n\nFirst.\n\nTable: data\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nSecond.");
        site.AssertBuilt();

        foreach (var page in new[] { "alpha.html", "en/alpha.html" })
        {
            var ids = site.Html(page).QuerySelectorAll("main .prose p[id]").Select(p => p.Id).ToList();
            Assert.Equal(["top-1", "planning-1", "table-1-caption", "planning-2"], ids);
        }

        var link = site.Html("en/alpha.html").QuerySelector("#planning-2 a.para-link")!;
        Assert.Equal("#planning-2", link.GetAttribute("href"));
        Assert.Equal("Link to this paragraph", link.GetAttribute("aria-label"));
        Assert.NotNull(site.Html("full.html").QuerySelector("#alpha--planning-2 a.para-link[href='#alpha--planning-2']"));
    }

    [Fact]
    public void A_paragraph_added_renumbers_only_the_paragraphs_after_it_in_its_section()
    {
        var before = Build("## 规划 {#planning}\n\n甲段。\n\n乙段。\n\n## 其他 {#other}\n\n丙段。", "## Planning {#planning}\n\nA.\n\nB.\n\n## Other {#other}\n\nC.");
        var after = Build("## 规划 {#planning}\n\n甲段，改写。\n\n新段。\n\n乙段。\n\n## 其他 {#other}\n\n丙段。", "## Planning {#planning}\n\nA.\n\nB.\n\n## Other {#other}\n\nC.");

        string Id(TestSite site, string text) => site.Html("alpha.html").QuerySelectorAll("main .prose p").First(p => p.TextContent.StartsWith(text, StringComparison.Ordinal)).Id!;
        Assert.Equal("planning-1", Id(before, "甲段"));
        Assert.Equal("planning-1", Id(after, "甲段")); // edited: the same id
        Assert.Equal("planning-2", Id(before, "乙段"));
        Assert.Equal("planning-3", Id(after, "乙段")); // a paragraph added before it
        Assert.Equal("other-1", Id(after, "丙段")); // another section: untouched
    }
}
