namespace Microsite.Markdown.Glossary;

/// <summary>
/// Finds glossary terms in running text. Longest match first across all terms and aliases, because
/// Chinese has no word boundaries (三区三线 must win over a shorter overlapping term). Latin-script edges
/// of a term only match on word boundaries, case-insensitively, with an optional plural "s"/"es".
/// </summary>
/// <remarks>
/// One Aho–Corasick automaton over every term and alias: a text is scanned once whatever the number of
/// terms (a site with 500 terms links as fast as one with 30). Built with a dictionary per node, then kept
/// as arrays: the root, where the scan spends most steps, answers every character with one array read;
/// the other nodes keep their few edges sorted (a dictionary look-up per character was 4 % of a
/// 10,000-page build).
/// </remarks>
internal sealed class TermMatcher
{
    private readonly int[] _root = new int[char.MaxValue + 1]; // child of the root for each folded character, or 0
    private readonly int[] _edgeStart; // node i's edges are _edgeChars[_edgeStart[i].._edgeStart[i + 1]], sorted
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly List<int> _fail = [0];
    private readonly List<int> _terminal = [-1]; // pattern index ending at this node, or -1
    private readonly List<int> _outLink = [-1]; // nearest node on the fail chain that is terminal
    private readonly List<(string Pattern, string EntryId)> _patterns;

    public TermMatcher(IEnumerable<(string Pattern, string EntryId)> patterns)
    {
        _patterns = patterns.Where(p => p.Pattern.Length > 0).ToList();
        var next = new List<Dictionary<char, int>> { new() };
        for (var i = 0; i < _patterns.Count; i++)
        {
            var node = 0;
            foreach (var c in _patterns[i].Pattern)
            {
                var key = Fold(c);
                if (!next[node].TryGetValue(key, out var child))
                {
                    child = next.Count;
                    next.Add([]);
                    _fail.Add(0);
                    _terminal.Add(-1);
                    _outLink.Add(-1);
                    next[node][key] = child;
                }

                node = child;
            }

            // Two entries never share a folded name (the index reports MS0101), so the first owner wins.
            if (_terminal[node] < 0)
            {
                _terminal[node] = i;
            }
        }

        LinkFailures(next);

        foreach (var (c, child) in next[0])
        {
            _root[c] = child;
        }

        _edgeStart = new int[next.Count + 1];
        for (var node = 0; node < next.Count; node++)
        {
            _edgeStart[node + 1] = _edgeStart[node] + next[node].Count;
        }

        _edgeChars = new char[_edgeStart[^1]];
        _edgeTargets = new int[_edgeStart[^1]];
        for (var node = 0; node < next.Count; node++)
        {
            var at = _edgeStart[node];
            foreach (var (c, child) in next[node].OrderBy(e => e.Key))
            {
                _edgeChars[at] = c;
                _edgeTargets[at++] = child;
            }
        }
    }

    public readonly record struct Match(int Start, int Length, string EntryId);

    /// <summary>Non-overlapping matches in text order.</summary>
    public IReadOnlyList<Match> Find(ReadOnlySpan<char> text)
    {
        List<Match>? candidates = null;
        var node = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // One look-up a step: the edge if there is one, else along the failure links (to the root, at worst).
            var c = Fold(text[i]);
            int child;
            while ((child = Child(node, c)) == 0 && node != 0)
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

    /// <summary>The child of node for c, or 0 (no node but the root is 0, so 0 means "no edge").</summary>
    private int Child(int node, char c)
    {
        if (node == 0)
        {
            return _root[c];
        }

        var chars = _edgeChars.AsSpan(_edgeStart[node], _edgeStart[node + 1] - _edgeStart[node]);
        var at = chars.Length <= 8 ? chars.IndexOf(c) : chars.BinarySearch(c);
        return at < 0 ? 0 : _edgeTargets[_edgeStart[node] + at];
    }

    private void LinkFailures(List<Dictionary<char, int>> next)
    {
        var queue = new Queue<int>(next[0].Values);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (c, child) in next[node])
            {
                var fail = _fail[node];
                while (fail != 0 && !next[fail].ContainsKey(c))
                {
                    fail = _fail[fail];
                }

                _fail[child] = next[fail].TryGetValue(c, out var target) && target != child ? target : 0;
                _outLink[child] = _terminal[_fail[child]] >= 0 ? _fail[child] : _outLink[_fail[child]];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Han text is compared exactly (and skips the casing tables); letters fold to lower case.</summary>
    private static char Fold(char c) => IsHan(c) ? c : char.ToLowerInvariant(c);

    /// <summary>How much of the text a pattern found at <paramref name="at"/> covers (a plural ending included), or null off a word's edges.</summary>
    internal static int? MatchLength(ReadOnlySpan<char> text, int at, string pattern)
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
            if (text[end..].StartsWith("es", StringComparison.OrdinalIgnoreCase) && !IsWordCharAt(text, end + 2))
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

    private static bool IsWordCharAt(ReadOnlySpan<char> text, int index) => index < text.Length && IsWordChar(text[index]);

    /// <summary>Latin letters and digits form words; Han characters do not (every position is a boundary).</summary>
    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > 0x7F && char.IsLetter(c) && !IsHan(c));

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
