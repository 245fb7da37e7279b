using System.Security.Cryptography;
using System.Text;

namespace Microsite.Publishing;

/// <summary>What <see cref="PublishArchive.Write"/> wrote.</summary>
/// <param name="Archive">DIR/NAME.zip.</param>
/// <param name="Manifest">DIR/SHA256SUMS, holding the archive's hash (and those of other archives in DIR).</param>
/// <param name="Files">Files in the archive, its own SHA256SUMS included.</param>
internal sealed record PublishResult(string Archive, string Manifest, int Files, long Bytes)
{
    public IReadOnlyList<string> Paths => [Archive, Manifest];
}

/// <summary>
/// Packs a built site for the host: DIR/NAME.zip with a SHA256SUMS of every file inside it (to check the
/// site once unpacked on the host), and DIR/SHA256SUMS with the zip's own hash (to check the upload).
/// Both verify with <c>sha256sum -c SHA256SUMS</c>. The same files give the same bytes.
/// </summary>
internal static class PublishArchive
{
    /// <summary>
    /// The name of the mark SiteWriter leaves in output/ (SiteWriter.Marker; a test keeps the two equal).
    /// Written out here so that Publishing does not depend on Output, which the CLI above both uses.
    /// </summary>
    public const string OutputMarker = ".microsite-output";

    /// <param name="name">The file name without ".zip" (<see cref="ArchiveName.For"/>).</param>
    /// <param name="site">Every file of the built site, path → bytes; the output mark is left out.</param>
    /// <param name="timestamp">The time every entry carries (<see cref="ArchiveName.Timestamp"/>); 1980-01-01 when null.</param>
    public static PublishResult Write(string directory, string name, IEnumerable<KeyValuePair<string, byte[]>> site, DateTime? timestamp = null)
    {
        var files = site.Where(f => !IsMarker(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (files.ContainsKey(Sha256Sums.FileName))
        {
            throw new ArgumentException($"the site already has a file {Sha256Sums.FileName} at its root, which the archive's manifest would replace", nameof(site));
        }

        files[Sha256Sums.FileName] = Encoding.UTF8.GetBytes(Sha256Sums.Format(files));
        var zip = DeterministicZip.Create(files, timestamp ?? DeterministicZip.Epoch);

        Directory.CreateDirectory(directory);
        var archive = Path.Combine(directory, name + ".zip");
        WriteAtomically(archive, zip);

        var manifest = Path.Combine(directory, Sha256Sums.FileName);
        WriteAtomically(manifest, Encoding.UTF8.GetBytes(ManifestBeside(manifest, Path.GetFileName(archive), zip)));
        return new PublishResult(archive, manifest, files.Count, zip.LongLength);
    }

    /// <summary>
    /// A built site on disk (output/), path → bytes, without the output mark. For a <c>publish</c> that packs
    /// exactly the folder <c>check</c> has just read.
    /// </summary>
    public static SortedDictionary<string, byte[]> ReadFolder(string folder)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!IsMarker(relative))
            {
                files[relative] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    /// <summary>The mark that lets the build replace output/ says nothing to the host: it never ships.</summary>
    private static bool IsMarker(string path) =>
        path == OutputMarker || path.EndsWith("/" + OutputMarker, StringComparison.Ordinal);

    /// <summary>
    /// The zip's line, and the lines of other files still in DIR (earlier versions kept beside it), so one
    /// <c>sha256sum -c</c> checks the whole folder; lines of files no longer there are dropped.
    /// </summary>
    private static string ManifestBeside(string manifest, string archiveName, byte[] zip)
    {
        var hashes = File.Exists(manifest) ? Sha256Sums.Parse(File.ReadAllText(manifest)) : [];
        var directory = Path.GetDirectoryName(manifest)!;
        foreach (var path in hashes.Keys.ToList())
        {
            if (path.Contains('/') || !File.Exists(Path.Combine(directory, path)))
            {
                hashes.Remove(path);
            }
        }

        hashes[archiveName] = Convert.ToHexStringLower(SHA256.HashData(zip));
        return Sha256Sums.Lines(hashes);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
