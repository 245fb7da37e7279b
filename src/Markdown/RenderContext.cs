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
internal sealed class RenderContext
{
    public RenderOptions Options { get; init; } = RenderOptions.Page;

    /// <summary>The URL to write for a URL as the editor wrote it (null: write it as written).</summary>
    public Func<string, string?> ResolveUrl { get; init; } = _ => null;

    /// <summary>The glossary terms to link in this page (see <see cref="TermPlanner"/>).</summary>
    public TermPlan Terms { get; init; } = TermPlan.Empty;

    /// <summary>The link for a glossary entry id.</summary>
    public Func<string, TermLink> TermLink { get; init; } = id => new TermLink("#" + id, id);

    /// <summary>The same context with another term plan: a section written from another page's tree.</summary>
    public RenderContext WithTerms(TermPlan terms) => new()
    {
        Options = Options,
        ResolveUrl = ResolveUrl,
        Terms = terms,
        TermLink = TermLink,
    };

    /// <summary>Writes a page-defined id with the page's prefix.</summary>
    public string Id(string id) => Options.IdPrefix + id;
}
