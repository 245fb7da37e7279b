namespace Microsite.Markdown.Glossary;

/// <summary>
/// Finds glossary terms in running text. Longest match first across all terms and aliases, because
/// Chinese has no word boundaries (三区三线 must win over a shorter overlapping term). Latin-script edges
/// of a term only match on word boundaries, case-insensitively, with an optional plural "s"/"es".
/// </summary>
internal sealed class TermMatcher
{
    private readonly IReadOnlyList<(string Pattern, string EntryId)> _patterns;

    public TermMatcher(IEnumerable<(string Pattern, string EntryId)> patterns) =>
        _patterns = patterns.Where(p => p.Pattern.Length > 0).ToList();

    public readonly record struct Match(int Start, int Length, string EntryId);

    /// <summary>Non-overlapping matches in text order.</summary>
    public IReadOnlyList<Match> Find(string text)
    {
        var candidates = new List<Match>();
        foreach (var (pattern, entryId) in _patterns)
        {
            for (var at = text.IndexOf(pattern, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(pattern, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (MatchLength(text, at, pattern) is { } length)
                {
                    candidates.Add(new Match(at, length, entryId));
                }
            }
        }

        var taken = new bool[text.Length];
        var chosen = new List<Match>();
        foreach (var m in candidates.OrderByDescending(m => m.Length).ThenBy(m => m.Start).ThenBy(m => m.EntryId, StringComparer.Ordinal))
        {
            if (!Enumerable.Range(m.Start, m.Length).Any(i => taken[i]))
            {
                chosen.Add(m);
                for (var i = m.Start; i < m.Start + m.Length; i++)
                {
                    taken[i] = true;
                }
            }
        }

        return chosen.OrderBy(m => m.Start).ToList();
    }

    private static int? MatchLength(string text, int at, string pattern)
    {
        // Han text is compared exactly; OrdinalIgnoreCase only folds Latin letters, which is what we want.
        if (IsWordChar(pattern[0]) && at > 0 && IsWordChar(text[at - 1]))
        {
            return null;
        }

        var end = at + pattern.Length;
        if (!IsWordChar(pattern[^1]))
        {
            return pattern.Length;
        }

        if (end < text.Length && char.IsAsciiLetter(pattern[^1]))
        {
            // Plural-tolerant: "pocket park" also matches "pocket parks" (and "consortium"-style aliases cover the rest).
            if (text.AsSpan(end).StartsWith("es", StringComparison.OrdinalIgnoreCase) && !IsWordCharAt(text, end + 2))
            {
                end += 2;
            }
            else if (char.ToLowerInvariant(text[end]) == 's' && !IsWordCharAt(text, end + 1))
            {
                end += 1;
            }
        }

        return IsWordCharAt(text, end) ? null : end - at;
    }

    private static bool IsWordCharAt(string text, int index) => index < text.Length && IsWordChar(text[index]);

    /// <summary>Latin letters and digits form words; Han characters do not (every position is a boundary).</summary>
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > 0x7F && char.IsLetter(c) && !IsHan(c));

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
