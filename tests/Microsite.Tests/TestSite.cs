using Microsite.Build;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsite.Content;
using Microsite.Core;

namespace Microsite.Tests;

/// <summary>
/// Builds a whole site from one string holding every input file, in memory, with the real theme.
/// Files are separated by lines "-- path --" (paths relative to input/), like Hugo's integration tests.
/// </summary>
internal sealed class TestSite
{
    /// <summary>The smallest valid site.yml with both languages; tests paste it into their file list.</summary>
    public const string Config = """
        languages:
          zh:
            name: 中文
            html_lang: zh-Hans
            site_title: 测试站点
            report: { title: 政府工作报告, date: 2023-01-03, occasion: 2023年1月3日在区人代会上, speaker: 区长 某某 }
          en:
            name: English
            html_lang: en
            site_title: Test site
            report: { title: Report on the Work of the Government, date: 2023-01-03, occasion: Delivered on 3 January 2023, speaker: the Mayor }
        """;

    /// <summary>Home pages in both languages, for tests that are about other pages.</summary>
    public const string Homes = """
        -- zh/index.md --
        ---
        title: 政府工作报告
        description: 首页。
        ---

        各位代表：
        -- en/index.md --
        ---
        title: Report on the Work of the Government
        description: Home.
        ---

        Fellow Deputies,
        """;

    private static readonly HtmlParser Parser = new();

    private TestSite(BuildResult result) => Result = result;

    public BuildResult Result { get; }

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public static TestSite Build(string files) => new(SiteBuilder.Build(Input(files), RepoTheme()));

    public static TestSite Build(FileSet input) => new(SiteBuilder.Build(input, RepoTheme()));

    public static FileSet Input(string files) => FileSet.FromMap(Parse(files), "input");

    /// <summary>A site whose text files are in <paramref name="files"/> and whose binary files (images, PDFs) are given as bytes.</summary>
    public static TestSite Build(string files, params (string Path, byte[] Bytes)[] binaries) => new(SiteBuilder.Build(
        FileSet.FromBytes(Parse(files).Select(f => KeyValuePair.Create(f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value)))
            .Concat(binaries.Select(b => KeyValuePair.Create(b.Path, b.Bytes))), "input"),
        RepoTheme()));

    public static Dictionary<string, string> Parse(string files)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var lines = new List<string>();
        foreach (var line in files.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal) && line.Length > 6)
            {
                Flush();
                current = line[3..^3].Trim();
                continue;
            }

            lines.Add(line);
        }

        Flush();
        return map;

        void Flush()
        {
            if (current is not null)
            {
                map[current] = string.Join('\n', lines).TrimEnd('\n') + "\n";
            }

            lines.Clear();
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static FileSet RepoTheme() => FileSet.FromDirectory(Path.Combine(RepoRoot, "theme"), "theme");

    public static FileSet RepoInput() => FileSet.FromDirectory(Path.Combine(RepoRoot, "input"), "input");

    public string Text(string path) =>
        Result.Files.FirstOrDefault(f => f.Path == path)?.Content
        ?? throw new Xunit.Sdk.XunitException($"no output file {path}; files: {string.Join(", ", Result.Files.Select(f => f.Path))}\n{string.Join("\n", Diagnostics)}");

    public IDocument Html(string path) => Parser.ParseDocument(Text(path));

    public void AssertBuilt()
    {
        if (!Result.Succeeded)
        {
            throw new Xunit.Sdk.XunitException("build failed:\n" + string.Join("\n", Diagnostics));
        }
    }

    /// <summary>The one diagnostic with this id (fails when there is none or several).</summary>
    public Diagnostic Single(string id)
    {
        var found = Diagnostics.Where(d => d.Id == id).ToList();
        if (found.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"expected one {id}, found {found.Count}:\n{string.Join("\n", Diagnostics)}");
        }

        return found[0];
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microsite.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Microsite.csproj not found above the test folder");
    }
}
