using System.Globalization;
using System.Text.RegularExpressions;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Numbers;

namespace Microsite.Figures;

/// <summary>
/// Reads input/data/figures.yml (MS0700–MS0706): typed and checked like front matter, every problem at
/// its line and column. A site without the file has no key figures; that is not an error.
/// </summary>
internal static partial class FigureLoader
{
    public const string FileName = "data/figures.yml";

    public static FigureSet? Load(FileSet input, SiteConfig config, DiagnosticBag diagnostics)
    {
        if (input.ReadBytes(FileName) is null)
        {
            return null;
        }

        if (input.Read(FileName) is not { } text)
        {
            diagnostics.Error(DiagnosticIds.DataInvalid, input.Display(FileName), 0, 0, FileSet.NotUtf8Message);
            return null;
        }

        return Load(text, input.Display(FileName), config, diagnostics);
    }

    public static FigureSet? Load(string text, string path, SiteConfig config, DiagnosticBag diagnostics)
    {
        var root = YamlFields.Parse(FrontMatter.Normalise(text), path, 0, diagnostics, YamlIds.DataFile);
        if (root is null)
        {
            return null;
        }

        var reader = new Reader(config, diagnostics);
        var groups = new List<FigureGroup>();
        foreach (var g in root.MapList("groups", required: true))
        {
            if (reader.Group(g) is { } group)
            {
                groups.Add(group);
            }
        }

        root.RejectUnknown();
        return new FigureSet(path, groups);
    }

    /// <summary>"1100" and "亿元" make 1100亿元; "110" and "billion yuan" make "110 billion yuan"; "%" joins without a space.</summary>
    public static string Join(string number, string unit) =>
        unit.Length > 0 && char.IsAsciiLetter(unit[0]) ? $"{number} {unit}" : number + unit;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<page>[A-Za-z0-9_][A-Za-z0-9_./-]*\.md)#(?<section>[A-Za-z0-9_-]+)$")]
    private static partial Regex SourcePattern();

    private sealed class Reader(SiteConfig config, DiagnosticBag diagnostics)
    {
        private readonly HashSet<string> _groupIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _figureIds = new(StringComparer.Ordinal);

        public FigureGroup? Group(YamlFields g)
        {
            var id = Id(g, _groupIds, "group");
            var title = Local(g, "title", required: true);
            var defaults = new Defaults(
                g.Has("source") ? (g.String("source"), g.PositionOf("source")) : (null, default),
                g.Int("year", min: 1900),
                g.Has("kind") ? Kind(g) : null);

            var figures = new List<Figure>();
            foreach (var f in g.MapList("figures", required: true))
            {
                if (Figure(f, defaults) is { } figure)
                {
                    figures.Add(figure);
                }
            }

            g.RejectUnknown();
            return id is null || title is null ? null : new FigureGroup(id, title, figures, g.Start.Line);
        }

        private Figure? Figure(YamlFields f, Defaults defaults)
        {
            var id = Id(f, _figureIds, "figure");
            var label = Local(f, "label", required: true);
            var value = f.Decimal("value");
            var bound = Approx(f);
            var unit = Local(f, "unit", required: value is not null);
            var change = Change(f);
            if (!f.Has("value") && !f.Has("change"))
            {
                var (line, column) = f.Start;
                diagnostics.Error(DiagnosticIds.DataMissing, f.Path, line, column, "a figure needs a \"value\", a \"change\", or both");
            }

            if (f.Has("unit") && !f.Has("value"))
            {
                f.ReportAt(DiagnosticIds.DataWrongType, "unit", "\"unit\" belongs to \"value\", and this figure has none (a change alone is in percent: write its \"unit\" inside \"change\")");
            }

            var year = f.Has("year") ? f.Int("year", min: 1900) : defaults.Year;
            if (year is null && !f.Has("year"))
            {
                Missing(f, "year", "the year it is for, here or on its group (year: 2022)");
            }

            var kind = f.Has("kind") ? Kind(f) : defaults.Kind;
            if (kind is null && !f.Has("kind"))
            {
                Missing(f, "kind", "result or target, here or on its group (kind: result)");
            }

            var (sourceText, sourceAt) = f.Has("source") ? (f.String("source"), f.PositionOf("source")) : defaults.Source;
            FigureSource? source = null;
            if (sourceText is null && !f.Has("source") && defaults.Source.Text is null)
            {
                Missing(f, "source", "the section it comes from, here or on its group (source: review-2022.md#economy)");
            }
            else if (sourceText is not null)
            {
                var match = SourcePattern().Match(sourceText);
                if (match.Success)
                {
                    source = new FigureSource(match.Groups["page"].Value, match.Groups["section"].Value, new Position(sourceAt.Line, sourceAt.Column));
                }
                else
                {
                    diagnostics.Error(DiagnosticIds.FigureSourceInvalid, f.Path, sourceAt.Line, sourceAt.Column,
                        $"\"{sourceText}\" is not a section of the report: write the page's file and the section's id, like review-2022.md#economy");
                }
            }

            var home = f.Bool("home") ?? false;
            f.RejectUnknown();

            var (amount, units) = value is not null && unit is not null ? Units(f, value.Value, bound, unit) : (null, new Dictionary<string, FigureUnit>());
            if (id is null || label is null || year is null || kind is null || source is null || (value is null && change is null) || (value is not null && amount is null))
            {
                return null;
            }

            var at = f.Start;
            var valueAt = f.Has("value") ? f.PositionOf("value") : change?.At is { } c ? (c.Line, c.Column) : at;
            return new Figure(id, label, value, bound, amount, units, change, year.Value, kind.Value, source, home,
                new Position(at.Line, at.Column), new Position(valueAt.Line, valueAt.Column));
        }

        /// <summary>
        /// The value normalised by the default language's number reader (1100 and 亿元 = 1.1 × 10¹¹ yuan), and how
        /// much one unit is in each language, so that every language shows the value its own way.
        /// </summary>
        private (Quantity? Amount, Dictionary<string, FigureUnit> Units) Units(YamlFields f, decimal value, Bound bound, LocalText unit)
        {
            var units = new Dictionary<string, FigureUnit>(StringComparer.Ordinal);
            var main = config.Default;
            var (line, column) = f.PositionOf("unit");
            var one = Read(main, "1", unit[main.Code]);
            if (one is null)
            {
                diagnostics.Error(DiagnosticIds.FigureUnitUnread, f.Path, line, column,
                    $"unit \"{unit[main.Code]}\" is not understood as a unit of a number: use the words the report puts after the number (亿元, 万人, 个, %)");
                return (null, units);
            }

            var amount = new Quantity(Quantity.Normalise(value * one.Value), one.Kind, 0, 0, Join(value.ToString(CultureInfo.InvariantCulture), unit[main.Code]))
            {
                Currency = one.Currency,
                Bound = bound,
            };

            foreach (var lang in config.Languages)
            {
                var text = unit[lang.Code];
                var read = lang == main ? one : Read(lang, "1", text);
                if (read is null && NumberReaders.For(lang.HtmlLang) is not null)
                {
                    diagnostics.Error(DiagnosticIds.FigureUnitUnread, f.Path, line, column,
                        $"unit \"{text}\" ({lang.Code}) is not understood as a unit of a number (like billion yuan, people, %)");
                    return (null, units);
                }

                read ??= one;
                if (read.Kind != one.Kind || read.Currency != one.Currency)
                {
                    diagnostics.Error(DiagnosticIds.FigureUnitUnread, f.Path, line, column,
                        $"unit \"{text}\" ({lang.Code}) is not the same kind of unit as \"{unit[main.Code]}\" ({main.Code}): {Kind(read)} against {Kind(one)}");
                    return (null, units);
                }

                units[lang.Code] = new FigureUnit(text, read.Value);
            }

            return (amount, units);
        }

        private static string Kind(Quantity q) => q.Kind switch
        {
            QuantityKind.Percent => "a percentage",
            QuantityKind.PercentagePoints => "percentage points",
            _ => q.Currency switch { Currency.Yuan => "yuan", Currency.UsDollar => "US dollars", _ => "a count or measure" },
        };

        private static Quantity? Read(LanguageConfig lang, string number, string unit)
        {
            var read = NumberReaders.For(lang.HtmlLang);
            var found = read?.Invoke(Join(number, unit));
            return found?.FirstOrDefault(q => q.Start == 0 && !q.Tentative && q.Kind is QuantityKind.Number or QuantityKind.Percent or QuantityKind.PercentagePoints);
        }

        private FigureChange? Change(YamlFields f)
        {
            if (f.Map("change") is not { } c)
            {
                return null;
            }

            var value = c.Decimal("value", required: true);
            var unit = c.Enum("unit", QuantityKind.Percent, ("percent", QuantityKind.Percent), ("points", QuantityKind.PercentagePoints));
            var bound = Approx(c);
            var baseText = c.Has("base") ? Local(c, "base", required: true) : LocalText.Empty;
            var (line, column) = c.PositionOf("value");
            c.RejectUnknown();
            return value is null || baseText is null ? null : new FigureChange(value.Value, unit, bound, baseText, new Position(line, column));
        }

        private static Bound Approx(YamlFields f) =>
            f.Enum("approx", Bound.Exact, ("about", Bound.About), ("over", Bound.Over), ("under", Bound.Under));

        private static FigureKind? Kind(YamlFields f) =>
            f.Has("kind") && f.String("kind") is { } text && text is "result" or "target"
                ? f.Enum<FigureKind>("kind", FigureKind.Result, ("result", FigureKind.Result), ("target", FigureKind.Target))
                : Unknown(f);

        private static FigureKind? Unknown(YamlFields f)
        {
            f.ReportAt(DiagnosticIds.DataWrongType, "kind", $"\"kind\" must be result or target, not \"{f.String("kind")}\"");
            return null;
        }

        private string? Id(YamlFields f, HashSet<string> seen, string what)
        {
            var id = f.String("id", required: true);
            if (id is null)
            {
                return null;
            }

            if (!IdPattern().IsMatch(id))
            {
                f.ReportAt(DiagnosticIds.DataWrongType, "id", $"{what} id \"{id}\" must be lowercase ASCII letters, digits and hyphens (it becomes an anchor), like gdp-growth");
                return null;
            }

            if (!seen.Add(id))
            {
                f.ReportAt(DiagnosticIds.FigureDuplicate, "id", $"{what} id \"{id}\" is already used in this file; every {what} needs its own");
                return null;
            }

            return id;
        }

        /// <summary>A text in every language of the site: { zh: 地区生产总值, en: Gross regional product }.</summary>
        private LocalText? Local(YamlFields f, string key, bool required)
        {
            if (!f.Has(key))
            {
                if (required)
                {
                    Missing(f, key, $"a text in each language, like {key}: {{ {string.Join(", ", config.Languages.Select(l => l.Code + ": …"))} }}");
                }

                return null;
            }

            var map = f.Map(key);
            if (map is null)
            {
                return null;
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var lang in config.Languages)
            {
                if (map.String(lang.Code, required: true) is { } text)
                {
                    texts[lang.Code] = text;
                }
            }

            map.RejectUnknown();
            return texts.Count == config.Languages.Count ? new LocalText(texts) : null;
        }

        private void Missing(YamlFields f, string key, string what)
        {
            var (line, column) = f.Start;
            diagnostics.Error(DiagnosticIds.DataMissing, f.Path, line, column, $"missing required \"{key}\": {what}");
        }
    }

    private sealed record Defaults((string? Text, (int Line, int Column) At) Source, int? Year, FigureKind? Kind);
}
