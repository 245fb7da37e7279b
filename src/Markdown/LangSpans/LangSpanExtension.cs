using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.LangSpans;

/// <summary>A run of text in another language: <c>[Yangtze River Delta]{lang=en}</c> renders as &lt;span lang="en"&gt;.</summary>
internal sealed class LangSpanInline : ContainerInline
{
    public required string Lang { get; init; }
}

internal sealed partial class LangSpanParser : InlineParser
{
    public LangSpanParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var match = Pattern().Match(slice.Text, slice.Start, slice.Length);
        if (!match.Success)
        {
            return false; // an ordinary link or bracket: let Markdig's link parser have it
        }

        var start = processor.GetSourcePosition(slice.Start, out var line, out var column);
        var textStart = slice.Start + 1;
        var span = new LangSpanInline
        {
            Lang = match.Groups[2].Value,
            Line = line,
            Column = column,
            Span = new Markdig.Syntax.SourceSpan(start, start + match.Length - 1),
            IsClosed = true, // otherwise Markdig appends the rest of the paragraph to the span
        };
        span.AppendChild(new LiteralInline(new StringSlice(slice.Text, textStart, textStart + match.Groups[1].Length - 1))
        {
            Line = line,
            Column = column + 1,
        });
        processor.Inline = span;
        slice.Start += match.Length;
        return true;
    }

    [GeneratedRegex(@"\G\[([^\[\]\n]+)\]\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}")]
    private static partial Regex Pattern();
}

internal sealed class HtmlLangSpanRenderer : HtmlObjectRenderer<LangSpanInline>
{
    protected override void Write(HtmlRenderer renderer, LangSpanInline obj)
    {
        renderer.Write("<span lang=\"").WriteEscape(obj.Lang).Write("\">");
        renderer.WriteChildren(obj);
        renderer.Write("</span>");
    }
}

internal sealed class LangSpanExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the link parser, which would otherwise read "[text]" as a failed link.
        pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new LangSpanParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new HtmlLangSpanRenderer());
        }
    }
}
