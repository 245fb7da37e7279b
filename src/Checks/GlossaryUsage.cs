using Microsite.Core;
using Microsite.Indexing;
using Microsite.Markdown.Glossary;

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
            // A page that did not load may use any term: "never used" could be false, and its error comes first.
            if (entries.Count == 0 || index.HasUnreadablePages(lang))
            {
                continue;
            }

            // A fallback page's text is the other language's: its terms are not uses in this one.
            var used = index.Pages.Where(p => p.Lang == lang && p.FallbackFrom is null).SelectMany(p => index.Terms(p).Uses).Select(u => u.EntryId).ToHashSet(StringComparer.Ordinal);
            var unused = entries.Where(e => !used.Contains(e.Id)).ToList();
            var meant = MeantByUnknownReferences(index, lang);
            foreach (var entry in unused.Where(e => e.Meta.Unused is null && !meant.Contains(e.Id)))
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

    /// <summary>
    /// The entries that a misspelt [[term]] of the language was probably meant for (its did-you-mean): the
    /// misspelling is reported (MS0102), and "never used" would be its consequence, not a second mistake.
    /// </summary>
    private static HashSet<string> MeantByUnknownReferences(SiteIndex index, string lang)
    {
        var meant = new HashSet<string>(StringComparer.Ordinal);
        if (!index.Lookups.TryGetValue(lang, out var lookup))
        {
            return meant;
        }

        var names = lookup.TermById.Values.Concat(lookup.EntryByName.Keys).ToList();
        foreach (var page in index.Pages.Where(p => p.Lang == lang && p.FallbackFrom is null))
        {
            foreach (var (reference, _) in TermPlanner.UnknownReferences(page.Ast, lookup))
            {
                if (DidYouMean.Suggest(reference.Term, names) is { } name && lookup.EntryByName.TryGetValue(name.ToLowerInvariant(), out var id))
                {
                    meant.Add(id);
                }
            }
        }

        return meant;
    }
}
