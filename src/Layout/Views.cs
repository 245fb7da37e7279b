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

/// <summary>The search page's scripts: the language's index and the search itself; Cjk: snippets counted in characters.</summary>
internal sealed record SearchView(string IndexHref, string ScriptHref, bool Cjk);

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
    public required string SearchHref { get; init; }

    /// <summary>The key-figures page; null when the site has no input/data/figures.yml (no page, no entry in the navigation).</summary>
    public string? FiguresHref { get; init; }
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

    /// <summary>A page in two languages at once (side by side): it has no language switch.</summary>
    public bool Bilingual { get; init; }
    public string? Notice { get; init; }

    /// <summary>When the page's source last changed (from git), as yyyy-MM-dd and as the page's language writes it.</summary>
    public string? Updated { get; init; }

    public string? UpdatedText { get; init; }
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

    /// <summary>On a chapter: its side-by-side page; on that page: its sections.</summary>
    public string? ParallelHref { get; init; }

    public IReadOnlyList<ParallelSectionView> Parallel { get; init; } = [];

    public ParallelLanguagesView? ParallelLanguages { get; init; }
    public SearchView? Search { get; init; }
    /// <summary>The figures page: every group of figures.yml, in order.</summary>
    public IReadOnlyList<FigureGroupView> FigureGroups { get; init; } = [];

    /// <summary>The home page: the figures marked home: true, by year and kind (2022 results, 2023 targets).</summary>
    public IReadOnlyList<HomeFiguresView> HomeFigures { get; init; } = [];
}

/// <summary>A page of the report on the full-report page: its heading's id and title, and its text.</summary>
/// <param name="lang">Set when the text is in another language than the page (a fallback).</param>
/// <param name="partStart">A part of the report (一、二、…): in print it starts a new sheet.</param>
/// <remarks>
/// Html is rendered when the template reads it, not before: the parts of a 10,000-page report, all held
/// until the page was laid out, were 74 MB of strings at the build's peak; now one part is alive at a time.
/// </remarks>
internal sealed class ReportPartView(string id, string title, Func<string> html, string? lang, bool partStart)
{
    public string Id => id;

    public string Title => title;

    public string Html => html();

    public string? Lang => lang;

    public bool PartStart => partStart;
}

/// <summary>A section of a side-by-side page, its rows of blocks, each cell in its own language.</summary>
internal sealed record ParallelSectionView(string Id, string? FirstTitle, string? SecondTitle, IReadOnlyList<ParallelRowView> Rows);

internal sealed record ParallelRowView(string? First, string? Second);

/// <summary>The two languages of a side-by-side page: html lang and name of each column, and the chapter's title in each.</summary>
internal sealed record ParallelLanguagesView(string FirstLang, string FirstName, string FirstTitle, string SecondLang, string SecondName, string SecondTitle);
/// <summary>A group of key figures: its chart (inline SVG, drawn at build time) and the same figures as a table.</summary>
/// <param name="Id">The group's anchor on the figures page (its id in figures.yml).</param>
/// <param name="TableLabel">Names the box the table scrolls in on a narrow screen.</param>
/// <param name="Header">The table's column headings: without a column no figure fills, nor "source" when <paramref name="Source"/> is set.</param>
/// <param name="Source">The section every figure of the group comes from, said once below the table; null when they come
/// from several sections (each row then links its own).</param>
/// <param name="HasValue">Some figure of the group has a value (a group of growth targets has none: no column of dashes).</param>
/// <param name="HasChange">Some figure of the group has a change.</param>
internal sealed record FigureGroupView(string Id, string Title, string Svg, string TableLabel, string Caption, IReadOnlyList<string> Header,
    IReadOnlyList<FigureRowView> Rows, LinkView? Source, bool HasValue, bool HasChange);

/// <summary>A figure as a row of its group's table; <paramref name="Source"/> links the section it comes from.</summary>
internal sealed record FigureRowView(string Id, string Label, string Value, string Change, string Year, string Kind, bool Target, LinkView? Source);

/// <summary>The home page's figures of one year and kind, under a heading (2022年实绩, Targets for 2023).</summary>
internal sealed record HomeFiguresView(string Title, bool Target, IReadOnlyList<HomeFigureView> Figures);

/// <summary>A figure on the home page: its label, the number in large type (its value, or its change when it has no value), and its change below.</summary>
internal sealed record HomeFigureView(string Label, string Main, string Change);
