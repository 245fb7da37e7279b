using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.RawHtml;

/// <summary>
/// Raw HTML in content is shown as text, never passed through: a stray &lt;script&gt; or an unclosed
/// &lt;div&gt; must not break the published page. It is still parsed as HTML so that the loader can
/// warn about it at its line (Markdig's DisableHtml would hide it as plain text).
/// </summary>
internal sealed class EscapedHtmlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.ReplaceOrAdd<HtmlBlockRenderer>(new EscapedHtmlBlockRenderer());
            html.ObjectRenderers.ReplaceOrAdd<HtmlInlineRenderer>(new EscapedHtmlInlineRenderer());
        }
    }

    private sealed class EscapedHtmlBlockRenderer : HtmlObjectRenderer<HtmlBlock>
    {
        protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
        {
            renderer.Write("<p>");
            var lines = obj.Lines.Lines;
            for (var i = 0; i < obj.Lines.Count; i++)
            {
                if (i > 0)
                {
                    renderer.Write("<br>");
                }

                renderer.WriteEscape(lines[i].Slice.ToString());
            }

            renderer.WriteLine("</p>");
        }
    }

    private sealed class EscapedHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
    {
        protected override void Write(HtmlRenderer renderer, HtmlInline obj) => renderer.WriteEscape(obj.Tag);
    }
}
