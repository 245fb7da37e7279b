using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Microsite.Markdown.Glossary;

/// <summary>An explicit [[term]]: linked when the plan resolves it, its text otherwise (in headings, or unknown: then the build fails).</summary>
internal sealed class HtmlExplicitTermRenderer : HtmlObjectRenderer<ExplicitTermInline>
{
    protected override void Write(HtmlRenderer renderer, ExplicitTermInline obj)
    {
        if (SiteHtmlRenderer.ContextOf(renderer).Terms.EntryOf(obj) is { } entryId)
        {
            TermMarkup.Write(renderer, entryId, obj.Term);
        }
        else
        {
            renderer.WriteEscape(obj.Term);
        }
    }
}
