using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Microsite.Markdown.Headings;

/// <summary>
/// Headings with the page's id prefix and level offset: inside the full report a chapter's "## 目标 {#targets}"
/// becomes &lt;h3 id="tasks-2023--targets"&gt;, on its own page &lt;h2 id="targets"&gt;. Only the id is written:
/// the content checks allow no other attribute on a heading (MS0206).
/// </summary>
internal sealed class HtmlHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        var tag = "h" + Math.Min(6, obj.Level + context.Options.HeadingOffset).ToString(CultureInfo.InvariantCulture);
        renderer.Write('<').Write(tag);
        if (obj.TryGetAttributes()?.Id is { } id)
        {
            renderer.Write(" id=\"").WriteEscape(context.Id(id)).Write('"');
        }

        renderer.Write('>');
        renderer.WriteLeafInline(obj);
        renderer.Write("</").Write(tag).WriteLine(">");
        renderer.EnsureLine();
    }
}
