using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Markdown.Tables;

namespace Microsite.Markdown;

/// <summary>
/// Paragraphs as Markdig writes them, with what the page's context gives them: a paragraph of text its
/// id, shared by both languages ("planning-3"), and a link to itself for citing it; a table's label the id
/// its table refers to.
/// </summary>
internal sealed class HtmlParagraphRenderer : ParagraphRenderer
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        var caption = TableCaptions.IsCaption(obj);
        var id = caption ? null : context.ParagraphId(obj);
        if (renderer.ImplicitParagraph || (!caption && id is null))
        {
            base.Write(renderer, obj);
            return;
        }

        if (!renderer.IsFirstInContainer)
        {
            renderer.EnsureLine();
        }

        if (caption)
        {
            var table = (Table)obj.Parent![obj.Parent.IndexOf(obj) + 1];
            renderer.Write("<p id=\"").WriteEscape(context.Id(TableCaptions.CaptionId(table))).Write("\" class=\"table-caption\">");
            renderer.WriteLeafInline(obj);
        }
        else
        {
            var own = context.Id(id!);
            renderer.Write("<p id=\"").WriteEscape(own).Write("\">");
            renderer.WriteLeafInline(obj);
            if (context.ParagraphLinkLabel is { } label)
            {
                // After the text, so that it is read last; shown on hover and focus by the theme.
                renderer.Write("<a class=\"para-link\" href=\"#").WriteEscape(own).Write("\" aria-label=\"").WriteEscape(label).Write("\"></a>");
            }
        }

        renderer.WriteLine("</p>");
        renderer.EnsureLine();
    }
}
