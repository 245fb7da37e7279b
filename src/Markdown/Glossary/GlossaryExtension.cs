using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.Glossary;

/// <summary>
/// An explicit glossary reference as the editor wrote it: <c>[[双中心]]</c>. Resolved against the glossary
/// by <see cref="GlossaryLinker"/>; an unknown term is an error there, with a did-you-mean hint.
/// </summary>
internal sealed class ExplicitTermInline : LeafInline
{
    public required string Term { get; init; }
}

/// <summary>A term linked to its glossary entry, with its definition available in place.</summary>
internal sealed class GlossaryTermInline : LeafInline
{
    public required string EntryId { get; init; }

    public required string Text { get; init; }

    /// <summary>Relative URL of the entry on the glossary page of the reader's language.</summary>
    public required string Href { get; init; }

    /// <summary>Accessible name of the in-place definition button ("释义：双中心").</summary>
    public required string ButtonLabel { get; init; }

    /// <summary>False inside a definition: a plain link to the entry, with no popover of its own.</summary>
    public bool InPlace { get; init; } = true;

    public static string PopoverId(string entryId) => "gloss-" + entryId;

    public static string DefinitionId(string entryId) => "gloss-" + entryId + "-def";
}

internal sealed partial class ExplicitTermParser : InlineParser
{
    public ExplicitTermParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var match = Pattern().Match(slice.Text, slice.Start, slice.Length);
        if (!match.Success)
        {
            return false;
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        processor.Inline = new ExplicitTermInline
        {
            Term = match.Groups[1].Value.Trim(),
            Line = line,
            Column = column,
            Span = new Markdig.Syntax.SourceSpan(start, start + match.Length - 1),
        };
        slice.Start += match.Length;
        return true;
    }

    [GeneratedRegex(@"\G\[\[([^\[\]\n]+)\]\]")]
    private static partial Regex Pattern();
}

internal sealed class HtmlGlossaryTermRenderer : HtmlObjectRenderer<GlossaryTermInline>
{
    protected override void Write(HtmlRenderer renderer, GlossaryTermInline obj)
    {
        if (!obj.InPlace)
        {
            renderer.Write("<a class=\"term\" href=\"").WriteEscapeUrl(obj.Href).Write("\">").WriteEscape(obj.Text).Write("</a>");
            return;
        }

        // The link lands on the entry; aria-describedby lets screen readers read the definition in place;
        // the button opens it as a native popover, which needs no JavaScript and closes with Escape.
        renderer.Write("<a class=\"term\" href=\"").WriteEscapeUrl(obj.Href)
            .Write("\" aria-describedby=\"").Write(GlossaryTermInline.DefinitionId(obj.EntryId))
            .Write("\" data-term=\"").Write(obj.EntryId).Write("\">")
            .WriteEscape(obj.Text)
            // U+2060 WORD JOINER: no line break between the term and its button.
            .Write("</a>\u2060<button type=\"button\" class=\"term-toggle\" popovertarget=\"").Write(GlossaryTermInline.PopoverId(obj.EntryId))
            .Write("\" aria-label=\"").WriteEscape(obj.ButtonLabel).Write("\"></button>");
    }
}

internal sealed class HtmlExplicitTermRenderer : HtmlObjectRenderer<ExplicitTermInline>
{
    // Only reached for a reference the linker could not resolve (the build has failed then) or in a heading.
    protected override void Write(HtmlRenderer renderer, ExplicitTermInline obj) => renderer.WriteEscape(obj.Term);
}

internal sealed class GlossaryExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // "[[" must be seen before the link parser reads "[" as the start of a link.
        pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new ExplicitTermParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new HtmlGlossaryTermRenderer());
            html.ObjectRenderers.Insert(0, new HtmlExplicitTermRenderer());
        }
    }
}
