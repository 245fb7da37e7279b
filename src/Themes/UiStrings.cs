namespace Microsite.Themes;

/// <summary>
/// The theme's UI strings of one language (theme/i18n/&lt;lang&gt;.yml), bound when the theme loads: a
/// missing or unknown key is a diagnostic at its file and line then, never a failure while pages are
/// written. Templates see them as <c>t.skip_to_content</c>; code reads the properties.
/// </summary>
internal sealed record UiStrings
{
    public string SkipToContent { get; init; } = "";

    public string SiteNavigation { get; init; } = "";

    public string Home { get; init; } = "";

    public string Contents { get; init; } = "";

    public string ContentsDescription { get; init; } = "";

    public string Glossary { get; init; } = "";

    public string GlossaryDescription { get; init; } = "";

    public string FullReport { get; init; } = "";

    public string FullReportDescription { get; init; } = "";

    public string More { get; init; } = "";

    public string Breadcrumbs { get; init; } = "";

    public string OnThisPage { get; init; } = "";

    public string ChapterNavigation { get; init; } = "";

    public string PreviousChapter { get; init; } = "";

    public string NextChapter { get; init; } = "";

    public string BackToTop { get; init; } = "";

    public string TextSize { get; init; } = "";

    public string TextSizeNormal { get; init; } = "";

    public string TextSizeLarge { get; init; } = "";

    public string TextSizeLargest { get; init; } = "";

    public string TermButton { get; init; } = "";

    public string TermOpenEntry { get; init; } = "";

    public string Close { get; init; } = "";

    public string UsedIn { get; init; } = "";

    public string NotFound { get; init; } = "";

    public string NotFoundDescription { get; init; } = "";

    public string OccasionPrefix { get; init; } = "";

    public string TranslationNote { get; init; } = "";

    public string FallbackNotice { get; init; } = "";

    /// <summary>Above a section shown in the source language because its translation is on its way.</summary>
    public string TranslationPending { get; init; } = "";

    public string FooterHost { get; init; } = "";

    public string FooterContact { get; init; } = "";

    public string FooterSiteCode { get; init; } = "";

    public string FooterIcp { get; init; } = "";

    public string FooterPublicSecurity { get; init; } = "";

    public string LastUpdated { get; init; } = "";

    public string Search { get; init; } = "";

    public string SearchDescription { get; init; } = "";

    public string SearchLabel { get; init; } = "";

    public string SearchSubmit { get; init; } = "";

    public string SearchHint { get; init; } = "";

    public string SearchNeedsJs { get; init; } = "";

    public string SearchResults { get; init; } = "";

    public string SearchCountNone { get; init; } = "";

    public string SearchCountOne { get; init; } = "";

    public string SearchCountMany { get; init; } = "";

    public string ParagraphLink { get; init; } = "";

    public string Parallel { get; init; } = "";

    public string ParallelLink { get; init; } = "";

    public string ParallelNote { get; init; } = "";
    // Key figures (figures.html and the home page's set). {year} and {title} are replaced.
    public string Figures { get; init; } = "";

    /// <summary>The figures page in the site navigation: short, so the navigation of a phone keeps to one line where it can.</summary>
    public string FiguresNav { get; init; } = "";

    public string FiguresDescription { get; init; } = "";

    public string FiguresOnThisPage { get; init; } = "";

    public string FiguresAtAGlance { get; init; } = "";

    public string FiguresAll { get; init; } = "";

    public string FiguresResults { get; init; } = "";

    public string FiguresTargets { get; init; } = "";

    public string FiguresTable { get; init; } = "";

    public string FiguresFrom { get; init; } = "";

    // The words of the charts and tables themselves.
    public string FiguresResult { get; init; } = "";

    public string FiguresTarget { get; init; } = "";

    public string FiguresGrowth { get; init; } = "";

    public string FiguresIndicator { get; init; } = "";

    public string FiguresValue { get; init; } = "";

    public string FiguresChange { get; init; } = "";

    public string FiguresYear { get; init; } = "";

    public string FiguresKind { get; init; } = "";

    public string FiguresSource { get; init; } = "";
}
