using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;

namespace Microsite.Translations;

internal enum TranslationState
{
    UpToDate,
    Stale,
    Unmarked,
    Missing,
}

/// <param name="ChangedSections">For stale pages: ids of the source sections that changed, were added or removed.</param>
/// <param name="InputFolder">The content folder as diagnostics name it ("input"), for the commands hints suggest.</param>
internal sealed record TranslationReport(string Source, string Translation, TranslationState State, IReadOnlyList<string> ChangedSections, string InputFolder = "input");

/// <summary>
/// Whether each translation still matches the source it was made from. A translation records hashes of
/// its source (whole file and each section) when an editor marks it; the source changing since then
/// makes it stale, section by section.
/// </summary>
internal static class TranslationStatus
{
    public static TranslationStamp StampOf(SiteIndex index, SourcePage source) => TranslationHashes.StampOf(source, index.Sections(source));

    public static string Hash(string text) => TranslationHashes.Hash(text);

    /// <summary>Every page and glossary entry of the default language against each of its translations.</summary>
    public static IReadOnlyList<TranslationReport> Report(SiteIndex index)
    {
        var defaultLang = index.Config.Default.Code;
        var sources = index.Pages.Where(p => p.Lang == defaultLang && p.FallbackFrom is null)
            .Concat(index.Glossary.GetValueOrDefault(defaultLang, []).Select(e => e.Source))
            .OrderBy(p => p.RelPath, StringComparer.Ordinal)
            .ToList();
        // A glossary entry's translation is the file of the same name in the other language (by path, not by slug).
        var entries = index.Config.Languages.Skip(1).ToDictionary(l => l.Code, l => index.Glossary.GetValueOrDefault(l.Code, [])
            .ToDictionary(e => e.Source.RelPath, e => e.Source, StringComparer.Ordinal));
        // Each source is hashed whole and section by section: on every core, the reports in the sources' order.
        return Parallelism.Map(sources, source => ReportsOf(index, source, entries)).SelectMany(r => r).ToList();
    }

    private static List<TranslationReport> ReportsOf(SiteIndex index, SourcePage source, Dictionary<string, Dictionary<string, SourcePage>> entries)
    {
        var reports = new List<TranslationReport>();
        var folder = source.DisplayPath[..^(source.Lang.Length + 1 + source.RelPath.Length)].TrimEnd('/');
        foreach (var lang in index.Config.Languages.Skip(1))
        {
            var translation = source.Kind == PageKind.GlossaryEntry
                ? entries[lang.Code].GetValueOrDefault(source.RelPath)
                : index.Pair(source, lang.Code) is { FallbackFrom: null } pair ? pair : null;
            if (translation is null)
            {
                if (index.Unreadable.Contains($"{lang.Code}/{source.RelPath}"))
                {
                    continue; // it exists, and its error says why it did not load
                }

                reports.Add(new TranslationReport(source.DisplayPath, DisplayOf(source, lang.Code), TranslationState.Missing, [], folder));
                continue;
            }

            if (translation.Stamp is null)
            {
                reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.Unmarked, [], folder));
                continue;
            }

            var now = StampOf(index, source);
            if (now.Hash == translation.Stamp.Hash)
            {
                reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.UpToDate, [], folder));
                continue;
            }

            reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.Stale, TranslationHashes.Changed(translation.Stamp, now), folder));
        }

        return reports;
    }

    /// <param name="command">How the editor runs Microsite, for the hint (e.g. "bin/microsite").</param>
    public static void Warn(SiteIndex index, DiagnosticBag diagnostics, string command)
    {
        var translations = index.Pages.Where(p => p.FallbackFrom is null && p.Lang != index.Config.Default.Code).ToDictionary(p => p.DisplayPath, StringComparer.Ordinal);
        foreach (var report in Report(index))
        {
            var composition = translations.GetValueOrDefault(report.Translation) is { } page ? index.Composition(page) : null;
            if (composition is { Pending.Count: > 0 })
            {
                // Chinese first: the sections are shown in the source language; say which, and how to finish.
                var translation = composition.Translation;
                var line = index.Sections(translation).FirstOrDefault(s => composition.Pending.Contains(s.Id))?.Line ?? 0;
                var leftOut = composition.LeftOut.Count == 0 ? "" : $"; left out, as the source no longer has them: {string.Join(", ", composition.LeftOut)}";
                var why = report.State == TranslationState.Stale ? "new or changed since the translation was marked" : "not in this translation";
                diagnostics.Warning(DiagnosticIds.SectionsPending, report.Translation, line, line > 0 ? 1 : 0,
                    $"sections {string.Join(", ", composition.Pending)} of {report.Source} ({why}) are shown here in the original until translated{leftOut}; translate them, then run: {MarkCommand(command, report)}");
                continue;
            }

            switch (report.State)
            {
                case TranslationState.Stale:
                    var removed = composition is { LeftOut.Count: > 0 } ? $"; left out, as the source no longer has them: {string.Join(", ", composition.LeftOut)}" : "";
                    diagnostics.Warning(DiagnosticIds.TranslationStale, report.Translation, 0, 0,
                        $"translation is older than {report.Source} (sections: {(report.ChangedSections.Count == 0 ? "none, only spacing" : string.Join(", ", report.ChangedSections))}){removed}; update it, then run: {MarkCommand(command, report)}");
                    break;
                case TranslationState.Unmarked:
                    diagnostics.Warning(DiagnosticIds.TranslationUnmarked, report.Translation, 0, 0,
                        $"translation of {report.Source} was never marked as done; when it is, run: {MarkCommand(command, report)}");
                    break;
            }
        }
    }

    /// <summary>
    /// The command that marks a translation as done, as the editor can paste it: with --input when the
    /// content folder is not the default one, and quoted where a shell would split the path.
    /// </summary>
    public static string MarkCommand(string command, TranslationReport report) =>
        report.InputFolder is "input" or ""
            ? $"{command} translations --mark {Quote(report.Translation)}"
            : $"{command} translations --input {Quote(report.InputFolder)} --mark {Quote(report.Translation)}";

    /// <summary>A path as one word of a POSIX shell.</summary>
    private static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_') ? path : "'" + path.Replace("'", "'\\''") + "'";

    private static string DisplayOf(SourcePage source, string lang)
    {
        var prefix = source.DisplayPath[..^(source.Lang.Length + 1 + source.RelPath.Length)];
        return $"{prefix}{lang}/{source.RelPath}";
    }
}
