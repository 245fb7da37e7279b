using System.Buffers.Binary;
using Microsite.Publishing;
using SkiaSharp;

namespace Microsite.Tests.Files;

/// <summary>Hand-made image files a drawing library would never write.</summary>
internal static class Pngs
{
    /// <summary>The PNG with its header claiming another size (the CRC made right, so only the size is a lie).</summary>
    public static byte[] WithSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32.Compute(bytes.AsSpan(12, 17)));
        return bytes;
    }
}

internal static class Gifs
{
    /// <summary>A GIF89a with a <paramref name="width"/>×<paramref name="height"/> screen and two 1×1 frames.</summary>
    public static byte[] TwoFrames(int width, int height)
    {
        var gif = new List<byte>();
        gif.AddRange("GIF89a"u8.ToArray());
        gif.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        gif.AddRange([0, 0, 0, 255, 255, 255]); // two colours
        for (var frame = 0; frame < 2; frame++)
        {
            gif.AddRange([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // 0.1 s
            gif.AddRange([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1×1 frame at 0,0
            gif.AddRange([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW: clear, pixel 0, end
        }

        gif.Add(0x3B);
        return [.. gif];
    }
}

internal static class Webps
{
    public static byte[] Animated(int width, int height)
    {
        using var first = TestImages.Picture(width, height);
        using var second = TestImages.Picture(width, height, transparent: true);
        using var data = SKWebpEncoder.EncodeAnimated(
            [new SKWebpEncoderFrame(first, TimeSpan.FromMilliseconds(100)), new SKWebpEncoderFrame(second, TimeSpan.FromMilliseconds(100))],
            new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 50));
        return data?.ToArray() ?? throw new InvalidOperationException("SkiaSharp wrote no animated WebP");
    }
}
