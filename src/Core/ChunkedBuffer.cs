using System.Buffers;

namespace Microsite.Core;

/// <summary>
/// Bytes written in chunks of up to 1 MB, then copied once into an array of the exact size. A MemoryStream
/// doubles its buffer as it grows and copies it again for ToArray: a 40 MB file briefly took 64 + 32 MB
/// while growing and 64 + 40 MB at the end; here it takes its chunks and the copy, 80 MB. Written to as a
/// buffer (Utf8JsonWriter, <see cref="Utf8PageWriter"/>) or with <see cref="Write"/>; never read as a stream.
/// </summary>
internal sealed class ChunkedBuffer : IBufferWriter<byte>
{
    private const int ChunkSize = 1 << 20;

    // Chunks that grow from 4 KB reach 1 MB at the 9th (2 MB in all); seven 1 MB chunks later the file has 9 MB.
    private const int LargeAfter = 16;
    private const int LargeChunkSize = 8 << 20;

    private readonly List<(byte[] Bytes, int Length)> _full = [];
    private byte[] _current = new byte[4096];
    private int _used;

    public long Length => _full.Sum(c => (long)c.Length) + _used;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_used + count > _current.Length)
        {
            throw new InvalidOperationException("advanced past the memory handed out");
        }

        _used += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_used);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_used);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var span = GetSpan();
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            Advance(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>
    /// The bytes written so far, in place: a large file (a full report, a search index, tens of MB) is written
    /// out or compared chunk by chunk rather than first copied whole into one array.
    /// </summary>
    public ReadOnlySequence<byte> Sequence()
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var (bytes, length) in _full.Append((Bytes: _current, Length: _used)).Where(c => c.Length > 0))
        {
            var segment = new Segment(bytes.AsMemory(0, length), last);
            first ??= segment;
            last = segment;
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    public byte[] ToArray()
    {
        var result = new byte[checked((int)Length)];
        var at = 0;
        foreach (var (bytes, length) in _full.Append((_current, _used)))
        {
            bytes.AsSpan(0, length).CopyTo(result.AsSpan(at));
            at += length;
        }

        return result;
    }

    /// <summary>
    /// Empties the buffer to be written again, keeping its last chunk (the largest: they double) and
    /// dropping the others. Only for a buffer whose bytes were copied out (ToArray), never one handed on.
    /// </summary>
    public void Reset()
    {
        _full.Clear();
        _used = 0;
        if (_current.Length > ChunkSize)
        {
            _current = new byte[4096]; // an 8 MB chunk of a failed large page is not kept for the thread's small ones
        }
    }

    /// <summary>The current chunk, or a new one when it has less room than asked for (at least one byte).</summary>
    private byte[] Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _used >= needed)
        {
            return _current;
        }

        if (_used > 0)
        {
            _full.Add((_current, _used));
        }

        // Small files (a chapter page, the real report's search index) stay small: chunks double up to 1 MB, never
        // past it unless asked. Past 9 MB (the full report of a large site: tens of megabytes) they are 8 MB, made
        // in the kernel's 2 MB pages, each of which costs one page fault where 4 KB pages cost 512 (see LargeArrays).
        _current = _full.Count >= LargeAfter
            ? LargeArrays.Uninitialized<byte>(Math.Max(needed, LargeChunkSize))
            : new byte[Math.Max(needed, Math.Min(ChunkSize, Math.Max(4096, _current.Length * 2)))];
        _used = 0;
        return _current;
    }
}
