using Microsite.Markdown.Glossary;

namespace Microsite.Markdown;

/// <summary>How the glossary terms of a page are written.</summary>
internal enum TermStyle
{
    /// <summary>A link to the entry with a button that shows the definition in place (pages).</summary>
    InPlace,

    /// <summary>A plain link to the entry (definitions: a popover inside a popover helps nobody).</summary>
    Link,

    /// <summary>Text only (the printable full report, whose glossary is at its end).</summary>
    Plain,
}

/// <summary>
/// How one tree is written: the same parsed page renders as its own page, or inside the full report
/// with prefixed ids and headings one level down.
/// </summary>
/// <param name="IdPrefix">Put before every id the page defines (and every reference to one).</param>
/// <param name="HeadingOffset">Added to every heading level.</param>
internal sealed record RenderOptions(string IdPrefix = "", int HeadingOffset = 0, TermStyle Terms = TermStyle.InPlace)
{
    public static RenderOptions Page { get; } = new();
}

/// <summary>Where a term link leads and how its in-place button is named.</summary>
internal sealed record TermLink(string Href, string ButtonLabel);

/// <summary>
/// What the renderers need to know about the site while writing one page. The parsed tree is never
/// changed: everything that differs between pages (link targets, term links, id prefixes) comes from
/// here, so a page can be rendered again alone, in parallel, or in another form.
/// </summary>
internal sealed record RenderContext
{
    public RenderOptions Options { get; init; } = RenderOptions.Page;

    /// <summary>The URL to write for a URL as the editor wrote it (null: write it as written).</summary>
    public Func<string, string?> ResolveUrl { get; init; } = _ => null;

    /// <summary>The markup of an image as the editor wrote it (URL, alt text, title), or null to write a plain &lt;img&gt;.</summary>
    public Func<string, string, string?, string?> Image { get; init; } = (_, _, _) => null;

    /// <summary>What a link says about where it leads, after its text (a download's type and size), or null.</summary>
    public Func<string, string?> LinkNote { get; init; } = _ => null;

    /// <summary>The id of a paragraph of text (shared by both languages), or null to write it without one.</summary>
    public Func<Markdig.Syntax.ParagraphBlock, string?> ParagraphId { get; init; } = _ => null;

    /// <summary>The accessible name of a paragraph's link to itself; null: no such link.</summary>
    public string? ParagraphLinkLabel { get; init; }

    /// <summary>The glossary terms to link in this page (see <see cref="TermPlanner"/>).</summary>
    public TermPlan Terms { get; init; } = TermPlan.Empty;

    /// <summary>The link for a glossary entry id.</summary>
    public Func<string, TermLink> TermLink { get; init; } = id => new TermLink("#" + id, id);

    /// <summary>Writes a page-defined id with the page's prefix.</summary>
    public string Id(string id) => Options.IdPrefix + id;
}
