using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Markdown.Glossary;

namespace Microsite.Markdown;

/// <summary>
/// The plain text of inlines, as a reader sees it: explicit [[terms]] as their term, entities decoded, raw
/// HTML as the text it is shown as on this site, and line breaks as "\n" (so "pocket\nparks" stays two words).
/// </summary>
internal static class MarkdownText
{
    // Each thread's builder, used again: the index asks for the text of every paragraph of the site, and a
    // builder for each was a tenth of the allocation of its first stages (`perf`, 20,000 pages).
    [ThreadStatic] private static StringBuilder? t_builder;

    public static string Of(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var builder = t_builder ?? new StringBuilder();
        t_builder = null; // taken while it is used
        builder.Clear();
        AppendTo(builder, inline);
        var text = builder.ToString();
        if (builder.Capacity <= 64 * 1024)
        {
            t_builder = builder; // a very long paragraph's builder is not kept
        }

        return text;
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
