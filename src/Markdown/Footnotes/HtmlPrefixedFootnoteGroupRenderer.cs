using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Footnotes;

internal sealed class HtmlPrefixedFootnoteGroupRenderer : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup footnotes)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        renderer.EnsureLine();
        renderer.WriteLine("<div class=\"footnotes\">");
        renderer.WriteLine("<hr />");
        renderer.WriteLine("<ol>");
        foreach (var footnote in footnotes.OfType<Footnote>())
        {
            renderer.Write("<li id=\"").WriteEscape(context.Id("fn:" + footnote.Order.ToString(CultureInfo.InvariantCulture))).WriteLine("\">");
            renderer.WriteChildren(footnote);
            renderer.WriteLine("</li>");
        }

        renderer.WriteLine("</ol>");
        renderer.WriteLine("</div>");
    }
}
