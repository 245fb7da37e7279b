using System.Diagnostics;
using System.Security.Cryptography;
using Microsite.Build;
using Microsite.Core;
using Microsite.Output;

namespace Microsite.Tests.Robustness;

/// <summary>output/ is the old site or the new one at every moment, even when the build is killed while it writes.</summary>
public sealed class SiteWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Output => Path.Combine(_root, "output");

    private static SiteFile[] Site(string text) => [new("index.html", text, null, null), new("en/index.html", text + " (en)", null, null)];

    [Fact]
    public void Replacing_a_site_exchanges_it_whole_and_leaves_nothing_beside_it()
    {
        SiteWriter.Write(Output, Site("old"));
        SiteWriter.Write(Output, Site("new"));

        Assert.Equal("new", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void A_site_written_while_it_is_built_is_the_same_bytes_as_one_kept_in_memory()
    {
        var input = TestSite.Input($"""
            -- site.yml --
            {TestSite.Config}
            {TestSite.Homes}
            """);
        var inMemory = SiteBuilder.Build(input, TestSite.RepoTheme());
        Assert.True(inMemory.Succeeded);

        using (var staging = SiteWriter.Begin(Output))
        {
            var written = SiteBuilder.Build(input, TestSite.RepoTheme(), new BuildOptions(Keep: staging.Keep));

            // Every file is in the staging folder before the swap; output/ does not exist yet.
            Assert.True(written.Succeeded);
            Assert.False(Directory.Exists(Output));
            var folder = Assert.Single(Directory.GetDirectories(_root, ".output.new-*"));
            Assert.Equal(inMemory.Files.Select(f => f.Path), written.Files.Select(f => f.Path));
            foreach (var (kept, made) in written.Files.Zip(inMemory.Files))
            {
                Assert.Equal(made.Length, kept.Length);
                Assert.Equal(made.Bytes, File.ReadAllBytes(Path.Combine(folder, kept.Path)));
            }

            // What the build keeps of a file is where it is: its bytes are read back from there when asked.
            var home = written.Files.Single(f => f.Path == "index.html");
            File.WriteAllText(Path.Combine(folder, "index.html"), "read back");
            Assert.Equal("read back", home.Content);
            File.WriteAllBytes(Path.Combine(folder, "index.html"), inMemory.Files.Single(f => f.Path == "index.html").Bytes);
            staging.Commit();
        }

        foreach (var file in inMemory.Files)
        {
            Assert.Equal(file.Bytes, File.ReadAllBytes(Path.Combine(Output, file.Path)));
        }

        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void A_staging_folder_given_up_is_deleted_and_output_stays_as_it_was()
    {
        SiteWriter.Write(Output, Site("old"));
        using (var staging = SiteWriter.Begin(Output))
        {
            staging.Keep(new SiteFile("index.html", "new", null, null));
            Assert.Single(Directory.GetDirectories(_root, ".output.new-*"));
        }

        Assert.Equal("old", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void Replacing_a_site_never_follows_a_link_out_of_it()
    {
        // Someone linked a folder of their own into the published site: the old site goes, their files stay.
        var theirs = Directory.CreateDirectory(Path.Combine(_root, "theirs")).FullName;
        File.WriteAllText(Path.Combine(theirs, "keep.txt"), "mine");
        SiteWriter.Write(Output, Site("old"));
        Directory.CreateSymbolicLink(Path.Combine(Output, "en", "linked"), theirs);
        File.CreateSymbolicLink(Path.Combine(Output, "linked.txt"), Path.Combine(theirs, "keep.txt"));

        SiteWriter.Write(Output, Site("new"));

        Assert.Equal("mine", File.ReadAllText(Path.Combine(theirs, "keep.txt")));
        Assert.False(Directory.Exists(Path.Combine(Output, "en", "linked")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(Output, "index.html")));
    }

    [Fact]
    public void A_file_the_build_did_not_change_keeps_its_date_and_a_changed_one_is_written_anew()
    {
        SiteWriter.Write(Output, [new("same.html", "unchanged", null, null), new("edited.html", "version 1", null, null), new("gone.html", "x", null, null)]);
        var lastYear = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        foreach (var name in new[] { "same.html", "edited.html" })
        {
            File.SetLastWriteTimeUtc(Path.Combine(Output, name), lastYear);
        }

        // Someone keeps a hard link to the old page (a snapshot made with cp -al): it must keep the old text.
        var snapshot = Path.Combine(_root, "snapshot.html");
        Assert.Equal(0, Process.Start("ln", [Path.Combine(Output, "edited.html"), snapshot]).WaitForExitCode());

        // The same length, other bytes: the content is compared, not only the size.
        SiteWriter.Write(Output, [new("same.html", "unchanged", null, null), new("edited.html", "version 2", null, null)]);

        Assert.Equal("unchanged", File.ReadAllText(Path.Combine(Output, "same.html")));
        Assert.Equal(lastYear, File.GetLastWriteTimeUtc(Path.Combine(Output, "same.html"))); // carried over, not written
        Assert.Equal("version 2", File.ReadAllText(Path.Combine(Output, "edited.html")));
        Assert.NotEqual(lastYear, File.GetLastWriteTimeUtc(Path.Combine(Output, "edited.html")));
        Assert.Equal("version 1", File.ReadAllText(snapshot));
        Assert.False(File.Exists(Path.Combine(Output, "gone.html")));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void A_file_made_in_chunks_is_written_from_them_and_compared_across_them()
    {
        // A full report or a search index stays in its chunks (1 MB each) until written.
        var bytes = new byte[3_500_000];
        new Random(7).NextBytes(bytes);
        SiteFile Chunked(byte[] content)
        {
            var buffer = new ChunkedBuffer();
            buffer.Write(content);
            return SiteFile.Utf8Text("full.html", buffer);
        }

        SiteWriter.Write(Output, [Chunked(bytes)]);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(Output, "full.html")));
        var lastYear = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(Output, "full.html"), lastYear);

        SiteWriter.Write(Output, [Chunked(bytes)]);
        Assert.Equal(lastYear, File.GetLastWriteTimeUtc(Path.Combine(Output, "full.html"))); // the same bytes: carried over

        // One byte differs, in the last chunk: written anew.
        var edited = (byte[])bytes.Clone();
        edited[^1] ^= 1;
        SiteWriter.Write(Output, [Chunked(edited)]);
        Assert.Equal(edited, File.ReadAllBytes(Path.Combine(Output, "full.html")));
        Assert.NotEqual(lastYear, File.GetLastWriteTimeUtc(Path.Combine(Output, "full.html")));
    }

    [Fact]
    public void A_symbolic_link_in_the_old_site_is_never_carried_over_even_to_the_same_bytes()
    {
        // Their file's text is as long as the link's own target, so that neither size tells the two apart.
        var keep = Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "theirs")).FullName, "keep.txt");
        var mine = new string('m', keep.Length);
        File.WriteAllText(keep, mine);
        SiteWriter.Write(Output, Site("old"));
        File.CreateSymbolicLink(Path.Combine(Output, "linked.txt"), keep);

        SiteWriter.Write(Output, [.. Site("new"), new("linked.txt", mine, null, null)]);

        Assert.Null(new FileInfo(Path.Combine(Output, "linked.txt")).LinkTarget);
        Assert.Equal(mine, File.ReadAllText(Path.Combine(Output, "linked.txt")));
        File.AppendAllText(Path.Combine(Output, "linked.txt"), " and more");
        Assert.Equal(mine, File.ReadAllText(keep));
    }

    [Fact]
    public void The_exchange_swaps_two_folders_in_one_step_on_linux()
    {
        var a = Directory.CreateDirectory(Path.Combine(_root, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(_root, "b")).FullName;
        File.WriteAllText(Path.Combine(a, "x"), "a");
        File.WriteAllText(Path.Combine(b, "x"), "b");

        var exchanged = AtomicSwap.TryExchange(a, b);

        Assert.Equal(OperatingSystem.IsLinux(), exchanged);
        Assert.Equal(exchanged ? "b" : "a", File.ReadAllText(Path.Combine(a, "x")));
    }

    [Fact]
    public void A_swap_cut_between_its_two_renames_is_put_right_by_the_next_run()
    {
        // What a build killed between "output -> .output.old-PID" and ".output.new-PID -> output" leaves.
        var pid = ExitedProcessId();
        SiteWriter.Write(Path.Combine(_root, $".output.old-{pid}"), Site("old"));
        Directory.CreateDirectory(Path.Combine(_root, $".output.new-{pid}"));
        File.WriteAllText(Path.Combine(_root, $".output.new-{pid}", "index.html"), "half");

        SiteWriter.Recover(_root, "output", Output);

        Assert.Equal("old", File.ReadAllText(Path.Combine(Output, "index.html")));
        Assert.True(File.Exists(Path.Combine(Output, SiteWriter.Marker)));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void Leftovers_of_a_build_that_is_still_running_are_left_alone()
    {
        using var running = Process.Start(new ProcessStartInfo("sleep", "30"))!;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(_root, $".output.new-{running.Id}")).FullName;
            SiteWriter.Write(Output, Site("new"));
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            running.Kill();
        }
    }

    /// <summary>
    /// The real CLI, as a process, killed at moments spread over its writing: before the staging folder is
    /// complete, around the exchange, while the old site is deleted. After every kill output/ must be
    /// exactly the site it held before or exactly the one being built; the next build cleans up.
    /// </summary>
    [Fact]
    public void A_build_killed_while_it_writes_leaves_the_old_site_or_the_new_one_never_a_mix()
    {
        var input = Path.Combine(_root, "input");
        var theme = Path.Combine(_root, "theme");
        var versions = new[] { "第一版。", "第二版。" };
        CopyDirectory(Path.Combine(TestSite.RepoRoot, "theme"), theme);

        // The two sites, built without interruption; the second build also measures how long writing takes
        // here (from the staging folder's appearance to the end), so that the kills spread over all of it.
        var expected = new Dictionary<string, string>[2];
        WriteInput(input, theme, versions[0]);
        Assert.Equal(0, RunCli(input, theme, Output).WaitForExitCode());
        expected[0] = Fingerprint(Output);
        WriteInput(input, theme, versions[1]);
        var writing = WaitForStaging(RunCli(input, theme, Output), out var timed);
        Assert.Equal(0, timed.WaitForExitCode());
        var write = writing.Elapsed.TotalMilliseconds;
        expected[1] = Fingerprint(Output);

        // Kills spread over the writing, and a last one once output/ shows the new site (while the old one is
        // deleted): a time measured in one run is no bound for the next, so that kill waits for the exchange.
        var outcomes = new List<string>();
        var delays = new[] { 0, 0.15, 0.3, 0.45, 0.6 }.Select(f => (int?)(f * write)).Append(null).ToArray();
        foreach (var delay in delays)
        {
            var before = Fingerprint(Output);
            var building = Same(before, expected[0]) ? 1 : 0; // always the other site, so that old and new differ
            WriteInput(input, theme, versions[building]);

            WaitForStaging(RunCli(input, theme, Output), out var process);
            if (delay is { } ms)
            {
                Thread.Sleep(ms);
            }
            else
            {
                WaitForHome(versions[building], process);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();

            var when = delay is { } d ? $"{d} ms into writing" : "after the exchange";
            Assert.True(Directory.Exists(Output), $"output/ is missing after a kill {when}");
            var after = Fingerprint(Output);
            var outcome = Same(after, before) ? "old" : Same(after, expected[building]) ? "new" : null;
            Assert.True(outcome is not null, $"output/ is neither the old site nor the new one after a kill {when} ({after.Count} files)");
            outcomes.Add($"{when}: {outcome}");
        }

        // The next build sweeps what the killed ones left beside output/.
        WriteInput(input, theme, versions[0]);
        Assert.Equal(0, RunCli(input, theme, Output).WaitForExitCode());
        Assert.True(Same(Fingerprint(Output), expected[0]));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
        var report = $"writing takes {write:0} ms; kills: {string.Join(", ", outcomes)}";
        Assert.True(outcomes.Any(o => o.EndsWith("old", StringComparison.Ordinal)), report); // some kills landed before the exchange …
        Assert.True(outcomes.Any(o => o.EndsWith("new", StringComparison.Ordinal)), report); // … and some after it
    }

    /// <summary>Waits until output/'s home page holds the text of the site being built: the exchange has happened.</summary>
    private void WaitForHome(string text, Process process)
    {
        var home = Path.Combine(Output, "index.html");
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if (File.ReadAllText(home).Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (IOException)
            {
                // between the two renames where the file system cannot exchange: look again
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Waits until the build starts writing (its staging folder appears); the stopwatch runs from then.</summary>
    private Stopwatch WaitForStaging(Process started, out Process process)
    {
        process = started;
        var staging = Path.Combine(_root, $".output.new-{process.Id}");
        var watch = Stopwatch.StartNew();
        while (!Directory.Exists(staging) && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            Thread.Sleep(1);
        }

        return Stopwatch.StartNew();
    }

    /// <summary>
    /// The version's home page, and many files of its own in the theme, so that writing takes long enough to
    /// be interrupted at different points: files the old site has unchanged would be linked, not written.
    /// </summary>
    private static void WriteInput(string input, string theme, string text)
    {
        var bulk = Directory.CreateDirectory(Path.Combine(theme, "assets", "bulk")).FullName;
        for (var i = 0; i < 600; i++)
        {
            var bytes = new byte[16 * 1024];
            new Random((i * 65536) + text[1]).NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(bulk, $"{i:0000}.bin"), bytes);
        }

        foreach (var (path, content) in TestSite.Parse($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}"))
        {
            var full = Path.Combine(input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, path == "zh/index.md" ? content.Replace("各位代表：", "各位代表：" + text) : content);
        }
    }

    private static Process RunCli(string input, string theme, string output)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "microsite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "build", "--input", input, "--theme", theme, "--output", output })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Dictionary<string, string> Fingerprint(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.TryGetValue(f.Key, out var hash) && hash == f.Value);

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitCode(this Process process)
    {
        process.WaitForExit();
        var code = process.ExitCode;
        process.Dispose();
        return code;
    }
}
