using System.Diagnostics;
using Microsite.Cli;

namespace Microsite.Tests.Integration;

/// <summary>The editor's daily loop through the CLI: new pages, dates from git, a package for the host.</summary>
public sealed class EditorLoopTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-loop-").FullName;

    private string Input => Path.Combine(_root, "input");

    private string Output => Path.Combine(_root, "output");

    private string Theme => Path.Combine(TestSite.RepoRoot, "theme");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly string Site = $$"""
        -- site.yml --
        {{TestSite.Config}}
        base_url: https://www.example.gov.cn/report/
        {{TestSite.Homes}}
        -- zh/a.md --
        ---
        kind: chapter
        title: 甲
        short_title: 甲
        order: 1
        slug: alpha
        description: 甲。
        ---

        第一章。
        -- en/a.md --
        ---
        kind: chapter
        title: Alpha
        short_title: Alpha
        order: 1
        slug: alpha
        description: Alpha.
        ---

        Chapter one.
        """;

    private void WriteInput()
    {
        foreach (var (path, text) in TestSite.Parse(Site))
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
        var parse = Commands.Create(stdout, stderr).Parse(args.Concat(["--input", Input, "--output", Output, "--theme", Theme]).ToArray());
        var exit = parse.Errors.Count > 0 ? ExitCodes.UsageOrInternal : parse.Invoke();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void New_chapter_and_new_term_create_pairs_that_build_without_errors()
    {
        WriteInput();

        var chapter = Run("new", "chapter", "annex", "--title", "附件");
        var term = Run("new", "term", "smart-city", "--term", "智慧城市");

        Assert.Equal(ExitCodes.Built, chapter.Exit);
        Assert.Equal(ExitCodes.Built, term.Exit);
        Assert.Contains("created " + Path.Combine(Input, "zh", "annex.md").Replace('\\', '/'), chapter.Out, StringComparison.Ordinal);
        Assert.Contains("order: 2", File.ReadAllText(Path.Combine(Input, "en", "annex.md")), StringComparison.Ordinal);
        Assert.Contains("number: 1", File.ReadAllText(Path.Combine(Input, "zh", "glossary", "smart-city.md")), StringComparison.Ordinal);
        Assert.Contains("0 errors", term.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Output, "annex.html")));
        Assert.Contains($"{Invocation.Command} translations --mark", chapter.Out, StringComparison.Ordinal);

        var taken = Run("new", "chapter", "alpha");
        Assert.Equal(ExitCodes.UsageOrInternal, taken.Exit);
        Assert.Contains("alpha", taken.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_twice_gives_the_same_bytes_a_manifest_that_verifies_and_no_mark()
    {
        WriteInput();
        var dist = Path.Combine(_root, "dist");

        var first = Run("publish", "--out", dist);
        var zip = Directory.GetFiles(dist, "*.zip").Single();
        var bytes = File.ReadAllBytes(zip);
        var second = Run("publish", "--out", dist);

        Assert.Equal(ExitCodes.Built, first.Exit);
        Assert.Equal(ExitCodes.Built, second.Exit);
        Assert.Equal("report-2023-01-03.zip", Path.GetFileName(zip)); // base_url's folder and the report's date: no git here
        Assert.Equal(bytes, File.ReadAllBytes(zip));
        Assert.Equal(0, Shell(dist, "sha256sum", "-c", "SHA256SUMS").Exit);

        var unpacked = Path.Combine(_root, "unpacked");
        System.IO.Compression.ZipFile.ExtractToDirectory(zip, unpacked);
        Assert.False(File.Exists(Path.Combine(unpacked, ".microsite-output")));
        Assert.True(File.Exists(Path.Combine(unpacked, "alpha.html")));
        var inside = Shell(unpacked, "sha256sum", "-c", "SHA256SUMS");
        Assert.Equal(0, inside.Exit);
        Assert.Contains("alpha.html: OK", inside.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_packs_nothing_when_the_content_has_errors()
    {
        WriteInput();
        File.WriteAllText(Path.Combine(Input, "zh", "a.md"), "no front matter");

        var result = Run("publish", "--out", Path.Combine(_root, "dist"));

        Assert.Equal(ExitCodes.ContentErrors, result.Exit);
        Assert.False(Directory.Exists(Path.Combine(_root, "dist")));
    }

    [Fact]
    public void Pages_show_when_their_source_last_changed_in_git_and_the_sitemap_says_so_too()
    {
        WriteInput();
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Commit("2023-01-03T09:00:00+08:00");
        File.AppendAllText(Path.Combine(Input, "en", "a.md"), "\nA second paragraph.\n");
        Git("add", "-A");
        Commit("2023-02-14T10:30:00+08:00");

        Assert.Equal(ExitCodes.Built, Run("build").Exit);

        var zh = File.ReadAllText(Path.Combine(Output, "alpha.html"));
        var en = File.ReadAllText(Path.Combine(Output, "en", "alpha.html"));
        Assert.Contains("<time datetime=\"2023-01-03\">2023年1月3日</time>", zh, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2023-02-14\">February 14, 2023</time>", en, StringComparison.Ordinal);
        var sitemap = File.ReadAllText(Path.Combine(Output, "sitemap.xml"));
        Assert.Contains("<loc>https://www.example.gov.cn/report/en/alpha.html</loc>\n    <lastmod>2023-02-14</lastmod>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_git_pages_have_no_dates_and_every_build_is_the_same()
    {
        WriteInput();

        Assert.Equal(ExitCodes.Built, Run("build").Exit);
        var first = File.ReadAllText(Path.Combine(Output, "alpha.html"));
        Assert.Equal(ExitCodes.Built, Run("build").Exit);

        Assert.DoesNotContain("page-updated", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<lastmod>", File.ReadAllText(Path.Combine(Output, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(Path.Combine(Output, "alpha.html")));
    }

    private void Commit(string date)
    {
        var result = Shell(_root, "git", ["-c", "user.name=Editor", "-c", "user.email=editor@example.gov.cn", "commit", "-q", "-m", "edit"],
            ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date));
        Assert.True(result.Exit == 0, result.Out);
    }

    private void Git(params string[] args) => Assert.Equal(0, Shell(_root, "git", args).Exit);

    private static (int Exit, string Out) Shell(string folder, string program, params string[] args) => Shell(folder, program, args, []);

    private static (int Exit, string Out) Shell(string folder, string program, string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
