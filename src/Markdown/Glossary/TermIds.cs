namespace Microsite.Markdown.Glossary;

/// <summary>The ids a page gives an entry's popover and definition (its terms refer to them).</summary>
internal static class TermIds
{
    public static string Popover(string entryId) => "gloss-" + entryId;

    public static string Definition(string entryId) => "gloss-" + entryId + "-def";
}
