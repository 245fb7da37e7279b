using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Microsite.Markdown.Tables;

/// <summary>Paragraphs as Markdig writes them, except a table's label, which gets the id its table refers to.</summary>
internal sealed class HtmlCaptionParagraphRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        if (renderer.ImplicitParagraph || !TableCaptions.IsCaption(obj))
        {
            base.Write(renderer, obj);
            return;
        }

        var context = SiteHtmlRenderer.ContextOf(renderer);
        if (!renderer.IsFirstInContainer)
        {
            renderer.EnsureLine();
        }

        var table = (Table)obj.Parent![obj.Parent.IndexOf(obj) + 1];
        renderer.Write("<p id=\"").WriteEscape(context.Id(TableCaptions.CaptionId(table))).Write("\" class=\"table-caption\">");
        renderer.WriteLeafInline(obj);
        renderer.WriteLine("</p>");
        renderer.EnsureLine();
    }
}
