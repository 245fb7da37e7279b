using System.Text;

namespace Microsite.Core;

/// <summary>
/// A folder's files by relative path ('/' separated), read once. Tests build one from an in-memory
/// map, so every stage after this one never touches the disk.
/// </summary>
internal sealed class FileSet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SortedDictionary<string, byte[]> _files;

    private FileSet(SortedDictionary<string, byte[]> files, string displayRoot)
    {
        _files = files;
        DisplayRoot = displayRoot;
    }

    /// <summary>How paths in diagnostics start: "input" or the folder as the user named it.</summary>
    public string DisplayRoot { get; }

    public IEnumerable<string> Paths => _files.Keys;

    public static FileSet FromMap(IEnumerable<KeyValuePair<string, string>> files, string displayRoot) =>
        new(new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key.Replace('\\', '/'), f => Encoding.UTF8.GetBytes(f.Value)), StringComparer.Ordinal), displayRoot);

    /// <summary>Binary files (images, PDFs) by path, for tests and tools that make files in memory.</summary>
    public static FileSet FromBytes(IEnumerable<KeyValuePair<string, byte[]>> files, string displayRoot) =>
        new(new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key.Replace('\\', '/'), f => f.Value), StringComparer.Ordinal), displayRoot);

    public static FileSet FromDirectory(string directory, string displayRoot)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue; // editor swap files, .DS_Store and the like are never content
            }

            files[relative] = File.ReadAllBytes(file);
        }

        return new FileSet(files, displayRoot);
    }

    /// <summary>What to tell an editor about a file that is not UTF-8 (a text saved as GBK on Chinese Windows, say).</summary>
    public const string NotUtf8Message = "this file is not UTF-8 text (saved as GBK or another encoding?); save it again as UTF-8";

    /// <summary>The file as text, or null when there is no such file or it is not UTF-8 (see <see cref="IsText"/>).</summary>
    public string? Read(string path)
    {
        if (!_files.TryGetValue(path, out var bytes))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    public byte[]? ReadBytes(string path) => _files.GetValueOrDefault(path);

    /// <summary>The same files with one changed, added (or removed, with null).</summary>
    public FileSet With(string path, string? text)
    {
        var files = new SortedDictionary<string, byte[]>(_files, StringComparer.Ordinal);
        if (text is null)
        {
            files.Remove(path);
        }
        else
        {
            files[path] = Encoding.UTF8.GetBytes(text);
        }

        return new FileSet(files, DisplayRoot);
    }

    /// <summary>
    /// False for a file that exists but is not UTF-8: a text saved as GBK by an editor on Chinese Windows
    /// would otherwise be published as mojibake without a word.
    /// </summary>
    public bool IsText(string path) => _files.ContainsKey(path) && Read(path) is not null;

    public string Display(string path) => DisplayRoot.Length == 0 ? path : $"{DisplayRoot}/{path}";
}
