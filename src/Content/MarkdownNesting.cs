namespace Microsite.Content;

/// <summary>
/// How deep a Markdown text nests, measured on the text before any parser sees it. Markdig gives up on
/// deep nesting with an exception, or, deep enough, recurses until the process dies of a stack overflow,
/// which nothing can catch: a page that nests deeper than any report would is refused before parsing.
/// </summary>
internal static class MarkdownNesting
{
    /// <summary>Deeper than any real page nests, and well below where Markdig's renderer gives up (128).</summary>
    public const int Limit = 64;

    /// <summary>The line where the text nests deepest, and how deep.</summary>
    public static (int Line, int Depth) Deepest(string text)
    {
        var (bestLine, best) = (1, 0);
        var line = 1;
        var lineStart = true;
        var (blockDepth, indent) = (0, 0);
        var (run, runLine) = (0, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                Note(blockDepth + (indent / 2), line);
                (line, lineStart, blockDepth, indent) = (line + 1, true, 0, 0);
                continue;
            }

            // Quotes and list markers at the start of a line nest blocks; so does indentation before them.
            if (lineStart)
            {
                if (c is '>' || (c is '-' or '*' or '+' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t')))
                {
                    blockDepth++;
                }
                else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(text, i) is { } end)
                {
                    blockDepth++;
                    i = end; // the marker's digits and its '.' or ')'
                }
                else if (c is ' ' or '\t')
                {
                    indent += blockDepth == 0 ? (c == '\t' ? 4 : 1) : 0;
                }
                else
                {
                    lineStart = false;
                }
            }

            // Runs of emphasis, bracket and quote characters nest inlines (two characters a level), across
            // lines too: whitespace neither counts nor breaks a run.
            if (c is '*' or '_' or '~' or '[' or '(' or '>' or '-' or '+' or '`' or '!' or '<')
            {
                runLine = run == 0 ? line : runLine;
                run++;
                Note(run / 2, runLine);
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                run = 0;
            }
        }

        Note(blockDepth + (indent / 2), line);
        return (bestLine, best);

        // "12." or "3)" followed by a space: an ordered list marker; its last character's index.
        static int? OrderedMarkerEnd(string text, int start)
        {
            var i = start;
            while (i < text.Length && i - start < 9 && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            return i < text.Length - 1 && text[i] is '.' or ')' && text[i + 1] is ' ' or '\t' ? i : null;
        }

        void Note(int depth, int at)
        {
            if (depth > best)
            {
                (bestLine, best) = (at, depth);
            }
        }
    }
}
