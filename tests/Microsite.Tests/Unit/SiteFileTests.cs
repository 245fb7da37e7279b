using System.Text;
using Microsite.Core;

namespace Microsite.Tests.Unit;

/// <summary>
/// The checks decode each page into a buffer of their own with <see cref="SiteFile.DecodeInto"/>, wherever its
/// bytes are held: one array, the chunks it was made in, or a file read back a block at a time. A character
/// cut between two chunks or two blocks must come back whole.
/// </summary>
public class SiteFileTests
{
    // Chinese (three bytes a character) and an emoji (four bytes, two chars), so that block and chunk edges
    // fall inside characters; and a stray byte, which decodes to U+FFFD as Encoding.UTF8 does.
    private static byte[] Text(int length)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(i % 7 == 0 ? "政府工作报告 " : i % 11 == 0 ? "😀 " : "report <p>2023</p> ");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        bytes[bytes.Length / 2] = 0xFF;
        return bytes;
    }

    // The last is decoded into an array made in the kernel's 2 MB pages (LargeArrays), as the full report is.
    public static TheoryData<int> Lengths => new(10, 70_000, 300_000, 6_000_000);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void A_file_decodes_the_same_from_an_array_from_chunks_and_from_disk(int length)
    {
        var bytes = Text(length);
        var expected = Encoding.UTF8.GetString(bytes);
        var chunks = new ChunkedBuffer();
        for (var at = 0; at < bytes.Length; at += 1000)
        {
            chunks.Write(bytes.AsSpan(at, Math.Min(1000, bytes.Length - at)));
        }

        var path = Path.Combine(Path.GetTempPath(), $"microsite-sitefile-{Guid.NewGuid():N}.html");
        File.WriteAllBytes(path, bytes);
        try
        {
            foreach (var file in new[] { SiteFile.Utf8Text("a.html", bytes), SiteFile.Utf8Text("a.html", chunks), SiteFile.OnDisk("a.html", path, null) })
            {
                // A buffer too small is replaced; one large enough is used again as it is.
                var chars = new char[3];
                var count = file.DecodeInto(ref chars);
                Assert.Equal(expected, new string(chars, 0, count));

                var kept = chars;
                count = file.DecodeInto(ref chars);
                Assert.Same(kept, chars);
                Assert.Equal(expected, new string(chars, 0, count));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    // `check` lists a folder's files, then reads each when it checks it: one changed in between is read as it is then.
    [Fact]
    public void A_file_on_disk_that_changed_since_it_was_listed_is_read_as_it_is_now()
    {
        var path = Path.Combine(Path.GetTempPath(), $"microsite-sitefile-{Guid.NewGuid():N}.html");
        File.WriteAllBytes(path, Text(10));
        try
        {
            var file = SiteFile.OnDisk("a.html", path, null);
            var now = Text(200_000);
            File.WriteAllBytes(path, now);

            var chars = Array.Empty<char>();
            var count = file.DecodeInto(ref chars);

            Assert.Equal(Encoding.UTF8.GetString(now), new string(chars, 0, count));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
