using System.Buffers;
using System.Runtime.InteropServices;

namespace Microsite.Output;

/// <summary>
/// Carries the files a build did not change from the old site into the new one as hard links instead of
/// writing them again. Most builds change a few pages of thousands; writing every file anew and then
/// deleting the old site freed and allocated the whole site on the disk each time (10,000 pages: 350 MB
/// both ways, over a second). A file is carried only when it is a regular file with exactly the new bytes
/// (compared, not guessed from size or date), so it also keeps its date, and a sync to the web host sends
/// only what changed. Nothing is ever written into a file the old site has: the new site's changed files
/// are new files, so the old site stays whole until the exchange.
/// </summary>
internal sealed class UnchangedFiles(string oldSite)
{
    private const int ChunkSize = 256 * 1024;

    // Cleared on the first link the file system refuses (FAT, some network shares): every file is written then.
    private volatile bool _linking = !OperatingSystem.IsWindows();

    /// <summary>True when <paramref name="newPath"/> now names the old site's copy of <paramref name="relativePath"/>.</summary>
    public bool TryCarry(string relativePath, ReadOnlySequence<byte> bytes, string newPath)
    {
        if (!_linking)
        {
            return false;
        }

        var oldPath = Path.Combine(oldSite, relativePath);
        var old = new FileInfo(oldPath);
        // A symbolic link is someone's, not the build's (see SiteWriter): never carried.
        if (!old.Exists || old.Length != bytes.Length || old.Attributes.HasFlag(FileAttributes.ReparsePoint) || !SameBytes(oldPath, bytes))
        {
            return false;
        }

        try
        {
            if (Native.link(oldPath, newPath) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // no C library of that name: written as before
        }

        _linking = false;
        return false;
    }

    private static bool SameBytes(string path, ReadOnlySequence<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkSize, Math.Max(bytes.Length, 1)));
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            long offset = 0;
            while (offset < bytes.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, bytes.Length - offset)), offset);
                if (read == 0 || !Same(buffer.AsSpan(0, read), bytes.Slice(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            // Longer than it was a moment ago: someone is writing it; not the build's file to carry.
            return RandomAccess.GetLength(handle) == bytes.Length;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Same(ReadOnlySpan<byte> read, ReadOnlySequence<byte> expected)
    {
        foreach (var chunk in expected)
        {
            if (!read[..chunk.Length].SequenceEqual(chunk.Span))
            {
                return false;
            }

            read = read[chunk.Length..];
        }

        return true;
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C function's own name
        public static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
#pragma warning restore SA1300, IDE1006
    }
}
