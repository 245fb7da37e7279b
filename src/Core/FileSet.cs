using System.Text;

namespace Microsite.Core;

/// <summary>A file of a folder that was not read, and why (the stage that reads the folder reports it).</summary>
internal sealed record FileProblem(string Path, string Id, string Message);

/// <summary>
/// A folder's files by relative path ('/' separated), read once. Tests build one from an in-memory
/// map, so every stage after this one never touches the disk.
/// </summary>
internal sealed class FileSet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SortedDictionary<string, byte[]> _files;
    private readonly SortedDictionary<string, FileProblem> _problems;

    private FileSet(SortedDictionary<string, byte[]> files, IEnumerable<FileProblem> problems, string displayRoot)
    {
        _files = files;
        _problems = new SortedDictionary<string, FileProblem>(problems.ToDictionary(p => p.Path), StringComparer.Ordinal);
        DisplayRoot = displayRoot;

        // Two names that differ only in letter case are one file on Windows and macOS (and on many web
        // hosts' copies): which one an editor sees there is chance. The first is kept, the others refused.
        foreach (var group in _files.Keys.GroupBy(p => p.ToLowerInvariant()).Where(g => g.Count() > 1).ToList())
        {
            var kept = group.First();
            foreach (var other in group.Skip(1))
            {
                _files.Remove(other);
                _problems[other] = new FileProblem(other, DiagnosticIds.FileNameCase,
                    $"this name differs from {Display(kept)} only in letter case; on Windows and macOS the two are one file, so this one is not read (rename or remove one)");
            }
        }
    }

    /// <summary>How paths in diagnostics start: "input" or the folder as the user named it.</summary>
    public string DisplayRoot { get; }

    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Files of the folder that were not read: refused symbolic links, unreadable files, names that differ only in case.</summary>
    public IEnumerable<FileProblem> Problems => _problems.Values;

    /// <summary>The problem of a file that exists but was not read, or null.</summary>
    public FileProblem? Problem(string path) => _problems.GetValueOrDefault(path);

    public static FileSet FromMap(IEnumerable<KeyValuePair<string, string>> files, string displayRoot) =>
        FromBytes(files.Select(f => KeyValuePair.Create(f.Key, Encoding.UTF8.GetBytes(f.Value))), displayRoot);

    /// <summary>Files given as bytes (tests of encodings).</summary>
    public static FileSet FromBytes(IEnumerable<KeyValuePair<string, byte[]>> files, string displayRoot) =>
        new(new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key.Replace('\\', '/'), f => f.Value), StringComparer.Ordinal), [], displayRoot);

    /// <summary>
    /// Reads every file under the folder, except names starting with '.'. A symbolic link is followed only
    /// to a file inside the folder: one that leads out of it (to another project, to /etc) would publish
    /// whatever it points at, so it is refused and reported, and so is a link to a folder (it could loop).
    /// A file that cannot be read is reported too, instead of stopping the whole build.
    /// </summary>
    public static FileSet FromDirectory(string directory, string displayRoot)
    {
        var problems = new List<FileProblem>();
        var root = RealPath(Path.GetFullPath(directory));
        // The folders are walked first and the files read after, on every core: read one after the other,
        // the 10,000 files of a large report kept one core busy for half a second before the first stage.
        var found = new List<(string Relative, string Path)>();
        Walk(new DirectoryInfo(root), "");
        var read = Parallelism.Map(found, file => Read(file.Path));
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            if (read[i].Bytes is { } bytes)
            {
                files[found[i].Relative] = bytes;
            }
            else
            {
                problems.Add(new FileProblem(found[i].Relative, DiagnosticIds.FileRefused, $"this file cannot be read ({read[i].Error}); check its permissions"));
            }
        }

        return new FileSet(files, problems, displayRoot);

        void Walk(DirectoryInfo folder, string prefix)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = [.. folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FileProblem(prefix.Length == 0 ? "." : prefix.TrimEnd('/'), DiagnosticIds.FileRefused,
                    $"this folder cannot be read ({e.Message.TrimEnd('.')}); check its permissions"));
                return;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue; // editor swap files, .DS_Store and the like are never content
                }

                var relative = prefix + entry.Name;
                // The listing says which entries are links: only those are asked where they lead (a system call each).
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is { } linkTarget)
                {
                    var target = Path.GetFullPath(linkTarget, Path.GetDirectoryName(entry.FullName)!);
                    var real = RealPath(target);
                    if (!IsInside(real, root))
                    {
                        problems.Add(new FileProblem(relative, DiagnosticIds.FileRefused,
                            $"this is a symbolic link to {linkTarget}, outside {displayRoot}/; a build reads only its own folders, so it is not read (copy the file in instead)"));
                    }
                    else if (Directory.Exists(real))
                    {
                        problems.Add(new FileProblem(relative, DiagnosticIds.FileRefused,
                            $"this is a symbolic link to a folder ({linkTarget}); links to folders are not followed (they can repeat or loop): move the files here instead"));
                    }
                    else if (!File.Exists(real))
                    {
                        problems.Add(new FileProblem(relative, DiagnosticIds.FileRefused,
                            $"this is a symbolic link to {linkTarget}, which does not exist; remove the link or restore its file"));
                    }
                    else
                    {
                        found.Add((relative, real));
                    }
                }
                else if (entry is DirectoryInfo sub)
                {
                    Walk(sub, relative + "/");
                }
                else
                {
                    found.Add((relative, entry.FullName));
                }
            }
        }

        static (byte[]? Bytes, string? Error) Read(string path)
        {
            try
            {
                return (File.ReadAllBytes(path), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, e.Message.TrimEnd('.'));
            }
        }
    }

    /// <summary>The path with every symbolic link on the way resolved, so that containment is judged on the real place.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var parts = full.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = Path.GetPathRoot(full) ?? "/";
            var changed = false;
            for (var i = 0; i < parts.Length; i++)
            {
                current = Path.Combine(current, parts[i]);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is { } target)
                {
                    var resolved = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
                    var rest = string.Join(Path.DirectorySeparatorChar, parts.Skip(i + 1));
                    full = rest.Length == 0 ? resolved : Path.GetFullPath(Path.Combine(resolved, rest));
                    changed = true;
                    break;
                }
            }

            if (!changed)
            {
                return full;
            }
        }

        return full; // a loop of links: whatever it is, it is not a file inside the folder
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

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

        return new FileSet(files, _problems.Values.Where(p => p.Path != path), DisplayRoot);
    }

    /// <summary>
    /// Where a file stops being UTF-8: the line and column of its first byte that is not, and that byte
    /// (a GBK file breaks at its first Han character); null for a UTF-8 file or no file.
    /// </summary>
    public (int Line, int Column, byte Byte)? NotUtf8At(string path)
    {
        if (!_files.TryGetValue(path, out var bytes))
        {
            return null;
        }

        var chars = new char[bytes.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.InvalidData)
        {
            return null;
        }

        var lineStart = read == 0 ? 0 : Array.LastIndexOf(bytes, (byte)'\n', read - 1) + 1;

        // Two GBK bytes can happen to read as one UTF-8 character: the mistake starts where the run of
        // non-ASCII bytes before the first invalid one starts (the first Han character, as the editor sees it).
        while (read > lineStart && bytes[read - 1] >= 0x80)
        {
            read--;
        }

        var line = 1 + bytes.AsSpan(0, lineStart).Count((byte)'\n');
        var column = 1 + Encoding.UTF8.GetCharCount(bytes, lineStart, read - lineStart);
        return (line, column, bytes[read]);
    }

    /// <summary>The diagnostic for a file that is not UTF-8, at its first byte that is not.</summary>
    public void ReportNotUtf8(string path, string id, DiagnosticBag diagnostics)
    {
        var at = NotUtf8At(path);
        diagnostics.Error(id, Display(path), at?.Line ?? 0, at?.Column ?? 0,
            at is { } a ? $"{NotUtf8Message} (byte 0x{a.Byte:X2} here is not UTF-8)" : NotUtf8Message);
    }

    /// <summary>
    /// False for a file that exists but is not UTF-8: a text saved as GBK by an editor on Chinese Windows
    /// would otherwise be published as mojibake without a word.
    /// </summary>
    public bool IsText(string path) => _files.ContainsKey(path) && Read(path) is not null;

    public string Display(string path) => DisplayRoot.Length == 0 ? path : $"{DisplayRoot}/{path}";
}
