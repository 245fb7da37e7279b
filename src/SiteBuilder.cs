using System.Diagnostics;
using Microsite.Checks;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Output;
using Microsite.Rendering;
using Microsite.Search;
using Microsite.Translations;
using Microsite.Validation;

namespace Microsite;

/// <summary>What a build produced: the site (in memory, not yet written) and everything it found.</summary>
internal sealed record BuildResult(
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<(string Stage, TimeSpan Time)> Timings,
    int PagesChecked,
    IReadOnlyList<string> ExternalLinks,
    IReadOnlyList<string> Notes)
{
    public bool Succeeded => Files.Count > 0 && !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The pipeline, one line per stage. Stages never call each other: each hands typed data to the next.
/// Nothing here touches the disk; <see cref="SiteWriter"/> writes the result when it is good.
/// </summary>
internal static class SiteBuilder
{
    public static BuildResult Build(FileSet input, FileSet themeFiles, string outputDisplayRoot = "output")
    {
        var diagnostics = new DiagnosticBag();
        var timer = new StageTimer();

        var config = timer.Time("config", () => ConfigLoader.Load(input, diagnostics));
        if (config is null)
        {
            return Failed(diagnostics, timer, null);
        }

        var theme = timer.Time("theme", () => Theme.Load(themeFiles, config.Languages.Select(l => l.Code)));
        var pages = timer.Time("load", () => ContentLoader.Load(input, config, diagnostics));
        var index = timer.Time("index", () => Indexer.Build(pages, input, config, diagnostics));
        timer.Time("check", () => ContentChecks.Run(index, diagnostics));
        timer.Time("translations", () => TranslationStatus.Warn(index, diagnostics));
        // Before render: the search index reads the parsed trees, which rendering still changes today.
        var search = timer.Time("search", () => SearchFiles.Create(index, lang => theme.Text(lang, "glossary")));
        var rendered = timer.Time("render", () => PageRenderer.Render(index, theme, diagnostics));
        var notes = timer.Time("glossary", () => GlossaryUsage.Check(index, rendered, diagnostics));

        // Layout and the output checks assume consistent content (one page per slug, every pair present);
        // while the content has errors they would only fail on them again, or repeat them.
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, timer, config, notes.Append("pages were not laid out or checked: fix the content errors first.").ToList());
        }

        var files = timer.Time("layout", () => LayoutRenderer.Render(index, theme, rendered)
            .Concat(SearchEngineFiles.Create(index, diagnostics, input.Display(ConfigLoader.FileName)))
            .Concat(search.Select(f => new OutputFile(f.Path, f.Content, null, null)))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList());

        var validation = timer.Time("validate", () => HtmlValidator.Validate(
            files.Select(f => new HtmlValidator.SiteFile(f.Path, f.Binary is null ? f.Content : null, f.Source, f.Lang is null ? null : index.Language(f.Lang).HtmlLang)).ToList(),
            Expectations(config), outputDisplayRoot, diagnostics));

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
