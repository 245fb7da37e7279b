using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.Links;

/// <summary>
/// Links and images as Markdig writes them, with the URL the page's context gives for what the editor
/// wrote: "review-2022.md#economy" becomes "review-2022.html#economy" on a page, "#review-2022--economy"
/// in the full report. The tree keeps the URL as written.
/// </summary>
internal sealed class HtmlLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        var written = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
        var url = context.ResolveUrl(written) ?? written;
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(link); // inside an image's alt text: text only
            return;
        }

        if (link.IsImage && context.Image(written, MarkdownText.Of(link), link.Title) is { } markup)
        {
            renderer.Write(markup); // a published file: its size and smaller copies come from the file itself
            return;
        }

        if (link.IsImage)
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(url).Write("\" alt=\"");
            renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(link);
            renderer.EnableHtmlForInline = true;
            renderer.Write('"');
            WriteTitle(renderer, link);
            renderer.Write(" />");
            return;
        }

        renderer.Write("<a href=\"").WriteEscapeUrl(url).Write('"');
        WriteTitle(renderer, link);
        renderer.Write('>');
        renderer.WriteChildren(link);
        if (context.LinkNote(written) is { } note)
        {
            renderer.Write("<span class=\"link-note\">").WriteEscape(note).Write("</span>");
        }

        renderer.Write("</a>");
    }

    private static void WriteTitle(HtmlRenderer renderer, LinkInline link)
    {
        if (!string.IsNullOrEmpty(link.Title))
        {
            renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
        }
    }
}
