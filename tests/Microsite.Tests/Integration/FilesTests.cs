using Microsite.Core;
using Microsite.Tests.Files;

namespace Microsite.Tests.Integration;

/// <summary>Images and other files of input/files/, as a whole site publishes and shows them.</summary>
public class FilesTests
{
    private static TestSite Build(string zh, string en, params (string Path, byte[] Bytes)[] files) => TestSite.Build($$"""
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
        """, files);

    [Fact]
    public void An_image_is_published_once_with_its_size_lazy_loading_and_smaller_copies()
    {
        var site = Build("![图1 全区地区生产总值 增长1.5%](../files/gdp.png)", "![Figure 1: gross regional product](../files/gdp.png)", ("files/gdp.png", TestImages.Png(2000, 1000)));
        site.AssertBuilt();

        Assert.Single(site.Result.Files, f => f.Path == "files/gdp.png");
        var zh = site.Html("alpha.html").QuerySelector("main img")!;
        Assert.Equal("files/gdp.png", zh.GetAttribute("src"));
        Assert.Equal(("2000", "1000"), (zh.GetAttribute("width"), zh.GetAttribute("height")));
        Assert.Equal(("lazy", "async"), (zh.GetAttribute("loading"), zh.GetAttribute("decoding")));
        Assert.Equal("图1 全区地区生产总值 增长1.5%", zh.GetAttribute("alt"));
        Assert.Contains("files/gdp.480w.png 480w", zh.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Contains("files/gdp.960w.webp 960w", site.Html("alpha.html").QuerySelector("main picture source[type='image/webp']")!.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("../files/gdp.png", site.Html("en/alpha.html").QuerySelector("main img")!.GetAttribute("src"));
        foreach (var variant in new[] { "files/gdp.480w.png", "files/gdp.960w.png", "files/gdp.1600w.png", "files/gdp.480w.webp", "files/gdp.960w.webp", "files/gdp.1600w.webp" })
        {
            Assert.Single(site.Result.Files, f => f.Path == variant);
        }

        // The alt text is a description, not a sentence of the report: no typography warning about it.
        Assert.DoesNotContain(site.Diagnostics, d => d.Id is DiagnosticIds.ParagraphUnterminated or DiagnosticIds.SpaceInChinese);
    }

    [Fact]
    public void A_missing_image_is_reported_at_its_markdown_line_and_column()
    {
        var site = Build("第一段。\n\n见图：![图1 说明](../files/chart.png)", "![Figure 1](../files/gdp.png)", ("files/gdp.png", TestImages.Png(100, 50)));

        var missing = site.Single(DiagnosticIds.FileMissing);
        Assert.Equal(("input/zh/a.md", 12, 4), (missing.Path, missing.Line, missing.Column));
        Assert.Contains("input/files/chart.png", missing.Message, StringComparison.Ordinal);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void An_image_without_alt_text_is_an_error()
    {
        var site = Build("![](../files/gdp.png)", "![Figure 1](../files/gdp.png)", ("files/gdp.png", TestImages.Png(100, 50)));

        var error = site.Single(DiagnosticIds.ImageAltMissing);
        Assert.Equal(("input/zh/a.md", 10, 1), (error.Path, error.Line, error.Column));
    }

    [Fact]
    public void A_link_to_a_download_says_its_type_and_size_in_the_pages_language()
    {
        var pdf = new byte[2_400_000];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var site = Build("下载[报告全文](../files/report.pdf)。", "Download [the full report](../files/report.pdf).", ("files/report.pdf", pdf));
        site.AssertBuilt();

        var zh = site.Html("alpha.html").QuerySelector("main a[href='files/report.pdf']")!;
        Assert.Equal("报告全文（PDF，2.3 MB）", zh.TextContent);
        var en = site.Html("en/alpha.html").QuerySelector("main a[href='../files/report.pdf']")!;
        Assert.Equal("the full report (PDF, 2.3 MB)", en.TextContent);
        Assert.Contains(site.Diagnostics, d => d.Id == DiagnosticIds.FileTooLarge && d.Path == "input/files/report.pdf");
    }

    [Fact]
    public void The_output_checks_treat_files_like_pages()
    {
        var site = Build("见[附件](../files/a.pdf)。", "See [the annex](../files/a.pdf).", ("files/a.pdf", "%PDF-1.4\n"u8.ToArray()));
        site.AssertBuilt();

        var broken = site.Result.Files.Where(f => f.Path != "files/a.pdf").ToList();
        var bag = new DiagnosticBag();
        Microsite.Validation.HtmlValidator.Validate(broken, new Microsite.Validation.SiteExpectations(2, new Dictionary<string, Microsite.Validation.FooterExpectation>()), "output", bag);
        Assert.Contains(bag.Snapshot(), d => d.Id == DiagnosticIds.PageLinkBroken && d.Path == "output/alpha.html" && d.Message.Contains("files/a.pdf", StringComparison.Ordinal));
    }
}
