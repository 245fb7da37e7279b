using System.Collections.Concurrent;

namespace Microsite.Files;

/// <summary>
/// Encoded variants kept between builds, so a rebuild (and every rebuild of <c>serve</c>) encodes only
/// images that changed. Keys name everything the bytes depend on (content hash, width, format, encoder
/// settings, Skia version): an entry is never stale, only unused. Files live outside output/, which the
/// build replaces whole; a folder that cannot be written only costs time, never the build.
/// </summary>
internal sealed class VariantCache
{
    /// <summary>The folder name beside input/; .gitignore lists it.</summary>
    public const string FolderName = ".microsite-cache";

    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);
    private readonly string? _folder;
    private int _hits;
    private int _encodes;

    private VariantCache(string? folder) => _folder = folder;

    /// <summary>Variants kept in this process only (tests; a build that must leave no trace).</summary>
    public static VariantCache InMemory() => new(null);

    /// <summary>Variants kept in <paramref name="folder"/> (created on first write) and in this process.</summary>
    public static VariantCache InFolder(string folder) => new(Path.GetFullPath(folder));

    /// <summary>".microsite-cache" beside the input folder: the same place whatever the working folder is.</summary>
    public static string FolderBeside(string inputDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", FolderName);

    /// <summary>Variants found in the cache since this instance was made.</summary>
    public int Hits => _hits;

    /// <summary>Variants that had to be encoded since this instance was made.</summary>
    public int Encodes => _encodes;

    public bool TryGet(string key, string extension, out byte[] bytes)
    {
        if (_memory.TryGetValue(key, out bytes!))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        if (_folder is not null)
        {
            try
            {
                var path = PathOf(key, extension);
                if (File.Exists(path) && File.ReadAllBytes(path) is { Length: > 0 } stored)
                {
                    _memory[key] = bytes = stored;
                    Interlocked.Increment(ref _hits);
                    return true;
                }
            }
            catch (IOException)
            {
                // unreadable: encode again
            }
            catch (UnauthorizedAccessException)
            {
                // likewise
            }
        }

        bytes = [];
        return false;
    }

    public void Put(string key, string extension, byte[] bytes)
    {
        Interlocked.Increment(ref _encodes);
        _memory[key] = bytes;
        if (_folder is null)
        {
            return;
        }

        var path = PathOf(key, extension);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // Written beside and moved in: a build stopped half way (Ctrl+C in serve) never leaves half a file
            // that a later build would publish.
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            TryDelete(temporary);
        }
        catch (UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private string PathOf(string key, string extension) => Path.Combine(_folder!, "images", key[..2], $"{key}.{extension}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
