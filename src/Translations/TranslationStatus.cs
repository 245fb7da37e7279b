using System.Security.Cryptography;
using System.Text;
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
internal sealed record TranslationReport(string Source, string Translation, TranslationState State, IReadOnlyList<string> ChangedSections);

/// <summary>
/// Whether each translation still matches the source it was made from. A translation records hashes of
/// its source (whole file and each section) when an editor marks it; the source changing since then
/// makes it stale, section by section.
/// </summary>
internal static class TranslationStatus
{
    public static TranslationStamp StampOf(SiteIndex index, SourcePage source) =>
        // Repeated ids are an error of the build (MS0204); until fixed, the first section with an id counts.
        new(Hash(source.Body), index.Sections(source).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => Hash(g.First().Markdown)));

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Trim())))[..12];

    /// <summary>Every page and glossary entry of the default language against each of its translations.</summary>
    public static IReadOnlyList<TranslationReport> Report(SiteIndex index)
    {
        var reports = new List<TranslationReport>();
        var defaultLang = index.Config.Default.Code;
        var sources = index.Pages.Where(p => p.Lang == defaultLang && p.FallbackFrom is null)
            .Concat(index.Glossary.GetValueOrDefault(defaultLang, []).Select(e => e.Source))
            .OrderBy(p => p.RelPath, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var lang in index.Config.Languages.Skip(1))
            {
                var translation = Translation(index, source, lang.Code);
                if (translation is null)
                {
                    reports.Add(new TranslationReport(source.DisplayPath, DisplayOf(source, lang.Code), TranslationState.Missing, []));
                    continue;
                }

                if (translation.Stamp is null)
                {
                    reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.Unmarked, []));
                    continue;
                }

                var now = StampOf(index, source);
                if (now.Hash == translation.Stamp.Hash)
                {
                    reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.UpToDate, []));
                    continue;
                }

                var changed = now.Sections.Where(s => translation.Stamp.Sections.GetValueOrDefault(s.Key) != s.Value).Select(s => s.Key)
                    .Concat(translation.Stamp.Sections.Keys.Where(k => !now.Sections.ContainsKey(k)))
                    .ToList();
                reports.Add(new TranslationReport(source.DisplayPath, translation.DisplayPath, TranslationState.Stale, changed));
            }
        }

        return reports;
    }

    /// <param name="command">How the editor runs Microsite, for the hint (e.g. "bin/microsite").</param>
    public static void Warn(SiteIndex index, DiagnosticBag diagnostics, string command)
    {
        foreach (var report in Report(index))
        {
            switch (report.State)
            {
                case TranslationState.Stale:
                    diagnostics.Warning(DiagnosticIds.TranslationStale, report.Translation, 0, 0,
                        $"translation is older than {report.Source} (sections: {(report.ChangedSections.Count == 0 ? "none, only spacing" : string.Join(", ", report.ChangedSections))}); update it, then run: {command} translations --mark {report.Translation}");
                    break;
                case TranslationState.Unmarked:
                    diagnostics.Warning(DiagnosticIds.TranslationUnmarked, report.Translation, 0, 0,
                        $"translation of {report.Source} was never marked as done; when it is, run: {command} translations --mark {report.Translation}");
                    break;
            }
        }
    }

    private static SourcePage? Translation(SiteIndex index, SourcePage source, string lang) =>
        source.Kind == PageKind.GlossaryEntry
            ? index.Glossary.GetValueOrDefault(lang, []).FirstOrDefault(e => e.Source.RelPath == source.RelPath)?.Source
            : index.Pair(source, lang) is { FallbackFrom: null } pair ? pair : null;

    private static string DisplayOf(SourcePage source, string lang)
    {
        var prefix = source.DisplayPath[..^(source.Lang.Length + 1 + source.RelPath.Length)];
        return $"{prefix}{lang}/{source.RelPath}";
    }
}
