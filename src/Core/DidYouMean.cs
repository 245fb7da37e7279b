namespace Microsite.Core;

/// <summary>
/// Suggests the closest known name for a misspelt one: edit distance that counts two swapped neighbours
/// as one edit (Damerau-Levenshtein, optimal string alignment: "TDO" is one edit from "TOD"), ignoring
/// letter case; works for Han characters too.
/// </summary>
internal static class DidYouMean
{
    public static string? Suggest(string wrong, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var (a, b) = (wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
            var distance = Distance(a, b);

            // A word cut short or run on ("alias" for "aliases", "description" for "desc") is a near miss too.
            if (Math.Min(a.Length, b.Length) >= 4 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal)))
            {
                distance = Math.Min(distance, 1);
            }

            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Only a near miss is a useful hint: at most a third of the word may differ.
        return best is not null && bestDistance <= Math.Max(1, wrong.Length / 3) ? best : null;
    }

    public static string Hint(string wrong, IEnumerable<string> known) =>
        Suggest(wrong, known) is { } s ? $" (did you mean \"{s}\"?)" : "";

    public static int Distance(string a, string b)
    {
        // Three rows: a swap looks two characters back.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}
