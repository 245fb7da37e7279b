namespace Microsite.Content;

/// <summary>Splits "---\nyaml\n---\nmarkdown". Line numbers stay those of the file.</summary>
internal static class FrontMatter
{
    /// <summary>The YAML between the fences, or null when the file does not open with "---".</summary>
    /// <param name="closed">False when the opening fence has no closing one.</param>
    /// <param name="bodyStart">
    /// Where the Markdown after the closing fence starts in <paramref name="text"/> (its length when nothing
    /// follows; 0 without front matter). An offset, not a copy: the text is kept whole for the whole build,
    /// and at 10,000 pages a second copy of every page's Markdown was 70 MB more of it.
    /// </param>
    public static string? Extract(string text, out bool closed, out int bodyStart)
    {
        closed = false;
        bodyStart = 0;
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text.TrimEnd() != "---")
        {
            return null;
        }

        // The file line by line, without splitting it: the fence lines are the only ones looked at.
        var yamlStart = text.IndexOf('\n') + 1;
        if (yamlStart == 0)
        {
            return ""; // "---" alone, never closed
        }

        for (var lineStart = yamlStart; lineStart < text.Length;)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            if (text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd() is "---" or "...")
            {
                closed = true;
                bodyStart = newline < 0 ? text.Length : newline + 1;
                // The YAML without the line break before the fence (none when the fence is its first line).
                return text[yamlStart..Math.Max(yamlStart, lineStart - 1)];
            }

            lineStart = lineEnd + 1;
        }

        return text[yamlStart..];
    }

    /// <summary>Editors' files may come with a BOM or Windows line endings; everything after this sees LF only.</summary>
    public static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
}
