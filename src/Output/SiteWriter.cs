using Microsite.Core;
using System.Text;

namespace Microsite.Output;

/// <summary>
/// Stage 7: writes the site into a temporary folder beside output/ and swaps it in whole, so a reader of
/// output/ (or a sync to the web host) never sees half a site, and files from earlier builds disappear.
/// </summary>
internal static partial class SiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Marks a folder as written by Microsite. The folder is replaced whole on every build, so a folder
    /// without this mark (someone's documents, the project itself) is never replaced.
    /// </summary>
    public const string Marker = ".microsite-output";

    /// <param name="protectedFolders">Folders the output may not be, nor contain (input, theme, the working folder).</param>
    public static void Write(string outputDirectory, IReadOnlyList<SiteFile> files, IEnumerable<string>? protectedFolders = null)
    {
        using var staging = Begin(outputDirectory, protectedFolders);
        Parallelism.ForEach(files, file => staging.Keep(file));
        staging.Commit();
    }

    /// <summary>
    /// A staging folder beside output/, ready for files: the output folder is checked (Guard) and what killed
    /// builds left is put right (Recover) first, so a refused output stops a build before it starts.
    /// </summary>
    public static SiteStaging Begin(string outputDirectory, IEnumerable<string>? protectedFolders = null)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        Recover(parent, name, target);
        Guard(target, protectedFolders ?? []);
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(retired);
        Directory.CreateDirectory(staging);
        return new SiteStaging(target, staging, retired);
    }

    /// <summary>Swaps a complete staging folder in for output/ (see <see cref="SiteStaging.Commit"/>).</summary>
    internal static void Exchange(string target, string staging, string retired)
    {
        try
        {
            // Written last: a staging folder with the mark is complete (Recover relies on it).
            File.WriteAllText(Path.Combine(staging, Marker), "This folder is written by Microsite and replaced whole on every build.\n", Utf8);

            if (!Directory.Exists(target))
            {
                Directory.Move(staging, target);
                return;
            }

            // One step: output/ is the old site until this call and the new one after it, never neither.
            if (AtomicSwap.TryExchange(staging, target))
            {
                DeleteIfExists(staging); // the old site now
                return;
            }

            // Where the file system cannot exchange, two renames; a process killed between them leaves the
            // old site beside the output folder, and the next run puts it back (Recover).
            Directory.Move(target, retired);
            Directory.Move(staging, target);
        }
        catch
        {
            // Put the last good site back if the swap got half way.
            if (!Directory.Exists(target) && Directory.Exists(retired))
            {
                Directory.Move(retired, target);
            }

            DeleteIfExists(staging);
            throw;
        }

        DeleteIfExists(retired);
    }

    /// <summary>
    /// What a killed build leaves beside the output folder, put right before anything else: an old site
    /// moved aside by the two-rename swap goes back when the output folder is missing (the last good site),
    /// and every other leftover is deleted. Folders of a build that is still running are left alone.
    /// </summary>
    public static void Recover(string parent, string name, string target)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*-*")
            .Select(path => (Path: path, Match: Leftover().Match(Path.GetFileName(path)[(name.Length + 1)..])))
            .Where(l => l.Match.Success && !IsRunning(int.Parse(l.Match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(l => l.Match.Groups[1].Value == "old" ? 0 : 1).ThenBy(l => l.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var (path, match) in leftovers)
        {
            if (match.Groups[1].Value == "old" && !Directory.Exists(target) && File.Exists(Path.Combine(path, Marker)))
            {
                Directory.Move(path, target);
            }
            else
            {
                DeleteIfExists(path);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^\\.(new|old)-([0-9]{1,9})$")]
    private static partial System.Text.RegularExpressions.Regex Leftover();

    private static void Guard(string target, IEnumerable<string> protectedFolders)
    {
        if (Path.GetPathRoot(target) == target + Path.DirectorySeparatorChar || target == Path.GetPathRoot(target))
        {
            throw new OutputRefusedException($"refusing to replace \"{target}\": the output must be a folder of its own");
        }

        foreach (var folder in protectedFolders.Append(Environment.CurrentDirectory).Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)))
        {
            if (folder == target || folder.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new OutputRefusedException($"refusing to write the site into \"{target}\": it is or contains \"{folder}\", which the build reads or runs in");
            }
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
        {
            throw new OutputRefusedException($"refusing to replace \"{target}\": it is not empty and was not written by Microsite (no {Marker} in it); choose another --output or empty it");
        }
    }

    internal static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            // The files on every core, then the emptied folders (the old site is as many files as the new one).
            // Symbolic links are not followed (what they point at is not ours): Directory.Delete removes the links.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            Parallelism.ForEach(Directory.EnumerateFiles(directory, "*", options).ToList(), File.Delete);
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>The output folder given is one the build must not replace (the CLI reports it as a usage error).</summary>
internal sealed class OutputRefusedException(string message) : Exception(message);
