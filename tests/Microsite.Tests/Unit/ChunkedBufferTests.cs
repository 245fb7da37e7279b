using System.Text.Json;
using Microsite.Core;

namespace Microsite.Tests.Unit;

/// <summary>The buffer the search index is written into hands back exactly the bytes written, in order, across its chunks.</summary>
public class ChunkedBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(3_000_001)]
    [InlineData(30_000_001)] // past 9 MB the chunks are 8 MB, made in huge pages
    public void The_bytes_come_back_in_order_and_nothing_else(int length)
    {
        var expected = new byte[length];
        new Random(length).NextBytes(expected);
        var buffer = new ChunkedBuffer();

        // Written in pieces of changing size, some through the span it hands out, some copied in.
        var at = 0;
        for (var piece = 1; at < length; piece = piece * 3 % 70_001 + 1)
        {
            var n = Math.Min(piece, length - at);
            if (piece % 2 == 0)
            {
                buffer.Write(expected.AsSpan(at, n));
            }
            else
            {
                expected.AsSpan(at, n).CopyTo(buffer.GetSpan(n));
                buffer.Advance(n);
            }

            at += n;
        }

        Assert.Equal(length, buffer.Length);
        Assert.Equal(expected, buffer.ToArray());
        Assert.Equal(expected, System.Buffers.BuffersExtensions.ToArray(buffer.Sequence())); // the same bytes in place, chunk by chunk
    }

    [Fact]
    public void A_json_writer_writes_into_it_as_into_a_stream()
    {
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => $"段落{i} "));
        var buffer = new ChunkedBuffer();
        using (var writer = new Utf8JsonWriter((System.Buffers.IBufferWriter<byte>)buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(text);
            writer.WriteNumberValue(42);
            writer.WriteEndArray();
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(text);
            writer.WriteNumberValue(42);
            writer.WriteEndArray();
        }

        Assert.Equal(stream.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void Advancing_past_what_was_handed_out_is_refused()
    {
        var buffer = new ChunkedBuffer();
        var room = buffer.GetSpan(10).Length;
        Assert.Throws<InvalidOperationException>(() => buffer.Advance(room + 1));
    }
}
