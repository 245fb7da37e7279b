using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Core;
using Microsite.Markdown.Glossary;

namespace Microsite.Markdown;

/// <summary>
/// The plain text of inlines, as a reader sees it: explicit [[terms]] as their term, entities decoded, raw
/// HTML as the text it is shown as on this site, and line breaks as "\n" (so "pocket\nparks" stays two words).
/// </summary>
internal static class MarkdownText
{
    public static string Of(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var builder = ThreadBuilder.Take();
        AppendTo(builder, inline);
        return ThreadBuilder.Return(builder);
    }

    /// <summary>The plain text of the inlines, appended to <paramref name="builder"/>.</summary>
    public static void AppendTo(StringBuilder builder, ContainerInline? inline)
    {
        if (inline is null)
        {
            return;
        }

        foreach (var node in inline.Descendants<Inline>())
        {
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case HtmlInline html:
                    builder.Append(html.Tag);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case ExplicitTermInline term:
                    builder.Append(term.Term);
                    break;
            }
        }
    }
}
