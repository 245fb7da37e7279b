using Microsite.Cli;
using YamlDotNet.RepresentationModel;

namespace Microsite.Tests.Publishing;

/// <summary>The CI examples in .ci/ are YAML, and every command they run is one the CLI has, written as the README writes it.</summary>
public sealed class CiExampleTests
{
    public static TheoryData<string> Examples => new() { "github-actions.example.yml", "gitlab-ci.example.yml" };

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(TestSite.RepoRoot, ".ci", file))));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    /// <summary>Every shell line the example runs: GitHub's steps[].run, GitLab's jobs' script lists.</summary>
    private static List<string> ShellLines(string file)
    {
        var root = Load(file);
        var scripts = file.StartsWith("github", StringComparison.Ordinal)
            ? ((YamlMappingNode)root["jobs"]).Children.Values.OfType<YamlMappingNode>()
                .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>())
                .Where(step => step.Children.ContainsKey("run"))
                .Select(step => ((YamlScalarNode)step["run"]).Value!)
            : root.Children.Values.OfType<YamlMappingNode>()
                .Where(job => job.Children.ContainsKey("script"))
                .SelectMany(job => ((YamlSequenceNode)job["script"]).Children.OfType<YamlScalarNode>().Select(s => s.Value!));
        return scripts.SelectMany(s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    /// <summary>The arguments of each line that runs the compiled program, bin/microsite, as the README does.</summary>
    private static List<(string Line, string[] Args)> Invocations(string file) =>
        ShellLines(file)
            .Where(line => line.StartsWith("bin/microsite ", StringComparison.Ordinal))
            .Select(line => (line, line["bin/microsite ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    private static System.CommandLine.RootCommand Cli() => Commands.Create(TextWriter.Null, TextWriter.Null);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Runs_build_check_and_publish(string file)
    {
        Assert.Equal(["build", "check", "publish"], Invocations(file).Select(i => i.Args[0]));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Runs_only_commands_the_cli_has_with_options_it_takes(string file)
    {
        var commands = Cli().Subcommands.Select(c => c.Name).ToHashSet();
        foreach (var (line, args) in Invocations(file))
        {
            Assert.Contains(args[0], commands);
            var parse = Cli().Parse(args);
            Assert.True(parse.Errors.Count == 0, $"{line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiles_the_program_once_as_the_README_says_and_then_runs_it(string file)
    {
        var lines = ShellLines(file);
        var compile = lines.FindIndex(l => l == "dotnet publish -c Release -o bin");
        var readme = File.ReadAllText(Path.Combine(TestSite.RepoRoot, "README.md"));

        Assert.True(compile >= 0, "the example must compile the program as the README does");
        Assert.Contains("dotnet publish -c Release -o bin && bin/microsite build", readme, StringComparison.Ordinal);
        Assert.All(Invocations(file), i => Assert.True(lines.IndexOf(i.Line) > compile, $"{i.Line} runs before the program is compiled"));
        Assert.DoesNotContain(lines, l => l.StartsWith("dotnet run", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Keeps_the_folder_publish_writes_as_the_artifact(string file)
    {
        var publish = Invocations(file).Single(i => i.Args[0] == "publish").Args;
        var folder = publish[Array.IndexOf(publish, "--out") + 1];
        var text = File.ReadAllText(Path.Combine(TestSite.RepoRoot, ".ci", file));

        Assert.Contains($"path: {folder}/", text.Replace("- ", "path: ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Clones_the_whole_history_for_the_page_dates(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestSite.RepoRoot, ".ci", file));

        Assert.True(text.Contains("fetch-depth: 0", StringComparison.Ordinal) || text.Contains("GIT_DEPTH: \"0\"", StringComparison.Ordinal));
    }

}
