using System.Collections.Concurrent;
using Microsite.Core;

namespace Microsite.Output;

/// <summary>
/// The folder a site is written into before it replaces output/ whole (see <see cref="SiteWriter"/>). The
/// CLI's build hands every file here as soon as it is made and keeps only its path and length: at 10,000
/// pages the site is 350 MB, and held in memory until the end it set the build's peak. Nothing of output/
/// changes until <see cref="Commit"/>; disposed without it (content errors, a failure), the folder is deleted.
/// </summary>
internal sealed class SiteStaging : IDisposable
{
    private readonly string _target;
    private readonly string _folder;
    private readonly string _retired;
    private readonly UnchangedFiles? _unchanged;
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private bool _done;

    internal SiteStaging(string target, string folder, string retired)
    {
        _target = target;
        _folder = folder;
        _retired = retired;
        // A file the old site has with the same bytes is linked, not written (see UnchangedFiles).
        _unchanged = Directory.Exists(target) ? new UnchangedFiles(target) : null;
    }

    /// <summary>
    /// Writes the file into the staging folder and returns it without its bytes in memory (read back when
    /// asked, until Commit). Safe to call from every core at once, once per path.
    /// </summary>
    public SiteFile Keep(SiteFile file)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var relative = file.Path.Replace('/', Path.DirectorySeparatorChar);
        var path = Path.Combine(_folder, relative);
        var folder = Path.GetDirectoryName(path)!;
        // Marked only once made: a thread that finds the mark may write into the folder at once.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }

        var bytes = file.Sequence;
        if (_unchanged?.TryCarry(relative, bytes, path) != true)
        {
            // CreateNew: a path given twice fails here rather than writing through a link into the old site.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            foreach (var chunk in bytes)
            {
                stream.Write(chunk.Span);
            }
        }

        return file.WrittenTo(path);
    }

    /// <summary>Swaps the staging folder in for output/ in one step; the old site is deleted after.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        SiteWriter.Exchange(_target, _folder, _retired);
    }

    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            SiteWriter.DeleteIfExists(_folder);
        }
    }
}
