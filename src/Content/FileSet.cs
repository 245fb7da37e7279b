namespace Microsite.Content;

/// <summary>
/// A folder's text files by relative path ('/' separated), read once. Tests build one from an in-memory
/// map, so every stage after this one never touches the disk.
/// </summary>
internal sealed class FileSet
{
    private readonly SortedDictionary<string, string> _files;

    private FileSet(SortedDictionary<string, string> files, string displayRoot)
    {
        _files = files;
        DisplayRoot = displayRoot;
    }

    /// <summary>How paths in diagnostics start: "input" or the folder as the user named it.</summary>
    public string DisplayRoot { get; }

    public IEnumerable<string> Paths => _files.Keys;

    public static FileSet FromMap(IEnumerable<KeyValuePair<string, string>> files, string displayRoot) =>
        new(new SortedDictionary<string, string>(files.ToDictionary(f => f.Key.Replace('\\', '/'), f => f.Value), StringComparer.Ordinal), displayRoot);

    public static FileSet FromDirectory(string directory, string displayRoot)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue; // editor swap files, .DS_Store and the like are never content
            }

            files[relative] = File.ReadAllText(file);
        }

        return new FileSet(files, displayRoot);
    }

    public string? Read(string path) => _files.TryGetValue(path, out var text) ? text : null;

    public string Display(string path) => DisplayRoot.Length == 0 ? path : $"{DisplayRoot}/{path}";
}
