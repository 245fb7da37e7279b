namespace Microsite.Tests.Integration;

/// <summary>Each chapter side by side with its translation, for translators, reviewers and bilingual readers.</summary>
public class ParallelTests
{
    private static TestSite Build() => TestSite.Build($$"""
        -- site.yml --
        {{TestSite.Config}}
        base_url: https://www.example.gov.cn/report/
        {{TestSite.Homes}}
        -- zh/a.md --
        ---
        kind: chapter
        title: 一、甲章
        short_title: 甲章
        order: 1
        slug: alpha
        description: 甲。
        ---

        开头一段。

        ## 规划 {#planning}

        第一段。

        第二段。
        -- en/a.md --
        ---
        kind: chapter
        title: I. Alpha
        short_title: Alpha
        order: 1
        slug: alpha
        description: Alpha.
        ---

        The opening.

        ## Planning {#planning}

        First.

        Second.
        """);

    [Fact]
    public void Shows_a_chapter_and_its_translation_paragraph_by_paragraph_each_in_its_language()
    {
        var site = Build();
        site.AssertBuilt();
        var page = site.Html("alpha.parallel.html");

        var rows = page.QuerySelectorAll("#planning .parallel-row").Skip(1) // the section's titles
            .Select(r => r.QuerySelectorAll(".parallel-cell").Select(c => (c.GetAttribute("lang"), c.TextContent.Trim())).ToList()).ToList();
        Assert.Equal([[("zh-Hans", "第一段。"), ("en", "First.")], [("zh-Hans", "第二段。"), ("en", "Second.")]], rows);
        Assert.Equal(["zh-planning-1", "en-planning-1", "zh-planning-2", "en-planning-2"], page.QuerySelectorAll("#planning p[id]").Select(p => p.Id).ToList());
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.True(page.DocumentElement.HasAttribute("data-bilingual"));
    }

    [Fact]
    public void Is_linked_from_both_editions_and_kept_out_of_search_engines()
    {
        var site = Build();
        site.AssertBuilt();

        Assert.Equal("alpha.parallel.html", site.Html("alpha.html").QuerySelector(".parallel-link a")!.GetAttribute("href"));
        Assert.Equal("../alpha.parallel.html", site.Html("en/alpha.html").QuerySelector(".parallel-link a")!.GetAttribute("href"));
        var page = site.Html("alpha.parallel.html");
        Assert.Equal("https://www.example.gov.cn/report/alpha.html", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("meta[name=robots]")); // the canonical link is the duplicate's signal; noindex would contradict it
        Assert.Empty(page.QuerySelectorAll("link[rel=alternate]"));
        Assert.DoesNotContain("parallel", site.Text("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_with_fewer_paragraphs_in_one_language_leaves_its_cell_empty_and_the_build_says_where()
    {
        var site = TestSite.Build($$"""
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

            第一段。

            第二段。
            -- en/a.md --
            ---
            kind: chapter
            title: Alpha
            short_title: Alpha
            order: 1
            slug: alpha
            description: Alpha.
            ---

            First and second.
            """);
        site.AssertBuilt();

        var warning = site.Single(Core.DiagnosticIds.ParagraphCountDiffers);
        Assert.Equal("input/en/a.md", warning.Path);
        var last = site.Html("alpha.parallel.html").QuerySelectorAll(".parallel-section .parallel-row").Last().QuerySelectorAll(".parallel-cell");
        Assert.Equal(("第二段。", ""), (last[0].TextContent.Trim(), last[1].TextContent.Trim()));
    }
}
