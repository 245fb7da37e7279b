using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;

namespace Microsite.Markdown.Glossary;

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
