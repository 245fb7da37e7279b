namespace Microsite.Numbers;

/// <summary>A number found in a section: its paragraph, its place in the section (for pairing) and in the file.</summary>
/// <param name="Paragraph">Index of its paragraph in the section (both languages have the same paragraphs).</param>
/// <param name="Position">Paragraph index plus the fraction of the paragraph before it: where it stands in the section.</param>
internal sealed record FoundNumber(Quantity Quantity, int Paragraph, double Position, int Line, int Column);

/// <summary>How the numbers of one section compare with those of its translation.</summary>
/// <param name="MissingInB">Numbers of A that B does not have (and has no differing number for).</param>
/// <param name="MissingInA">Numbers of B that A does not have.</param>
/// <param name="Differs">A number of A and the number of B, in the same paragraph, that stands where it should.</param>
/// <param name="BoundDiffers">The same number, said exactly in one language and approximately in the other.</param>
internal sealed record NumberComparison(
    IReadOnlyList<(FoundNumber A, FoundNumber B)> Matched,
    IReadOnlyList<FoundNumber> MissingInB,
    IReadOnlyList<FoundNumber> MissingInA,
    IReadOnlyList<(FoundNumber A, FoundNumber B)> Differs,
    IReadOnlyList<(FoundNumber A, FoundNumber B)> BoundDiffers)
{
    public int Findings => MissingInA.Count + MissingInB.Count + Differs.Count + BoundDiffers.Count;

    /// <summary>
    /// Pairs every number of <paramref name="a"/> with an equal one of <paramref name="b"/>: numbers both
    /// sides require first, in the same paragraph and with the same bound where possible, nearest first.
    /// What is left over is missing, unless the other side has a tentative numeral of that value
    /// (四风 for "four"); two left-overs in the same paragraph are one number that differs.
    /// </summary>
    public static NumberComparison Compare(IReadOnlyList<FoundNumber> a, IReadOnlyList<FoundNumber> b)
    {
        var usedA = new bool[a.Count];
        var usedB = new bool[b.Count];
        // A key normalises a decimal: made once per number, not once per pair in each of the five passes.
        var keysB = b.Select(f => f.Quantity.Key).ToArray();
        var matched = new List<(int A, int B)>();

        Match((x, y) => x.Quantity.Required && y.Quantity.Required && x.Paragraph == y.Paragraph && x.Quantity.Bound == y.Quantity.Bound);
        Match((x, y) => x.Quantity.Required && y.Quantity.Required && x.Paragraph == y.Paragraph);
        Match((x, y) => x.Quantity.Required && y.Quantity.Required && x.Quantity.Bound == y.Quantity.Bound);
        Match((x, y) => x.Quantity.Required && y.Quantity.Required);
        Match((_, _) => true);

        var leftA = Left(a, usedA, b);
        var leftB = Left(b, usedB, a);

        var differs = new List<(FoundNumber, FoundNumber)>();
        foreach (var x in leftA.ToList())
        {
            var partner = leftB.Where(y => y.Paragraph == x.Paragraph && Comparable(x.Quantity.Kind, y.Quantity.Kind))
                .OrderBy(y => Math.Abs(y.Position - x.Position)).FirstOrDefault();
            if (partner is not null)
            {
                differs.Add((x, partner));
                leftA.Remove(x);
                leftB.Remove(partner);
            }
        }

        var pairs = matched.Select(m => (a[m.A], b[m.B])).ToList();
        var bounds = pairs.Where(p => p.Item1.Quantity.Required && p.Item2.Quantity.Required && p.Item1.Quantity.Bound != p.Item2.Quantity.Bound).ToList();
        return new NumberComparison(pairs, leftA, leftB, differs, bounds);

        void Match(Func<FoundNumber, FoundNumber, bool> allowed)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (usedA[i] || a[i].Quantity.Tentative)
                {
                    continue;
                }

                var key = a[i].Quantity.Key;
                var best = -1;
                var distance = double.MaxValue;
                for (var j = 0; j < b.Count; j++)
                {
                    if (usedB[j] || b[j].Quantity.Tentative || keysB[j] != key || !allowed(a[i], b[j]))
                    {
                        continue;
                    }

                    var d = Math.Abs(a[i].Position - b[j].Position);
                    if (d < distance)
                    {
                        (best, distance) = (j, d);
                    }
                }

                if (best >= 0)
                {
                    usedA[i] = usedB[best] = true;
                    matched.Add((i, best));
                }
            }
        }
    }

    private static List<FoundNumber> Left(IReadOnlyList<FoundNumber> side, bool[] used, IReadOnlyList<FoundNumber> other)
    {
        var tentative = other.Where(o => o.Quantity.Tentative).Select(o => o.Quantity.Key).ToHashSet();
        return side.Where((f, i) => !used[i] && f.Quantity.Required && !tentative.Contains(f.Quantity.Key)).ToList();
    }

    /// <summary>Kinds that one slip can turn into each other: 17.7% written as 17.7, a name for a count.</summary>
    private static bool Comparable(QuantityKind x, QuantityKind y) =>
        x == y || (x is QuantityKind.Number or QuantityKind.Percent or QuantityKind.PercentagePoints && y is QuantityKind.Number or QuantityKind.Percent or QuantityKind.PercentagePoints);
}
