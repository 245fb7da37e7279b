using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.LangSpans;

internal sealed class HtmlLangSpanRenderer : HtmlObjectRenderer<LangSpanInline>
{
    protected override void Write(HtmlRenderer renderer, LangSpanInline obj)
    {
        renderer.Write("<span lang=\"").WriteEscape(obj.Lang).Write("\">");
        renderer.WriteChildren(obj);
        renderer.Write("</span>");
    }
}
