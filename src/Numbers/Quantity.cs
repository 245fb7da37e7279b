namespace Microsite.Numbers;

/// <summary>What a number measures, as far as comparing two languages needs to know.</summary>
internal enum QuantityKind
{
    /// <summary>Counts, amounts, years and ordinals: 280个, 1.03 billion, 2022年, 第五 = fifth.</summary>
    Number,

    /// <summary>1.5%, 百分之五, 5 per cent.</summary>
    Percent,

    /// <summary>0.5个百分点, 0.5 percentage points: never the same as 0.5%.</summary>
    PercentagePoints,

    /// <summary>A day of the year: 1月3日, 3 January, January 3 (value month × 100 + day).</summary>
    Date,

    /// <summary>A month named with a year or a number: 1月, January 2023 (value 1–12).</summary>
    Month,

    /// <summary>
    /// A number that names something: 10号线 = Line 10, Route 5. Compared with names only, so that
    /// "Line 5" never stands in for "5 projects".
    /// </summary>
    Name,
}

/// <summary>How exact the text says a number is. 以上, 超 and "at least", "more than" all say "no less".</summary>
internal enum Bound
{
    Exact,

    /// <summary>左右, 约, 近 / about, around, nearly.</summary>
    About,

    /// <summary>以上, 超, 余, 多, 不低于 / over, more than, at least, no less than, or more.</summary>
    Over,

    /// <summary>以下, 不高于, 以内 / no more than, up to, below, within.</summary>
    Under,
}

internal enum Currency
{
    None,

    /// <summary>元 / yuan, RMB.</summary>
    Yuan,

    /// <summary>美元 / US dollars.</summary>
    UsDollar,
}

/// <summary>
/// A number read from a text and normalised, so that 145.7亿元 and 14.57 billion yuan compare equal.
/// </summary>
/// <param name="Value">The value with every scale applied (145.7亿 = 14,570,000,000).</param>
/// <param name="Start">Where it starts in the text it was read from.</param>
/// <param name="Length">How much of the text it covers, units included (72.2亿元).</param>
/// <param name="Text">That text with the words that qualify it (超5000万元, about 1.5%), for messages.</param>
internal sealed record Quantity(decimal Value, QuantityKind Kind, int Start, int Length, string Text)
{
    public Currency Currency { get; init; }

    public Bound Bound { get; init; }

    /// <summary>Written in words (四个, 十大, four, fifth) rather than in digits.</summary>
    public bool Spelled { get; init; }

    public bool Ordinal { get; init; }

    /// <summary>A year (2022年, 2019–2021): compared as a number, written without a thousands separator.</summary>
    public bool Year { get; init; }

    /// <summary>
    /// A numeral that may or may not be a number (四风 = "four forms of decadence", 双向 = "two-way",
    /// 三区三线 = "Three Zones and Three Lines"): it lets the other language say the number, but it is never
    /// required there.
    /// </summary>
    public bool Tentative { get; init; }

    public QuantityKey Key => new(Kind, Normalise(Value), Currency);

    /// <summary>
    /// One, in words, is rarely a number: 一批 = "a number of", 统一, 第一 = "the first time", "one of the
    /// province's first". Digits (1家 = 1 workstation) always count.
    /// </summary>
    public bool IsWeakOne => Spelled && Value == 1 && Kind == QuantityKind.Number;

    /// <summary>What the other language must also say: not a tentative numeral, not a "one" in words.</summary>
    public bool Required => !Tentative && !IsWeakOne;

    public int End => Start + Length;

    /// <summary>1.50 and 1.5 are the same number: drop trailing zeros so that keys compare and hash alike.</summary>
    public static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;
}

/// <summary>What two numbers must share to be the same number in two languages.</summary>
internal readonly record struct QuantityKey(QuantityKind Kind, decimal Value, Currency Currency);
