using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using SkiaSharp;

namespace Microsite.Files;

/// <summary>
/// Reads an image's size from its header only (no pixels are decoded), so a build over many large
/// photos stays fast. Never throws: whatever the bytes are, the answer is facts or a problem.
/// </summary>
internal static partial class ImageProbe
{
    /// <summary>
    /// A decoded image takes 4 bytes a pixel; a crafted 60000×60000 PNG of a few kilobytes would ask for
    /// 14 GB. Nothing a report shows needs more than this.
    /// </summary>
    public const long MaxPixels = 100_000_000;

    public static ImageFacts Raster(byte[] bytes, string extension)
    {
        try
        {
            using var data = SKData.CreateCopy(bytes);
            using var codec = SKCodec.Create(data);
            if (codec is null)
            {
                return ImageFacts.Unreadable(
                    $"cannot be read as a {MediaTypes.Label(extension, chinese: false)} image (is it damaged, or another kind of file renamed to .{extension}?); save it again as PNG, JPEG or WebP");
            }

            VariantFormat? format;
            switch (codec.EncodedFormat)
            {
                case SKEncodedImageFormat.Png:
                    format = VariantFormat.Png;
                    break;
                case SKEncodedImageFormat.Jpeg:
                    format = VariantFormat.Jpeg;
                    break;
                case SKEncodedImageFormat.Webp:
                    format = VariantFormat.Webp;
                    break;
                case SKEncodedImageFormat.Gif:
                    format = null;
                    break;
                default:
                    return ImageFacts.Unreadable(
                        $"is a {codec.EncodedFormat.ToString().ToUpperInvariant()} image named .{extension}, which not every browser shows; save it as PNG, JPEG or WebP");
            }

            var (width, height) = (codec.Info.Width, codec.Info.Height);
            if (width <= 0 || height <= 0)
            {
                return ImageFacts.Unreadable("has no pixels (width or height 0); is it damaged?");
            }

            if ((long)width * height > MaxPixels)
            {
                return ImageFacts.Unreadable(
                    $"is {width}×{height} pixels, more than the {MaxPixels / 1_000_000} million Microsite reads; scale it down (2000 pixels wide is plenty for a page)");
            }

            if (SwapsSides(codec.EncodedOrigin))
            {
                (width, height) = (height, width);
            }

            return new ImageFacts(width, height, format, codec.FrameCount > 1, null);
        }
#pragma warning disable CA1031 // the native decoder is handed untrusted bytes: whatever it throws is a fact about the file
        catch (Exception e)
#pragma warning restore CA1031
        {
            return ImageFacts.Unreadable($"cannot be read as an image ({e.GetType().Name}); is it damaged?");
        }
    }

    /// <summary>EXIF orientations 5–8 turn the picture a quarter: a phone photo stored 4032×3024 is shown 3024×4032.</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// The size an SVG asks for: width and height in absolute units, or the viewBox's proportions. A size in
    /// % or em depends on the page, so the viewBox decides then.
    /// </summary>
    public static ImageFacts Svg(byte[] bytes)
    {
        // Editors' SVGs come from design tools that declare entities in a DTD (Illustrator does), so the DTD is
        // read, but nothing outside the file is ever fetched and entity expansion is capped (billion laughs).
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "svg")
            {
                return ImageFacts.Unreadable($"is not an SVG image: its first element is <{reader.LocalName}>, not <svg>");
            }

            var width = Length(reader.GetAttribute("width"));
            var height = Length(reader.GetAttribute("height"));
            var viewBox = ViewBox(reader.GetAttribute("viewBox"));

            // Read to the end: a file cut short is noticed now, not by a reader's browser.
            while (reader.Read())
            {
            }

            if (width is null || height is null)
            {
                if (viewBox is { } box)
                {
                    (width, height) = (width, height) switch
                    {
                        ({ } w, null) => (w, w * box.Height / box.Width),
                        (null, { } h) => (h * box.Width / box.Height, h),
                        _ => (box.Width, box.Height),
                    };
                }
                else
                {
                    return new ImageFacts(null, null, null, false, null);
                }
            }

            return width is { } shownWidth && height is { } shownHeight
                ? new ImageFacts(Pixels(shownWidth), Pixels(shownHeight), null, false, null)
                : new ImageFacts(null, null, null, false, null);
        }
        catch (XmlException e)
        {
            return ImageFacts.Unreadable($"is not a well-formed SVG file (line {e.LineNumber}: {e.Message.Split(" Line ")[0].TrimEnd('.', ' ')})");
        }
    }

    private static int Pixels(double value) => Math.Max(1, (int)Math.Round(value, MidpointRounding.AwayFromZero));

    private static double? Length(string? text)
    {
        if (text is null || LengthPattern().Match(text) is not { Success: true } match
            || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return null;
        }

        // CSS absolute units: 1in = 96px = 72pt = 6pc = 2.54cm.
        return match.Groups[2].Value switch
        {
            "pt" => number * 96 / 72,
            "pc" => number * 16,
            "in" => number * 96,
            "cm" => number * 96 / 2.54,
            "mm" => number * 96 / 25.4,
            _ => number,
        };
    }

    private static (double Width, double Height)? ViewBox(string? text)
    {
        var parts = text?.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 4 }
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
            || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var height)
            || width <= 0 || height <= 0)
        {
            return null;
        }

        return (width, height);
    }

    [GeneratedRegex(@"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|in|cm|mm)?\s*$")]
    private static partial Regex LengthPattern();
}
