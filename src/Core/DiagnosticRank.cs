namespace Microsite.Core;

/// <summary>
/// Where a kind of finding stands between causes and consequences, so the report opens with what to fix
/// first. A broken file explains a missing pair, a repeated heading id explains sections that differ
/// between the languages, a page that does not render explains a built page that fails its checks: the
/// earlier stage is the cause. Ranks go by stage, never by file, so the order holds for ids added later.
/// </summary>
internal static class DiagnosticRank
{
    /// <summary>The files themselves: site.yml, unreadable or refused files, front matter, data files.</summary>
    public const int Files = 0;

    /// <summary>The theme: layouts and UI strings.</summary>
    public const int Theme = 1;

    /// <summary>What one page says: Markdown, links, glossary references, typography, images, figures.</summary>
    public const int PageContent = 2;

    /// <summary>What only two or more pages together tell: pairs, translations, terms used nowhere.</summary>
    public const int Pairs = 3;

    /// <summary>The built pages, checked after layout.</summary>
    public const int BuiltPages = 4;

    public const int Unknown = 5;

    public static int Of(string id)
    {
        switch (id)
        {
            case DiagnosticIds.TerminologyInvalid:
                return Files;
            case DiagnosticIds.TermUnused or DiagnosticIds.EntryUntranslated or DiagnosticIds.EntryNumberDiffers:
                return Pairs;
        }

        // MS0010-MS0029 files and front matter, MS003x theme, MS01xx-MS03xx page content, MS04xx pairs,
        // MS05xx built pages, MS06xx (files, images) what a page says, MS0700-MS0709 the figures data file,
        // MS0710 on figures and numbers checked against the text of both languages: pairs.
        if (id.Length != 6 || !id.StartsWith("MS", StringComparison.Ordinal) || !int.TryParse(id.AsSpan(2), out var n))
        {
            return Unknown;
        }

        return n switch
        {
            < 30 => Files,
            < 100 => Theme,
            < 400 => PageContent,
            < 500 => Pairs,
            < 600 => BuiltPages,
            < 700 => PageContent,
            < 710 => Files,
            < 800 => Pairs,
            _ => Unknown,
        };
    }
}
