namespace Microsite.Markdown.Glossary;

/// <summary>
/// Finds glossary terms in running text. Longest match first across all terms and aliases, because
/// Chinese has no word boundaries (三区三线 must win over a shorter overlapping term). Latin-script edges
/// of a term only match on word boundaries, case-insensitively, with an optional plural "s"/"es".
/// </summary>
/// <remarks>
/// One Aho–Corasick automaton over every term and alias: a text is scanned once whatever the number of
/// terms (a site with 500 terms links as fast as one with 30).
/// </remarks>
internal sealed class TermMatcher
{
    private readonly List<Dictionary<char, int>> _next = [new()];
    private readonly List<int> _fail = [0];
    private readonly List<int> _terminal = [-1]; // pattern index ending at this node, or -1
    private readonly List<int> _outLink = [-1]; // nearest node on the fail chain that is terminal
    private readonly List<(string Pattern, string EntryId)> _patterns;

    public TermMatcher(IEnumerable<(string Pattern, string EntryId)> patterns)
    {
        _patterns = patterns.Where(p => p.Pattern.Length > 0).ToList();
        for (var i = 0; i < _patterns.Count; i++)
        {
            var node = 0;
            foreach (var c in _patterns[i].Pattern)
            {
                var key = Fold(c);
                if (!_next[node].TryGetValue(key, out var child))
                {
                    child = _next.Count;
                    _next.Add([]);
                    _fail.Add(0);
                    _terminal.Add(-1);
                    _outLink.Add(-1);
                    _next[node][key] = child;
                }

                node = child;
            }

            // Two entries never share a folded name (the index reports MS0101), so the first owner wins.
            if (_terminal[node] < 0)
            {
                _terminal[node] = i;
            }
        }

        LinkFailures();
    }

    public readonly record struct Match(int Start, int Length, string EntryId);

    /// <summary>Non-overlapping matches in text order.</summary>
    public IReadOnlyList<Match> Find(string text)
    {
        List<Match>? candidates = null;
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // One look-up a step: the edge if there is one, else along the failure links (to the root, at worst).
            var c = Fold(text[i]);
            int child;
            while (!_next[node].TryGetValue(c, out child) && node != 0)
            {
                node = _fail[node];
            }

            node = child; // 0 when even the root has no edge for c
            for (var hit = _terminal[node] >= 0 ? node : _outLink[node]; hit > 0; hit = _outLink[hit])
            {
                var (pattern, entryId) = _patterns[_terminal[hit]];
                var start = i - pattern.Length + 1;
                if (MatchLength(text, start, pattern) is { } length)
                {
                    (candidates ??= []).Add(new Match(start, length, entryId));
                }
            }
        }

        if (candidates is null)
        {
            return [];
        }

        var taken = new bool[text.Length];
        var chosen = new List<Match>();
        candidates.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : string.CompareOrdinal(a.EntryId, b.EntryId));
        foreach (var m in candidates)
        {
            if (taken.AsSpan(m.Start, m.Length).Contains(true))
            {
                continue;
            }

            chosen.Add(m);
            taken.AsSpan(m.Start, m.Length).Fill(true);
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private void LinkFailures()
    {
        var queue = new Queue<int>(_next[0].Values);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in _next[node])
            {
                var fail = _fail[node];
                while (fail != 0 && !_next[fail].ContainsKey(c))
                {
                    fail = _fail[fail];
                }

                _fail[child] = _next[fail].TryGetValue(c, out var target) && target != child ? target : 0;
                _outLink[child] = _terminal[_fail[child]] >= 0 ? _fail[child] : _outLink[_fail[child]];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Han text is compared exactly; letters fold to lower case.</summary>
    private static char Fold(char c) => char.ToLowerInvariant(c);

    private static int? MatchLength(string text, int at, string pattern)
    {
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
