using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsite.Config;
using Microsite.Core;
using Microsite.Output;
using Microsite.Publishing;

namespace Microsite.Tests.Publishing;

public sealed class PublishArchiveTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-publish-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Dictionary<string, byte[]> Site() => new(StringComparer.Ordinal)
    {
        ["index.html"] = Encoding.UTF8.GetBytes("<!doctype html><title>报告</title>" + new string('x', 5000)),
        ["en/index.html"] = Encoding.UTF8.GetBytes("<!doctype html><title>Report</title>"),
        ["assets/site.css"] = Encoding.UTF8.GetBytes("body { margin: 0 }\n"),
        ["files/报告 全文.pdf"] = RandomBytes(3000, seed: 1),
        ["files/chart.480w.webp"] = RandomBytes(1000, seed: 2),
        [SiteWriter.Marker] = Encoding.UTF8.GetBytes("This folder is written by Microsite.\n"),
    };

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void The_same_site_gives_the_same_zip_byte_for_byte()
    {
        var first = PublishArchive.Write(Path.Combine(_root, "a"), "gzbg2023-2023-01-03", Site());

        // Another folder, another order of the files, a second later: nothing of that may show.
        Thread.Sleep(1100);
        var second = PublishArchive.Write(Path.Combine(_root, "b"), "gzbg2023-2023-01-03", Site().Reverse());

        Assert.Equal(File.ReadAllBytes(first.Archive), File.ReadAllBytes(second.Archive));
        Assert.Equal(File.ReadAllBytes(first.Manifest), File.ReadAllBytes(second.Manifest));
        Assert.Equal(Path.Combine(_root, "a", "gzbg2023-2023-01-03.zip"), first.Archive);
        Assert.Equal([first.Archive, first.Manifest], first.Paths);
    }

    [Fact]
    public void A_changed_file_changes_the_zip()
    {
        var site = Site();
        var first = File.ReadAllBytes(PublishArchive.Write(Path.Combine(_root, "a"), "site-1", site).Archive);
        site["assets/site.css"] = Encoding.UTF8.GetBytes("body { margin: 1px }\n");

        Assert.NotEqual(first, File.ReadAllBytes(PublishArchive.Write(Path.Combine(_root, "b"), "site-1", site).Archive));
    }

    [Fact]
    public void Entries_are_sorted_with_fixed_time_and_permissions_and_no_mark()
    {
        var result = PublishArchive.Write(_root, "site-1", Site());

        using var zip = ZipFile.OpenRead(result.Archive);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["SHA256SUMS", "assets/site.css", "en/index.html", "files/chart.480w.webp", "files/报告 全文.pdf", "index.html"], names);
        Assert.DoesNotContain(names, n => n.Contains(SiteWriter.Marker));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(0x81A4, e.ExternalAttributes >>> 16));
        Assert.Equal(6, result.Files);
    }

    [Fact]
    public void Every_entry_carries_the_time_it_is_given()
    {
        var result = PublishArchive.Write(_root, "site-1", Site(), new DateTime(2023, 1, 3, 14, 30, 58));

        using var zip = ZipFile.OpenRead(result.Archive);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2023, 1, 3, 14, 30, 58), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void The_archive_time_is_the_last_commit_else_the_report_date()
    {
        var config = ConfigLoader.Load(TestSite.Config, "input/site.yml", new DiagnosticBag())!;

        Assert.Equal(new DateTime(2024, 5, 6, 23, 30, 0), ArchiveName.Timestamp(config, DateTimeOffset.Parse("2024-05-06T23:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2023, 1, 3), ArchiveName.Timestamp(config, null));
    }

    [Fact]
    public void Every_file_comes_back_out_as_it_went_in()
    {
        var site = Site();
        var result = PublishArchive.Write(_root, "site-1", site);

        using var zip = ZipFile.OpenRead(result.Archive);
        foreach (var (path, bytes) in site.Where(f => f.Key != SiteWriter.Marker))
        {
            using var stream = zip.GetEntry(path)!.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        // Text is deflated; random bytes (like a JPEG or a PDF) are stored as they are.
        Assert.True(zip.GetEntry("index.html")!.CompressedLength < 1000);
        Assert.Equal(3000, zip.GetEntry("files/报告 全文.pdf")!.CompressedLength);
    }

    [Fact]
    public void Sha256sum_verifies_the_archive_beside_it_and_every_file_inside_it()
    {
        var result = PublishArchive.Write(Path.Combine(_root, "dist"), "site-1", Site());

        var beside = Run("sha256sum", Path.Combine(_root, "dist"), "-c", "--strict", "SHA256SUMS");
        Assert.Equal("site-1.zip: OK\n", beside);

        var unpacked = Path.Combine(_root, "unpacked");
        ZipFile.ExtractToDirectory(result.Archive, unpacked);
        var inside = Run("sha256sum", unpacked, "-c", "--strict", "SHA256SUMS");
        Assert.Equal(5, inside.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(inside.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.EndsWith(": OK", line));
        Assert.Contains("files/报告 全文.pdf: OK", inside);
    }

    [Fact]
    public void Sha256sum_catches_a_file_changed_after_unpacking()
    {
        var result = PublishArchive.Write(_root, "site-1", Site());
        var unpacked = Path.Combine(_root, "unpacked");
        ZipFile.ExtractToDirectory(result.Archive, unpacked);
        File.AppendAllText(Path.Combine(unpacked, "index.html"), "tampered");

        var (exit, output) = RunWithExit("sha256sum", unpacked, "-c", "SHA256SUMS");

        Assert.NotEqual(0, exit);
        Assert.Contains("index.html: FAILED", output);
    }

    [Fact]
    public void The_manifest_beside_keeps_the_lines_of_earlier_archives_still_there()
    {
        var dist = Path.Combine(_root, "dist");
        PublishArchive.Write(dist, "site-1", Site());
        PublishArchive.Write(dist, "site-2", Site().Where(f => f.Key != "index.html"));
        PublishArchive.Write(dist, "site-3", Site().Where(f => f.Key != "en/index.html"));
        File.Delete(Path.Combine(dist, "site-2.zip"));
        var result = PublishArchive.Write(dist, "site-3", Site().Where(f => f.Key != "en/index.html"));

        Assert.Equal("site-1.zip: OK\nsite-3.zip: OK\n", Run("sha256sum", dist, "-c", "--strict", "SHA256SUMS"));
        Assert.Equal(2, File.ReadAllLines(result.Manifest).Length);
    }

    [Fact]
    public void Escapes_names_with_backslashes_and_line_breaks_as_sha256sum_does()
    {
        var folder = Path.Combine(_root, "odd");
        Directory.CreateDirectory(folder);
        var files = new Dictionary<string, byte[]>
        {
            ["back\\slash.txt"] = [1, 2],
            ["line\nbreak.txt"] = [3],
            ["plain.txt"] = [4],
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        var manifest = Sha256Sums.Format(files);
        File.WriteAllText(Path.Combine(folder, "SHA256SUMS"), manifest);

        Assert.Equal(3, Run("sha256sum", folder, "-c", "--strict", "SHA256SUMS").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), Sha256Sums.Parse(manifest).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Run("sha256sum", folder, "--", "back\\slash.txt").Trim(), manifest.Split('\n')[0]);
    }

    [Fact]
    public void Leaves_out_the_mark_the_build_writes()
    {
        Assert.Equal(SiteWriter.Marker, PublishArchive.OutputMarker);
    }

    [Fact]
    public void Refuses_a_site_that_has_its_own_sha256sums()
    {
        var site = Site();
        site["SHA256SUMS"] = [1];

        Assert.Throws<ArgumentException>(() => PublishArchive.Write(_root, "site-1", site));
    }

    [Fact]
    public void Reads_a_built_folder_without_its_mark()
    {
        var output = Path.Combine(_root, "output");
        foreach (var (path, bytes) in Site())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, path))!);
            File.WriteAllBytes(Path.Combine(output, path), bytes);
        }

        var files = PublishArchive.ReadFolder(output);

        Assert.Equal(Site().Keys.Where(k => k != SiteWriter.Marker).Order(StringComparer.Ordinal), files.Keys);
    }

    [Theory]
    [InlineData(null, null, "https://www.szxc.gov.cn/gzbg2023/", null, "gzbg2023-2023-01-03")]
    [InlineData(null, null, "https://www.szxc.gov.cn/gzbg2023/", "2024-05-06T23:30:00+08:00", "gzbg2023-2024-05-06")]
    [InlineData("report", "2023.1", "https://www.szxc.gov.cn/gzbg2023/", "2024-05-06T23:30:00+08:00", "report-2023.1")]
    [InlineData(null, null, "https://example.org/", null, "site-2023-01-03")]
    [InlineData(null, null, null, null, "site-2023-01-03")]
    [InlineData(null, null, "https://example.org/%E6%8A%A5%E5%91%8A/zh%20cn/", null, "zh-cn-2023-01-03")]
    public void Names_the_archive_from_site_yml_and_git_never_from_the_clock(string? name, string? version, string? baseUrl, string? lastCommit, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(TestSite.Config, "input/site.yml", diagnostics)! with { BaseUrl = baseUrl };
        config = config with { Publish = new PublishConfig(name, version) };

        Assert.Equal(expected, ArchiveName.For(config, lastCommit is null ? null : DateTimeOffset.Parse(lastCommit, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Run(string program, string folder, params string[] args)
    {
        var (exit, output) = RunWithExit(program, folder, args);
        Assert.True(exit == 0, $"{program} {string.Join(' ', args)} exited {exit}:\n{output}");
        return output;
    }

    private static (int Exit, string Output) RunWithExit(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
