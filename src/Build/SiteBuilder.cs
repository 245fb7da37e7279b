using System.Diagnostics;
using Microsite.Checks;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.Figures;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Numbers;
using Microsite.Output;
using Microsite.Rendering;
using Microsite.Themes;
using Microsite.Search;
using Microsite.Translations;
using Microsite.Validation;

namespace Microsite.Build;

/// <summary>What a build produced: the site (in memory, not yet written) and everything it found.</summary>
internal sealed record BuildResult(
    IReadOnlyList<SiteFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<(string Stage, TimeSpan Time)> Timings,
    int PagesChecked,
    IReadOnlyList<string> ExternalLinks,
    IReadOnlyList<string> Notes)
{
    /// <summary>The site's path on its host (base_url's path, "/gzbg2023/"), or "/" without base_url.</summary>
    public string BasePath { get; init; } = "/";

    public bool Succeeded => Files.Count > 0 && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <param name="OutputDisplayRoot">How diagnostics about built pages name the output folder.</param>
/// <param name="Command">How the editor runs Microsite, for the commands hints suggest (see README).</param>
/// <param name="Images">Where smaller copies of images are kept between builds (the CLI's is a folder beside input/).</param>
/// <param name="LastChanged">When a file of input/ ("zh/x.md") last changed, from git; null outside a repository (no dates).</param>
/// <param name="Progress">Told the name of each stage as it starts (the CLI shows it on a terminal).</param>
/// <param name="Keep">
/// Given each file of the site as soon as it is made, returns what the build keeps of it: null keeps it in
/// memory (tests, the preview server); the CLI writes it into its staging folder and keeps only where it is
/// (<see cref="SiteStaging.Keep"/>), so a large site is never whole in memory.
/// </param>
internal sealed record BuildOptions(
    string OutputDisplayRoot = "output",
    string Command = "bin/microsite",
    VariantCache? Images = null,
    Func<string, DateTimeOffset?>? LastChanged = null,
    Action<string>? Progress = null,
    Func<SiteFile, SiteFile>? Keep = null);

/// <summary>
/// The pipeline, one line per stage. Stages never call each other: each hands typed data to the next.
/// Nothing here touches the disk; <see cref="SiteWriter"/> writes the result when it is good.
/// </summary>
internal static class SiteBuilder
{
    /// <param name="session">What earlier builds made, to redo only what changed (the preview server); null for one build.</param>
    public static BuildResult Build(FileSet input, FileSet themeFiles, BuildOptions? options = null, BuildSession? session = null)
    {
        options ??= new BuildOptions();
        // A session keeps laid-out pages for the next build; a file kept elsewhere is readable only until its
        // staging folder is swapped in, so a session's pages stay in memory.
        if (session is not null && options.Keep is not null)
        {
            throw new ArgumentException("a preview session keeps its files in memory: build with Keep null", nameof(options));
        }

        try
        {
            return Run(input, themeFiles, options, session);
        }
        finally
        {
            session?.EndBuild();
        }
    }

    private static BuildResult Run(FileSet input, FileSet themeFiles, BuildOptions options, BuildSession? session)
    {
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer(options.Progress);

        // The site is made in a method of its own: what only making it needs (the parsed trees, the rendered
        // pages, the search postings) is garbage once that returns, and the checks run on a smaller heap.
        var made = Make(input, themeFiles, options, session, diagnostics, timer);
        if (made.Failed is { } failed)
        {
            return failed;
        }

        var (files, config, notes) = (made.Files, made.Config!, made.Notes);
        var validation = timer.Time("validate", () => HtmlValidator.Validate(files, Expectations(config), options.OutputDisplayRoot, diagnostics, session?.Checked));
        return new BuildResult(files, diagnostics.Snapshot(config.RuleLevels), timer.Timings, validation.Pages, validation.ExternalLinks, notes)
        {
            BasePath = config.BaseUrl is null ? "/" : new Uri(config.BaseUrl).AbsolutePath,
        };
    }

    /// <summary>The built site's files, or why there are none.</summary>
    private sealed record Made(IReadOnlyList<SiteFile> Files, SiteConfig? Config, IReadOnlyList<string> Notes, BuildResult? Failed = null)
    {
        public static Made Not(BuildResult failed) => new([], null, [], failed);
    }

    private static Made Make(FileSet input, FileSet themeFiles, BuildOptions options, BuildSession? session, DiagnosticBag diagnostics, StageTimer timer)
    {
        var config = timer.Time("config", () => ConfigLoader.Load(input, diagnostics));
        if (config is null)
        {
            return Made.Not(Failed(diagnostics, timer, null));
        }

        var theme = timer.Time("theme", () => Theme.Load(themeFiles, config.Languages.Select(l => l.Code), diagnostics));
        var catalog = timer.Time("files", () => FileCatalog.Build(input, FilesOptions.From(config.Files), diagnostics));
        var pages = timer.Time("load", () => ContentLoader.Load(input, config, diagnostics, session?.Files));
        var figures = timer.Time("data", () => FigureLoader.Load(input, config, diagnostics));
        var index = timer.Time("index", () => Indexer.Build(pages, input, config, diagnostics, catalog));
        timer.Time("check", () => ContentChecks.Run(index, diagnostics));
        timer.Time("translations", () => TranslationStatus.Warn(index, diagnostics, options.Command));
        var numbers = timer.Time("numbers", () => NumberAgreement.Check(index, diagnostics));
        timer.Time("figures", () => FigureChecks.Check(figures, index, diagnostics));
        var notes = timer.Time("glossary", () => GlossaryUsage.Check(index, diagnostics)).Append(numbers).ToList();

        // Layout and the output checks assume consistent content (one page per slug, every pair present);
        // while the content has errors they would only fail on them again, or repeat them.
        if (theme is null || diagnostics.HasErrors)
        {
            return Made.Not(Failed(diagnostics, timer, config, notes.Append("pages were not written or checked: fix the errors first.").ToList()));
        }

        // The search index needs the index alone: it is made beside render and layout, which leave a core
        // idle at times (a page or a language finished last); its time is printed as the time it took there.
        // Each index file is kept (written, in the CLI) as soon as it is made, not held until layout ends.
        var keep = options.Keep ?? (file => file);
        var search = timer.Beside("search", () => SearchFiles.Create(index, lang => theme.Strings(lang).Glossary)
            .Select(f => keep(SiteFile.Utf8Text(f.Path, f.Output))).ToList());
        // Without a session each page is laid out once, so its HTML is made where layout asks for it and
        // dropped with it (render then writes the glossary's definitions only); a session keeps every page's.
        var rendered = timer.Time("render", () => PageRenderer.Render(index, theme, diagnostics, session?.Pages, session?.Definitions, onDemand: session is null));
        if (diagnostics.HasErrors)
        {
            search.Join(); // nothing is left running once a build has returned
            return Made.Not(Failed(diagnostics, timer, config, notes)); // a page that could not be rendered (reported at its file)
        }

        var images = timer.Time("images", () => ImageVariants.Make(catalog, options.Images ?? session?.Images ?? VariantCache.InMemory(), diagnostics));
        // The sitemap and its kin need the index alone; made beside the pages, not after the last of them.
        var searchEngineFiles = Parallelism.Beside(() => SearchEngineFiles.Create(index, figures, diagnostics, input.Display(ConfigLoader.FileName), options.LastChanged)
            .Select(keep).ToList());
        var laidOut = timer.Time("layout", () => LayoutRenderer.Render(index, theme, rendered, figures, diagnostics, session?.LaidOut, options.LastChanged, session?.ReportParts, keep)
            .Concat(searchEngineFiles.GetAwaiter().GetResult())
            .Concat(catalog.Originals().Concat(images).Select(f => keep(new SiteFile(f.Path, "", null, null, f.Bytes))))
            .ToList());
        if (rendered.AnyFailed)
        {
            search.Join();
            return Made.Not(Failed(diagnostics, timer, config, notes)); // as above, found where layout asked for the page
        }

        var files = laidOut.Concat(search.Join())
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new Made(files, config, notes);
    }

    public static SiteExpectations Expectations(SiteConfig config) => new(
        config.Languages.Count,
        config.Languages.ToDictionary(l => l.HtmlLang, l => new FooterExpectation(l.Footer.SiteCode, l.Footer.Icp, l.Footer.PublicSecurity)),
        config.BaseUrl is null ? null : new Uri(config.BaseUrl).AbsolutePath);

    private static BuildResult Failed(DiagnosticBag diagnostics, StageTimer timer, SiteConfig? config, IReadOnlyList<string>? notes = null) =>
        new([], diagnostics.Snapshot(config?.RuleLevels), timer.Timings, 0, [], notes ?? []);

    /// <summary>A stage running beside the others, joined once: its time is recorded when it is.</summary>
    private sealed class Running<T>(Task<T> task, Action ended)
    {
        public T Join()
        {
            var result = task.GetAwaiter().GetResult();
            ended();
            return result;
        }
    }

    private sealed class StageTimer(Action<string>? progress)
    {
        private readonly List<(string, TimeSpan)> _timings = [];

        public IReadOnlyList<(string Stage, TimeSpan Time)> Timings => _timings;

        public T Time<T>(string stage, Func<T> work)
        {
            progress?.Invoke(stage);
            var watch = Stopwatch.StartNew();
            var result = work();
            _timings.Add((stage, watch.Elapsed));
            TraceMemory(stage, watch.Elapsed);
            return result;
        }

        // MICROSITE_TRACE_MEMORY=1 prints the managed heap after each stage to stderr; "live" first collects
        // everything unreachable first (slower), so the figure is what the stages still hold. For engineers
        // measuring memory (README, Performance).
        private static readonly string? Trace = Environment.GetEnvironmentVariable("MICROSITE_TRACE_MEMORY");

        private static void TraceMemory(string stage, TimeSpan time)
        {
            if (string.IsNullOrEmpty(Trace))
            {
                return;
            }

            // After a full collection the large object heap's size is what is held there (big arrays: pages, pools).
            var live = Trace == "live"
                ? $" · live {GC.GetTotalMemory(forceFullCollection: true) >> 20} MiB, {GC.GetGCMemoryInfo().GenerationInfo[3].SizeAfterBytes >> 20} MiB of it large objects"
                : "";
            Console.Error.WriteLine(
                $"memory after {stage} ({time.TotalMilliseconds:0} ms): heap {GC.GetTotalMemory(false) >> 20} MiB{live} · committed {GC.GetGCMemoryInfo().TotalCommittedBytes >> 20} MiB" +
                $" · allocated {GC.GetTotalAllocatedBytes() >> 20} MiB so far · cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0} ms · peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB · collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} · paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
        }

        /// <summary>Work started now on a thread of its own (<see cref="Parallelism.Beside"/>), timed from start to end.</summary>
        public Running<T> Beside<T>(string stage, Func<T> work)
        {
            var watch = Stopwatch.StartNew();
            return new Running<T>(Parallelism.Beside(() =>
            {
                var result = work();
                watch.Stop();
                return result;
            }), () =>
            {
                _timings.Add((stage, watch.Elapsed));
                TraceMemory(stage, watch.Elapsed);
            });
        }

        public void Time(string stage, Action work) => Time(stage, () =>
        {
            work();
            return 0;
        });
    }
}
