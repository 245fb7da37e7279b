using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace Microsite.Markdown.Glossary;

/// <summary>Explicit [[term]] references in the parser; term links written from the page's <see cref="TermPlan"/>.</summary>
internal sealed class GlossaryExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // "[[" must be seen before the link parser reads "[" as the start of a link.
        if (!pipeline.InlineParsers.Contains<ExplicitTermParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new ExplicitTermParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<LiteralInlineRenderer>(new HtmlTermLiteralRenderer());
            html.ObjectRenderers.Insert(0, new HtmlExplicitTermRenderer());
        }
    }
}
