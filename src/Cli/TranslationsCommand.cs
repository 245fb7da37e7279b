using System.Text;
using Microsite.Translations;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;

namespace Microsite.Cli;

/// <summary><c>microsite translations [--mark FILE…]</c>: the state of every translation, and marking one as done.</summary>
internal static class TranslationsCommand
{
    public static int Run(Options options, IReadOnlyList<string> mark, TextWriter stdout)
    {
        if (!Directory.Exists(options.Input))
        {
            throw new UsageException($"the input folder \"{options.Input}\" does not exist");
        }

        var input = FileSet.FromDirectory(options.Input, Options.Display(options.Input));
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(input, diagnostics);
        if (config is null)
        {
            DiagnosticReport.WriteText(stdout, diagnostics.Snapshot(), 0);
            return ExitCodes.ContentErrors;
        }

        var index = Indexer.Build(ContentLoader.Load(input, config, diagnostics), input, config, diagnostics);
        // Files that did not load (refused, not UTF-8, invalid front matter) first: their translations cannot be judged.
        var loadErrors = diagnostics.Snapshot().Where(d => d.Severity == Severity.Error && DiagnosticRank.Of(d.Id) == DiagnosticRank.Files && d.Id != DiagnosticIds.TerminologyInvalid).ToList();
        if (loadErrors.Count > 0)
        {
            DiagnosticReport.WriteText(stdout, loadErrors, 0);
            return ExitCodes.ContentErrors;
        }

        return mark.Count > 0 ? Mark(index, options, mark, stdout) : List(index, stdout);
    }

    private static int List(SiteIndex index, TextWriter stdout)
    {
        var reports = TranslationStatus.Report(index);
        foreach (var report in reports)
        {
            var state = report.State switch
            {
                TranslationState.UpToDate => "up to date",
                TranslationState.Stale => $"stale       (sections: {string.Join(", ", report.ChangedSections)})",
                TranslationState.Unmarked => $"not marked  (when the translation is done, run: {TranslationStatus.MarkCommand(Invocation.Command, report)})",
                _ => "missing",
            };
            stdout.WriteLine($"{report.Translation,-48} {state}");
        }

        var counts = reports.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
        stdout.WriteLine($"{counts.GetValueOrDefault(TranslationState.UpToDate)} up to date, {counts.GetValueOrDefault(TranslationState.Stale)} stale, "
            + $"{counts.GetValueOrDefault(TranslationState.Unmarked)} not marked, {counts.GetValueOrDefault(TranslationState.Missing)} missing");
        return reports.All(r => r.State == TranslationState.UpToDate) ? ExitCodes.Built : ExitCodes.ContentErrors;
    }

    private static int Mark(SiteIndex index, Options options, IReadOnlyList<string> files, TextWriter stdout)
    {
        var all = index.Pages.Where(p => p.FallbackFrom is null).Concat(index.Glossary.Values.SelectMany(g => g).Select(e => e.Source)).ToList();
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            var translation = all.FirstOrDefault(p => Path.GetFullPath(Path.Combine(options.Input, p.Lang, p.RelPath)) == full);
            if (translation is null || translation.Lang == index.Config.Default.Code)
            {
                throw new UsageException($"\"{file}\" is not a translated page under {options.Input}/ (mark the translation, e.g. input/en/review-2022.md)");
            }

            var source = all.FirstOrDefault(p => p.Lang == index.Config.Default.Code && p.RelPath == translation.RelPath)
                ?? throw new UsageException($"\"{file}\" has no source page in {options.Input}/{index.Config.Default.Code}/");
            var stamp = TranslationStatus.StampOf(index, source);
            File.WriteAllText(full, WithStamp(File.ReadAllText(full), stamp), new UTF8Encoding(false));
            stdout.WriteLine($"marked {translation.DisplayPath} as translated from {source.DisplayPath} ({stamp.Hash})");
        }

        return ExitCodes.Built;
    }

    /// <summary>Replaces (or adds) the translated_from block at the end of the front matter, leaving every other line as it was.</summary>
    public static string WithStamp(string text, TranslationStamp stamp)
    {
        var lines = FrontMatter.Normalise(text).Split('\n').ToList();
        var close = lines.FindIndex(1, l => l.TrimEnd() is "---" or "...");
        var start = lines.FindIndex(1, close - 1, l => l.StartsWith("translated_from:", StringComparison.Ordinal));
        if (start >= 0)
        {
            var end = start + 1;
            while (end < close && (lines[end].StartsWith(' ') || lines[end].Length == 0))
            {
                end++;
            }

            lines.RemoveRange(start, end - start);
            close -= end - start;
        }

        var block = new List<string> { "translated_from:", $"  hash: {stamp.Hash}", "  sections:" };
        block.AddRange(stamp.Sections.Select(s => $"    {s.Key}: {s.Value}"));
        lines.InsertRange(close, block);
        return string.Join('\n', lines);
    }
}
