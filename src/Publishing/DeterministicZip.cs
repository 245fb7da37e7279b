using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Microsite.Publishing;

/// <summary>
/// Writes a zip whose bytes depend on the files alone: entries sorted by path, one timestamp given by
/// the caller (never the clock), rw-r--r-- permissions, "made by Unix" on every
/// operating system, no extra fields, no comment. System.IO.Compression's ZipArchive records the
/// platform it runs on, so the same site packed on Windows and on Linux would differ; the format is
/// small enough to write here. Each file is deflated, or stored when deflating does not make it smaller
/// (PNG, JPEG, PDF, DOCX are compressed already). No Zip64: a site is far below 4 GB and 65535 files.
/// </summary>
internal static class DeterministicZip
{
    private const ushort VersionNeeded = 20; // 2.0: deflate
    private const ushort VersionMadeBy = (3 << 8) | 20; // Unix, 2.0: unzip then applies the permissions below
    private const uint RegularFileRwRR = 0x81A4u << 16; // S_IFREG | 0644, in the high half as Info-ZIP keeps it
    /// <summary>The first moment the format can hold.</summary>
    public static readonly DateTime Epoch = new(1980, 1, 1);
    private const ushort Utf8Names = 1 << 11;

    /// <param name="timestamp">Every entry's time (a zip holds local clock time to 2 seconds, 1980–2107).</param>
    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> files, DateTime timestamp)
    {
        if (timestamp < Epoch || timestamp.Year > 2107)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "a zip holds times from 1980 to 2107");
        }

        var dosTime = (ushort)((timestamp.Hour << 11) | (timestamp.Minute << 5) | (timestamp.Second / 2));
        var dosDate = (ushort)(((timestamp.Year - 1980) << 9) | (timestamp.Month << 5) | timestamp.Day);
        var entries = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (entries.Count >= ushort.MaxValue)
        {
            throw new ArgumentException($"{entries.Count} files are more than a zip without Zip64 holds", nameof(files));
        }

        using var zip = new MemoryStream();
        using var central = new MemoryStream();
        Span<byte> local = stackalloc byte[30];
        Span<byte> header = stackalloc byte[46];
        foreach (var (path, content) in entries)
        {
            if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\') || path.Split('/').Any(p => p is "" or "." or ".."))
            {
                throw new ArgumentException($"\"{path}\" is not a relative path with '/' between its parts", nameof(files));
            }

            var name = Encoding.UTF8.GetBytes(path);
            var flags = path.All(char.IsAscii) ? (ushort)0 : Utf8Names;
            var deflated = Deflate(content);
            var stored = deflated.Length >= content.Length;
            var data = stored ? content : deflated;
            var method = stored ? (ushort)0 : (ushort)8;
            var crc = Crc32.Compute(content);
            var offset = checked((uint)zip.Position);
            if (zip.Position + data.Length > uint.MaxValue)
            {
                throw new ArgumentException("the site is larger than a zip without Zip64 holds (4 GB)", nameof(files));
            }

            BinaryPrimitives.WriteUInt32LittleEndian(local, 0x04034B50);
            BinaryPrimitives.WriteUInt16LittleEndian(local[4..], VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(local[6..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(local[8..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(local[10..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(local[12..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(local[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(local[18..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(local[22..], (uint)content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(local[26..], checked((ushort)name.Length));
            BinaryPrimitives.WriteUInt16LittleEndian(local[28..], 0);
            zip.Write(local);
            zip.Write(name);
            zip.Write(data);

            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014B50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)content.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[30..], 0); // extra
            BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 0); // comment
            BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 0); // disk
            BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(header[38..], RegularFileRwRR);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offset);
            central.Write(header);
            central.Write(name);
        }

        var centralOffset = checked((uint)zip.Position);
        central.Position = 0;
        central.CopyTo(zip);

        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], checked((uint)central.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], centralOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0);
        zip.Write(end);
        return zip.ToArray();
    }

    private static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return output.ToArray();
    }
}
