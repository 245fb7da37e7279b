using Microsite.Core;
using Microsite.Files;
using Microsite.Validation;

namespace Microsite.Tests.Files;

/// <summary>The markup and the files it names, put through the checks every built page gets.</summary>
public sealed class FileMarkupValidationTests
{
    private static readonly string[] ReferenceIds =
    [
        DiagnosticIds.PageLinkBroken, DiagnosticIds.PageLinkCase, DiagnosticIds.PageSourceLink, DiagnosticIds.PageLinkEmpty,
        DiagnosticIds.ImageAlt, DiagnosticIds.ExternalResource, DiagnosticIds.ContentSecurityPolicy,
    ];

    /// <summary>The theme's own policy, read from its layout: images must load under it.</summary>
    private static readonly string Csp = File.ReadAllLines(Path.Combine(TestSite.RepoRoot, "theme", "layouts", "base.liquid"))
        .Single(line => line.Contains("Content-Security-Policy", StringComparison.Ordinal));

    private static IReadOnlyList<Diagnostic> Validate(IEnumerable<string> files, string pagePath, string body)
    {
        var page = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8">{Csp}<title>T</title></head>
            <body><main><h1>T</h1>{body}</main></body></html>
            """;
        var siteFiles = files.Select(f => new SiteFile(f, "", null, null, []))
            .Append(new SiteFile(pagePath, page, "en", "input/en/x.md")).ToList();
        var diagnostics = new DiagnosticBag();
        HtmlValidator.Validate(siteFiles, new SiteExpectations(1, new Dictionary<string, FooterExpectation>()), "output", diagnostics);
        return diagnostics.Snapshot().Where(d => ReferenceIds.Contains(d.Id)).ToList();
    }

    [Fact]
    public void Every_url_of_a_picture_resolves_to_a_published_file()
    {
        var input = FileSets.Input(("files/图表 1.png", TestImages.Png(1200, 600)));
        var catalog = FileCatalog.Build(input, FilesOptions.Default, new DiagnosticBag());
        var entry = catalog.Entries.Single();
        var published = catalog.Originals().Select(f => f.Path).Concat(entry.Variants.Select(v => v.SitePath)).ToList();
        var html = FileMarkup.Image(entry, "../", "图表");

        Assert.Empty(Validate(published, "en/x.html", html));

        // The same check notices a variant that was not published.
        var missing = Validate(published.Where(p => !p.Contains("960w.webp", StringComparison.Ordinal)), "en/x.html", html);
        Assert.Equal(DiagnosticIds.PageLinkBroken, Assert.Single(missing).Id);
    }

    [Fact]
    public void A_download_link_resolves_to_a_published_file()
    {
        var input = FileSets.Input(("files/报告 全文.pdf", [1, 2, 3]));
        var catalog = FileCatalog.Build(input, FilesOptions.Default, new DiagnosticBag());
        var entry = catalog.Entries.Single();
        var link = $"<p><a href=\"{FileMarkup.Url("", entry.SitePath)}\">报告全文</a>（{FileMarkup.DownloadLabel(entry, "zh")}）</p>";

        Assert.Empty(Validate(catalog.Originals().Select(f => f.Path), "x.html", link));
    }
}
