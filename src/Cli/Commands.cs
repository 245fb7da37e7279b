using System.CommandLine;
using Microsite.Build;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.History;
using Microsite.Serve;
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
    /// <summary>The options the commands share; new ones for every command tree, since System.CommandLine symbols keep their parents.</summary>
    private sealed class SharedOptions
    {
        public Option<string> Input { get; } = new("--input") { Description = "The content folder (site.yml, zh/, en/)", DefaultValueFactory = _ => "input" };

        public Option<string> Output { get; } = new("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };

        public Option<string> Theme { get; } = new("--theme") { Description = "Layouts, UI strings and assets", DefaultValueFactory = _ => "theme" };

        public Option<string> Format { get; } = CreateFormat();

        /// <summary>Work on at most N pages at once: to share a machine, or to compare speed; the output is the same bytes for any N.</summary>
        public Option<int> Threads { get; } = new("--threads") { Description = "How many pages to work on at once (default: one per processor); the site is the same for any number", DefaultValueFactory = _ => 0 };

        /// <summary>Applies --threads to the stages' parallel loops.</summary>
        public void ApplyThreads(ParseResult parse)
        {
            var threads = parse.GetValue(Threads);
            if (threads < 0)
            {
                throw new UsageException($"--threads {threads}: give a number of threads (1 or more), or 0 for one per processor");
            }

            Parallelism.MaxThreads = threads == 0 ? -1 : threads;
        }

        public Options Read(ParseResult parse) => new(
            parse.GetValue(Input) ?? "input",
            parse.GetValue(Output) ?? "output",
            parse.GetValue(Theme) ?? "theme",
            parse.GetValue(Format) ?? "text");

        private static Option<string> CreateFormat()
        {
            var format = new Option<string>("--format") { Description = "Report format: text or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            return format;
        }
    }

    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new SharedOptions();
        var root = new RootCommand("Microsite: builds the bilingual government work report site from input/ into output/.");

        var build = new Command("build", "Build input/ into output/ (the previous output/ stays as it was if anything is wrong)")
        {
            o.Input, o.Output, o.Theme, o.Format, o.Threads,
        };
        build.SetAction(parse => Guard(stderr, () =>
        {
            o.ApplyThreads(parse);
            return Build(o.Read(parse), stdout);
        }));
        root.Subcommands.Add(build);

        var folder = new Argument<string>("folder") { Description = "A built site on disk (e.g. output, or a copy from the web host)" };
        var check = new Command("check", "Check a built site folder with the same rules as the build") { folder, o.Input, o.Format, o.Threads };
        check.SetAction(parse => Guard(stderr, () =>
        {
            o.ApplyThreads(parse);
            return Check(parse.GetValue(folder)!, o.Read(parse), stdout);
        }));
        root.Subcommands.Add(check);

        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port)", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (127.0.0.1: this computer only)", DefaultValueFactory = _ => "127.0.0.1" };
        var serve = new Command("serve", "Preview the site: build it, serve it under its base path, rebuild and reload open pages on every change")
        {
            o.Input, o.Theme, port, host,
        };
        serve.SetAction(parse => Guard(stderr, () => Serve(o.Read(parse), parse.GetValue(host) ?? "127.0.0.1", parse.GetValue(port), stdout)));
        root.Subcommands.Add(serve);

        var outDir = new Option<string>("--out") { Description = "Where the archive and its SHA256SUMS are written", DefaultValueFactory = _ => "dist" };
        var publish = new Command("publish", "Build, check, and pack the site for the host: DIR/<site>-<date or version>.zip and SHA256SUMS")
        {
            o.Input, o.Output, o.Theme, outDir,
        };
        publish.SetAction(parse => Guard(stderr, () =>
        {
            var options = o.Read(parse);
            return PublishCommand.Run(options, parse.GetValue(outDir) ?? "dist", () => Build(options, stdout), folder => Check(folder, options, stdout), stdout);
        }));
        root.Subcommands.Add(publish);

        var slug = new Argument<string>("slug") { Description = "The new chapter's slug: lowercase ASCII words joined by hyphens (its file and page name)" };
        var title = new Option<string>("--title") { Description = "The chapter's title in the default language" };
        var chapter = new Command("chapter", "Create a chapter in every language, after the last one, and build") { slug, title, o.Input, o.Output, o.Theme };
        chapter.SetAction(parse => Guard(stderr, () =>
        {
            var options = o.Read(parse);
            return NewCommand.Chapter(options, parse.GetValue(slug)!, parse.GetValue(title), () => Build(options, stdout), stdout);
        }));
        var id = new Argument<string>("id") { Description = "The new entry's id: lowercase ASCII words joined by hyphens (its file name and anchor)" };
        var termName = new Option<string>("--term") { Description = "The term in the default language" };
        var term = new Command("term", "Create a glossary entry in every language, with the next number, and build") { id, termName, o.Input, o.Output, o.Theme };
        term.SetAction(parse => Guard(stderr, () =>
        {
            var options = o.Read(parse);
            return NewCommand.Term(options, parse.GetValue(id)!, parse.GetValue(termName), () => Build(options, stdout), stdout);
        }));
        root.Subcommands.Add(new Command("new", "Create a new page in every language: new chapter SLUG, new term ID") { chapter, term });

        var mark = new Option<string[]>("--mark") { Description = "Record that these translation files are up to date with their source", AllowMultipleArgumentsPerToken = true };
        var translations = new Command("translations", "List every translation as up to date, stale or missing; --mark records a translation as done")
        {
            o.Input, mark,
        };
        translations.SetAction(parse => Guard(stderr, () => TranslationsCommand.Run(o.Read(parse), parse.GetValue(mark) ?? [], stdout)));
        root.Subcommands.Add(translations);

        return root;
    }

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
        catch (OutputRefusedException e)
        {
            stderr.WriteLine($"microsite: {e.Message}");
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
        // One git query for the whole repository, while the build runs; its dates are needed only at layout.
        var history = Task.Run(() => GitHistory.Read(input));
        BuildResult result;
        var timings = new List<(string Stage, TimeSpan Time)>();
        // The output folder is checked first, and each file goes into the staging folder as it is made; the
        // folder replaces output/ only if the build succeeds, and is deleted otherwise.
        using (var staging = SiteWriter.Begin(options.Output, [input, theme]))
        {
            using (var progress = TerminalProgress.For(stdout))
            {
                // Reading the folders is the build's first stage, though it happens before the pipeline: timed too.
                var reading = System.Diagnostics.Stopwatch.StartNew();
                var (inputFiles, themeFiles) = (FileSet.FromDirectory(input, Options.Display(input)), FileSet.FromDirectory(theme, Options.Display(theme)));
                timings.Add(("read", reading.Elapsed));
                result = SiteBuilder.Build(
                    inputFiles,
                    themeFiles,
                    new BuildOptions(Options.Display(options.Output), Invocation.Command, VariantCache.InFolder(VariantCache.FolderBeside(input)),
                        path => history.Result.LastChanged(path), progress.Stage, staging.Keep));
            }

            timings.AddRange(result.Timings);
            if (result.Succeeded)
            {
                var writing = System.Diagnostics.Stopwatch.StartNew();
                staging.Commit();
                timings.Add(("write", writing.Elapsed));
            }
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

            stdout.WriteLine("time: " + string.Join(" · ", timings.Select(t => $"{t.Stage} {t.Time.TotalMilliseconds:0} ms")));
            stdout.WriteLine(result.Succeeded
                ? $"built {result.Files.Count} files into {Options.Display(options.Output)}/"
                : $"not built: {Options.Display(options.Output)}/ was left as it was");
        }

        return result.Succeeded ? ExitCodes.Built : ExitCodes.ContentErrors;
    }

    private static int Serve(Options options, string host, int port, TextWriter stdout)
    {
        var input = RequireFolder(options.Input, "input");
        var theme = RequireFolder(options.Theme, "theme");
        if (host != "localhost" && !System.Net.IPAddress.TryParse(host, out _))
        {
            throw new UsageException($"--host \"{host}\" is not an address like 127.0.0.1 (this computer) or 0.0.0.0 (every network)");
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true; // stop cleanly below instead of being killed
            stop.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            var history = GitHistory.Read(input);
            var build = new BuildOptions(Options.Display(options.Output), Invocation.Command, LastChanged: history.LastChanged);
            return RunServer(new PreviewOptions(Path.GetFullPath(input), Path.GetFullPath(theme), host, port, build), stdout, stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }

    private static async Task<int> RunServer(PreviewOptions options, TextWriter stdout, CancellationToken stop)
    {
        await using var server = new PreviewServer(options, stdout);
        await server.StartAsync(stop);
        stdout.WriteLine($"serving {server.Address} (rebuilds when input/ or theme/ change; Ctrl+C stops)");
        stdout.Flush();
        await server.WaitAsync(stop);
        stdout.WriteLine("stopped");
        return ExitCodes.Built;
    }

    private static int Check(string folder, Options options, TextWriter stdout)
    {
        var root = RequireFolder(folder, "site");
        var bag = new DiagnosticBag();
        if (NotASite(root) is { } notASite)
        {
            bag.Add(notASite);
            var found = bag.Snapshot();
            if (options.Format == "json")
            {
                DiagnosticReport.WriteJson(stdout, found, 0);
            }
            else
            {
                DiagnosticReport.WriteText(stdout, found, 0);
            }

            return ExitCodes.ContentErrors;
        }

        SiteConfig? config = null;
        var configPath = Path.Combine(options.Input, ConfigLoader.FileName);
        if (File.Exists(configPath))
        {
            config = ConfigLoader.Load(File.ReadAllText(configPath), Options.Display(configPath), bag);
        }

        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(p => p.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Each text file is read as UTF-8 bytes when the checks come to it, on the core that checks it, as a
        // build reads its pages back from its staging folder: read all at once before the checks, the 350 MB
        // of the 10,000-page site were in memory beside the pages' trees. (Read one after the other as text
        // and encoded again, they made check take 9.4-11.8 s against 7.9-10.0 s, in alternate runs.)
        var files = paths.Select(f => LayoutRenderer.IsText(f) ? SiteFile.OnDisk(f, Path.Combine(root, f), LanguageOf(f, config)) : new SiteFile(f, "", null, null, [])).ToList();
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

    /// <summary>
    /// "check /tmp" would otherwise scan any folder and report nothing useful: a built site has the build's
    /// mark, or at least a home page (a copy fetched from the web host has no mark).
    /// </summary>
    private static Diagnostic? NotASite(string root) =>
        File.Exists(Path.Combine(root, SiteWriter.Marker)) || File.Exists(Path.Combine(root, "index.html"))
            ? null
            : new Diagnostic(DiagnosticIds.CheckNotASite, Severity.Error, Options.Display(root), 0, 0,
                $"this folder is not a built site (it has no index.html and no {SiteWriter.Marker}); build the site, then check what the build wrote: {Invocation.Command} build && {Invocation.Command} check output");

    private static string RequireFolder(string path, string what) =>
        Directory.Exists(path) ? path : throw new UsageException(what == "site"
            ? $"the folder \"{path}\" does not exist (give the folder of a built site, like: {Invocation.Command} check output)"
            : $"the {what} folder \"{path}\" does not exist (run from the project folder, or pass --{what})");
}

internal sealed class UsageException(string message) : Exception(message);
