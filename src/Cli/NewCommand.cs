using System.Text;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Scaffolding;

namespace Microsite.Cli;

/// <summary>
/// <c>new chapter SLUG</c> and <c>new term ID</c>: writes the new page in every language (valid front
/// matter, after the last chapter or with the next glossary number), prints the paths, and builds.
/// </summary>
internal static class NewCommand
{
    public static int Chapter(Options options, string slug, string? title, Func<int> build, TextWriter stdout) =>
        Create(options, stdout, build, (config, pages, files) => Scaffold.Chapter(slug, Scaffold.Languages(config), pages, files, title));

    public static int Term(Options options, string id, string? term, Func<int> build, TextWriter stdout) =>
        Create(options, stdout, build, (config, pages, files) => Scaffold.Term(id, Scaffold.Languages(config), pages, files, term));

    private static int Create(Options options, TextWriter stdout, Func<int> build, Func<SiteConfig, IEnumerable<ExistingPage>, IReadOnlySet<string>, ScaffoldResult> scaffold)
    {
        var input = FileSet.FromDirectory(options.Input, Options.Display(options.Input));
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(input, diagnostics);
        if (config is null)
        {
            DiagnosticReport.WriteText(stdout, diagnostics.Snapshot(), 0);
            return ExitCodes.ContentErrors;
        }

        // Pages that do not load (an error of their own) still hold their order and slug: read what they can.
        var pages = Scaffold.From(ContentLoader.Load(input, config, new DiagnosticBag()));
        var result = scaffold(config, pages, input.Paths.ToHashSet(StringComparer.Ordinal));
        if (!result.Succeeded)
        {
            throw new UsageException(result.Problem!);
        }

        foreach (var file in result.Files)
        {
            var path = Path.Combine(options.Input, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, new UTF8Encoding(false));
            stdout.WriteLine($"created {Options.Display(path)}");
        }

        stdout.WriteLine($"translate the {(result.Files.Count > 2 ? "other files" : "second file")}, then mark {(result.Files.Count > 2 ? "them" : "it")}: {Invocation.Command} translations --mark {string.Join(' ', result.Files.Skip(1).Select(f => Options.Display(Path.Combine(options.Input, f.Path))))}");
        return build();
    }
}
