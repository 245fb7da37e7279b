using System.Buffers;
using System.Text;

namespace Microsite.Core;

/// <summary>
/// A file of the finished site, in memory: what the build writes and what the checks read. Text is kept
/// as the UTF-8 bytes the host will serve: a large site is hundreds of megabytes of HTML, and as .NET
/// strings (two bytes a character, Latin markup included) it took half as much memory again.
/// </summary>
internal sealed class SiteFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="path">Path inside the site, with '/' ("en/review-2022.html").</param>
    /// <param name="content">The text of a text file (encoded once, here); ignored for a binary one.</param>
    /// <param name="lang">For a page, the language it must be in (its html lang); null when not known.</param>
    /// <param name="source">The input file the page was built from, for diagnostics ("input/zh/review-2022.md").</param>
    /// <param name="binary">The bytes of a file that is not text (an image, a font).</param>
    public SiteFile(string path, string content, string? lang, string? source, byte[]? binary = null)
        : this(path, binary ?? Utf8.GetBytes(content), binary is null, lang, source)
    {
    }

    private SiteFile(string path, byte[]? bytes, bool isText, string? lang, string? source, string? writtenAt = null, int length = 0, ChunkedBuffer? chunks = null)
    {
        Path = path;
        _bytes = bytes;
        _chunks = chunks;
        _writtenAt = writtenAt;
        Length = bytes?.Length ?? (chunks is null ? length : checked((int)chunks.Length));
        IsText = isText;
        Lang = lang;
        Source = source;
    }

    // A file made in chunks (a full report, a search index) keeps them until its bytes are asked for as one
    // array: written to disk from the chunks, it is never copied whole (at 10,000 pages four such files are
    // 130 MB, made at the same time as the pages).
    private byte[]? _bytes;
    private ChunkedBuffer? _chunks;
    private readonly string? _writtenAt;

    /// <summary>A text file whose UTF-8 bytes are already made (a laid-out page, the search index).</summary>
    public static SiteFile Utf8Text(string path, byte[] bytes, string? lang = null, string? source = null) => new(path, bytes, isText: true, lang, source);

    /// <summary>A text file whose UTF-8 bytes were written in chunks (see <see cref="ChunkedBuffer"/>); no longer written to.</summary>
    public static SiteFile Utf8Text(string path, ChunkedBuffer bytes, string? lang = null, string? source = null) =>
        new(path, null, isText: true, lang, source, chunks: bytes);

    /// <summary>
    /// This file, already written to <paramref name="at"/>, without its bytes in memory: they are read back
    /// when asked. The CLI writes each page into its staging folder as soon as it is made (see SiteStaging),
    /// so a large site is never whole in memory. Readable until that folder is swapped in.
    /// </summary>
    public SiteFile WrittenTo(string at) => new(Path, null, IsText, Lang, Source, at, Length);

    /// <summary>
    /// A text file of a site on disk (what `check` reads), read only when asked: a site's pages are hundreds
    /// of megabytes, and the checks need one page at a time.
    /// </summary>
    public static SiteFile OnDisk(string path, string at, string? lang) => new(path, null, isText: true, lang, null, at, checked((int)new FileInfo(at).Length));

    public string Path { get; }

    public string? Lang { get; }

    public string? Source { get; }

    public bool IsText { get; }

    /// <summary>The file as served: UTF-8 without a byte order mark for text.</summary>
    public byte[] Bytes
    {
        get
        {
            if (_bytes is not null)
            {
                return _bytes;
            }

            if (_chunks is { } chunks)
            {
                // Made into one array once, then kept as that (two threads may both make it: the same bytes).
                _bytes = chunks.ToArray();
                _chunks = null;
                return _bytes;
            }

            return File.ReadAllBytes(_writtenAt!);
        }
    }

    /// <summary>The file's bytes as they are held: its chunks, or one array (read from disk if written).</summary>
    public ReadOnlySequence<byte> Sequence => _chunks is { } chunks ? chunks.Sequence() : new ReadOnlySequence<byte>(Bytes);

    /// <summary>How many bytes the file has (known without reading a written file back).</summary>
    public int Length { get; }

    /// <summary>
    /// The text of a text file decoded into <paramref name="chars"/> (made larger when too small), without
    /// first holding its bytes whole: a file on disk is read and decoded a block at a time. Returns how many
    /// characters there are. (Checking the 10,000-page benchmark read each full report, 23 and 37 MB, into
    /// a new byte array before decoding it into a new char array; that was a fifth of the checks' start.)
    /// </summary>
    public int DecodeInto(ref char[] chars)
    {
        if (_bytes is not null)
        {
            Room(ref chars, _bytes.Length);
            return Utf8.GetChars(_bytes, chars);
        }

        var decoder = Utf8.GetDecoder();
        var count = 0;
        if (_chunks is { } chunks)
        {
            Room(ref chars, Length);
            foreach (var chunk in chunks.Sequence())
            {
                count += decoder.GetChars(chunk.Span, chars.AsSpan(count), flush: false);
            }

            return count + decoder.GetChars([], chars.AsSpan(count), flush: true);
        }

        // As long as the file is now: a folder `check` reads may have changed since it was listed.
        using var handle = File.OpenHandle(_writtenAt!);
        var length = checked((int)RandomAccess.GetLength(handle));
        Room(ref chars, length);
        var block = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long offset = 0;
            while (offset < length && RandomAccess.Read(handle, block.AsSpan(0, (int)Math.Min(block.Length, length - offset)), offset) is var read and > 0)
            {
                offset += read;
                count += decoder.GetChars(block.AsSpan(0, read), chars.AsSpan(count), flush: false);
            }

            return count + decoder.GetChars([], chars.AsSpan(count), flush: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    // UTF-8 never has fewer bytes than characters: the byte count is room enough. Not cleared: every
    // character read is written first.
    private static void Room(ref char[] chars, int bytes)
    {
        if (chars.Length < bytes)
        {
            chars = LargeArrays.Uninitialized<char>(Math.Max(bytes, (int)Math.Min(chars.Length * 2L, Array.MaxLength)));
        }
    }

    /// <summary>The text of a text file, decoded when asked (a new string each time); empty for a binary one.</summary>
    public string Content => IsText ? Utf8.GetString(Bytes) : "";

    public override string ToString() => Path;
}
