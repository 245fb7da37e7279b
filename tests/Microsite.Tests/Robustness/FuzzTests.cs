using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsite.Cli;
using Microsite.Output;

namespace Microsite.Tests.Robustness;

/// <summary>
/// Seeded mutations of the real report, each built through the CLI in-process: the exit code is only ever
/// 0 or 1, nothing is written outside output/, and output/ is never partial (the previous site after a
/// failed build, a complete new one after a good one). A few hundred by default; on demand many more:
/// MICROSITE_FUZZ_COUNT=5000 MICROSITE_FUZZ_SEED=7 tests/run --filter FullyQualifiedName~FuzzTests
/// (MICROSITE_FUZZ_ONLY=N replays mutation N of that seed alone; after a crash of the test process the
/// mutation it died on is in $TMPDIR/microsite-fuzz-last.txt).
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    // Pieces of our syntax and of YAML, Markdown, HTML and Liquid, and bytes editors' tools leave behind.
    private static readonly string[] Tokens =
    [
        "---", "\t", "[[", "]]", "[[TOD]]", "[[不存在]]", "{#x}", "{#top}", "{#economy}", " {lang=en}", "[x]{lang=zh-Hans}", "<script>alert(1)</script>",
        "<iframe>", " onerror=alert(1)", "](", "[x](", "[x](review-2022.md#nowhere)", "[x](../../../etc/passwd)", "[x](javascript:alert(1))",
        "#", "## ", "### ", "> ", "- ", "1. ", "*", "**", "_", "`", "```", "\"", "'", ":", ": ", "{", "}", "[", "]", "|", "| a | b |\n|---|---|\n",
        "\n", "\r\n", "\r", "\u00A0", "\uFEFF", "\u200B", "，", ",", "。", "[^1]", "[^1]: 注。", "![a](b.png)", "../", "{{", "{%", "%}", "}}",
        "😀", "\uD800", "\0", "\\", "&", "&amp;", "<!--", "-->", "~~", "~", "^", "order: 1", "slug: review-2022", "kind: page", "parent: x",
        "translated_from:\n  hash: 0\n", "unused: x", "aliases: [", "number: 1", "\n\n", "    ", "  - ", "? ", "!", "%", "@", "*a*", "<", ">",
    ];

    private static readonly string[] Openers = ["[", "(", "{", "*", "_", "> ", "- ", "1. ", "{% if true %}", "  ", "[[", "![", "<b>"];

    private sealed record Mutation(string Description, Dictionary<string, byte[]?> Changes);

    /// <summary>One to three changes to files of input/ (rarely theme/), chosen by the mutation's own seed.</summary>
    private static Mutation Mutate(IReadOnlyDictionary<string, byte[]> files, int seed)
    {
        var random = new Random(seed);
        var paths = files.Keys.Order(StringComparer.Ordinal).ToArray();
        var changes = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var described = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            // Markdown files most of the time: they are what editors touch.
            var candidates = random.Next(10) < 8 ? paths.Where(p => p.StartsWith("input/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)).ToArray() : paths;
            var path = candidates[random.Next(candidates.Length)];
            var bytes = changes.GetValueOrDefault(path) ?? files[path];
            var text = Encoding.UTF8.GetString(bytes);
            var lines = text.Split('\n').ToList();
            var at = random.Next(text.Length + 1);
            string? result;
            string what;
            switch (random.Next(14))
            {
                case 12:
                    // Nesting far beyond any real file: what once overflowed the parsers' stacks.
                    var opener = Openers[random.Next(Openers.Length)];
                    var deep = string.Concat(Enumerable.Repeat(opener, random.Next(100, 50000)));
                    result = text.Insert(at, deep);
                    what = $"insert {Escape(opener)} {deep.Length / opener.Length} times at {at}";
                    break;
                case 0:
                    var token = Tokens[random.Next(Tokens.Length)];
                    result = text.Insert(at, token);
                    what = $"insert {Escape(token)} at {at}";
                    break;
                case 1 when lines.Count > 1:
                    var line = random.Next(lines.Count);
                    lines.RemoveAt(line);
                    result = string.Join('\n', lines);
                    what = $"delete line {line + 1}";
                    break;
                case 2:
                    var copy = random.Next(lines.Count);
                    lines.Insert(copy, lines[copy]);
                    result = string.Join('\n', lines);
                    what = $"repeat line {copy + 1}";
                    break;
                case 3 when lines.Count > 1:
                    var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    result = string.Join('\n', lines);
                    what = $"swap lines {a + 1} and {b + 1}";
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 200), text.Length - Math.Min(at, text.Length));
                    result = text.Remove(Math.Min(at, text.Length), length);
                    what = $"delete {length} characters at {at}";
                    break;
                case 5 when bytes.Length > 0:
                    var raw = (byte[])bytes.Clone();
                    var where = random.Next(raw.Length);
                    raw[where] = (byte)random.Next(256);
                    changes[path] = raw;
                    described.Add($"{path}: byte {where} set to 0x{raw[where]:X2}");
                    continue;
                case 6:
                    result = text[..Math.Min(at, text.Length)];
                    what = $"cut off at {at}";
                    break;
                case 7:
                    var span = text.Substring(Math.Min(at, text.Length), Math.Min(random.Next(1, 400), text.Length - Math.Min(at, text.Length)));
                    result = text.Insert(random.Next(text.Length + 1), span);
                    what = $"paste {span.Length} characters copied from {at}";
                    break;
                case 8:
                    result = System.Text.RegularExpressions.Regex.Replace(text, "[0-9]+", m => random.Next(4) == 0 ? random.Next(-2, 40).ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value);
                    what = "change numbers";
                    break;
                case 9 when path.StartsWith("input/", StringComparison.Ordinal):
                    changes[path] = null;
                    described.Add($"{path}: deleted");
                    continue;
                case 10:
                    var twin = path[..^Path.GetExtension(path).Length] + (random.Next(2) == 0 ? "-copy" : "-" + random.Next(100)) + Path.GetExtension(path);
                    changes[twin] = bytes;
                    described.Add($"{path}: copied to {twin}");
                    continue;
                case 11:
                    result = System.Text.RegularExpressions.Regex.Replace(text, "^([a-z_]+):", m => random.Next(5) == 0 ? m.Groups[1].Value[..^1] + ":" : m.Value, System.Text.RegularExpressions.RegexOptions.Multiline);
                    what = "misspell keys";
                    break;
                default:
                    var repeated = string.Concat(Enumerable.Repeat(Tokens[random.Next(Tokens.Length)], random.Next(2, 3000)));
                    result = text.Insert(at, repeated);
                    what = $"insert a run of {repeated.Length} characters at {at}";
                    break;
            }

            changes[path] = Encoding.UTF8.GetBytes(result);
            described.Add($"{path}: {what}");
        }

        return new Mutation(string.Join("; ", described), changes);
    }

    /// <summary>The token as it can be read and written back: control characters and lone surrogates as \uXXXX.</summary>
    private static string Escape(string token) =>
        string.Concat(token.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    [Fact]
    public void Mutations_of_the_real_report_exit_0_or_1_write_only_output_and_never_leave_it_partial()
    {
        var seed = Setting("MICROSITE_FUZZ_SEED", 12);
        var count = Setting("MICROSITE_FUZZ_COUNT", 300);
        var only = Setting("MICROSITE_FUZZ_ONLY", -1);

        // The real input and theme, as files under one folder; output/ beside them.
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var folder in new[] { "input", "theme" })
        {
            var from = Path.Combine(TestSite.RepoRoot, folder);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                originals[$"{folder}/{Path.GetRelativePath(from, file).Replace('\\', '/')}"] = File.ReadAllBytes(file);
            }
        }

        foreach (var (path, bytes) in originals)
        {
            Write(path, bytes);
        }

        var output = Path.Combine(_root, "output");
        Assert.Equal(ExitCodes.Built, Build().Exit);
        var current = Fingerprint(output);
        var watch = Stopwatch.StartNew();
        var exits = new int[3];
        for (var i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : count); i++)
        {
            var mutation = Mutate(originals, (seed * 1_000_003) + i);
            var replay = $"mutation {i} of seed {seed} (MICROSITE_FUZZ_SEED={seed} MICROSITE_FUZZ_ONLY={i}): {mutation.Description}";
            foreach (var (path, bytes) in mutation.Changes)
            {
                Write(path, bytes);
            }

            // A stack overflow ends the test process before any assertion can speak: the mutation it died on is here.
            File.WriteAllText(LastMutation, replay + "\n");
            var written = Files(_root).Where(f => !f.StartsWith("output/", StringComparison.Ordinal)).ToDictionary(f => f, f => Hash(File.ReadAllBytes(Path.Combine(_root, f))));
            var (exit, stdout, stderr) = Build();

            Assert.True(exit is ExitCodes.Built or ExitCodes.ContentErrors, $"exit {exit}\n{replay}\n{stderr}\n{stdout}");
            Assert.True(stderr.Length == 0, $"{replay}\n{stderr}");
            Assert.DoesNotContain("   at ", stdout);
            exits[exit]++;

            // Nothing outside output/: input/ and theme/ as they were, and nothing new beside them.
            var after = Files(_root).Where(f => !f.StartsWith("output/", StringComparison.Ordinal)).ToDictionary(f => f, f => Hash(File.ReadAllBytes(Path.Combine(_root, f))));
            Assert.True(after.Count == written.Count && after.All(f => written.GetValueOrDefault(f.Key) == f.Value), $"files outside output/ changed\n{replay}");
            Assert.Equal(["input", "output", "theme"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // output/ whole: the previous site after a failure, a complete new one (every file it built, and the mark) after success.
            var now = Fingerprint(output);
            if (exit == ExitCodes.ContentErrors)
            {
                Assert.True(Same(now, current), $"a failed build changed output/\n{replay}");
            }
            else
            {
                var built = int.Parse(System.Text.RegularExpressions.Regex.Match(stdout, "built ([0-9]+) files").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(now.Count == built + 1 && now.ContainsKey(SiteWriter.Marker) && now.ContainsKey("index.html"), $"output/ has {now.Count} files, {built} built\n{replay}");
                current = now;
            }

            foreach (var path in mutation.Changes.Keys)
            {
                Write(path, originals.GetValueOrDefault(path));
            }
        }

        // For the record in the test log: how many, how fast, how they ended.
        Console.WriteLine($"fuzz: seed {seed}, {(only >= 0 ? 1 : count)} mutations in {watch.Elapsed.TotalSeconds:0.0} s: {exits[0]} built, {exits[1]} failed with content errors");
        Assert.True(only >= 0 || exits[1] > 0, "no mutation failed: the mutations are not reaching the checks");
    }

    /// <summary>Where the mutation being built is recorded, for replaying one that crashed the test process.</summary>
    private static readonly string LastMutation = Path.Combine(Path.GetTempPath(), "microsite-fuzz-last.txt");

    private (int Exit, string Out, string Err) Build()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Commands.Create(stdout, stderr).Parse(["build", "--input", Path.Combine(_root, "input"), "--theme", Path.Combine(_root, "theme"), "--output", Path.Combine(_root, "output")]).Invoke();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Write(string path, byte[]? bytes)
    {
        var full = Path.Combine(_root, path);
        if (bytes is null)
        {
            File.Delete(full);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'));

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static Dictionary<string, string> Fingerprint(string folder) => Files(folder).ToDictionary(f => f, f => Hash(File.ReadAllBytes(Path.Combine(folder, f))));

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(f => b.GetValueOrDefault(f.Key) == f.Value);
}
