using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Microsite.Markdown.LangSpans;

internal sealed class LangSpanExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the link parser, which would otherwise read "[text]" as a failed link.
        pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new LangSpanParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new HtmlLangSpanRenderer());
        }
    }
}
