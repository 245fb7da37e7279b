using Microsite.Core;
using Microsite.Indexing;

namespace Microsite.Checks;

/// <summary>MS0103: every glossary term is used in its language's text, unless its entry says why not.</summary>
internal static class GlossaryUsage
{
    /// <returns>One line per language for the build summary, naming the entries excused from use.</returns>
    public static IReadOnlyList<string> Check(SiteIndex index, DiagnosticBag diagnostics)
    {
        var notes = new List<string>();
        foreach (var (lang, entries) in index.Glossary)
        {
            if (entries.Count == 0)
            {
                continue;
            }

            // A fallback page's text is the other language's: its terms are not uses in this one.
            var used = index.Pages.Where(p => p.Lang == lang && p.FallbackFrom is null).SelectMany(p => index.Terms(p).Uses).Select(u => u.EntryId).ToHashSet(StringComparer.Ordinal);
            var unused = entries.Where(e => !used.Contains(e.Id)).ToList();
            foreach (var entry in unused.Where(e => e.Meta.Unused is null))
            {
                diagnostics.Warning(DiagnosticIds.TermUnused, entry.Source.DisplayPath, entry.Meta.Line, 1,
                    $"glossary term \"{entry.Meta.Term}\" is never used in the {index.Language(lang).Name} text (add an alias for the form the text uses, or say why in \"unused:\")");
            }

            var excused = unused.Where(e => e.Meta.Unused is not null).Select(e => $"{e.Meta.Term}: {e.Meta.Unused}").ToList();
            notes.Add($"glossary ({lang}): {entries.Count - unused.Count} of {entries.Count} terms linked from the text"
                + (excused.Count switch
                {
                    0 => "",
                    <= 5 => $"; not used, with reason: {string.Join("; ", excused)}",
                    _ => $"; {excused.Count} not used, with reason (see \"unused:\" in their files)",
                }));

            foreach (var entry in entries.Where(e => e.Meta.Unused is not null && used.Contains(e.Id)))
            {
                diagnostics.Warning(DiagnosticIds.TermUnused, entry.Source.DisplayPath, entry.Meta.Line, 1,
                    $"glossary term \"{entry.Meta.Term}\" says why it is unused, but the text uses it now: remove \"unused:\"");
            }
        }

        return notes;
    }
}
