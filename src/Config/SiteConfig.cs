using Microsite.Core;

namespace Microsite.Config;

/// <summary>Everything input/site.yml says, typed. Languages are in site order; the first is the default.</summary>
internal sealed record SiteConfig(
    IReadOnlyList<LanguageConfig> Languages,
    string? BaseUrl,
    GlossaryLinking GlossaryLinking,
    TranslationPolicy Translations,
    IReadOnlyDictionary<string, RuleLevel> RuleLevels)
{
    public LanguageConfig Default => Languages[0];

    /// <summary>A digest of site.yml: what the pages' layout depends on of the configuration, for the preview server's memo.</summary>
    public string Digest { get; init; } = "";

    /// <summary>The <c>files:</c> map: the size budget for input/files/.</summary>
    public FilesConfig Files { get; init; } = FilesConfig.Default;

    /// <summary>The <c>publish:</c> map: name and version of the archive.</summary>
    public PublishConfig Publish { get; init; } = PublishConfig.Default;

    /// <summary>How numbers that differ between the languages are reported ("numbers:" in site.yml).</summary>
    public NumberPolicy Numbers { get; init; } = NumberPolicy.Warn;

    /// <summary>
    /// Sections of a translation behind its source (new in the source, or changed since the translation
    /// was marked): Fallback (the default) shows the source's text there under a notice, with a warning;
    /// Strict makes a missing section an error (MS0404) and shows stale sections as they are.
    /// </summary>
    public TranslationPolicy Sections { get; init; } = TranslationPolicy.Fallback;

    public LanguageConfig? Language(string code) => Languages.FirstOrDefault(l => l.Code == code);
}

/// <param name="Code">Folder name under input/ (zh, en).</param>
/// <param name="HtmlLang">BCP 47 tag for &lt;html lang&gt; and hreflang (zh-Hans, en).</param>
/// <param name="Prefix">Output folder: "" for the default language, "en/" otherwise.</param>
internal sealed record LanguageConfig(
    string Code,
    string HtmlLang,
    string Name,
    string Prefix,
    string SiteTitle,
    ReportInfo Report,
    FooterInfo Footer);

internal sealed record ReportInfo(string Title, string Date, string Occasion, string Speaker);

/// <summary>Government site furniture; an empty value is simply left out of the footer.</summary>
internal sealed record FooterInfo(
    string? Host,
    string? Contact,
    string? Icp,
    string? PublicSecurity,
    string? SiteCode);

/// <summary>Which occurrences of a glossary term the automatic linker turns into links.</summary>
internal enum GlossaryLinking
{
    /// <summary>First occurrence per page.</summary>
    Page,

    /// <summary>First occurrence per section (h2), the default: sections are what readers jump to.</summary>
    Section,

    /// <summary>Every occurrence.</summary>
    All,
}

internal enum TranslationPolicy
{
    /// <summary>A page without its pair is an error.</summary>
    Strict,

    /// <summary>A missing page is built from the other language with a notice and noindex.</summary>
    Fallback,
}

/// <summary>How the numbers of a section that differ between its languages are reported.</summary>
internal enum NumberPolicy
{
    /// <summary>As warnings, the default: the site is still built.</summary>
    Warn,

    /// <summary>As errors: the build stops.</summary>
    Strict,
}
