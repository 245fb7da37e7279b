using AngleSharp.Html.Parser;
using Microsite.Core;
using Microsite.Files;

namespace Microsite.Tests.Files;

public sealed class FileMarkupTests
{
    private static readonly HtmlParser Parser = new();

    private static FileEntry Entry(string path, byte[] bytes)
    {
        var catalog = FileCatalog.Build(FileSets.Input((path, bytes)), FilesOptions.Default, new DiagnosticBag());
        return catalog.Entries.Single();
    }

    private static AngleSharp.Dom.IElement Parse(string html) =>
        Parser.ParseDocument($"<body>{html}</body>").Body!.FirstElementChild!;

    [Fact]
    public void Writes_a_picture_with_webp_source_and_srcset_for_a_wide_image()
    {
        var entry = Entry("files/chart.png", TestImages.Png(2000, 1000));

        var picture = Parse(FileMarkup.Image(entry, "../", "图1 说明"));

        Assert.Equal("PICTURE", picture.TagName);
        var source = picture.QuerySelector("source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal("../files/chart.480w.webp 480w, ../files/chart.960w.webp 960w, ../files/chart.1600w.webp 1600w, ../files/chart.2000w.webp 2000w", source.GetAttribute("srcset"));
        Assert.Equal(FileMarkup.DefaultSizes, source.GetAttribute("sizes"));
        var img = picture.QuerySelector("img")!;
        Assert.Equal("../files/chart.png", img.GetAttribute("src"));
        Assert.Equal("../files/chart.480w.png 480w, ../files/chart.960w.png 960w, ../files/chart.1600w.png 1600w, ../files/chart.png 2000w", img.GetAttribute("srcset"));
        Assert.Equal(("2000", "1000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
        Assert.Equal("图1 说明", img.GetAttribute("alt"));
    }

    [Fact]
    public void Writes_a_plain_img_for_a_small_image()
    {
        var img = Parse(FileMarkup.Image(Entry("files/icon.png", TestImages.Png(300, 200)), "", "图标"));

        Assert.Equal("IMG", img.TagName);
        Assert.Equal("files/icon.png", img.GetAttribute("src"));
        Assert.False(img.HasAttribute("srcset"));
        Assert.Equal(("300", "200"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }

    [Fact]
    public void Writes_only_a_srcset_for_a_webp_original()
    {
        var img = Parse(FileMarkup.Image(Entry("files/photo.webp", TestImages.Webp(1000, 500)), "", "照片"));

        Assert.Equal("IMG", img.TagName);
        Assert.Equal("files/photo.480w.webp 480w, files/photo.960w.webp 960w, files/photo.webp 1000w", img.GetAttribute("srcset"));
    }

    [Fact]
    public void Escapes_alt_title_and_url()
    {
        var entry = Entry("files/图 1&2.svg", FileSets.Text("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"/>"""));

        var html = FileMarkup.Image(entry, "", "a \"quoted\" <b>alt</b> & more", title: "T&C");
        var img = Parse(html);

        Assert.Equal("files/%E5%9B%BE%201%262.svg", img.GetAttribute("src"));
        Assert.Equal("a \"quoted\" <b>alt</b> & more", img.GetAttribute("alt"));
        Assert.Equal("T&C", img.GetAttribute("title"));
        Assert.Equal(("40", "20"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void Leaves_out_width_and_height_when_the_file_does_not_say()
    {
        var img = Parse(FileMarkup.Image(Entry("files/map.svg", FileSets.Text("""<svg xmlns="http://www.w3.org/2000/svg"/>""")), "", "地图"));

        Assert.False(img.HasAttribute("width"));
        Assert.False(img.HasAttribute("height"));
    }

    [Theory]
    [InlineData("files/report.pdf", 2_411_725, "zh", "PDF，2.3 MB")]
    [InlineData("files/report.pdf", 2_411_725, "en", "PDF, 2.3 MB")]
    [InlineData("files/table.XLSX", 20_000, "zh-Hans", "Excel，20 KB")]
    [InlineData("files/notes.docx", 1_048_576, "en", "Word, 1 MB")]
    [InlineData("files/data.csv", 300, "en", "CSV, 300 B")]
    [InlineData("files/archive.tar.gz", 5000, "en", "GZ, 5 KB")]
    [InlineData("files/README", 10, "zh", "文件，10 B")]
    public void Labels_a_download_with_its_type_and_size_in_the_page_language(string path, int size, string lang, string label)
    {
        Assert.Equal(label, FileMarkup.DownloadLabel(Entry(path, new byte[size]), lang));
    }
}
