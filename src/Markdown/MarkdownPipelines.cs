using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;
using Microsite.Markdown.Footnotes;
using Microsite.Markdown.Glossary;
using Microsite.Markdown.Headings;
using Microsite.Markdown.LangSpans;
using Microsite.Markdown.Links;
using Microsite.Markdown.RawHtml;
using Microsite.Markdown.Tables;

namespace Microsite.Markdown;

/// <summary>The Markdig pipelines, each built once for the whole process (building one per page is slow).</summary>
internal static class MarkdownPipelines
{
    /// <summary>
    /// Chapters, pages and glossary definitions. Raw HTML is parsed (so we can point at it) but written
    /// escaped, as text. The parsed tree is final: what differs between pages and forms of a page (link
    /// targets, term links, id prefixes) is written by our renderers from a <see cref="RenderContext"/>.
    /// </summary>
    public static MarkdownPipeline Content { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter() // keeps line numbers those of the file
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseFootnotes()
        .UseEmphasisExtras(EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript)
        // GitHub ids keep Han characters; the default would turn every Chinese heading into "section".
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Use<GlossaryExtension>()
        .Use<LangSpanExtension>()
        .Use<EscapedHtmlExtension>()
        .Use<HeadingExtension>()
        .Use<LinkExtension>()
        .Use<TableExtension>()
        .Use<FootnoteExtension>()
        // Must come last: it reads the {#id} that other extensions leave in the text.
        .UseGenericAttributes()
        .Build();
}
