using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;

namespace Microsite.Numbers;

/// <summary>
/// MS0720–MS0722: every section (and glossary definition) says the same numbers in each language: 145.7亿元
/// is 14.57 billion yuan, 四个 is four, 左右 is about. Warnings, or errors with "numbers: strict" in site.yml.
/// </summary>
internal static class NumberAgreement
{
    /// <returns>A line for the build summary per pair of languages: how many numbers were compared, and how many differ.</returns>
    public static string Check(SiteIndex index, DiagnosticBag diagnostics) => string.Join("\n", Compare(index, diagnostics).Select(t => t.Note));

    /// <summary>Compares every section and glossary definition of the default language with each translation.</summary>
    public static IReadOnlyList<NumberTally> Compare(SiteIndex index, DiagnosticBag diagnostics)
    {
        var config = index.Config;
        var source = config.Default;
        var tallies = new List<NumberTally>();
        foreach (var other in config.Languages.Skip(1))
        {
            var readA = NumberReaders.For(source.HtmlLang);
            var readB = NumberReaders.For(other.HtmlLang);
            if (readA is null || readB is null)
            {
                tallies.Add(new NumberTally(source.Code, other.Code, 0, 0, 0, 0, 0,
                    $"numbers ({source.Code}/{other.Code}): not compared, no number reader for {(readA is null ? source.Name : other.Name)}"));
                continue;
            }

            var severity = config.Numbers == NumberPolicy.Strict ? Severity.Error : Severity.Warning;
            var pairs = new List<(SourcePage A, SourcePage B, Func<string, string> What, bool Definition)>();
            foreach (var page in index.Pages.Where(p => p.Lang == source.Code && p.FallbackFrom is null).OrderBy(p => p.RelPath, StringComparer.Ordinal))
            {
                if (index.Pair(page, other.Code) is { FallbackFrom: null } pair)
                {
                    pairs.Add((page, pair, id => $"section \"{id}\"", false));
                }
            }

            var theirs = index.Glossary.GetValueOrDefault(other.Code)?.ToDictionary(e => e.Id, StringComparer.Ordinal) ?? [];
            foreach (var entry in index.Glossary.GetValueOrDefault(source.Code) ?? [])
            {
                if (theirs.TryGetValue(entry.Id, out var translation))
                {
                    pairs.Add((entry.Source, translation.Source, _ => $"the definition of \"{entry.Meta.Term}\"", true));
                }
            }

            // Each pair of pages on its own, in parallel; the tallies and findings are then added up in order.
            var runs = Parallelism.Map(pairs, pair =>
            {
                var one = new Run(new DiagnosticBag(), severity, source, other, readA, readB);
                one.Pages(pair.A, pair.B, pair.What, pair.Definition);
                return one;
            });
            var run = new Run(diagnostics, severity, source, other, readA, readB);
            foreach (var one in runs)
            {
                run.Add(one);
            }

            tallies.Add(new NumberTally(source.Code, other.Code, run.ComparedA, run.ComparedB, run.Sections, run.Definitions, run.Findings,
                $"numbers ({source.Code}/{other.Code}): {run.ComparedA} {source.Name} and {run.ComparedB} {other.Name} numbers compared in "
                + $"{Plural(run.Sections, "section")} and {Plural(run.Definitions, "glossary definition")}; {(run.Findings == 0 ? "all agree" : $"{run.Findings} differ")}"));
        }

        return tallies;
    }

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";

    private sealed class Run(DiagnosticBag diagnostics, Severity severity, LanguageConfig langA, LanguageConfig langB,
        Func<string, IReadOnlyList<Quantity>> readA, Func<string, IReadOnlyList<Quantity>> readB)
    {
        public int ComparedA { get; private set; }

        public int ComparedB { get; private set; }

        public int Sections { get; private set; }

        public int Definitions { get; private set; }

        public int Findings { get; private set; }

        private DiagnosticBag Found => diagnostics;

        /// <summary>Adds another run's tallies and findings to this one.</summary>
        public void Add(Run other)
        {
            ComparedA += other.ComparedA;
            ComparedB += other.ComparedB;
            Sections += other.Sections;
            Definitions += other.Definitions;
            Findings += other.Findings;
            diagnostics.AddRange(other.Found.Items);
        }

        public void Pages(SourcePage a, SourcePage b, Func<string, string> what, bool definition = false)
        {
            var textA = SectionTexts.Of(a);
            var textB = SectionTexts.Of(b);
            // Sections that differ are reported by the translation checks (MS0404); numbers cannot be paired then.
            if (!textA.Sections.Select(s => s.Id).SequenceEqual(textB.Sections.Select(s => s.Id)))
            {
                return;
            }

            foreach (var (sa, sb) in textA.Sections.Zip(textB.Sections))
            {
                var numbersA = Found(textA, sa, readA);
                var numbersB = Found(textB, sb, readB);
                ComparedA += numbersA.Count(n => n.Quantity.Required);
                ComparedB += numbersB.Count(n => n.Quantity.Required);
                if (definition)
                {
                    Definitions++;
                }
                else
                {
                    Sections++;
                }

                var result = NumberComparison.Compare(numbersA, numbersB);
                Findings += result.Findings;
                Report(result, what(sa.Id), a.DisplayPath, sa, b.DisplayPath, sb);
            }
        }

        private void Report(NumberComparison result, string what, string pathA, SectionText sectionA, string pathB, SectionText sectionB)
        {
            foreach (var x in result.MissingInB)
            {
                var (line, column) = ParagraphAt(sectionB, x.Paragraph);
                Add(DiagnosticIds.NumberMissing, pathB, line, column,
                    $"{what}: \"{x.Quantity.Text}\" ({QuantityFormat.Describe(x.Quantity)}) at {pathA}:{x.Line}:{x.Column} is not in the {langB.Name} text of this paragraph (left out, or written as another number?)");
            }

            foreach (var y in result.MissingInA)
            {
                var (line, column) = ParagraphAt(sectionA, y.Paragraph);
                Add(DiagnosticIds.NumberMissing, pathA, line, column,
                    $"{what}: \"{y.Quantity.Text}\" ({QuantityFormat.Describe(y.Quantity)}) at {pathB}:{y.Line}:{y.Column} is not in the {langA.Name} text of this paragraph (added by mistake, or missing here?)");
            }

            foreach (var (x, y) in result.Differs)
            {
                Add(DiagnosticIds.NumberDiffers, pathB, y.Line, y.Column,
                    $"{what}: \"{y.Quantity.Text}\" ({QuantityFormat.Describe(y.Quantity)}) here, but \"{x.Quantity.Text}\" ({QuantityFormat.Describe(x.Quantity)}) at {pathA}:{x.Line}:{x.Column}{Hint(x.Quantity, y.Quantity)}");
            }

            foreach (var (x, y) in result.BoundDiffers)
            {
                Add(DiagnosticIds.NumberBoundDiffers, pathB, y.Line, y.Column,
                    $"{what}: \"{y.Quantity.Text}\" says {QuantityFormat.BoundWord(y.Quantity.Bound)} here, but \"{x.Quantity.Text}\" at {pathA}:{x.Line}:{x.Column} says {QuantityFormat.BoundWord(x.Quantity.Bound)}");
            }
        }

        private void Add(string id, string path, int line, int column, string message) =>
            diagnostics.Add(new Diagnostic(id, severity, path, line, column, message));

        private static (int Line, int Column) ParagraphAt(SectionText section, int paragraph) =>
            section.Paragraphs.Count == 0
                ? (section.Line, 1)
                : section.Paragraphs[Math.Clamp(paragraph, 0, section.Paragraphs.Count - 1)] is var p ? (p.Line, p.Column) : default;

        private static string Hint(Quantity x, Quantity y)
        {
            if (x.Kind != y.Kind)
            {
                return x.Kind == QuantityKind.Percent || y.Kind == QuantityKind.Percent ? " (a % sign dropped or added?)" : "";
            }

            if (x.Currency != y.Currency)
            {
                return " (the currency differs)";
            }

            if (x.Value != 0 && y.Value != 0)
            {
                var ratio = Math.Max(x.Value, y.Value) / Math.Min(x.Value, y.Value);
                if (ratio is 10m or 100m or 1000m or 10_000m)
                {
                    return " (a slip of scale? 亿 is 100 million, 万 is ten thousand)";
                }
            }

            return "";
        }
    }

    /// <summary>The numbers of one section, each with its paragraph, its place in the section and in the file.</summary>
    public static IReadOnlyList<FoundNumber> Found(PageText page, SectionText section, Func<string, IReadOnlyList<Quantity>> read)
    {
        var found = new List<FoundNumber>();
        for (var p = 0; p < section.Paragraphs.Count; p++)
        {
            var paragraph = section.Paragraphs[p];
            foreach (var q in read(paragraph.Text))
            {
                var offset = paragraph.OffsetOf(q.Start);
                var (line, column) = page.Position(offset);
                found.Add(new FoundNumber(q, p, p + (double)q.Start / Math.Max(1, paragraph.Text.Length), line, column));
            }
        }

        return found;
    }
}

/// <summary>What one comparison of two languages found, and its line for the build summary.</summary>
internal sealed record NumberTally(string LangA, string LangB, int ComparedA, int ComparedB, int Sections, int Definitions, int Findings, string Note);

/// <summary>The number reader for a language, by its BCP 47 tag; null for a language we cannot read yet.</summary>
internal static class NumberReaders
{
    public static Func<string, IReadOnlyList<Quantity>>? For(string htmlLang) =>
        htmlLang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ChineseNumberReader.Read
        : htmlLang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? EnglishNumberReader.Read
        : null;
}
