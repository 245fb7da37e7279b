using Microsite.Core;
using Microsite.Build;
using Microsite.Cli;

namespace Microsite.Tests.Integration;

/// <summary>The build as editors run it: folders on disk, exit codes, what output/ holds afterwards.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-test-").FullName;

    private string Input => Path.Combine(_root, "input");

    private string Output => Path.Combine(_root, "output");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteInput(string files)
    {
        foreach (var (path, text) in TestSite.Parse(files))
        {
            var full = Path.Combine(Input, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var parse = Commands.Create(stdout, stderr).Parse(args);
        var exit = parse.Errors.Count > 0 ? ExitCodes.UsageOrInternal : parse.Invoke();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private (int Exit, string Out, string Err) BuildSite() =>
        Run("build", "--input", Input, "--output", Output, "--theme", Path.Combine(TestSite.RepoRoot, "theme"));

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Output, f), File.ReadAllBytes);

    private const string Site = $"""
        -- site.yml --
        {TestSite.Config}
        {TestSite.Homes}
        """;

    [Fact]
    public void Builds_both_home_pages_that_link_to_each_other()
    {
        WriteInput(Site);
        var (exit, stdout, _) = BuildSite();

        Assert.Equal(ExitCodes.Built, exit);
        Assert.Contains("built", stdout);
        var zh = File.ReadAllText(Path.Combine(Output, "index.html"));
        var en = File.ReadAllText(Path.Combine(Output, "en", "index.html"));
        Assert.Contains("href=\"en/index.html\" hreflang=\"en\"", zh);
        Assert.Contains("href=\"../index.html\" hreflang=\"zh-Hans\"", en);
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_byte_for_byte()
    {
        WriteInput(Site);
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        var before = Snapshot();

        File.WriteAllText(Path.Combine(Input, "zh", "index.md"), "---\ntitle: [unclosed\n---\n\n正文。\n");
        var (exit, stdout, stderr) = BuildSite();

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("zh/index.md:2:", stdout);
        Assert.Contains("MS0020", stdout);
        Assert.DoesNotContain("   at ", stdout + stderr); // no stack trace for bad content
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void A_build_whose_pages_fail_their_checks_leaves_the_previous_output_and_nothing_beside_it()
    {
        WriteInput(Site);
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        var before = Snapshot();
        var theme = Path.Combine(_root, "theme");
        CopyDirectory(Path.Combine(TestSite.RepoRoot, "theme"), theme);
        var layout = Path.Combine(theme, "layouts", "base.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</main>", "<a href=\"no-such-page.html\">x</a></main>", StringComparison.Ordinal));

        var (exit, stdout, _) = Run("build", "--input", Input, "--output", Output, "--theme", theme);

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains($"error {DiagnosticIds.PageLinkBroken}", stdout);
        Assert.Contains("not built", stdout);
        var after = Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void Files_of_earlier_builds_disappear()
    {
        WriteInput(Site);
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        File.WriteAllText(Path.Combine(Output, "old-page.html"), "stale");

        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        Assert.False(File.Exists(Path.Combine(Output, "old-page.html")));
        Assert.Empty(Directory.GetDirectories(_root, ".output.*"));
    }

    [Fact]
    public void Never_replaces_a_folder_it_did_not_write()
    {
        WriteInput(Site);
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "someone's work");

        var (exit, _, stderr) = BuildSite();
        Assert.Equal(ExitCodes.UsageOrInternal, exit);
        Assert.Contains("not written by Microsite", stderr);
        Assert.Equal("someone's work", File.ReadAllText(Path.Combine(Output, "notes.txt")));

        var (intoInput, _, error) = Run("build", "--input", Input, "--output", Input, "--theme", Path.Combine(TestSite.RepoRoot, "theme"));
        Assert.Equal(ExitCodes.UsageOrInternal, intoInput);
        Assert.Contains("refusing", error);
        Assert.True(File.Exists(Path.Combine(Input, "site.yml")));
    }

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical()
    {
        WriteInput(Site);
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        var first = Snapshot();
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        var second = Snapshot();

        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        Assert.All(first, file => Assert.Equal(file.Value, second[file.Key]));
    }

    [Fact]
    public void The_real_report_builds_byte_identically_twice()
    {
        var first = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        var second = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(first.Files.Select(f => (f.Path, f.Content)), second.Files.Select(f => (f.Path, f.Content)));
    }

    [Fact]
    public void The_real_report_is_the_same_bytes_on_one_thread_and_on_many()
    {
        var saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = 1;
            var one = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
            Parallelism.MaxThreads = 8;
            var many = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());

            Assert.True(one.Succeeded, string.Join("\n", one.Diagnostics));
            Assert.Equal(one.Files.Select(f => (f.Path, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes)))), many.Files.Select(f => (f.Path, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes)))));
            Assert.Equal(one.Diagnostics, many.Diagnostics);
        }
        finally
        {
            Parallelism.MaxThreads = saved;
        }
    }

    [Fact]
    public void Threads_can_be_chosen_and_a_bad_number_is_a_usage_error()
    {
        WriteInput(Site);
        var one = Run("build", "--input", Input, "--output", Output, "--theme", Path.Combine(TestSite.RepoRoot, "theme"), "--threads", "1");
        Assert.Equal(ExitCodes.Built, one.Exit);
        var first = Snapshot();
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        Assert.All(first, file => Assert.Equal(file.Value, Snapshot()[file.Key]));

        var bad = Run("build", "--input", Input, "--output", Output, "--theme", Path.Combine(TestSite.RepoRoot, "theme"), "--threads", "-2");
        Assert.Equal(ExitCodes.UsageOrInternal, bad.Exit);
        Assert.Contains("--threads -2", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Assert.Equal(ExitCodes.UsageOrInternal, Run("build", "--input", Path.Combine(_root, "nowhere")).Exit);
        Assert.Equal(ExitCodes.UsageOrInternal, Run("frobnicate").Exit);
    }

    [Fact]
    public void A_broken_theme_is_reported_at_the_template_like_content()
    {
        WriteInput(Site);
        var theme = Path.Combine(_root, "theme");
        CopyDirectory(Path.Combine(TestSite.RepoRoot, "theme"), theme);
        File.WriteAllText(Path.Combine(theme, "layouts", "page.liquid"), "<main>\n{% if %}");

        var (exit, stdout, stderr) = Run("build", "--input", Input, "--output", Output, "--theme", theme);
        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("layouts/page.liquid:2:6: error MS0030: Liquid syntax error: Invalid 'if' tag", stdout);
        Assert.DoesNotContain("Source:", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Check_reports_a_folder_and_exits_1_on_errors()
    {
        WriteInput(Site);
        Assert.Equal(ExitCodes.Built, BuildSite().Exit);
        Assert.Equal(ExitCodes.Built, Run("check", Output, "--input", Input).Exit);

        var index = Path.Combine(Output, "index.html");
        File.WriteAllText(index, File.ReadAllText(index).Replace("href=\"contents.html\"", "href=\"Contents.html\""));
        var (exit, stdout, _) = Run("check", Output, "--input", Input, "--format", "json");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains("\"id\": \"MS0502\"", stdout);
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
