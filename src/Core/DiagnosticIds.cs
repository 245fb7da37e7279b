namespace Microsite.Core;

/// <summary>
/// Every diagnostic id, one constant each, so that grepping for an id finds where it is raised. The
/// README's table lists the same ids (a test compares the two). Ranges: MS001x site.yml and the folders'
/// files, MS002x front matter, MS003x theme, MS01xx glossary, MS02xx Markdown, MS03xx Chinese typography, MS04xx
/// translations, MS05xx built pages, MS06xx images and files, MS07xx figures and numbers.
/// </summary>
internal static class DiagnosticIds
{
    // site.yml
    public const string ConfigInvalid = "MS0010";
    public const string ConfigUnknownKey = "MS0011";
    public const string ConfigMissing = "MS0012";
    public const string ConfigWrongValue = "MS0013";

    // The files of input/ and theme/
    public const string FileRefused = "MS0014";
    public const string FileNameCase = "MS0015";

    // Front matter and the files of input/
    public const string FrontMatterInvalid = "MS0020";
    public const string FrontMatterUnknownKey = "MS0021";
    public const string FrontMatterMissing = "MS0022";
    public const string FrontMatterWrongType = "MS0023";
    public const string SlugDuplicate = "MS0024";
    public const string SlugInvalid = "MS0025";
    public const string ParentUnknown = "MS0026";
    public const string LanguageUnknown = "MS0027";
    public const string HomeMissing = "MS0028";
    public const string OrderDuplicate = "MS0029";

    // The theme
    public const string TemplateInvalid = "MS0030";
    public const string LayoutMissing = "MS0031";
    public const string UiStringMissing = "MS0032";
    public const string UiStringUnknown = "MS0033";
    public const string UiStringsInvalid = "MS0034";

    // Glossary
    public const string TermCollision = "MS0101";
    public const string TermUnknown = "MS0102";
    public const string TermUnused = "MS0103";
    public const string EntryUntranslated = "MS0104";
    public const string EntryNumberDuplicate = "MS0105";
    public const string EntryNumberDiffers = "MS0106";

    // Markdown
    public const string LinkTargetMissing = "MS0201";
    public const string LinkAnchorMissing = "MS0202";
    public const string RawHtml = "MS0203";
    public const string HeadingIdRepeated = "MS0204";
    public const string HeadingIdUnread = "MS0205";
    public const string AttributesMisplaced = "MS0206";
    public const string SyntaxLeftAsText = "MS0207";
    public const string MarkdownUnreadable = "MS0208";

    // Chinese typography
    public const string ParagraphUnterminated = "MS0301";
    public const string SpaceInChinese = "MS0302";
    public const string HalfWidthPunctuation = "MS0303";

    // Translations
    public const string PairMissing = "MS0401";
    public const string PairDiffers = "MS0402";
    public const string TranslationStale = "MS0403";
    public const string SectionsDiffer = "MS0404";
    public const string SectionsPending = "MS0405";
    public const string ParagraphCountDiffers = "MS0407";
    public const string TranslationUnmarked = "MS0408";
    public const string SitemapWithoutBaseUrl = "MS0409";
    public const string TerminologyInvalid = "MS0410";
    public const string TerminologyMismatch = "MS0411";

    // The built pages
    public const string CheckNotASite = "MS0500";
    public const string PageLinkBroken = "MS0501";
    public const string PageLinkCase = "MS0502";
    public const string PageAnchorMissing = "MS0503";
    public const string PageSourceLink = "MS0504";
    public const string PageLinkEmpty = "MS0505";
    public const string PageJavascriptUrl = "MS0506";
    public const string StylesheetUrlBroken = "MS0507";
    public const string IdRepeated = "MS0510";
    public const string IdReferenceMissing = "MS0511";
    public const string HeadingOne = "MS0520";
    public const string HeadingSkipped = "MS0521";
    public const string HeadingEmpty = "MS0522";
    public const string Landmarks = "MS0523";
    public const string TitleMissingOrRepeated = "MS0524";
    public const string DescriptionMissing = "MS0525";
    public const string HtmlLang = "MS0530";
    public const string Alternates = "MS0531";
    public const string ImageAlt = "MS0540";
    public const string TableLabel = "MS0541";
    public const string ExternalResource = "MS0550";
    public const string TermLinkTarget = "MS0560";
    public const string Furniture = "MS0570";
    public const string ContentSecurityPolicy = "MS0580";

    // Images and other files (input/files/)
    public const string FileTooLarge = "MS0601";
    public const string FileUnreadable = "MS0602";
    public const string FileMissing = "MS0603";
    public const string FileNameTaken = "MS0604";
    public const string ImageSizeUnknown = "MS0605";
    public const string FileTypeRefused = "MS0606";
    public const string ImageAltMissing = "MS0607";

    // Key figures (input/data/figures.yml) and the numbers of the two languages
    public const string DataInvalid = "MS0700";
    public const string DataUnknownKey = "MS0701";
    public const string DataMissing = "MS0702";
    public const string DataWrongType = "MS0703";
    public const string FigureSourceInvalid = "MS0704";
    public const string FigureDuplicate = "MS0705";
    public const string FigureUnitUnread = "MS0706";
    public const string FigureSourceUnknown = "MS0710";
    public const string FigureNotInText = "MS0711";
    public const string FigureNotInTranslation = "MS0712";
    public const string NumberMissing = "MS0720";
    public const string NumberDiffers = "MS0721";
    public const string NumberBoundDiffers = "MS0722";
}
