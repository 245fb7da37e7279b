using Microsite.Core;
using Microsite.Files;
using SkiaSharp;

namespace Microsite.Tests.Files;

public sealed class ImageVariantsTests : IDisposable
{
    private readonly string _cacheFolder = Directory.CreateTempSubdirectory("microsite-cache-").FullName;

    public void Dispose() => Directory.Delete(_cacheFolder, recursive: true);

    private static FileCatalog Catalog(params (string Path, byte[] Bytes)[] files)
    {
        var diagnostics = new DiagnosticBag();
        var catalog = FileCatalog.Build(FileSets.Input(files), FilesOptions.Default, diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        return catalog;
    }

    private static (IReadOnlyList<PublishedFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Make(FileCatalog catalog, VariantCache cache)
    {
        var diagnostics = new DiagnosticBag();
        var files = ImageVariants.Make(catalog, cache, diagnostics);
        return (files, diagnostics.Snapshot());
    }

    [Fact]
    public void Makes_every_planned_variant_at_its_size_and_in_its_format()
    {
        var catalog = Catalog(("files/chart.png", TestImages.Png(2000, 1000, transparent: true)), ("files/photo.jpg", TestImages.Jpeg(1200, 900)));

        var (files, diagnostics) = Make(catalog, VariantCache.InMemory());

        Assert.Empty(diagnostics);
        var planned = catalog.Entries.SelectMany(e => e.Variants).OrderBy(v => v.SitePath, StringComparer.Ordinal).ToList();
        Assert.Equal(planned.Select(v => v.SitePath), files.Select(f => f.Path));
        Assert.Equal(12, files.Count); // chart: 3 PNG + 4 WebP (480, 960, 1600, 2000); photo: 2 JPEG + 3 WebP (480, 960, 1200)
        foreach (var (variant, file) in planned.Zip(files))
        {
            using var bitmap = TestImages.Decode(file.Bytes);
            Assert.Equal((variant.Width, variant.Height), (bitmap.Width, bitmap.Height));
            Assert.Equal(variant.Format switch
            {
                VariantFormat.Png => SKEncodedImageFormat.Png,
                VariantFormat.Jpeg => SKEncodedImageFormat.Jpeg,
                _ => SKEncodedImageFormat.Webp,
            }, TestImages.Format(file.Bytes));
        }
    }

    [Fact]
    public void Keeps_the_picture_in_the_variants()
    {
        var catalog = Catalog(("files/chart.png", TestImages.Png(2000, 1000)));

        var (files, _) = Make(catalog, VariantCache.InMemory());

        // The red square fills the top-left quarter of the original; the gradient the bottom half.
        using var small = TestImages.Decode(files.Single(f => f.Path == "files/chart.480w.webp").Bytes);
        Assert.True(IsRed(small.GetPixel(60, 30)), small.GetPixel(60, 30).ToString());
        Assert.True(IsWhite(small.GetPixel(420, 30)), small.GetPixel(420, 30).ToString());
        Assert.False(IsWhite(small.GetPixel(240, 200)) || IsRed(small.GetPixel(240, 200)), small.GetPixel(240, 200).ToString());
    }

    [Fact]
    public void Turns_the_variants_of_a_rotated_photo_as_browsers_show_it()
    {
        var catalog = Catalog(("files/photo.jpg", TestImages.JpegRotated(1200, 800)));

        var (files, _) = Make(catalog, VariantCache.InMemory());

        using var shown = TestImages.Decode(files.Single(f => f.Path == "files/photo.480w.jpg").Bytes);
        Assert.Equal((480, 720), (shown.Width, shown.Height));

        // Orientation 6 turns the picture a quarter clockwise: the stored top-left (red) is shown top right,
        // the stored top-right (white) bottom right, the stored bottom half (gradient) on the left.
        Assert.True(IsRed(shown.GetPixel(420, 60)), shown.GetPixel(420, 60).ToString());
        Assert.True(IsWhite(shown.GetPixel(420, 660)), shown.GetPixel(420, 660).ToString());
        Assert.False(IsRed(shown.GetPixel(60, 60)) || IsWhite(shown.GetPixel(60, 60)), shown.GetPixel(60, 60).ToString());
    }

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Green < 60 && c.Blue < 60;

    private static bool IsWhite(SKColor c) => c.Red > 240 && c.Green > 240 && c.Blue > 240;

    [Fact]
    public void Same_image_gives_the_same_bytes_every_time()
    {
        var input = ("files/photo.jpg", TestImages.Jpeg(1700, 1000));
        var first = Make(Catalog(input, ("files/chart.png", TestImages.Png(1000, 600))), VariantCache.InMemory()).Files;
        var second = Make(Catalog(input, ("files/chart.png", TestImages.Png(1000, 600))), VariantCache.InMemory()).Files;

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
    }

    [Fact]
    public void A_second_build_takes_every_variant_from_the_cache_folder()
    {
        var catalog = Catalog(("files/chart.png", TestImages.Png(1700, 900)));
        var first = VariantCache.InFolder(_cacheFolder);
        var made = Make(catalog, first).Files;

        // A new instance, as the next build process has: only the folder remembers.
        var second = VariantCache.InFolder(_cacheFolder);
        var again = Make(catalog, second).Files;

        Assert.Equal((0, made.Count), (first.Hits, first.Encodes));
        Assert.Equal((made.Count, 0), (second.Hits, second.Encodes));
        Assert.All(made.Zip(again), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Equal(made.Count, Directory.EnumerateFiles(_cacheFolder, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_changed_image_is_encoded_again()
    {
        var cache = VariantCache.InFolder(_cacheFolder);
        Make(Catalog(("files/chart.png", TestImages.Png(1000, 600))), cache);
        var before = cache.Encodes;

        Make(Catalog(("files/chart.png", TestImages.Png(1000, 601))), cache);

        Assert.Equal(2 * before, cache.Encodes);
    }

    [Fact]
    public void The_cache_folder_is_beside_the_input_folder()
    {
        Assert.Equal(Path.Combine(_cacheFolder, ".microsite-cache"), VariantCache.FolderBeside(Path.Combine(_cacheFolder, "input") + "/"));
    }

    [Fact]
    public void A_truncated_image_is_an_error_at_its_file()
    {
        var png = TestImages.Png(1200, 800);
        var catalog = Catalog(("files/cut.png", png[..(png.Length / 2)]));

        var (files, diagnostics) = Make(catalog, VariantCache.InMemory());

        Assert.Empty(files);
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.FileUnreadable, Severity.Error, "input/files/cut.png"), (d.Id, d.Severity, d.Path));
        Assert.Contains("cut short", d.Message);
    }
}
