using Markdig.Renderers;

namespace Microsite.Markdown.Glossary;

/// <summary>How a linked term is written, in each <see cref="TermStyle"/>.</summary>
internal static class TermMarkup
{
    public static void Write(HtmlRenderer renderer, string entryId, string text)
    {
        var context = SiteHtmlRenderer.ContextOf(renderer);
        if (!renderer.EnableHtmlForInline || context.Options.Terms == TermStyle.Plain)
        {
            renderer.WriteEscape(text);
            return;
        }

        var link = context.TermLink(entryId);
        renderer.Write("<a class=\"term\" href=\"").WriteEscapeUrl(link.Href);
        if (context.Options.Terms == TermStyle.Link)
        {
            renderer.Write("\">").WriteEscape(text).Write("</a>");
            return;
        }

        // The link lands on the entry; aria-describedby lets screen readers read the definition in place;
        // the button opens it as a native popover, which needs no JavaScript and closes with Escape.
        renderer.Write("\" aria-describedby=\"").Write(TermIds.Definition(entryId))
            .Write("\" data-term=\"").Write(entryId).Write("\">")
            .WriteEscape(text)
            // U+2060 WORD JOINER: no line break between the term and its button.
            .Write("</a>\u2060<button type=\"button\" class=\"term-toggle\" popovertarget=\"").Write(TermIds.Popover(entryId))
            .Write("\" aria-label=\"").WriteEscape(link.ButtonLabel).Write("\"></button>");
    }
}
