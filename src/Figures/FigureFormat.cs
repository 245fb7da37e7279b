using System.Globalization;
using Microsite.Numbers;

namespace Microsite.Figures;

/// <summary>
/// The words of charts and tables in one language. Chinese and English are built in; the layout can pass
/// its own (from theme/i18n) for another language.
/// </summary>
internal sealed record ChartText(
    string Result,
    string Target,
    string Growth,
    string Indicator,
    string Value,
    string Change,
    string Year,
    string Kind,
    string Source,
    bool Chinese)
{
    public static ChartText Zh { get; } = new("实绩", "目标", "增长（%）", "指标", "数值", "增减", "年份", "类别", "出处", Chinese: true);

    public static ChartText En { get; } = new("result", "target", "Growth (%)", "Indicator", "Value", "Change", "Year", "Kind", "Source", Chinese: false);

    public static ChartText For(string lang) => lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}

/// <summary>A figure's value and change as a reader of one language expects them: 1100亿元左右, about 110 billion yuan.</summary>
internal static class FigureFormat
{
    /// <summary>The value with its unit and bound, or "" for a figure that is only a change.</summary>
    public static string Value(Figure figure, string lang, ChartText text)
    {
        if (figure.ValueIn(lang) is not { } value)
        {
            return "";
        }

        var unit = figure.Units.TryGetValue(lang, out var u) ? u.Text : "";
        return Bounded(FigureLoader.Join(Number(value, text), unit), figure.Bound, text);
    }

    /// <summary>The change in a sentence: 同比增长17.7%, up 17.7% year on year, 增长1.5%左右, up about 1.5%.</summary>
    public static string Change(Figure figure, string lang, ChartText text)
    {
        if (figure.Change is not { } change)
        {
            return "";
        }

        var baseText = change.Base[lang];
        var magnitude = Math.Abs(change.Value);
        var points = change.Unit == QuantityKind.PercentagePoints;
        if (text.Chinese)
        {
            var verb = change.Value < 0 ? (points ? "下降" : "下降") : (points ? "提高" : "增长");
            var amount = Number(magnitude, text) + (points ? "个百分点" : "%");
            return baseText + verb + Bounded(amount, change.Bound, text);
        }

        var english = Bounded(Number(magnitude, text) + (points ? " percentage point" + (magnitude == 1 ? "" : "s") : "%"), change.Bound, text);
        return $"{(change.Value < 0 ? "down" : "up")} {english}{(baseText.Length > 0 ? " " + baseText : "")}";
    }

    /// <summary>The change as a chart labels its bar: 1.5%左右, about +1.5%, −2%.</summary>
    public static string ChangeShort(Figure figure, ChartText text)
    {
        if (figure.Change is not { } change)
        {
            return "";
        }

        var sign = change.Value < 0 ? "−" : text.Chinese ? "" : "+";
        var unit = change.Unit == QuantityKind.PercentagePoints ? (text.Chinese ? "个百分点" : " pp") : "%";
        return Bounded(sign + Number(Math.Abs(change.Value), text) + unit, change.Bound, text);
    }

    public static string Year(Figure figure, ChartText text) =>
        text.Chinese ? figure.Year.ToString(CultureInfo.InvariantCulture) + "年" : figure.Year.ToString(CultureInfo.InvariantCulture);

    public static string Kind(Figure figure, ChartText text) => figure.Kind == FigureKind.Target ? text.Target : text.Result;

    /// <summary>Chinese writes 1100 and 4171 as the report does; English writes 1,100 and 4,171.</summary>
    public static string Number(decimal value, ChartText text) =>
        Quantity.Normalise(value).ToString(text.Chinese ? "0.##########" : "#,0.##########", CultureInfo.InvariantCulture);

    /// <summary>左右 and 以上 follow a Chinese number, 不高于 precedes it; English puts its words first.</summary>
    public static string Bounded(string number, Bound bound, ChartText text) => (bound, text.Chinese) switch
    {
        (Bound.About, true) => number + "左右",
        (Bound.Over, true) => number + "以上",
        (Bound.Under, true) => "不高于" + number,
        (Bound.About, false) => "about " + number,
        (Bound.Over, false) => "over " + number,
        (Bound.Under, false) => "no more than " + number,
        _ => number,
    };
}
