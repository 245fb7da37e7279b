using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Microsite.History;

/// <summary>
/// When each file's content last changed, from ONE <c>git log</c> over the whole repository: the author
/// date of the newest commit that changed it. Renames are followed (a pure rename is not a change), merge
/// commits count only for what they changed themselves (git lists no files for them), files never
/// committed have no date (an uncommitted edit keeps the last committed date: the output must not depend
/// on the state of someone's working folder). Outside a repository, or without git, there are no dates
/// and no error: <see cref="Reason"/> says why.
/// </summary>
internal sealed class GitHistory
{
    private GitHistory(IReadOnlyDictionary<string, DateTimeOffset> dates, string prefix, DateTimeOffset? lastCommit, string? reason)
    {
        Dates = dates;
        Prefix = prefix;
        LastCommit = lastCommit;
        Reason = reason;
    }

    /// <summary>Repository-relative path ('/') → author date (with the author's UTC offset) of its last content change.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Dates { get; }

    /// <summary>The folder read from, relative to the repository's root, with a trailing '/' ("input/"; "" at the root).</summary>
    public string Prefix { get; }

    /// <summary>The committer date of HEAD: when the repository last became what it is (for the archive's name).</summary>
    public DateTimeOffset? LastCommit { get; }

    /// <summary>Why there are no dates ("not inside a git repository", "git is not installed"); null when git answered.</summary>
    public string? Reason { get; }

    public static GitHistory None(string reason) => new(new Dictionary<string, DateTimeOffset>(), "", null, reason);

    /// <summary>
    /// The last change of <paramref name="path"/>, relative to the folder this history was read from
    /// ("zh/review-2022.md" when read from input/): the keys of the input FileSet.
    /// </summary>
    public DateTimeOffset? LastChanged(string path) =>
        Dates.TryGetValue(Prefix + path, out var date) ? date : null;

    /// <summary>Runs git twice at most: where the repository is, then its whole history in one query.</summary>
    /// <param name="folder">A folder inside the repository, usually input/.</param>
    /// <param name="git">The git program (tests name one that does not exist).</param>
    public static GitHistory Read(string folder, string git = "git")
    {
        if (!Directory.Exists(folder))
        {
            return None($"no folder {folder}");
        }

        var where = Run(git, folder, "rev-parse", "--show-toplevel", "--show-prefix");
        if (where.Problem is { } problem)
        {
            return None(problem);
        }

        var lines = where.Output.Split('\n');
        var (root, prefix) = (lines[0], lines.Length > 1 ? lines[1] : "");
        var log = Run(git, root,
            "-c", "log.showSignature=false", "-c", "core.quotePath=false",
            "log", "-z", "--date-order", "-M", "--name-status", "--no-color", "--format=%x1e%H %aI %cI");
        if (log.Problem is { } logProblem)
        {
            return None(logProblem);
        }

        var (dates, lastCommit) = Parse(log.Output);
        return new GitHistory(dates, prefix, lastCommit, null);
    }

    /// <summary>
    /// Reads <c>git log -z --name-status --format=%x1e%H %aI %cI</c>, newest commit first: a header
    /// "\x1eHASH AUTHOR-DATE COMMITTER-DATE", then per file a status (A, M, D, T, R&lt;score&gt;) and its path,
    /// two paths for a rename; every field ends with NUL.
    /// </summary>
    internal static (Dictionary<string, DateTimeOffset> Dates, DateTimeOffset? LastCommit) Parse(string output)
    {
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal); // newest event seen: later (older) ones do not count
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal); // an older name → the file's name today
        DateTimeOffset? lastCommit = null;
        var date = default(DateTimeOffset);

        var fields = output.Split('\0');
        for (var i = 0; i < fields.Length;)
        {
            var field = fields[i].TrimStart('\n');
            if (field.Length == 0)
            {
                i++;
                continue;
            }

            if (field[0] == '\x1e')
            {
                var parts = field[1..].Split(' ');
                date = DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture);
                lastCommit ??= DateTimeOffset.Parse(parts[2], CultureInfo.InvariantCulture);
                i++;
                continue;
            }

            var status = field[0];
            if (status is 'R' or 'C' && i + 2 < fields.Length)
            {
                var (from, to) = (fields[i + 1], fields[i + 2]);
                var current = renamedTo.GetValueOrDefault(to, to);
                if (status == 'R')
                {
                    renamedTo[from] = current;
                }

                // R100 moved the file without touching it: its content last changed earlier, under the old name.
                if (field[1..] != "100")
                {
                    Settle(current, date);
                }

                i += 3;
                continue;
            }

            if (i + 1 < fields.Length)
            {
                var path = renamedTo.GetValueOrDefault(fields[i + 1], fields[i + 1]);
                if (status == 'D')
                {
                    settled.Add(path); // gone today (or re-added later, which was seen first)
                }
                else
                {
                    Settle(path, date);
                }
            }

            i += 2;
        }

        return (dates, lastCommit);

        void Settle(string path, DateTimeOffset when)
        {
            if (settled.Add(path))
            {
                dates[path] = when;
            }
        }
    }

    private static (string Output, string? Problem) Run(string git, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0"; // a read-only query must not take the index lock from an editor's git tool

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? $"git exited with {process.ExitCode}";
                return ("", message.Contains("not a git repository", StringComparison.Ordinal) ? "not inside a git repository" : message);
            }

            return (output.TrimEnd('\n'), null);
        }
        catch (Win32Exception)
        {
            return ("", "git is not installed");
        }
    }
}
