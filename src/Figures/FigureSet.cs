using Microsite.Numbers;

namespace Microsite.Figures;

/// <summary>Everything input/data/figures.yml says, typed: the report's key figures, grouped as the report groups them.</summary>
/// <param name="Path">The file, as diagnostics name it (input/data/figures.yml).</param>
internal sealed record FigureSet(string Path, IReadOnlyList<FigureGroup> Groups)
{
    /// <summary>The figures marked for the home page, in file order.</summary>
    public IReadOnlyList<Figure> Home => Groups.SelectMany(g => g.Figures).Where(f => f.Home).ToList();
}

/// <summary>A group of figures: one chart, one table, one section of the figures page.</summary>
/// <param name="Id">Anchor on the figures page, unique in the file.</param>
internal sealed record FigureGroup(string Id, LocalText Title, IReadOnlyList<Figure> Figures, int Line);

/// <summary>One headline indicator: a value, a change, or both, with the section of the report that states it.</summary>
/// <param name="Value">The value as the default language writes it (1100 for 1100亿元), or null for a change alone.</param>
/// <param name="Amount">The value normalised (1100亿元 = 110,000,000,000 yuan), as the number readers read the text.</param>
/// <param name="Units">Per language, the unit after the value and how much one of it is (亿元 = 10⁸, billion yuan = 10⁹);
/// in the site's language order, the default language first.</param>
internal sealed record Figure(
    string Id,
    LocalText Label,
    decimal? Value,
    Bound Bound,
    Quantity? Amount,
    IReadOnlyDictionary<string, FigureUnit> Units,
    FigureChange? Change,
    int Year,
    FigureKind Kind,
    FigureSource Source,
    bool Home,
    Position At,
    Position ValueAt)
{
    /// <summary>The value as a language writes it: 110 for "billion yuan" when the Chinese says 1100亿元.</summary>
    public decimal? ValueIn(string lang) =>
        Amount is null || !Units.TryGetValue(lang, out var unit) || unit.Scale == 0 ? Value : Quantity.Normalise(Amount.Value / unit.Scale);
}

/// <param name="Text">What follows the number in that language (亿元, billion yuan, %, people).</param>
/// <param name="Scale">How much one of the unit is: 10⁸ for 亿元, 10⁹ for billion yuan, 1 for people.</param>
internal sealed record FigureUnit(string Text, decimal Scale);

/// <summary>A change in percent (or percentage points) and what it is measured against.</summary>
/// <param name="Base">Per language, what the change compares with (同比 / year on year); empty when the text says none.</param>
internal sealed record FigureChange(decimal Value, QuantityKind Unit, Bound Bound, LocalText Base, Position At)
{
    public QuantityKey Key => new(Unit, Quantity.Normalise(Value), Currency.None);
}

internal enum FigureKind
{
    /// <summary>What was achieved (2022年实绩).</summary>
    Result,

    /// <summary>What is aimed for (2023年目标).</summary>
    Target,
}

/// <summary>The section of the report a figure comes from: a page of input/&lt;lang&gt;/ and a heading id.</summary>
internal sealed record FigureSource(string Page, string Section, Position At)
{
    public override string ToString() => $"{Page}#{Section}";
}

/// <summary>A text in every language of the site.</summary>
internal sealed record LocalText(IReadOnlyDictionary<string, string> ByLang)
{
    public static LocalText Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The text in <paramref name="lang"/>, or in the first language that has one.</summary>
    public string this[string lang] => ByLang.TryGetValue(lang, out var text) ? text : ByLang.Values.FirstOrDefault() ?? "";
}

/// <summary>A line and column in the data file.</summary>
internal readonly record struct Position(int Line, int Column);
