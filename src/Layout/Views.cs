namespace Microsite.Layout;

// What the Liquid layouts see. Properties are exposed to Liquid in snake_case (page.site_title).
// Every URL here is already relative to the page being written.

internal sealed record LinkView(string Href, string Title, string? Lang = null);

internal sealed record AlternateView(string Hreflang, string Href);

internal sealed record FooterView(string? Host, string? Contact, string? Icp, string? PublicSecurity, string? PublicSecurityHref, string? SiteCode);

/// <param name="Lang">Set when the title is in another language than the page (a section shown in the source language).</param>
internal sealed record TocView(string Id, string Title, string? Lang = null);

/// <summary>A chapter in the contents, with its sections and the parts under it.</summary>
internal sealed record ChapterView(string Href, string Title, string ShortTitle, string? Description, IReadOnlyList<LinkView> Sections, IReadOnlyList<ChapterView> Children);

internal sealed record EntryView(string Id, int Number, string Term, string DefinitionHtml, IReadOnlyList<LinkView> UsedIn, string? Unused);

internal sealed record ReportView(string Title, string Date, string Occasion, string Speaker);

internal sealed record PopoverView(string Id, string DefinitionId, string Term, string DefinitionHtml, string Href);

/// <summary>Everything base.liquid needs for any page.</summary>
internal sealed record PageView
{
    /// <summary>The page's path inside the site.</summary>
    public required string Path { get; init; }
    public required string HtmlLang { get; init; }
    public required string LangCode { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string DocumentTitle { get; init; }
    public required string Description { get; init; }
    public required string SiteTitle { get; init; }
    public required string HomeHref { get; init; }
    public required string ContentsHref { get; init; }
    public required string GlossaryHref { get; init; }
    public required string FullHref { get; init; }
    public required string CssHref { get; init; }
    public required string PrintCssHref { get; init; }
    public required string JsHref { get; init; }
    public required string IconHref { get; init; }
    public string? Canonical { get; init; }
    public required IReadOnlyList<AlternateView> Alternates { get; init; }
    public required IReadOnlyList<LinkView> Switches { get; init; }
    public required IReadOnlyList<LinkView> Breadcrumbs { get; init; }
    public required FooterView Footer { get; init; }
    public bool Noindex { get; init; }
    public string? Notice { get; init; }
    public string? NoticeLang { get; init; }
    public required string OgLocale { get; init; }
    public IReadOnlyList<PopoverView> Popovers { get; init; } = [];
}

/// <summary>What a page's own layout (home, chapter, glossary, …) sees besides <see cref="PageView"/>.</summary>
internal sealed record BodyView
{
    public string Html { get; init; } = "";
    public string? ContentLang { get; init; }
    public IReadOnlyList<TocView> Toc { get; init; } = [];
    public LinkView? Previous { get; init; }
    public LinkView? Next { get; init; }
    public LinkView? Parent { get; init; }
    public ReportView? Report { get; init; }
    public IReadOnlyList<ChapterView> Chapters { get; init; } = [];
    public IReadOnlyList<EntryView> Entries { get; init; } = [];
    public IReadOnlyList<ReportPartView> Parts { get; init; } = [];
}

/// <summary>A page of the report on the full-report page: its heading's id and title, and its text.</summary>
/// <param name="Lang">Set when the text is in another language than the page (a fallback).</param>
/// <param name="PartStart">A part of the report (一、二、…): in print it starts a new sheet.</param>
internal sealed record ReportPartView(string Id, string Title, string Html, string? Lang, bool PartStart);
