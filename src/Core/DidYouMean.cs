namespace Microsite.Core;

/// <summary>Suggests the closest known name for a misspelt one (edit distance, works for Han characters too).</summary>
internal static class DidYouMean
{
    public static string? Suggest(string wrong, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Order(StringComparer.Ordinal))
        {
            var distance = Distance(wrong.ToLowerInvariant(), candidate.ToLowerInvariant());
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

    private static int Distance(string a, string b)
    {
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
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
