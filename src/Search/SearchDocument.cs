namespace Microsite.Search;

internal enum SearchKind
{
    /// <summary>A page's title and the text before its first section.</summary>
    Page,

    /// <summary>One h2 section of a page.</summary>
    Section,

    /// <summary>One glossary entry: its term and definition.</summary>
    Glossary,
}

/// <summary>One thing search can find, as plain data: the index builder needs nothing else of the site.</summary>
/// <param name="Url">Site path, with the section's anchor: "en/review-2022.html#economy".</param>
/// <param name="SectionTitle">The section's heading, the glossary term, or the page title again for a page.</param>
/// <param name="Order">Position in the report: ties in ranking are shown in this order.</param>
/// <param name="Text">Plain text; blocks (paragraphs, table cells) joined by U+2029, line breaks kept as "\n".</param>
/// <param name="TermKey">For a glossary entry, the key that <see cref="SearchTerm.Key"/> names it by.</param>
internal sealed record SearchDocument(
    string Lang,
    string Url,
    string PageTitle,
    string SectionTitle,
    SearchKind Kind,
    int Order,
    string Text,
    string? TermKey = null);

/// <summary>A glossary entry's term in every language, aliases included: each form finds the others.</summary>
internal sealed record SearchTerm(string Key, IReadOnlyList<string> Forms);

/// <summary>A file of the index, by its path in the site, as the UTF-8 bytes the site serves (in chunks: tens of MB at 10,000 pages).</summary>
internal sealed record SearchIndexFile(string Lang, string Path, Microsite.Core.ChunkedBuffer Output)
{
    /// <summary>The bytes as one array, copied each time it is asked (the build writes the chunks).</summary>
    public byte[] Bytes => Output.ToArray();

    /// <summary>The script as text.</summary>
    public string Content => System.Text.Encoding.UTF8.GetString(Bytes);
}
