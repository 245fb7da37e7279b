using System.Text;
using Microsite.Core;

namespace Microsite.Tests.Unit;

/// <summary>
/// Layout writes every page through the thread's <see cref="Utf8PageWriter"/>, used again page after page.
/// Its bytes must be the ones a StreamWriter over UTF-8 wrote before (the site's output did not change),
/// whatever pieces the text comes in, and nothing of one page may reach the next.
/// </summary>
public class Utf8PageWriterTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Han text, an emoji whose two chars are written apart, and lone surrogates (in the middle, at the end),
    // which both writers replace with U+FFFD.
    private static IEnumerable<string> Pieces(int seed, int count)
    {
        var random = new Random(seed);
        string[] kinds = ["政府工作报告", "<p class=\"x\">2023 年</p>", "\uD83D", "\uDE00", "a", "\uDC00", "", "&amp;", "\uD83D\uDE00"];
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            yield return random.Next(5) == 0 ? string.Concat(Enumerable.Repeat(kind, random.Next(1, 4000))) : kind;
        }

        yield return "\uD83D"; // a high surrogate last: its pair never comes
    }

    private static byte[] ByStreamWriter(IEnumerable<string> pieces)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, Utf8, 16 * 1024, leaveOpen: true))
        {
            foreach (var piece in pieces)
            {
                writer.Write(piece);
            }
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 300)]
    [InlineData(3, 3000)]
    public void Its_bytes_are_a_stream_writers_page_after_page_on_one_thread(int seed, int count)
    {
        // Three pages on one writer, each written differently (string, span, char, async), then one thrown away.
        for (var page = 0; page < 3; page++)
        {
            var pieces = Pieces(seed * 10 + page, count).ToList();
            var writer = Utf8PageWriter.Take();
            var i = 0;
            foreach (var piece in pieces)
            {
                switch (i++ % 4)
                {
                    case 0: writer.Write(piece); break;
                    case 1: writer.Write(piece.AsSpan()); break;
                    case 2:
                        foreach (var c in piece)
                        {
                            writer.Write(c);
                        }

                        break;
                    default: Assert.True(writer.WriteAsync(piece).IsCompletedSuccessfully); break;
                }
            }

            Assert.Equal(ByStreamWriter(pieces), writer.ToArrayAndReturn());
        }

        var failed = Utf8PageWriter.Take();
        failed.Write("half a page that failed \uD83D");
        failed.Return();

        var next = Utf8PageWriter.Take();
        next.Write("\uDE00 next");
        Assert.Equal(ByStreamWriter(["\uDE00 next"]), next.ToArrayAndReturn());
    }

    [Fact]
    public async Task An_asynchronous_write_is_done_when_it_returns()
    {
        // Fluid renders a page through WriteAsync: a write handed to the thread pool made the layout threads
        // wait for a pool thread while all of them were busy (TextWriter's default does that).
        var pieces = Enumerable.Range(0, 20_000).Select(i => $"<p>第{i}段 paragraph</p>\n").ToList();
        var writer = Utf8PageWriter.Take();
        var pending = 0;
        foreach (var (piece, i) in pieces.Select((p, i) => (p, i)))
        {
            var write = i % 2 == 0 ? writer.WriteAsync(piece) : writer.WriteAsync(piece.AsMemory());
            pending += write.IsCompletedSuccessfully ? 0 : 1;
            await write;
        }

        var flush = writer.FlushAsync();
        pending += flush.IsCompletedSuccessfully ? 0 : 1;
        await flush;

        Assert.Equal(0, pending);
        Assert.Equal(Utf8.GetBytes(string.Concat(pieces)), writer.ToArrayAndReturn());
    }

    [Fact]
    public void A_large_page_keeps_its_chunks_and_the_writer_goes_on_with_new_ones()
    {
        var text = string.Concat(Enumerable.Repeat("第一章 政府工作报告 Government Work Report. ", 100_000));
        var writer = Utf8PageWriter.Take();
        writer.Write(text);
        var large = writer.DetachAndReturn();

        var again = Utf8PageWriter.Take();
        again.Write("small");
        Assert.Equal(Utf8.GetBytes("small"), again.ToArrayAndReturn());
        Assert.Equal(Utf8.GetBytes(text), large.ToArray()); // not overwritten by the page after it
    }
}
