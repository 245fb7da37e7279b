using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Content;

namespace Microsite.Indexing;

/// <summary>A section as a reader sees it on a page: its own, or the source language's while its translation is on its way.</summary>
/// <param name="From">The page whose tree the section is rendered from.</param>
/// <param name="Pending">True for a source-language section shown on a translation (under a notice).</param>
internal sealed record ShownSection(PageSection Section, SourcePage From, bool Pending);

/// <summary>
/// A translation as it is shown while its source is ahead of it ("Chinese first"): the source's sections in
/// the source's order, each the translation's own where it has that section unchanged since it was marked,
/// otherwise the source's. Nothing in either tree changes: the renderers write each section from its own tree.
/// </summary>
/// <param name="Sections">What the page shows, in order.</param>
/// <param name="LeftOut">Ids of sections of the translation that the source no longer has: not shown.</param>
internal sealed record PageComposition(SourcePage Translation, SourcePage Source, IReadOnlyList<ShownSection> Sections, IReadOnlyList<string> LeftOut)
{
    /// <summary>Ids of the sections shown in the source language.</summary>
    public IReadOnlyList<string> Pending => Sections.Where(s => s.Pending).Select(s => s.Section.Id).ToList();

    /// <summary>
    /// Footnotes belong to the whole page, numbered through it: a page that has any is shown as the source
    /// whole while a section is pending, so footnotes and their references always stay together.
    /// </summary>
    public bool WholeSource => Sections.All(s => s.Pending);

    /// <summary>
    /// The composition of a translation with its source, or null when the translation is shown as it is:
    /// nothing is pending or left out, or the two cannot be matched section by section (a repeated id, an
    /// id the source never had, sections in another order: the content checks report those).
    /// </summary>
    public static PageComposition? Of(SourcePage translation, IReadOnlyList<PageSection> mine, SourcePage source, IReadOnlyList<PageSection> theirs)
    {
        var myIds = mine.Select(s => s.Id).ToList();
        var theirIds = theirs.Select(s => s.Id).ToList();
        if (myIds.Distinct().Count() != myIds.Count || theirIds.Distinct().Count() != theirIds.Count)
        {
            return null;
        }

        var sourceIds = theirIds.ToHashSet(StringComparer.Ordinal);
        var recorded = translation.Stamp?.Sections.Keys ?? [];
        if (myIds.Any(id => !sourceIds.Contains(id) && !recorded.Contains(id)))
        {
            return null; // an id the source never had: a typo, not a section the source removed
        }

        var shared = myIds.Where(sourceIds.Contains).ToList();
        if (!shared.SequenceEqual(theirIds.Where(shared.Contains)))
        {
            return null;
        }

        var changed = translation.Stamp is { } stamp
            ? TranslationHashes.Changed(stamp, TranslationHashes.StampOf(source, theirs)).ToHashSet(StringComparer.Ordinal)
            : [];
        var own = mine.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var shown = theirs.Select(s => own.TryGetValue(s.Id, out var m) && !changed.Contains(s.Id)
            ? new ShownSection(m, translation, false)
            : new ShownSection(s, source, true)).ToList();
        var leftOut = myIds.Where(id => !sourceIds.Contains(id)).ToList();
        if (!shown.Any(s => s.Pending) && leftOut.Count == 0)
        {
            return null;
        }

        if (shown.Any(s => s.Pending) && (HasFootnotes(translation) || HasFootnotes(source)))
        {
            shown = theirs.Select(s => new ShownSection(s, source, true)).ToList();
        }

        return new PageComposition(translation, source, shown, leftOut);
    }

    private static bool HasFootnotes(SourcePage page) => page.Ast.Any(b => b is FootnoteGroup);

    /// <summary>The ids of the headings in the shown sections: what links to this page may point at.</summary>
    public IReadOnlySet<string> Anchors() => Sections
        .SelectMany(s => s.Section.Blocks)
        .SelectMany(b => b is HeadingBlock h ? [h] : b is ContainerBlock c ? c.Descendants<HeadingBlock>() : [])
        .Select(h => h.TryGetAttributes()?.Id).OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}
