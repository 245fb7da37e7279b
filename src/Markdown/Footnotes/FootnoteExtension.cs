using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;

namespace Microsite.Markdown.Footnotes;

/// <summary>
/// Markdig's footnotes, written with the page's id prefix: two chapters of the full report both have a
/// footnote 1, and their ids must not collide.
/// </summary>
internal sealed class FootnoteExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteGroupRenderer>(new HtmlPrefixedFootnoteGroupRenderer());
            html.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteLinkRenderer>(new HtmlPrefixedFootnoteLinkRenderer());
        }
    }
}
