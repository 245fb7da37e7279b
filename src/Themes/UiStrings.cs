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
}
