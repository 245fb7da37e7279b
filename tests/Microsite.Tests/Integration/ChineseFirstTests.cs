using Markdig.Syntax;
using Microsite.Cli;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Rendering;
using Microsite.Themes;
using Microsite.Translations;

namespace Microsite.Tests.Integration;

/// <summary>
/// The Chinese text is written first: a section new in Chinese, or changed since its translation was
/// marked, is shown in Chinese on the English page under a notice, with a warning, until it is translated.
/// </summary>
public class ChineseFirstTests
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

        开头。

        ## 经济 {#economy}

        经济段落，建设双中心。

        ## 民生 {#livelihoods}

        民生段落。
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

        Opening.

        ## Economy {#economy}

        Economy paragraph.

        ## Livelihoods {#livelihoods}

        Livelihoods paragraph.
        """;

    private const string NewSection = "\n## 新的一节 {#new-part}\n\n新的一节，也建设双中心。\n";

    /// <summary>Both languages, the English marked as translated from the Chinese as it is now, and a glossary term.</summary>
    private static Dictionary<string, string> Files(string config = "")
    {
        var files = TestSite.Parse($$"""
            -- site.yml --
            {{TestSite.Config}}
            {{config}}
            {{TestSite.Homes}}
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
            unused: only in the Chinese text of this small site
            ---

            Two centres.
            """);
        files["zh/a.md"] = Zh;
        files["en/a.md"] = En;
        return Mark(files, "a.md", "index.md", "glossary/dual-centre.md");
    }

    private static Dictionary<string, string> Mark(Dictionary<string, string> files, params string[] relPaths)
    {
        var input = FileSet.FromMap(files, "input");
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(input, bag)!;
        var index = Indexer.Build(ContentLoader.Load(input, config, bag), input, config, bag);
        foreach (var relPath in relPaths)
        {
            var source = index.Page("zh", relPath) ?? index.Entry("zh", Path.GetFileNameWithoutExtension(relPath))!.Source;
            files["en/" + relPath] = TranslationsCommand.WithStamp(files["en/" + relPath], TranslationStatus.StampOf(index, source));
        }

        return files;
    }

    private static TestSite Build(Dictionary<string, string> files) => TestSite.Build(FileSet.FromMap(files, "input"));

    [Fact]
    public void A_section_added_in_Chinese_is_shown_in_Chinese_on_the_English_page_under_a_notice()
    {
        var files = Files();
        files["zh/a.md"] += NewSection;
        var site = Build(files);

        site.AssertBuilt();
        var warning = site.Single("MS0405");
        Assert.Equal((Severity.Warning, "input/en/a.md"), (warning.Severity, warning.Path));
        Assert.Contains("sections new-part of input/zh/a.md", warning.Message);
        Assert.Contains("translations --mark input/en/a.md", warning.Message);
        Assert.DoesNotContain(site.Diagnostics, d => d.Id is "MS0404" or "MS0403");

        var page = site.Html("en/review.html");
        var pending = Assert.Single(page.QuerySelectorAll("main .prose .translation-pending"));
        Assert.Equal("zh-Hans", pending.GetAttribute("lang"));
        Assert.Equal("新的一节", pending.QuerySelector("h2#new-part")!.TextContent);
        var notice = pending.QuerySelector("h2 + p.translation-pending-notice")!;
        Assert.Equal("en", notice.GetAttribute("lang"));
        Assert.Contains("on its way", notice.TextContent);
        Assert.Equal("Economy paragraph.", page.QuerySelector("main .prose #economy + p")!.TextContent);

        // The contents follow the page: the Chinese heading, marked as Chinese.
        var toc = page.QuerySelector(".page-toc a[href='#new-part']")!;
        Assert.Equal(("新的一节", "zh-Hans"), (toc.TextContent, toc.GetAttribute("lang")));
        Assert.Equal("zh-Hans", site.Html("en/contents.html").QuerySelector("a[href='review.html#new-part']")!.GetAttribute("lang"));

        // The glossary term in the Chinese section links to the English entry, whose popover is on the page.
        var term = pending.QuerySelector("a.term")!;
        Assert.Equal("glossary.html#dual-centre", term.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("gloss-dual-centre"));

        // The full report shows the same composed page.
        var report = site.Html("en/full.html");
        Assert.Equal("新的一节", report.QuerySelector(".translation-pending h3#review--new-part")!.TextContent);
    }

    [Fact]
    public void A_section_changed_in_Chinese_since_the_translation_was_marked_is_shown_in_Chinese()
    {
        var files = Files();
        files["zh/a.md"] = files["zh/a.md"].Replace("民生段落。", "民生段落，有改动。");
        var site = Build(files);

        site.AssertBuilt();
        var warning = site.Single("MS0405");
        Assert.Contains("sections livelihoods of input/zh/a.md (new or changed since the translation was marked)", warning.Message);
        var page = site.Html("en/review.html");
        Assert.Equal("民生段落，有改动。", page.QuerySelector(".translation-pending #livelihoods ~ p:not(.translation-pending-notice)")!.TextContent);
        Assert.Equal("Economy paragraph.", page.QuerySelector("#economy + p")!.TextContent);
        Assert.DoesNotContain("Livelihoods paragraph.", page.DocumentElement.OuterHtml);
    }

    [Theory]
    [InlineData("translations: strict")]
    [InlineData("translations:\n  pages: strict\n  sections: strict")]
    public void With_strict_translations_a_section_missing_in_English_is_an_error_again(string config)
    {
        var files = Files(config);
        files["zh/a.md"] += NewSection;
        var site = Build(files);

        Assert.False(site.Result.Succeeded);
        var error = site.Single("MS0404");
        Assert.Equal(("input/en/a.md", Severity.Error), (error.Path, error.Severity));
        Assert.DoesNotContain(site.Diagnostics, d => d.Id == "MS0405");
    }

    [Fact]
    public void A_section_removed_from_Chinese_is_left_out_of_the_English_page_with_a_warning()
    {
        var files = Files();
        files["zh/a.md"] = files["zh/a.md"].Replace("\n\n## 民生 {#livelihoods}\n\n民生段落。", "");
        var site = Build(files);

        site.AssertBuilt();
        var warning = site.Single("MS0403");
        Assert.Contains("left out, as the source no longer has them: livelihoods", warning.Message);
        Assert.Null(site.Html("en/review.html").GetElementById("livelihoods"));
    }

    [Fact]
    public void An_English_section_id_the_Chinese_never_had_is_still_an_error()
    {
        var files = Files();
        files["en/a.md"] = files["en/a.md"].Replace("{#livelihoods}", "{#livelihood}");
        var site = Build(files);

        Assert.Equal("input/en/a.md", site.Single("MS0404").Path);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void A_page_with_footnotes_is_shown_whole_in_Chinese_while_a_section_is_pending()
    {
        var files = Files();
        files["zh/a.md"] = files["zh/a.md"].Replace("经济段落，建设双中心。", "经济段落，建设双中心。[^1]\n\n[^1]: 注释。") + NewSection;
        var site = Build(files);

        site.AssertBuilt();
        var prose = site.Html("en/review.html").QuerySelector("main .prose")!;
        var pending = Assert.Single(prose.QuerySelectorAll(".translation-pending"));
        Assert.NotNull(pending.QuerySelector("#economy"));
        Assert.NotNull(pending.QuerySelector(".footnotes li#fn\\:1"));
        Assert.DoesNotContain("Economy paragraph.", prose.TextContent);
    }

    [Fact]
    public void Staleness_covers_every_section_repeated_ids_included()
    {
        var files = Files();
        files["zh/a.md"] = files["zh/a.md"].Replace("{#livelihoods}", "{#economy}");
        var marked = Mark(files, "a.md");
        Assert.Contains("economy#2:", marked["en/a.md"]);

        marked["zh/a.md"] = marked["zh/a.md"].Replace("民生段落。", "民生段落，有改动。");
        var input = FileSet.FromMap(marked, "input");
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(input, bag)!;
        var index = Indexer.Build(ContentLoader.Load(input, config, bag), input, config, bag);
        var report = Assert.Single(TranslationStatus.Report(index), r => r.Translation == "input/en/a.md");
        Assert.Equal(TranslationState.Stale, report.State);
        Assert.Equal(["economy#2"], report.ChangedSections);
    }

    [Fact]
    public void A_composed_page_renders_alone_exactly_as_in_the_whole_build_and_leaves_both_trees_as_they_were()
    {
        var files = Files();
        files["zh/a.md"] += NewSection;
        var input = FileSet.FromMap(files, "input");
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(input, bag)!;
        var theme = Theme.Load(TestSite.RepoTheme(), config.Languages.Select(l => l.Code), bag)!;
        var index = Indexer.Build(ContentLoader.Load(input, config, bag), input, config, bag);
        var en = index.Page("en", "a.md")!;
        var zh = index.Page("zh", "a.md")!;
        var before = (en.Ast.Descendants().Count(), zh.Ast.Descendants().Count(), en.Ast.Count, zh.Ast.Count);

        var whole = PageRenderer.Render(index, theme);
        var alone = PageRenderer.Render(index, theme, en);

        Assert.NotNull(index.Composition(en));
        Assert.Equal(whole.Of(en).BodyHtml, alone.BodyHtml);
        var full = LayoutRenderer.Render(index, theme, whole, null, bag).Single(f => f.Path == "en/full.html").Content;
        Assert.Contains(PageRenderer.ReportPart(index, theme, en, diagnostics: null), full, StringComparison.Ordinal);
        Assert.Equal(before, (en.Ast.Descendants().Count(), zh.Ast.Descendants().Count(), en.Ast.Count, zh.Ast.Count));
        Assert.Equal(["top", "economy", "livelihoods", "new-part"], index.Shown(en).Select(s => s.Section.Id));
        Assert.Equal([false, false, false, true], index.Shown(en).Select(s => s.Pending));
    }
}
