using System.CommandLine;
using Microsite.Config;
using Microsite.Content;
using Microsite.Diagnostics;
using Microsite.Layout;
using Microsite.Output;
using Microsite.Translations;
using Microsite.Validation;

namespace Microsite.Cli;

/// <summary>The options every command shares, as one immutable record; commands refine it.</summary>
internal sealed record Options(string Input, string Output, string Theme, string Format)
{
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path).Replace('\\', '/') : relative;
    }
}

internal static class Commands
{
    private static readonly Option<string> InputOption = new("--input") { Description = "The content folder (site.yml, zh/, en/)", DefaultValueFactory = _ => "input" };
    private static readonly Option<string> OutputOption = new("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };
    private static readonly Option<string> ThemeOption = new("--theme") { Description = "Layouts, UI strings and assets", DefaultValueFactory = _ => "theme" };
    private static readonly Option<string> FormatOption = new("--format") { Description = "Report format: text or json", DefaultValueFactory = _ => "text" };

    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        FormatOption.AcceptOnlyFromAmong("text", "json");
        var root = new RootCommand("Microsite: builds the bilingual government work report site from input/ into output/.");

        var build = new Command("build", "Build input/ into output/ (the previous output/ stays as it was if anything is wrong)")
        {
            InputOption, OutputOption, ThemeOption, FormatOption,
        };
        build.SetAction(parse => Guard(stderr, () => Build(Read(parse), stdout)));
        root.Subcommands.Add(build);

        var folder = new Argument<string>("folder") { Description = "A built site on disk (e.g. output, or a copy from the web host)" };
        var check = new Command("check", "Check a built site folder with the same rules as the build") { folder, InputOption, FormatOption };
        check.SetAction(parse => Guard(stderr, () => Check(parse.GetValue(folder)!, Read(parse), stdout)));
        root.Subcommands.Add(check);

        var mark = new Option<string[]>("--mark") { Description = "Record that these translation files are up to date with their source", AllowMultipleArgumentsPerToken = true };
        var translations = new Command("translations", "List every translation as up to date, stale or missing; --mark records a translation as done")
        {
            InputOption, mark,
        };
        translations.SetAction(parse => Guard(stderr, () => TranslationsCommand.Run(Read(parse), parse.GetValue(mark) ?? [], stdout)));
        root.Subcommands.Add(translations);

        return root;
    }

    private static Options Read(ParseResult parse) => new(
        parse.GetValue(InputOption) ?? "input",
        parse.GetValue(OutputOption) ?? "output",
        parse.GetValue(ThemeOption) ?? "theme",
        parse.GetValue(FormatOption) ?? "text");

    private static int Guard(TextWriter stderr, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"microsite: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
        catch (ThemeException e)
        {
            stderr.WriteLine($"microsite: theme error: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"microsite: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"microsite: {e.Message}");
            return ExitCodes.UsageOrInternal;
        }
#pragma warning disable CA1031 // the last line of defence: a bug must still end with exit code 2 and a short message
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"microsite: internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in Microsite, not in your content. Set MICROSITE_DEBUG=1 to see where it happened.");
            if (Environment.GetEnvironmentVariable("MICROSITE_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }

            return ExitCodes.UsageOrInternal;
        }
    }

    private static int Build(Options options, TextWriter stdout)
    {
        var input = RequireFolder(options.Input, "input");
        var theme = RequireFolder(options.Theme, "theme");
        var result = SiteBuilder.Build(
            FileSet.FromDirectory(input, Options.Display(input)),
            FileSet.FromDirectory(theme, Options.Display(theme)),
            Options.Display(options.Output));

        if (result.Succeeded)
        {
            SiteWriter.Write(options.Output, result.Files, [input, theme]);
        }

        if (options.Format == "json")
        {
            DiagnosticReport.WriteJson(stdout, result.Diagnostics, result.PagesChecked);
        }
        else
        {
            DiagnosticReport.WriteText(stdout, result.Diagnostics, result.PagesChecked);
            foreach (var note in result.Notes)
            {
                stdout.WriteLine(note);
            }

            if (result.ExternalLinks.Count > 0)
            {
                stdout.WriteLine($"external links (listed, not fetched): {string.Join(", ", result.ExternalLinks)}");
            }

            stdout.WriteLine("time: " + string.Join(" · ", result.Timings.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0} ms")));
            stdout.WriteLine(result.Succeeded
                ? $"built {result.Files.Count} files into {Options.Display(options.Output)}/"
                : $"not built: {Options.Display(options.Output)}/ was left as it was");
        }

        return result.Succeeded ? ExitCodes.Built : ExitCodes.ContentErrors;
    }

    private static int Check(string folder, Options options, TextWriter stdout)
    {
        var root = RequireFolder(folder, "site");
        var bag = new DiagnosticBag();
        SiteConfig? config = null;
        var configPath = Path.Combine(options.Input, ConfigLoader.FileName);
        if (File.Exists(configPath))
        {
            config = ConfigLoader.Load(File.ReadAllText(configPath), Options.Display(configPath), bag);
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(f => new HtmlValidator.SiteFile(f, LayoutRenderer.IsText(f) ? File.ReadAllText(Path.Combine(root, f)) : null, null, LanguageOf(f, config)))
            .ToList();
        var expectations = config is null
            ? new SiteExpectations(files.Select(f => f.Lang).Distinct().Count(), new Dictionary<string, FooterExpectation>())
            : SiteBuilder.Expectations(config);
        var result = HtmlValidator.Validate(files, expectations, Options.Display(root), bag);
        var diagnostics = bag.Snapshot(config?.RuleLevels);
        if (options.Format == "json")
        {
            DiagnosticReport.WriteJson(stdout, diagnostics, result.Pages);
        }
        else
        {
            DiagnosticReport.WriteText(stdout, diagnostics, result.Pages);
            if (result.ExternalLinks.Count > 0)
            {
                stdout.WriteLine($"external links (listed, not fetched): {string.Join(", ", result.ExternalLinks)}");
            }
        }

        return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.ContentErrors : ExitCodes.Built;
    }

    /// <summary>The language a page should be in: from site.yml's folders, or unknown without it.</summary>
    private static string? LanguageOf(string path, SiteConfig? config)
    {
        if (config is null || !path.EndsWith(".html", StringComparison.Ordinal))
        {
            return null;
        }

        var other = config.Languages.Skip(1).FirstOrDefault(l => path.StartsWith(l.Prefix, StringComparison.Ordinal));
        return (other ?? config.Default).HtmlLang;
    }

    private static string RequireFolder(string path, string what) =>
        Directory.Exists(path) ? path : throw new UsageException($"the {what} folder \"{path}\" does not exist (run from the project folder, or pass --{(what == "site" ? "folder" : what)})");
}

internal sealed class UsageException(string message) : Exception(message);
