using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.LangSpans;

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
