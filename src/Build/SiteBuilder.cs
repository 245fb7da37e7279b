using System.Diagnostics;
using Microsite.Checks;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Output;
using Microsite.Rendering;
using Microsite.Themes;
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
    public bool Succeeded => Files.Count > 0 && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <param name="OutputDisplayRoot">How diagnostics about built pages name the output folder.</param>
/// <param name="Command">How the editor runs Microsite, for the commands hints suggest (see README).</param>
internal sealed record BuildOptions(string OutputDisplayRoot = "output", string Command = "bin/microsite");

/// <summary>
/// The pipeline, one line per stage. Stages never call each other: each hands typed data to the next.
/// Nothing here touches the disk; <see cref="SiteWriter"/> writes the result when it is good.
/// </summary>
internal static class SiteBuilder
{
    public static BuildResult Build(FileSet input, FileSet themeFiles, BuildOptions? options = null)
    {
        options ??= new BuildOptions();
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer();

        var config = timer.Time("config", () => ConfigLoader.Load(input, diagnostics));
        if (config is null)
        {
            return Failed(diagnostics, timer, null);
        }

        var theme = timer.Time("theme", () => Theme.Load(themeFiles, config.Languages.Select(l => l.Code), diagnostics));
        var pages = timer.Time("load", () => ContentLoader.Load(input, config, diagnostics));
        var index = timer.Time("index", () => Indexer.Build(pages, input, config, diagnostics));
        timer.Time("check", () => ContentChecks.Run(index, diagnostics));
        timer.Time("translations", () => TranslationStatus.Warn(index, diagnostics, options.Command));
        var notes = timer.Time("glossary", () => GlossaryUsage.Check(index, diagnostics));

        // Layout and the output checks assume consistent content (one page per slug, every pair present);
        // while the content has errors they would only fail on them again, or repeat them.
        if (theme is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, timer, config, notes.Append("pages were not written or checked: fix the errors first.").ToList());
        }

        var rendered = timer.Time("render", () => PageRenderer.Render(index, theme, diagnostics));
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, timer, config, notes); // a page that could not be rendered (reported at its file)
        }

        var files = timer.Time("layout", () => LayoutRenderer.Render(index, theme, rendered, diagnostics)
            .Concat(SearchEngineFiles.Create(index, diagnostics, input.Display(ConfigLoader.FileName)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList());

        var validation = timer.Time("validate", () => HtmlValidator.Validate(files, Expectations(config), options.OutputDisplayRoot, diagnostics));
        return new BuildResult(files, diagnostics.Snapshot(config.RuleLevels), timer.Timings, validation.Pages, validation.ExternalLinks, notes);
    }

    public static SiteExpectations Expectations(SiteConfig config) => new(
        config.Languages.Count,
        config.Languages.ToDictionary(l => l.HtmlLang, l => new FooterExpectation(l.Footer.SiteCode, l.Footer.Icp, l.Footer.PublicSecurity)),
        config.BaseUrl is null ? null : new Uri(config.BaseUrl).AbsolutePath);

    private static BuildResult Failed(DiagnosticBag diagnostics, StageTimer timer, SiteConfig? config, IReadOnlyList<string>? notes = null) =>
        new([], diagnostics.Snapshot(config?.RuleLevels), timer.Timings, 0, [], notes ?? []);

    private sealed class StageTimer
    {
        private readonly List<(string, TimeSpan)> _timings = [];

        public IReadOnlyList<(string Stage, TimeSpan Time)> Timings => _timings;

        public T Time<T>(string stage, Func<T> work)
        {
            var watch = Stopwatch.StartNew();
            var result = work();
            _timings.Add((stage, watch.Elapsed));
            return result;
        }

        public void Time(string stage, Action work) => Time(stage, () =>
        {
            work();
            return 0;
        });
    }
}
