using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.Glossary;

/// <summary>Text as Markdig writes it, with the glossary terms the page's plan links in it.</summary>
internal sealed class HtmlTermLiteralRenderer : HtmlObjectRenderer<LiteralInline>
{
    protected override void Write(HtmlRenderer renderer, LiteralInline obj)
    {
        var matches = SiteHtmlRenderer.ContextOf(renderer).Terms.In(obj);
        if (matches.Count == 0)
        {
            if (renderer.EnableHtmlEscape)
            {
                renderer.WriteEscape(ref obj.Content);
            }
            else
            {
                renderer.Write(ref obj.Content);
            }

            return;
        }

        var text = obj.Content.ToString();
        var position = 0;
        foreach (var match in matches)
        {
            renderer.WriteEscape(text, position, match.Start - position);
            TermMarkup.Write(renderer, match.EntryId, text.Substring(match.Start, match.Length));
            position = match.Start + match.Length;
        }

        renderer.WriteEscape(text, position, text.Length - position);
    }
}
