using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Numbers;

namespace Microsite.Figures;

/// <summary>
/// MS0710–MS0712: every figure stands in the section it cites, in every language. Its value and change
/// must occur in the Chinese section as the data states them (1100亿元 with approx: about is 1100亿元左右),
/// and, converted, in the paired English section (about 110 billion yuan). Errors: a chart must not
/// publish a number the report does not say.
/// </summary>
internal static class FigureChecks
{
    public static void Check(FigureSet? figures, SiteIndex index, DiagnosticBag diagnostics)
    {
        if (figures is null)
        {
            return;
        }

        var main = index.Config.Default;
        var texts = new Dictionary<SourcePage, PageText>(ReferenceEqualityComparer.Instance);
        var numbers = new Dictionary<(SourcePage, string), IReadOnlyList<Quantity>>();
        var all = figures.Groups.SelectMany(g => g.Figures).ToList();

        // A group's source is written once and cited by each of its figures: report a bad one once.
        foreach (var cited in all.GroupBy(f => f.Source))
        {
            var who = cited.Count() == 1 ? $"figure \"{cited.First().Id}\" cites" : $"{cited.Count()} figures (\"{cited.First().Id}\", …) cite";
            var page = index.Page(main.Code, cited.Key.Page);
            if (index.Unreadable.Contains($"{main.Code}/{cited.Key.Page}"))
            {
                continue; // the page exists but did not load: its own error says why
            }

            if (page is null || page.FallbackFrom is not null)
            {
                var pages = index.Pages.Where(p => p.Lang == main.Code && p.FallbackFrom is null).Select(p => p.RelPath);
                Error(DiagnosticIds.FigureSourceUnknown, cited.Key.At,
                    $"{who} \"{cited.Key}\", but there is no page {cited.Key.Page} in input/{main.Code}/{DidYouMean.Hint(cited.Key.Page, pages)}");
            }
            else if (TextOf(page).Sections.All(s => s.Id != cited.Key.Section))
            {
                Error(DiagnosticIds.FigureSourceUnknown, cited.Key.At,
                    $"{who} \"{cited.Key}\", but {page.DisplayPath} has no section \"{cited.Key.Section}\"{DidYouMean.Hint(cited.Key.Section, TextOf(page).Sections.Select(s => s.Id))}");
            }
        }

        foreach (var figure in all)
        {
            var page = index.Page(main.Code, figure.Source.Page);
            var section = page is null || page.FallbackFrom is not null ? null : TextOf(page).Sections.FirstOrDefault(s => s.Id == figure.Source.Section);
            if (page is null || section is null)
            {
                continue;
            }

            foreach (var lang in index.Config.Languages)
            {
                var read = NumberReaders.For(lang.HtmlLang);
                var translation = lang == main ? page : index.Pair(page, lang.Code);
                if (read is null || translation is null || translation.FallbackFrom is not null)
                {
                    continue; // a page missing in a language is reported by the translation checks
                }

                var translated = TextOf(translation);
                var other = translated.Sections.FirstOrDefault(s => s.Id == section.Id);
                if (other is null)
                {
                    continue; // sections that differ between the languages are reported by the translation checks (MS0404)
                }

                var found = NumbersOf(translation, translated, other, read);
                var id = lang == main ? DiagnosticIds.FigureNotInText : DiagnosticIds.FigureNotInTranslation;
                if (figure.Amount is { } amount)
                {
                    Expect(id, figure, figure.ValueAt, amount.Key, figure.Bound, Shown(figure, lang.Code), found, translation, section.Id);
                }

                if (figure.Change is { } change)
                {
                    var shown = QuantityFormat.Bound(change.Bound) + QuantityFormat.Value(change.Key);
                    Expect(id, figure, change.At, change.Key, change.Bound, "a change of " + shown, found, translation, section.Id);
                }
            }
        }

        // A section holds many figures: read its numbers once.
        IReadOnlyList<Quantity> NumbersOf(SourcePage page, PageText text, SectionText section, Func<string, IReadOnlyList<Quantity>> read)
        {
            if (!numbers.TryGetValue((page, section.Id), out var found))
            {
                numbers[(page, section.Id)] = found = NumberAgreement.Found(text, section, read).Select(n => n.Quantity).Where(q => !q.Tentative).ToList();
            }

            return found;
        }

        PageText TextOf(SourcePage page)
        {
            if (!texts.TryGetValue(page, out var text))
            {
                texts[page] = text = SectionTexts.Of(page);
            }

            return text;
        }

        void Expect(string id, Figure figure, Position at, QuantityKey key, Bound bound, string shown, IReadOnlyList<Quantity> found, SourcePage page, string section)
        {
            if (found.Any(q => q.Key == key && q.Bound == bound))
            {
                return;
            }

            var same = found.FirstOrDefault(q => q.Key == key);
            var hint = same is not null
                ? $": it says \"{same.Text}\"{(id == DiagnosticIds.FigureNotInText ? $" (set \"approx: {Approx(same.Bound)}\"?)" : " (is the figure or the translation wrong?)")}"
                : Nearest(key, found) is { } near ? $" (it says \"{near.Text}\": a wrong digit or unit?)" : "";
            Error(id, at, $"figure \"{figure.Id}\": {shown} is not in section \"{section}\" of {page.DisplayPath}{hint}");
        }

        void Error(string id, Position at, string message) => diagnostics.Error(id, figures.Path, at.Line, at.Column, message);
    }

    /// <summary>The value as the figure states it in a language: 1100亿元左右, about 110 billion yuan.</summary>
    private static string Shown(Figure figure, string lang)
    {
        var unit = figure.Units.GetValueOrDefault(lang);
        var value = figure.ValueIn(lang) ?? figure.Value ?? 0;
        return QuantityFormat.Bound(figure.Bound) + (unit is null ? QuantityFormat.Plain(value) : FigureLoader.Join(QuantityFormat.Plain(value), unit.Text));
    }

    private static string Approx(Bound bound) => bound switch
    {
        Bound.About => "about",
        Bound.Over => "over",
        Bound.Under => "under",
        _ => "exact (remove approx)",
    };

    /// <summary>The number of the same kind closest in value, for the hint of a figure that is not found.</summary>
    private static Quantity? Nearest(QuantityKey key, IReadOnlyList<Quantity> found) =>
        found.Where(q => q.Kind == key.Kind && q.Currency == key.Currency && q.Value > 0 && key.Value > 0)
            .OrderBy(q => Math.Abs(Math.Log10((double)q.Value) - Math.Log10((double)key.Value)))
            .FirstOrDefault();
}
