namespace Microsite.Numbers;

/// <summary>Numbers that are part of a code in either language, so that neither reader counts them.</summary>
internal static class NumberCodes
{
    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal) { "RMB", "USD", "CNY", "US", "HK" };

    /// <summary>True when <paramref name="at"/> follows an all-capital word of two or more letters and one space (ISO 9001).</summary>
    public static bool AfterAcronym(string text, int at)
    {
        // Only "ACRONYM 123" is decided here; codes glued to their letters (G524) are the caller's.
        if (at < 3 || text[at - 1] != ' ')
        {
            return false;
        }

        var start = at - 1;
        while (start > 0 && text[start - 1] is >= 'A' and <= 'Z')
        {
            start--;
        }

        var word = text[start..(at - 1)];
        return word.Length >= 2 && (start == 0 || !char.IsAsciiLetter(text[start - 1])) && !Currencies.Contains(word);
    }
}
