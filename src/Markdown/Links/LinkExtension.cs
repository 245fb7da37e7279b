using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace Microsite.Markdown.Links;

internal sealed class LinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new HtmlLinkRenderer());
        }
    }
}
