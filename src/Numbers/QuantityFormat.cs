using System.Globalization;

namespace Microsite.Numbers;

/// <summary>A normalised number in words a reader of any language's diagnostics can check: 7.22 billion yuan, about 1.5%.</summary>
internal static class QuantityFormat
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Describe(Quantity q) => Bound(q.Bound) + (q.Year ? Plain(q.Value) : Value(q.Key, q.Ordinal));

    public static string Bound(Bound bound) => bound switch
    {
        Numbers.Bound.About => "about ",
        Numbers.Bound.Over => "at least ",
        Numbers.Bound.Under => "at most ",
        _ => "",
    };

    public static string BoundWord(Bound bound) => bound switch
    {
        Numbers.Bound.About => "about",
        Numbers.Bound.Over => "more than (or at least)",
        Numbers.Bound.Under => "no more than",
        _ => "exactly",
    };

    public static string Value(QuantityKey key, bool ordinal = false)
    {
        var v = key.Value;
        return key.Kind switch
        {
            QuantityKind.Percent => Plain(v) + "%",
            QuantityKind.PercentagePoints => Plain(v) + " percentage point" + (v == 1 ? "" : "s"),
            QuantityKind.Date when v >= 101 => $"{(int)(v % 100)} {MonthNames[Math.Clamp((int)(v / 100) - 1, 0, 11)]}",
            QuantityKind.Month when v is >= 1 and <= 12 => MonthNames[(int)v - 1],
            QuantityKind.Name => "no. " + Plain(v),
            _ when ordinal && v == decimal.Truncate(v) && v < 10_000 => Plain(v) + OrdinalSuffix((int)v),
            _ => Amount(v) + key.Currency switch
            {
                Currency.Yuan => " yuan",
                Currency.UsDollar => " US dollars",
                _ => "",
            },
        };
    }

    /// <summary>1,100; 23,000; 7.22 billion; 1.5 million: the way an English text writes an amount.</summary>
    public static string Amount(decimal v)
    {
        foreach (var (scale, word) in new[] { (1_000_000_000_000m, "trillion"), (1_000_000_000m, "billion"), (1_000_000m, "million") })
        {
            if (Math.Abs(v) >= scale)
            {
                return Plain(v / scale) + " " + word;
            }
        }

        return v.ToString("#,0.######", CultureInfo.InvariantCulture);
    }

    public static string Plain(decimal v) => Quantity.Normalise(v).ToString("0.######", CultureInfo.InvariantCulture);

    private static string OrdinalSuffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
