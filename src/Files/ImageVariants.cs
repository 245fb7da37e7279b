using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsite.Core;
using SkiaSharp;

namespace Microsite.Files;

/// <summary>
/// Responsive copies of raster images: every width of the options smaller than the original, in the
/// original's format and in WebP, plus a full-size WebP. Planned from the header alone (so markup can be
/// written before any pixel is decoded), made with SkiaSharp, cached by <see cref="VariantCache"/>.
/// Deterministic: the same bytes and settings give the same bytes (tested).
/// </summary>
internal static class ImageVariants
{
    // Part of every cache key: change it whenever the way variants are made changes.
    private const string Recipe = "v1 halve-linear then cubic-mitchell, srgb rgba8888";

    private static readonly string SkiaVersion = typeof(SKBitmap).Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary>
    /// The variants of an image of this size; none when it is no wider than the smallest width (it is
    /// already small) — GIF and animated images are not passed here.
    /// </summary>
    public static IReadOnlyList<ImageVariant> Plan(string path, VariantFormat format, int width, int height, IReadOnlyList<int> widths)
    {
        var smaller = widths.Where(w => w > 0 && w < width).Distinct().Order().ToList();
        if (smaller.Count == 0)
        {
            return [];
        }

        var variants = new List<ImageVariant>();
        foreach (var w in smaller)
        {
            var h = Math.Max(1, (int)Math.Round((double)height * w / width, MidpointRounding.AwayFromZero));
            if (format != VariantFormat.Webp)
            {
                variants.Add(new ImageVariant(VariantPath(path, w, format), w, h, format));
            }

            variants.Add(new ImageVariant(VariantPath(path, w, VariantFormat.Webp), w, h, VariantFormat.Webp));
        }

        if (format != VariantFormat.Webp)
        {
            variants.Add(new ImageVariant(VariantPath(path, width, VariantFormat.Webp), width, height, VariantFormat.Webp));
        }

        return variants;
    }

    /// <summary>
    /// Encodes (or takes from the cache) every planned variant of the catalog; images in parallel. An image
    /// that cannot be decoded is an MS0602 error at its file, never an exception.
    /// </summary>
    public static IReadOnlyList<PublishedFile> Make(FileCatalog catalog, VariantCache cache, DiagnosticBag diagnostics)
    {
        var made = new ConcurrentBag<PublishedFile>();
        Parallelism.ForEach(catalog.Entries.Where(e => e.Variants.Count > 0).ToList(), entry =>
        {
            if (MakeFor(entry, catalog, cache, made) is { } problem)
            {
                diagnostics.Error(DiagnosticIds.FileUnreadable, entry.DisplayPath, 0, 0, $"this image {problem}");
            }
        });

        return made.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The cache key of one variant: everything its bytes depend on.</summary>
    public static string CacheKey(FileEntry entry, ImageVariant variant)
    {
        var source = SourceFormat(entry);
        var text = $"{entry.Hash}|{variant.Width}x{variant.Height}|{variant.Format}|{Settings(variant.Format, source)}|{Recipe}|skia {SkiaVersion}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
    }

    private static string? MakeFor(FileEntry entry, FileCatalog catalog, VariantCache cache, ConcurrentBag<PublishedFile> made)
    {
        var missing = new List<(ImageVariant Variant, string Key)>();
        foreach (var variant in entry.Variants)
        {
            var key = CacheKey(entry, variant);
            if (cache.TryGet(key, Extension(variant.SitePath), out var cached))
            {
                made.Add(new PublishedFile(variant.SitePath, cached));
            }
            else
            {
                missing.Add((variant, key));
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        try
        {
            using var data = SKData.CreateCopy(catalog.Bytes(entry));
            using var codec = SKCodec.Create(data);
            if (codec is null)
            {
                return "cannot be decoded; is it damaged?";
            }

            var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888,
                codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
            using var decoded = new SKBitmap(info);
            var result = codec.GetPixels(info, decoded.GetPixels());
            if (result != SKCodecResult.Success)
            {
                return result == SKCodecResult.IncompleteInput
                    ? "is cut short (the file ends before the picture does); copy or export it again"
                    : $"cannot be decoded ({result}); is it damaged?";
            }

            using var turned = Orient(decoded, codec.EncodedOrigin);
            var oriented = turned ?? decoded;
            var source = SourceFormat(entry);
            foreach (var (variant, key) in missing)
            {
                using var resized = Resize(oriented, variant.Width, variant.Height);
                var bytes = Encode(resized, variant.Format, source);
                if (bytes is null)
                {
                    return $"could not be written as {variant.Format.ToString().ToUpperInvariant()}";
                }

                cache.Put(key, Extension(variant.SitePath), bytes);
                made.Add(new PublishedFile(variant.SitePath, bytes));
            }

            return null;
        }
#pragma warning disable CA1031 // untrusted bytes through a native decoder: anything it throws is a fact about the file
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"cannot be decoded ({e.GetType().Name}); is it damaged?";
        }
    }

    private static VariantFormat SourceFormat(FileEntry entry) => entry.MediaType switch
    {
        "image/png" => VariantFormat.Png,
        "image/jpeg" => VariantFormat.Jpeg,
        _ => VariantFormat.Webp,
    };

    /// <summary>
    /// WebP is always lossy: measured on screenshots, lossless WebP of a resized PNG came out larger than the
    /// PNG itself (754 KB against 276 KB at full size), while lossy at quality 90 showed no visible change to
    /// text and halved the PNG. PNG sources (charts, screenshots: sharp edges) get quality 90, photographs 80.
    /// PNG at zlib level 6: level 9 took four times as long for 2% less.
    /// </summary>
    private static string Settings(VariantFormat format, VariantFormat source) => format switch
    {
        VariantFormat.Png => "png zlib6 all-filters",
        VariantFormat.Jpeg => "jpeg q82 420",
        _ => $"webp lossy q{WebpQuality(source)}",
    };

    private static int WebpQuality(VariantFormat source) => source == VariantFormat.Png ? 90 : 80;

    private static byte[]? Encode(SKBitmap bitmap, VariantFormat format, VariantFormat source)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = format switch
        {
            VariantFormat.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
            VariantFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(82, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality(source))),
        };
        return data?.ToArray();
    }

    /// <summary>
    /// Halves with a 2×2 average while the picture is at least twice the target, then one cubic step: a
    /// single cubic step from 4000 to 480 pixels would skip most source pixels and shimmer.
    /// </summary>
    private static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        // Pictures of up to 100 million pixels take 400 MB each: no copy that is not needed.
        SKBitmap? owned = null;
        var current = source;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            var half = Scale(current, Math.Max(1, current.Width / 2), Math.Max(1, current.Height / 2), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
            owned?.Dispose();
            owned = current = half;
        }

        if (current.Width == width && current.Height == height)
        {
            return owned ?? current.Copy();
        }

        var final = Scale(current, width, height, new SKSamplingOptions(SKCubicResampler.Mitchell));
        owned?.Dispose();
        return final;
    }

    private static SKBitmap Scale(SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        var target = new SKBitmap(source.Info.WithSize(width, height));
        if (!source.ScalePixels(target, sampling))
        {
            target.Dispose();
            throw new InvalidOperationException($"SkiaSharp could not scale {source.Width}×{source.Height} to {width}×{height}");
        }

        return target;
    }

    /// <summary>Applies the EXIF orientation, as browsers do when they show the original; null when there is none to apply.</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return null;
        }

        var (w, h) = (source.Width, source.Height);
        var swap = ImageProbe.SwapsSides(origin);
        var target = new SKBitmap(source.Info.WithSize(swap ? h : w, swap ? w : h));

        // The matrices of Skia's SkEncodedOriginToMatrix: each maps the stored picture onto the shown one.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom
        };

        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest)); // quarter turns map pixels onto pixels
        canvas.Flush();
        return target;
    }

    private static string VariantPath(string path, int width, VariantFormat format)
    {
        var dot = path.LastIndexOf('.');
        var stem = dot > path.LastIndexOf('/') ? path[..dot] : path;
        var originalExtension = dot > path.LastIndexOf('/') ? path[(dot + 1)..] : "";
        var extension = format switch
        {
            VariantFormat.Png => "png",
            VariantFormat.Jpeg => originalExtension.ToLowerInvariant() is "jpeg" ? "jpeg" : "jpg",
            _ => "webp",
        };
        return $"{stem}.{width}w.{extension}";
    }

    private static string Extension(string path) => path[(path.LastIndexOf('.') + 1)..];
}
