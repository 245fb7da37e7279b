using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Footnotes;

internal sealed class HtmlPrefixedFootnoteLinkRenderer : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        var order = link.Footnote.Order.ToString(CultureInfo.InvariantCulture);
        var reference = context.Id("fnref:" + link.Index.ToString(CultureInfo.InvariantCulture));
        if (link.IsBackLink)
        {
            renderer.Write("<a href=\"#").WriteEscape(reference).Write("\" class=\"footnote-back-ref\">&#8617;</a>");
        }
        else
        {
            renderer.Write("<a id=\"").WriteEscape(reference).Write("\" href=\"#").WriteEscape(context.Id("fn:" + order))
                .Write("\" class=\"footnote-ref\"><sup>").Write(order).Write("</sup></a>");
        }
    }
}
