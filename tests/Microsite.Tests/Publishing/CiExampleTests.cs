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

    /// <summary>The arguments after "dotnet run … --" of each line that runs Microsite.</summary>
    private static List<(string Line, string[] Args)> Invocations(string file) =>
        ShellLines(file)
            .Where(line => line.StartsWith("dotnet run ", StringComparison.Ordinal))
            .Select(line => (line, line[(line.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
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
            Assert.Contains(" -- ", line); // the README's form: dotnet run -c Release -- <command>
            Assert.Contains(args[0], commands);
            var parse = Cli().Parse(args);
            Assert.True(parse.Errors.Count == 0, $"{line}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Builds_the_program_once_and_then_reuses_it(string file)
    {
        var lines = Invocations(file).Select(i => i.Line).ToList();

        Assert.DoesNotContain("--no-build", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Contains("--no-build", line));
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
