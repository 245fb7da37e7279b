using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Headings;

internal sealed class HeadingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HeadingRenderer>(new HtmlHeadingRenderer());
        }
    }
}
