using Microsite.Build;
using Microsite.Core;
using Microsite.Cli;

namespace Microsite.Tests.Integration;

public class TranslationTests
{
    private const string Chapter = """
        -- zh/a.md --
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

        经济段落。

        ## 民生 {#livelihoods}

        民生段落。
        """;

    private const string EnChapter = """
        -- en/a.md --
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

    [Fact]
    public void A_page_without_its_pair_is_an_error_by_default()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Chapter}");
        var d = site.Single("MS0401");
        Assert.Equal("input/zh/a.md", d.Path);
        Assert.Contains("input/en/a.md", d.Message);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void With_fallback_the_missing_page_is_built_from_the_other_language_with_a_notice_and_noindex()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\ntranslations: fallback\n{TestSite.Homes}\n{Chapter}");
        site.AssertBuilt();

        var page = site.Html("en/review.html");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("not been translated into English", page.QuerySelector("main .notice")!.TextContent);
        Assert.Equal("zh-Hans", page.QuerySelector("main article")!.GetAttribute("lang"));
        Assert.Equal("经济段落。", page.QuerySelector("main .prose #economy + p")!.TextContent);
        Assert.Equal("../review.html", page.QuerySelector("a[data-lang-switch]")!.GetAttribute("href"));
        Assert.Null(site.Html("review.html").QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public void Pages_declare_their_language_and_switch_to_their_pair_labelled_in_the_other_language()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Chapter}\n{EnChapter}");
        site.AssertBuilt();

        var zh = site.Html("review.html");
        var en = site.Html("en/review.html");
        Assert.Equal("zh-Hans", zh.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));

        var toEn = zh.QuerySelector("a[data-lang-switch]")!;
        Assert.Equal(("en/review.html", "English", "en", "en"), (toEn.GetAttribute("href"), toEn.TextContent, toEn.GetAttribute("lang"), toEn.GetAttribute("hreflang")));
        var toZh = en.QuerySelector("a[data-lang-switch]")!;
        Assert.Equal(("../review.html", "中文", "zh-Hans"), (toZh.GetAttribute("href"), toZh.TextContent, toZh.GetAttribute("hreflang")));

        // The language switch keeps the reader's section: both languages carry the same ids.
        Assert.Equal(
            zh.QuerySelectorAll("main .prose h2").Select(h => h.Id),
            en.QuerySelectorAll("main .prose h2").Select(h => h.Id));
    }

    [Fact]
    public void Different_section_ids_in_a_pair_are_an_error()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Chapter}\n{EnChapter.Replace("{#livelihoods}", "{#people}")}");
        var d = site.Single("MS0404");
        Assert.Equal("input/en/a.md", d.Path);
        Assert.Contains("people", d.Message);
    }

    [Fact]
    public void With_base_url_hreflang_alternates_are_absolute_reciprocal_and_in_the_sitemap()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\nbase_url: https://example.gov.cn/report\n{TestSite.Homes}\n{Chapter}\n{EnChapter}");
        site.AssertBuilt();

        string[] Alternates(string path) => site.Html(path).QuerySelectorAll("link[rel=alternate][hreflang]")
            .Select(l => $"{l.GetAttribute("hreflang")} {l.GetAttribute("href")}").ToArray();
        string[] expected =
        [
            "zh-Hans https://example.gov.cn/report/review.html",
            "en https://example.gov.cn/report/en/review.html",
            "x-default https://example.gov.cn/report/review.html",
        ];
        Assert.Equal(expected, Alternates("review.html"));
        Assert.Equal(expected, Alternates("en/review.html"));
        Assert.Equal("https://example.gov.cn/report/en/review.html", site.Html("en/review.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        var sitemap = site.Text("sitemap.xml");
        Assert.Contains("<loc>https://example.gov.cn/report/en/review.html</loc>", sitemap);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.cn/report/en/review.html\" />", sitemap);
        Assert.Contains("Sitemap: https://example.gov.cn/report/sitemap.xml", site.Text("robots.txt"));
    }

    [Fact]
    public void Without_base_url_there_are_no_absolute_urls_and_the_sitemap_is_left_out_with_a_warning()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Chapter}\n{EnChapter}");
        site.AssertBuilt();
        Assert.Empty(site.Html("review.html").QuerySelectorAll("link[rel=alternate], link[rel=canonical]"));
        Assert.DoesNotContain(site.Result.Files, f => f.Path == "sitemap.xml");
        Assert.Equal(Core.Severity.Warning, site.Single("MS0409").Severity);
    }

    [Fact]
    public void A_marked_translation_becomes_stale_when_its_source_changes_naming_the_sections()
    {
        var root = Directory.CreateTempSubdirectory("microsite-translations-").FullName;
        try
        {
            var input = Path.Combine(root, "input");
            foreach (var (path, text) in TestSite.Parse($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Chapter}\n{EnChapter}"))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(input, path))!);
                File.WriteAllText(Path.Combine(input, path), text);
            }

            var before = Run("translations", "--input", input);
            Assert.Equal(ExitCodes.ContentErrors, before.Exit);
            Assert.Contains("2 not marked", before.Out);

            var mark = Run("translations", "--input", input, "--mark", Path.Combine(input, "en", "a.md"), Path.Combine(input, "en", "index.md"));
            Assert.Equal(ExitCodes.Built, mark.Exit);
            Assert.Contains("translated_from:", File.ReadAllText(Path.Combine(input, "en", "a.md")));
            var upToDate = Run("translations", "--input", input);
            Assert.Equal(ExitCodes.Built, upToDate.Exit);
            Assert.Contains("2 up to date, 0 stale", upToDate.Out);

            var zh = Path.Combine(input, "zh", "a.md");
            File.WriteAllText(zh, File.ReadAllText(zh).Replace("民生段落。", "民生段落，有改动。"));
            var stale = Run("translations", "--input", input);
            Assert.Equal(ExitCodes.ContentErrors, stale.Exit);
            Assert.Matches(@"en/a\.md\s+stale\s+\(sections: livelihoods\)", stale.Out);

            // Chinese first: the changed section is shown in Chinese on the English page until it is translated.
            var build = SiteBuilder.Build(Core.FileSet.FromDirectory(input, "input"), TestSite.RepoTheme());
            var warning = Assert.Single(build.Diagnostics, d => d.Id == "MS0405");
            var heading = Array.IndexOf(File.ReadAllLines(Path.Combine(input, "en", "a.md")), "## Livelihoods {#livelihoods}") + 1;
            Assert.Equal(("input/en/a.md", heading), (warning.Path, warning.Line));
            Assert.Contains("sections livelihoods of input/zh/a.md (new or changed since the translation was marked)", warning.Message);
            Assert.Contains($"translations --mark input/en/a.md", warning.Message);

            // Marking again after updating the translation clears it; the rest of the file is untouched.
            Run("translations", "--input", input, "--mark", Path.Combine(input, "en", "a.md"));
            Assert.Contains("2 up to date", Run("translations", "--input", input).Out);
            Assert.Single(File.ReadAllText(Path.Combine(input, "en", "a.md")).Split('\n'), l => l == "translated_from:");
            Assert.Contains("Livelihoods paragraph.", File.ReadAllText(Path.Combine(input, "en", "a.md")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Warns_where_a_section_does_not_use_the_listed_rendering_of_a_name()
    {
        var site = TestSite.Build($$"""
            -- site.yml --
            {{TestSite.Config}}
            -- terminology.yml --
            - { zh: 阳澄湖, en: Yangcheng Lake }
            - { zh: 澄湖, en: Chenghu Lake }
            {{TestSite.Homes}}
            {{Chapter.Replace("经济段落。", "阳澄湖畔。")}}
            {{EnChapter.Replace("Economy paragraph.", "By the Yangchenghu.")}}
            """);

        var d = site.Single("MS0411");
        Assert.Equal("input/en/a.md", d.Path);
        Assert.Contains("\"Yangcheng Lake\"", d.Message);
        Assert.DoesNotContain("Chenghu", d.Message); // 阳澄湖 is not also an occurrence of 澄湖
    }

    [Fact]
    public void A_listed_rendering_counts_in_any_letter_case()
    {
        var site = TestSite.Build($$"""
            -- site.yml --
            {{TestSite.Config}}
            -- terminology.yml --
            - { zh: 阳澄湖, en: Yangcheng Lake }
            {{TestSite.Homes}}
            {{Chapter.Replace("经济段落。", "阳澄湖畔。")}}
            {{EnChapter.Replace("Economy paragraph.", "By the shore of YANGCHENG lake.")}}
            """);

        Assert.DoesNotContain(site.Diagnostics, d => d.Id == DiagnosticIds.TerminologyMismatch);
        Assert.Empty(site.Errors);
    }

    private static (int Exit, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var exit = Commands.Create(stdout, new StringWriter()).Parse(args).Invoke();
        return (exit, stdout.ToString());
    }
}
