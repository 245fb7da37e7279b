using Microsite.Content;
using Microsite.Files;

namespace Microsite.Indexing;

/// <summary>What a URL written in a page's Markdown refers to (see <see cref="SiteIndex.ResolveLink"/>).</summary>
internal abstract record SourceLink
{
    /// <summary>A URL the build leaves as written: another host, mailto:, a file that is not a page.</summary>
    public sealed record Other : SourceLink;

    /// <summary>"#id": a section of the same page.</summary>
    public sealed record OwnAnchor(string Fragment) : SourceLink;

    /// <summary>A page of the site, or a glossary entry (then <see cref="EntryId"/> is set and the path is the glossary page's).</summary>
    public sealed record ToPage(string OutputPath, string? Fragment, SourcePage? Page, string? EntryId) : SourceLink;

    /// <summary>A file of input/files/ (an image, a PDF…), published under files/.</summary>
    public sealed record ToFile(FileEntry Entry, string? Fragment) : SourceLink;

    /// <summary>A link that leads nowhere, with the diagnostic it deserves.</summary>
    public sealed record Broken(string Id, string Message) : SourceLink;
}
