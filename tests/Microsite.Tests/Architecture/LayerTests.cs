using System.Text.RegularExpressions;
using Microsite.Core;

namespace Microsite.Tests.Architecture;

/// <summary>The shape of src/: folders that depend one way, diagnostic ids that can be grepped, a README that lists them.</summary>
public partial class LayerTests
{
    private static readonly System.Reflection.Assembly Program = typeof(DiagnosticIds).Assembly;

    [Fact]
    public void Folders_of_src_never_depend_on_each_other_in_a_circle()
    {
        var edges = FolderDependencies.Of(Program);
        var graph = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        Assert.True(graph.Count > 8, "the dependencies were not read: " + string.Join(", ", graph.Keys));

        var cycles = new List<string>();
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (PathBack(graph, start) is { } path)
            {
                var steps = path.Zip(path.Skip(1)).Select(p => $"  {p.First} -> {p.Second}: {edges[(p.First, p.Second)]}");
                cycles.Add($"{string.Join(" -> ", path)}\n{string.Join("\n", steps)}");
            }
        }

        Assert.True(cycles.Count == 0, "folders of src/ that depend on each other in a circle:\n" + string.Join("\n", cycles.Distinct()));
    }

    [Fact]
    public void The_dependency_reader_sees_a_known_use()
    {
        var edges = FolderDependencies.Of(Program);
        Assert.Contains(("Cli", "Build"), edges.Keys);
        Assert.Contains(("Rendering", "Markdown"), edges.Keys);
        Assert.DoesNotContain(edges.Keys, e => e.From == "Core");
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_and_only_a_cycle()
    {
        Assert.Equal(["A", "B", "C", "A"], PathBack(new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"] }, "A"));
        Assert.Null(PathBack(new() { ["A"] = ["B"], ["B"] = ["C"], ["C"] = [] }, "A"));
    }

    [Fact]
    public void Diagnostic_ids_are_written_only_as_constants()
    {
        var src = Path.Combine(TestSite.RepoRoot, "src");
        var literals = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "DiagnosticIds.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => IdLiteral().IsMatch(l.Text))
            .Select(l => $"src/{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(literals.Count == 0, "diagnostic ids written as text (use DiagnosticIds):\n" + string.Join("\n", literals));
    }

    [Fact]
    public void Every_diagnostic_id_is_one_constant_and_in_the_README()
    {
        var constants = typeof(DiagnosticIds).GetFields().Select(f => (Name: f.Name, Id: (string)f.GetRawConstantValue()!)).ToList();
        Assert.Equal(constants.Count, constants.Select(c => c.Id).Distinct().Count());
        Assert.All(constants, c => Assert.Matches("^MS[0-9]{4}$", c.Id));

        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md"));
        var documented = ReadmeRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(documented.Distinct().Count(), documented.Count);
        Assert.Equal(constants.Select(c => c.Id).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nothing_after_parsing_calls_what_changes_a_markdown_tree()
    {
        // Markdig's GetAttributes() adds attributes to a node that has none; ReplaceBy, InsertBefore and
        // Remove move nodes. After parsing, trees are read by many threads at once and must stay as parsed.
        var src = Path.Combine(TestSite.RepoRoot, "src");
        var changes = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("Parser.cs", StringComparison.Ordinal)) // parsers build the tree
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: i + 1, Text: line)))
            .Where(l => TreeChange().IsMatch(l.Text))
            .Select(l => $"src/{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(changes.Count == 0, "calls that change a parsed tree:\n" + string.Join("\n", changes));
    }

    /// <summary>A path from start back to itself, if there is one.</summary>
    private static List<string>? PathBack(Dictionary<string, List<string>> graph, string start)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>(graph.GetValueOrDefault(start, []).Select(n => { previous.TryAdd(n, start); return n; }));
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == start)
            {
                var path = new List<string> { start };
                for (var at = previous[start]; at != start; at = previous[at])
                {
                    path.Insert(0, at);
                }

                path.Insert(0, start);
                return path;
            }

            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<!Try)GetAttributes\(\)|\.ReplaceBy\(|\.InsertBefore\(|\.InsertAfter\(|\.Remove\(\)|\.AppendChild\(|SetAttributes\(")]
    private static partial Regex TreeChange();

    [GeneratedRegex("\"MS[0-9]{4}\"")]
    private static partial Regex IdLiteral();

    // A row of the README's table of ids: "| MS0102 | error | …".
    [GeneratedRegex(@"^\| `?(MS[0-9]{4})`? \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
