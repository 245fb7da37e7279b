using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Tables;

/// <summary>Pipe tables with labels and scoped headers (see <see cref="HtmlAccessibleTableRenderer"/>).</summary>
internal sealed class TableExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.Extensions.Contains<PipeTableExtension>())
        {
            pipeline.Extensions.Add(new PipeTableExtension());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            // First in the list: whichever order the pipe table extension was registered in, ours writes tables.
            html.ObjectRenderers.TryRemove<HtmlTableRenderer>();
            html.ObjectRenderers.Insert(0, new HtmlAccessibleTableRenderer());
            html.ObjectRenderers.ReplaceOrAdd<ParagraphRenderer>(new HtmlParagraphRenderer());
        }
    }
}
