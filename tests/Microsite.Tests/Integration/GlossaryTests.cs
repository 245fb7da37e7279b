using Microsite.Build;
namespace Microsite.Tests.Integration;

public class GlossaryTests
{
    private const string Pages = """
        -- zh/a.md --
        ---
        kind: chapter
        title: 甲
        short_title: 甲
        order: 1
        slug: alpha
        description: 甲。
        ---

        ## 规划 {#planning}

        建设“双中心”，推进三区三线划定。

        ## 枢纽 {#hub}

        打造双中心枢纽。
        -- en/a.md --
        ---
        kind: chapter
        title: Alpha
        short_title: Alpha
        order: 1
        slug: alpha
        description: Alpha.
        ---

        ## Planning {#planning}

        Build the “Dual Centres” and delimit the Three Zones and Three Lines.

        ## Hub {#hub}

        A hub for the dual centre.
        """;

    private static string Entry(string lang, string id, int number, string term, string definition, string extra = "") => $"""
        -- {lang}/glossary/{id}.md --
        ---
        number: {number}
        term: {term}{extra}
        ---

        {definition}
        """;

    private static readonly string Glossary = string.Join('\n',
        Entry("zh", "dual-centre", 1, "双中心", "指长三角区域枢纽中心和现代化高科技中心城区。"),
        Entry("zh", "three-zones", 2, "三区三线", "指三种国土空间和三条控制线。"),
        Entry("en", "dual-centre", 1, "Dual Centres", "The regional hub centre and the high-tech central district.", "\naliases: [Dual Centre]"),
        Entry("en", "three-zones", 2, "Three Zones and Three Lines", "Three kinds of territorial space and three control lines."));

    private static TestSite Build(string extra = "", string? glossary = null) =>
        TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Pages}\n{glossary ?? Glossary}\n{extra}");

    [Fact]
    public void Links_first_use_of_each_term_per_section_in_both_languages()
    {
        var site = Build();
        site.AssertBuilt();

        var zh = site.Html("alpha.html");
        Assert.Equal(
            ["glossary.html#dual-centre", "glossary.html#three-zones", "glossary.html#dual-centre"],
            zh.QuerySelectorAll("main .prose a.term").Select(a => a.GetAttribute("href")));
        var quoted = zh.QuerySelector("#planning + p")!.InnerHtml;
        Assert.StartsWith("建设“<a class=\"term\"", quoted); // the quotation marks stay outside the link

        var en = site.Html("en/alpha.html");
        Assert.Equal(
            ["Dual Centres", "Three Zones and Three Lines", "dual centre"],
            en.QuerySelectorAll("main .prose a.term").Select(a => a.TextContent));
        Assert.All(en.QuerySelectorAll("main .prose a.term"), a => Assert.StartsWith("glossary.html#", a.GetAttribute("href")));
    }

    [Fact]
    public void The_definition_is_available_in_place_without_javascript()
    {
        var page = Build().Html("alpha.html");
        var link = page.QuerySelector("main a.term")!;

        // Screen readers: the link is described by the definition.
        var description = page.GetElementById(link.GetAttribute("aria-describedby")!)!;
        Assert.Equal("指长三角区域枢纽中心和现代化高科技中心城区。", description.TextContent.Trim());

        // Tap and keyboard: the button next to the link opens a native popover (no script needed).
        var button = link.NextElementSibling!;
        Assert.Equal("button", button.LocalName);
        Assert.Contains("双中心", button.GetAttribute("aria-label"));
        var popover = page.GetElementById(button.GetAttribute("popovertarget")!)!;
        Assert.True(popover.HasAttribute("popover"));
        Assert.True(popover.Contains(description));
        Assert.Equal("glossary.html#dual-centre", popover.QuerySelector("a")!.GetAttribute("href"));

        // One popover per term on the page, however often it is linked.
        Assert.Single(page.QuerySelectorAll("[popover]#gloss-dual-centre"));
    }

    [Fact]
    public void The_glossary_page_lists_entries_in_order_with_used_in_links_to_their_sections()
    {
        var site = Build();
        var glossary = site.Html("glossary.html");
        var entries = glossary.QuerySelectorAll("[data-glossary-entry]");
        Assert.Equal(["dual-centre", "three-zones"], entries.Select(e => e.Id));
        Assert.Equal(
            ["alpha.html#planning", "alpha.html#hub"],
            entries[0].QuerySelectorAll(".used-in a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["甲 · 规划", "甲 · 枢纽"], entries[0].QuerySelectorAll(".used-in a").Select(a => a.TextContent));
        Assert.Equal(
            ["alpha.html#planning", "alpha.html#hub"],
            site.Html("en/glossary.html").QuerySelectorAll("#dual-centre .used-in a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Warns_about_a_term_never_used_unless_the_entry_says_why()
    {
        var unused = Entry("zh", "zero-waste", 3, "无废城市", "指一种城市发展模式。") + "\n" + Entry("en", "zero-waste", 3, "zero-waste city", "A city model.");
        var site = Build(unused);
        Assert.Equal(2, site.Diagnostics.Count(d => d.Id == "MS0103"));
        Assert.Contains(site.Diagnostics, d => d.Id == "MS0103" && d.Path == "input/zh/glossary/zero-waste.md" && d.Message.Contains("无废城市"));

        var excused = Entry("zh", "zero-waste", 3, "无废城市", "指一种城市发展模式。", "\nunused: 本报告仅在名词解释中提及") + "\n"
            + Entry("en", "zero-waste", 3, "zero-waste city", "A city model.", "\nunused: only in the glossary");
        var quiet = Build(excused);
        Assert.DoesNotContain(quiet.Diagnostics, d => d.Id == "MS0103");
        Assert.Contains(quiet.Result.Notes, n => n.Contains("无废城市: 本报告仅在名词解释中提及"));
    }

    [Fact]
    public void Colliding_terms_are_an_error()
    {
        var site = Build(Entry("zh", "other", 3, "其他", "另一个。", "\naliases: [双中心]") + "\n" + Entry("en", "other", 3, "Other", "Another."));
        var d = site.Single("MS0101");
        Assert.Equal("input/zh/glossary/other.md", d.Path);
        Assert.Contains("input/zh/glossary/dual-centre.md", d.Message);
    }

    [Fact]
    public void An_entry_without_its_other_language_entry_is_an_error()
    {
        var site = Build(Entry("zh", "lonely", 3, "孤项", "只有中文。"));
        var d = site.Single("MS0104");
        Assert.Equal("input/zh/glossary/lonely.md", d.Path);
        Assert.Contains("input/en/glossary/lonely.md", d.Message);
    }

    [Fact]
    public void Every_term_link_of_the_real_report_lands_on_an_entry_and_every_term_is_used()
    {
        var real = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        Assert.True(real.Succeeded, string.Join("\n", real.Diagnostics));
        Assert.DoesNotContain(real.Diagnostics, d => d.Id is "MS0103" or "MS0560");
        Assert.Contains("glossary (zh): 33 of 33 terms linked from the text", real.Notes);
        Assert.Contains("glossary (en): 33 of 33 terms linked from the text", real.Notes);
    }
}
