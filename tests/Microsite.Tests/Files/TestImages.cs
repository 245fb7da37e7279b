using SkiaSharp;

namespace Microsite.Tests.Files;

/// <summary>Images made in the test, so every test shows what its picture is.</summary>
internal static class TestImages
{
    /// <summary>A picture with a gradient and a red square in its top-left quarter (to see orientation).</summary>
    public static SKBitmap Picture(int width, int height, bool transparent = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
        using var gradient = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Gold], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, height / 2f, width, height / 2f, gradient);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height / 2f, red);
        return bitmap;
    }

    public static byte[] Png(int width, int height, bool transparent = false)
    {
        using var bitmap = Picture(width, height, transparent);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = Picture(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static byte[] Webp(int width, int height)
    {
        using var bitmap = Picture(width, height);
        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG stored <paramref name="width"/>×<paramref name="height"/> with EXIF orientation 6 ("rotate 90°
    /// clockwise to show"), as phones save portrait photos: shown height×width.
    /// </summary>
    public static byte[] JpegRotated(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF, first IFD at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, // Orientation, SHORT, 1, value 6
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new Xunit.Sdk.XunitException("not an image");

    public static SKEncodedImageFormat Format(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes)) ?? throw new Xunit.Sdk.XunitException("not an image");
        return codec.EncodedFormat;
    }
}
