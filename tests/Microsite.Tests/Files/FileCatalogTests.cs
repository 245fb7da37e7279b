using Microsite.Config;
using Microsite.Core;
using Microsite.Files;

namespace Microsite.Tests.Files;

public sealed class FileCatalogTests
{
    private static (FileCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Catalog(params (string Path, byte[] Bytes)[] files) =>
        Catalog(FilesOptions.Default, files);

    private static (FileCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Catalog(FilesOptions options, params (string Path, byte[] Bytes)[] files)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = FileCatalog.Build(FileSets.Input(files), options, diagnostics);
        return (catalog, diagnostics.Snapshot());
    }

    [Fact]
    public void Lists_files_of_input_files_only_with_site_path_size_and_type()
    {
        var pdf = FileSets.Text("%PDF-1.4 a report");
        var (catalog, diagnostics) = Catalog(
            ("files/report.pdf", pdf),
            ("files/data/table.xlsx", [1, 2, 3]),
            ("zh/index.md", FileSets.Text("---\n---\n")));

        Assert.Empty(diagnostics);
        Assert.Equal(["files/data/table.xlsx", "files/report.pdf"], catalog.Entries.Select(e => e.SitePath));
        var entry = catalog.Find("files/report.pdf")!;
        Assert.Equal(pdf.Length, entry.Size);
        Assert.Equal("application/pdf", entry.MediaType);
        Assert.Equal(FileKind.Download, entry.Kind);
        Assert.Equal("input/files/report.pdf", entry.DisplayPath);
        Assert.Null(entry.Width);
        Assert.Equal(64, entry.Hash.Length);
        Assert.Equal(pdf, catalog.Originals().Single(f => f.Path == "files/report.pdf").Bytes);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("webp")]
    public void Reads_the_pixel_size_of_raster_images(string extension)
    {
        var bytes = extension switch
        {
            "png" => TestImages.Png(640, 360),
            "jpg" => TestImages.Jpeg(640, 360),
            _ => TestImages.Webp(640, 360),
        };
        var (catalog, diagnostics) = Catalog(($"files/chart.{extension}", bytes));

        Assert.Empty(diagnostics);
        var entry = catalog.Entries.Single();
        Assert.Equal(FileKind.RasterImage, entry.Kind);
        Assert.Equal((640, 360), (entry.Width, entry.Height));
    }

    [Fact]
    public void Reports_width_and_height_of_a_rotated_phone_photo_as_shown()
    {
        var (catalog, _) = Catalog(("files/photo.jpg", TestImages.JpegRotated(800, 600)));

        Assert.Equal((600, 800), (catalog.Entries.Single().Width, catalog.Entries.Single().Height));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"/>""", 300, 150)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150.4px" viewBox="0 0 10 5"/>""", 300, 150)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"><rect width="1" height="1"/></svg>""", 800, 450)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0,0,400,300"/>""", 400, 300)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="200" viewBox="0 0 400 300"/>""", 200, 150)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="72pt" height="1in"/>""", 96, 96)]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns "http://www.w3.org/2000/svg">]><svg xmlns="&ns;" width="10" height="20"/>""", 10, 20)]
    public void Reads_the_size_of_svg_from_its_attributes_or_view_box(string svg, int width, int height)
    {
        var (catalog, diagnostics) = Catalog(("files/map.svg", FileSets.Text(svg)));

        Assert.Empty(diagnostics);
        var entry = catalog.Entries.Single();
        Assert.Equal(FileKind.VectorImage, entry.Kind);
        Assert.Equal("image/svg+xml", entry.MediaType);
        Assert.Equal((width, height), (entry.Width, entry.Height));
        Assert.Empty(entry.Variants);
    }

    [Fact]
    public void Warns_about_svg_without_a_size()
    {
        var (catalog, diagnostics) = Catalog(("files/map.svg", FileSets.Text("""<svg xmlns="http://www.w3.org/2000/svg" width="50%"/>""")));

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.ImageSizeUnknown, Severity.Warning, "input/files/map.svg"), (d.Id, d.Severity, d.Path));
        Assert.Contains("viewBox", d.Message);
        Assert.Null(catalog.Entries.Single().Width);
    }

    [Theory]
    [InlineData("files/broken.png")]
    [InlineData("files/broken.jpg")]
    [InlineData("files/broken.webp")]
    [InlineData("files/broken.gif")]
    public void Reports_a_file_that_is_no_image_as_an_error_not_a_crash(string path)
    {
        var (_, diagnostics) = Catalog((path, FileSets.Text("this is a Word document renamed by mistake")));

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.FileUnreadable, Severity.Error, "input/" + path), (d.Id, d.Severity, d.Path));
        Assert.Contains("damaged", d.Message);
    }

    [Fact]
    public void Reports_an_svg_that_is_not_well_formed()
    {
        var (_, diagnostics) = Catalog(("files/map.svg", FileSets.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><g>")));

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.FileUnreadable, d.Id);
        Assert.Contains("well-formed", d.Message);
    }

    [Fact]
    public void Refuses_to_decode_an_image_that_claims_billions_of_pixels()
    {
        var (_, diagnostics) = Catalog(("files/bomb.png", Pngs.WithSize(TestImages.Png(8, 8), 60000, 60000)));

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.FileUnreadable, d.Id);
        Assert.Contains("60000×60000", d.Message);
    }

    [Fact]
    public void Takes_the_format_from_the_bytes_when_the_name_says_another()
    {
        var (catalog, diagnostics) = Catalog(("files/photo.png", TestImages.Jpeg(1000, 500)));

        Assert.Empty(diagnostics);
        var entry = catalog.Entries.Single();
        Assert.Equal("image/jpeg", entry.MediaType);
        Assert.Contains(entry.Variants, v => v.SitePath == "files/photo.480w.jpg");
    }

    [Fact]
    public void Warns_about_files_over_the_size_budget()
    {
        var options = FilesOptions.From(new FilesConfig(2048));
        var (_, diagnostics) = Catalog(options, ("files/big.pdf", new byte[3 * 1024]), ("files/small.pdf", new byte[2048]));

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.FileTooLarge, Severity.Warning, "input/files/big.pdf"), (d.Id, d.Severity, d.Path));
        Assert.StartsWith("3 KB is over the 2 KB budget", d.Message);
        Assert.Contains("files: max_size", d.Message);
    }

    [Fact]
    public void Refuses_pages_and_scripts_in_input_files()
    {
        var (catalog, diagnostics) = Catalog(("files/extra.html", FileSets.Text("<p>hi")), ("files/app.js", FileSets.Text("alert(1)")));

        Assert.Equal([DiagnosticIds.FileTypeRefused, DiagnosticIds.FileTypeRefused], diagnostics.Select(d => d.Id));
        Assert.Empty(catalog.Entries);
    }

    [Fact]
    public void Plans_variants_smaller_than_the_original_in_its_format_and_webp()
    {
        var (catalog, _) = Catalog(("files/chart.png", TestImages.Png(2000, 1000)));

        var variants = catalog.Entries.Single().Variants.Select(v => (v.SitePath, v.Width, v.Height)).Order().ToList();
        Assert.Equal(
            [
                ("files/chart.1600w.png", 1600, 800), ("files/chart.1600w.webp", 1600, 800),
                ("files/chart.2000w.webp", 2000, 1000),
                ("files/chart.480w.png", 480, 240), ("files/chart.480w.webp", 480, 240),
                ("files/chart.960w.png", 960, 480), ("files/chart.960w.webp", 960, 480),
            ],
            variants);
    }

    [Fact]
    public void Plans_no_variants_for_small_gif_or_animated_images()
    {
        var (catalog, diagnostics) = Catalog(
            ("files/small.png", TestImages.Png(480, 300)),
            ("files/anim.gif", Gifs.TwoFrames(800, 600)),
            ("files/anim.webp", Webps.Animated(800, 600)));

        Assert.Empty(diagnostics);
        Assert.Equal(3, catalog.Entries.Count);
        Assert.All(catalog.Entries, e => Assert.Empty(e.Variants));
        Assert.Equal((800, 600), (catalog.Find("files/anim.gif")!.Width, catalog.Find("files/anim.gif")!.Height));
        Assert.Equal((800, 600), (catalog.Find("files/anim.webp")!.Width, catalog.Find("files/anim.webp")!.Height));
    }

    [Fact]
    public void Plans_only_webp_for_a_webp_original()
    {
        var (catalog, _) = Catalog(("files/photo.webp", TestImages.Webp(1000, 800)));

        Assert.Equal(["files/photo.480w.webp", "files/photo.960w.webp"], catalog.Entries.Single().Variants.Select(v => v.SitePath));
    }

    [Fact]
    public void Reports_a_variant_name_taken_by_a_file_of_the_editor()
    {
        var (_, diagnostics) = Catalog(("files/chart.png", TestImages.Png(1000, 500)), ("files/chart.480w.webp", TestImages.Webp(480, 240)));

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.FileNameTaken, "input/files/chart.png"), (d.Id, d.Path));
        Assert.Contains("input/files/chart.480w.webp", d.Message);
    }

    [Fact]
    public void Reports_two_images_whose_webp_copies_would_share_a_name()
    {
        var (_, diagnostics) = Catalog(("files/chart.png", TestImages.Png(1000, 500)), ("files/chart.jpg", TestImages.Jpeg(1000, 500)));

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.FileNameTaken && d.Message.Contains("a copy made from input/files/chart.jpg"));
    }

    [Fact]
    public void Resolves_a_url_written_relative_to_the_markdown_file()
    {
        var (catalog, _) = Catalog(("files/chart.png", TestImages.Png(100, 50)), ("files/报告 全文.pdf", [1]));

        Assert.Equal("files/chart.png", catalog.Resolve("zh/review-2022.md", "../files/chart.png")?.SitePath);
        Assert.Equal("files/chart.png", catalog.Resolve("zh/glossary/tod.md", "../../files/chart.png#top")?.SitePath);
        Assert.Equal("files/报告 全文.pdf", catalog.Resolve("en/index.md", "../files/%E6%8A%A5%E5%91%8A%20%E5%85%A8%E6%96%87.pdf")?.SitePath);
        Assert.Equal("files/报告 全文.pdf", catalog.Resolve("en/index.md", "../files/报告 全文.pdf?v=2")?.SitePath);
        Assert.Null(catalog.Resolve("zh/review-2022.md", "files/chart.png"));
        Assert.Null(catalog.Resolve("zh/review-2022.md", "../../files/chart.png"));
        Assert.Null(catalog.Resolve("zh/review-2022.md", "/files/chart.png"));
        Assert.Null(catalog.Resolve("zh/review-2022.md", "https://example.org/files/chart.png"));
    }

    [Theory]
    [InlineData("files/chart.png", "no file \"input/zh/files/chart.png\"; files to publish go in input/files/ (did you mean \"../files/chart.png\"?)")]
    [InlineData("../files/Chart.PNG", "no file \"input/files/Chart.PNG\" (did you mean \"../files/chart.png\"? the web host tells capitals from small letters)")]
    [InlineData("../files/chat.png", "no file \"input/files/chat.png\"; files to publish go in input/files/ (did you mean \"../files/chart.png\"?)")]
    [InlineData("/files/chart.png", "\"/files/chart.png\" starts with \"/\", which points at the web host's root, not the site; write the path relative to this file (did you mean \"../files/chart.png\"?)")]
    [InlineData("images/photo.jpg", "\"input/zh/images/photo.jpg\" is not published: only files in input/files/ are; move it there and write \"../files/photo.jpg\"")]
    [InlineData("../../chart.png", "\"../../chart.png\" points outside input/; files to publish go in input/files/ (did you mean \"../files/chart.png\"?)")]
    public void Explains_a_missing_file_with_the_url_that_works(string url, string message)
    {
        var (catalog, _) = Catalog(("files/chart.png", TestImages.Png(100, 50)), ("zh/images/photo.jpg", TestImages.Jpeg(10, 10)));

        Assert.Null(catalog.Resolve("zh/review-2022.md", url));
        Assert.Equal(message, catalog.MissingMessage("zh/review-2022.md", url));
    }
}
