namespace Microsite.Content;

/// <summary>Splits "---\nyaml\n---\nmarkdown". Line numbers stay those of the file.</summary>
internal static class FrontMatter
{
    /// <summary>The YAML between the fences, or null when the file does not open with "---".</summary>
    /// <param name="closed">False when the opening fence has no closing one.</param>
    public static string? Extract(string text, out bool closed, out string body)
    {
        closed = false;
        body = text;
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text.TrimEnd() != "---")
        {
            return null;
        }

        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() is "---" or "...")
            {
                closed = true;
                body = string.Join('\n', lines.Skip(i + 1));
                return string.Join('\n', lines.Skip(1).Take(i - 1));
            }
        }

        return string.Join('\n', lines.Skip(1));
    }

    /// <summary>Editors' files may come with a BOM or Windows line endings; everything after this sees LF only.</summary>
    public static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
}
