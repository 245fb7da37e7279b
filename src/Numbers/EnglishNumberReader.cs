using System.Globalization;

namespace Microsite.Numbers;

/// <summary>
/// Reads the numbers of an English text: digits with thousands separators and scale words (1,100;
/// 14.57 billion yuan; 1.03 billion US dollars), numbers in words (four, twenty-three, a dozen, one million),
/// ordinals (5th, fifth), percentages and percentage points, dates (3 January 2023, January 3), ranges
/// (400–800 metres, 3 to 5 billion) and the words that make a number approximate (about, more than, at least,
/// no more than, or more).
/// </summary>
/// <remarks>
/// Not numbers: codes glued to letters (COVID-19, G524, PM2.5, 4A, 5G), list markers ((1)), the
/// article "a". Numbers that name something (Line 10, Lines 2, 4 and 7, Route 5, Phase 2) are
/// <see cref="QuantityKind.Name"/>s.
/// </remarks>
internal static class EnglishNumberReader
{
    private static readonly Dictionary<string, int> Cardinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["twice"] = 2, ["thrice"] = 3, // 两倍 = twice
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
        ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90, ["hundredth"] = 100,
    };

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> CardinalSpans = Cardinals.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalSpans = Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m, ["trillion"] = 1_000_000_000_000m,
    };

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Words after which a number names something rather than counts it (case-sensitive: "the line" is not a name).</summary>
    private static readonly HashSet<string> NameWords = new(StringComparer.Ordinal)
    {
        "Line", "Lines", "Route", "Routes", "No", "Nos", "Number", "Phase", "Exit", "Gate", "Platform", "Terminal", "Room",
        "Building", "Highway", "Expressway", "Metro", "Bus", "Article", "Articles", "Chapter", "Section", "Item", "Level",
    };

    /// <summary>Words that make the following "second" an ordinal (otherwise it is a unit of time).</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "its", "their", "our", "his", "her", "every", "each" };

    private static readonly (string Text, Bound Bound)[] Prefixes = new[]
    {
        ("more than", Bound.Over), ("over", Bound.Over), ("above", Bound.Over), ("exceeding", Bound.Over), ("in excess of", Bound.Over),
        ("at least", Bound.Over), ("no less than", Bound.Over), ("not less than", Bound.Over), ("no fewer than", Bound.Over),
        ("not fewer than", Bound.Over), ("upwards of", Bound.Over), ("greater than", Bound.Over), ("beyond", Bound.Over),
        ("no more than", Bound.Under), ("not more than", Bound.Under), ("no higher than", Bound.Under), ("not higher than", Bound.Under),
        ("not exceeding", Bound.Under), ("no greater than", Bound.Under), ("up to", Bound.Under), ("under", Bound.Under),
        ("below", Bound.Under), ("less than", Bound.Under), ("fewer than", Bound.Under), ("at most", Bound.Under), ("within", Bound.Under),
        ("about", Bound.About), ("around", Bound.About), ("approximately", Bound.About), ("nearly", Bound.About),
        ("almost", Bound.About), ("roughly", Bound.About), ("close to", Bound.About),
    }.OrderByDescending(p => p.Item1.Length).ToArray();

    private static readonly (string Text, Bound Bound)[] Suffixes =
    [
        (" or more", Bound.Over), (" or above", Bound.Over), (" or over", Bound.Over), (" or higher", Bound.Over), (" plus", Bound.Over),
        (" or less", Bound.Under), (" or fewer", Bound.Under), (" or below", Bound.Under), (" or lower", Bound.Under),
    ];

    public static IReadOnlyList<Quantity> Read(string text) => new Scanner(text).Run();

    private static bool IsLetter(char c) => char.IsAsciiLetter(c);

    private sealed class Scanner(string text)
    {
        private readonly List<Quantity> _found = [];

        /// <summary>Where the last date ended, so that "3 January 2023" does not also read "January 2023" as a month.</summary>
        private int _dateEnd = -1;

        public IReadOnlyList<Quantity> Run()
        {
            var i = 0;
            while (i < text.Length)
            {
                i = Step(i);
            }

            MarkNameLists();
            return _found;
        }

        private int Step(int i)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                return Digits(i);
            }

            if (IsLetter(c) && (i == 0 || !IsLetter(text[i - 1])))
            {
                return Words(i);
            }

            return i + 1;
        }

        private bool At(int i, string s, bool ignoreCase = false) =>
            i >= 0 && i + s.Length <= text.Length && string.Compare(text, i, s, 0, s.Length, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0;

        private int Digits(int i)
        {
            var (raw, end, fraction) = ReadDigits(i);
            var before = i > 0 ? text[i - 1] : ' ';

            // Codes, not quantities: G524, PM2.5, COVID-19, ISO 9001 (which Chinese writes ISO9001).
            if (IsLetter(before) || (before is '-' or '.' && i > 1 && IsLetter(text[i - 2])) || raw is null || AfterAcronym(i))
            {
                return SkipCode(end);
            }

            var ordinal = false;
            if (end < text.Length && IsLetter(text[end]))
            {
                var suffix = WordAt(end);
                if (suffix.ToLowerInvariant() is "st" or "nd" or "rd" or "th" && !fraction)
                {
                    ordinal = true;
                    end += suffix.Length;
                }
                else
                {
                    return SkipCode(end); // 4A, 5G, 1990s
                }
            }

            // List markers: (1), (2).
            if (before == '(' && end < text.Length && text[end] == ')' && raw < 100 && !fraction && !ordinal)
            {
                return end + 1;
            }

            var value = raw.Value;

            // Dates: 3 January, January 3, January 2023.
            var previous = PreviousWord(i);
            var nextWord = end + 1 < text.Length && text[end] == ' ' ? WordAt(end + 1) : "";
            if (!ordinal && !fraction && value is >= 1 and <= 31 && MonthOf(nextWord) is { } month)
            {
                var dateEnd = end + 1 + nextWord.Length;
                _found.Add(new Quantity(month * 100 + value, QuantityKind.Date, i, dateEnd - i, text[i..dateEnd]));
                _dateEnd = dateEnd;
                return dateEnd;
            }

            if (!fraction && previous.Start >= 0 && previous.Start > _dateEnd && MonthOf(previous.Word) is { } before2 && text[previous.End..i] == " ")
            {
                if (value is >= 1 and <= 31 && !ordinal)
                {
                    _found.Add(new Quantity(before2 * 100 + value, QuantityKind.Date, previous.Start, end - previous.Start, text[previous.Start..end]));
                    _dateEnd = end;
                    return end;
                }

                _found.Add(new Quantity(before2, QuantityKind.Month, previous.Start, previous.Word.Length, previous.Word));
            }

            var kind = QuantityKind.Number;
            if (!fraction && !ordinal && IsNameWord(previous, i))
            {
                kind = QuantityKind.Name;
            }

            var number = new RawNumber(i, end, value, Spelled: false, Ordinal: ordinal);
            return Finish(number, kind);
        }

        private bool IsLetterAt(int at) => at < text.Length && IsLetter(text[at]);

        /// <summary>"ISO 9001", "GB 50016": a number after an acronym and a space is part of a code (RMB 5 billion is money).</summary>
        private bool AfterAcronym(int at)
        {
            // "CPC 20th" and "GDP 5%" are numbers; "ISO 9001" is not.
            var end = at;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ','))
            {
                end++;
            }

            return (end == text.Length || !(IsLetter(text[end]) || text[end] == '%')) && NumberCodes.AfterAcronym(text, at);
        }

        private int SkipCode(int end)
        {
            while (end < text.Length && (IsLetter(text[end]) || char.IsAsciiDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                end++;
            }

            return end;
        }

        private bool IsNameWord((int Start, int End, string Word) previous, int at)
        {
            if (previous.Start < 0 || !NameWords.Contains(previous.Word))
            {
                return false;
            }

            var between = text[previous.End..at];
            return between is " " or ". " or " No. ";
        }

        /// <summary>Numbers in words: four, twenty-three, a dozen, one million, fifth, a hundred.</summary>
        private int Words(int i)
        {
            // Most words are not numbers: decide on the span, without allocating the word.
            var length = 0;
            while (i + length < text.Length && IsLetter(text[i + length]))
            {
                length++;
            }

            var span = text.AsSpan(i, length);
            if (!(CardinalSpans.ContainsKey(span) || OrdinalSpans.ContainsKey(span) || span.Equals("a", StringComparison.OrdinalIgnoreCase) || span.Equals("an", StringComparison.OrdinalIgnoreCase)))
            {
                return i + length;
            }

            var word = text.Substring(i, length);
            var lower = word.ToLowerInvariant();

            if (lower == "second" && !Determiners.Contains(PreviousWord(i).Word))
            {
                return i + word.Length; // a unit of time, or "second" as a verb
            }

            decimal total = 0, current = 0;
            var end = i;
            var pos = i;
            var any = false;
            var ordinal = false;
            var lastWasNumber = false; // a scale word needs a number (or "a") before it: “Hundred” alone is a name
            var lastWasTens = false;
            while (pos < text.Length)
            {
                var w = WordAt(pos);
                var l = w.ToLowerInvariant();
                if (w.Length == 0)
                {
                    break;
                }

                if (!any && l is "a" or "an")
                {
                    var nextStart = pos + w.Length + 1;
                    if (nextStart < text.Length && text[pos + w.Length] == ' '
                        && (Scales.ContainsKey(WordAt(nextStart)) || WordAt(nextStart).Equals("dozen", StringComparison.OrdinalIgnoreCase)))
                    {
                        current = 1;
                        lastWasNumber = true;
                        pos = nextStart;
                        continue;
                    }

                    break;
                }

                if (Cardinals.TryGetValue(l, out var cardinal) || Ordinals.TryGetValue(l, out cardinal))
                {
                    var isOrdinal = Ordinals.ContainsKey(l);
                    var unitAfterTens = lastWasTens && cardinal < 10 && text[pos - 1] == '-';
                    if (lastWasNumber && !unitAfterTens)
                    {
                        break; // "two three" is two numbers
                    }

                    current += cardinal;
                    any = true;
                    lastWasNumber = true;
                    lastWasTens = cardinal >= 20 && cardinal % 10 == 0 && !isOrdinal;
                    end = pos + w.Length;
                    if (isOrdinal)
                    {
                        ordinal = true;
                        break;
                    }
                }
                else if (lastWasNumber && Scales.TryGetValue(l, out var scale))
                {
                    if (scale == 100m)
                    {
                        current = (current == 0 ? 1 : current) * 100m;
                    }
                    else
                    {
                        total += (current == 0 ? 1 : current) * scale;
                        current = 0;
                    }

                    any = true;
                    lastWasNumber = false;
                    lastWasTens = false;
                    end = pos + w.Length;
                }
                else if (lastWasNumber && l == "dozen")
                {
                    current = (current == 0 ? 1 : current) * 12m;
                    any = true;
                    lastWasNumber = false;
                    end = pos + w.Length;
                }
                else if (l == "hundredth" && lastWasNumber)
                {
                    current = (current == 0 ? 1 : current) * 100m;
                    ordinal = true;
                    end = pos + w.Length;
                    break;
                }
                else
                {
                    break;
                }

                // Words of one number are joined by a space or a hyphen (twenty-three, one hundred and five).
                var after = pos + w.Length;
                if (after < text.Length && text[after] is ' ' or '-' && after + 1 < text.Length && IsLetter(text[after + 1]))
                {
                    var next = WordAt(after + 1).ToLowerInvariant();
                    if (next == "and" && text[after] == ' ' && current % 100 == 0 && current > 0)
                    {
                        var afterAnd = after + 1 + 3;
                        if (afterAnd + 1 < text.Length && text[afterAnd] == ' ' && Cardinals.ContainsKey(WordAt(afterAnd + 1)))
                        {
                            pos = afterAnd + 1;
                            lastWasNumber = false;
                            continue;
                        }
                    }

                    if (Cardinals.ContainsKey(next) || Ordinals.ContainsKey(next) || Scales.ContainsKey(next) || next is "dozen" or "hundredth")
                    {
                        // A scale word joined by a hyphen ("ten-thousand-strong") is rare; a unit word joined by a hyphen
                        // ("four-network") ends the number.
                        pos = after + 1;
                        if (Scales.ContainsKey(next) || next == "dozen")
                        {
                            lastWasNumber = true;
                        }

                        continue;
                    }
                }

                break;
            }

            if (!any)
            {
                return i + word.Length;
            }

            // "hundreds of", "thousands of": no number.
            if (end < text.Length && text[end] is 's' or 'S' && (end + 1 == text.Length || !IsLetter(text[end + 1])))
            {
                return end + 1;
            }

            var number = new RawNumber(i, end, total + current, Spelled: true, Ordinal: ordinal);
            return Finish(number, QuantityKind.Number);
        }

        /// <summary>Scale, percent, currency, bounds and ranges after a number; adds it.</summary>
        private int Finish(RawNumber number, QuantityKind kind)
        {
            var value = number.Value;
            var end = number.End;

            // 3–5 billion, 3 to 5 per cent: the first end of a range takes the scale and unit of the second.
            if (kind == QuantityKind.Number && !number.Ordinal && RangeConnector(end) is { } connector)
            {
                var before = _found.Count;
                var next = Step(end + connector);
                if (_found.Count > before && _found[before] is { Kind: QuantityKind.Number or QuantityKind.Percent or QuantityKind.PercentagePoints } far
                    && far.Start == end + connector)
                {
                    _found.Insert(before, new Quantity(value * ScaleWordValue(far.Start, far.End), far.Kind, number.Start, number.End - number.Start, text[number.Start..number.End])
                    {
                        Currency = far.Currency,
                        Spelled = number.Spelled,
                        Year = far.Year,
                        Bound = PrefixBound(number.Start),
                    });
                    return next;
                }

                _found.RemoveRange(before, _found.Count - before);
            }

            if (!number.Ordinal && kind == QuantityKind.Number)
            {
                var nextWord = end < text.Length && text[end] == ' ' ? WordAt(end + 1) : "";
                if (!number.Spelled && Scales.TryGetValue(nextWord, out var scale))
                {
                    value *= scale;
                    end += 1 + nextWord.Length;
                }
            }

            var currency = Currency.None;
            if (kind == QuantityKind.Number && !number.Ordinal)
            {
                if (At(end, "%") || At(end, " %"))
                {
                    kind = QuantityKind.Percent;
                    end += At(end, "%") ? 1 : 2;
                }
                else if (At(end, " percentage points", true) || At(end, " percentage point", true))
                {
                    kind = QuantityKind.PercentagePoints;
                    end += At(end, " percentage points", true) ? 18 : 17;
                }
                else if ((At(end, " per cent", true) || At(end, " percent", true)) && !IsLetterAt(end + (At(end, " per cent", true) ? 9 : 8)))
                {
                    kind = QuantityKind.Percent;
                    end += At(end, " per cent", true) ? 9 : 8;
                }
                else
                {
                    foreach (var (word, money) in new[] { (" US dollars", Currency.UsDollar), (" U.S. dollars", Currency.UsDollar), (" dollars", Currency.UsDollar), (" USD", Currency.UsDollar), (" yuan", Currency.Yuan), (" RMB", Currency.Yuan), (" renminbi", Currency.Yuan), (" CNY", Currency.Yuan) })
                    {
                        if (At(end, word, word != " USD" && word != " RMB" && word != " CNY") && (end + word.Length == text.Length || !IsLetter(text[end + word.Length])))
                        {
                            currency = money;
                            end += word.Length;
                            break;
                        }
                    }

                    if (currency == Currency.None)
                    {
                        currency = CurrencyBefore(number.Start);
                    }
                }
            }

            var bound = PrefixBound(number.Start);
            if (bound == Bound.Exact)
            {
                foreach (var (suffix, b) in Suffixes)
                {
                    if (At(end, suffix, true) && (end + suffix.Length == text.Length || !IsLetter(text[end + suffix.Length])))
                    {
                        bound = b;
                        end += suffix.Length;
                        break;
                    }
                }
            }

            // A year is four digits without a separator and without a unit: 2022, 2019–2021 (not 2,000 mu).
            var year = !number.Spelled && !number.Ordinal && kind == QuantityKind.Number && currency == Currency.None && bound == Bound.Exact && end == number.End
                && value is >= 1000 and < 3000 && value == decimal.Truncate(value) && number.End - number.Start == 4;
            _found.Add(new Quantity(value, kind, number.Start, end - number.Start, text[PrefixStart(number.Start, bound)..end])
            {
                Currency = currency,
                Bound = bound,
                Spelled = number.Spelled,
                Ordinal = number.Ordinal,
                Year = year,
            });
            return end;
        }

        /// <summary>The scale word inside a quantity's text ("5 billion yuan" → 10⁹), 1 when it has none.</summary>
        private decimal ScaleWordValue(int start, int end)
        {
            foreach (var part in text[start..end].Split(' ', '-'))
            {
                if (Scales.TryGetValue(part, out var scale) && scale > 100m)
                {
                    return scale;
                }
            }

            return 1m;
        }

        private int? RangeConnector(int at)
        {
            if (at + 1 < text.Length && text[at] is '–' or '—' or '-' && char.IsAsciiDigit(text[at + 1]))
            {
                return 1;
            }

            if (At(at, " to ") && at + 4 < text.Length && char.IsAsciiDigit(text[at + 4]))
            {
                return 4;
            }

            return null;
        }

        private Currency CurrencyBefore(int start)
        {
            if (At(start - 3, "US$") || At(start - 1, "$"))
            {
                return Currency.UsDollar;
            }

            if (At(start - 1, "¥") || At(start - 4, "RMB ") || At(start - 3, "RMB") || At(start - 4, "CNY "))
            {
                return Currency.Yuan;
            }

            return Currency.None;
        }

        /// <summary>Where the words that qualify a number ("about a", "more than") start, for its text in messages.</summary>
        private int PrefixStart(int start, Bound bound)
        {
            if (bound == Bound.Exact)
            {
                return start;
            }

            var from = Math.Max(0, start - 40);
            var before = text[from..start].ToLowerInvariant();
            foreach (var (prefix, b) in Prefixes)
            {
                if (b != bound)
                {
                    continue;
                }

                var at = before.LastIndexOf(prefix, StringComparison.Ordinal);
                if (at >= 0 && before.Length - at <= prefix.Length + 4)
                {
                    return from + at;
                }
            }

            return start;
        }

        private Bound PrefixBound(int start)
        {
            var from = Math.Max(0, start - 40);
            var before = text[from..start].TrimEnd().ToLowerInvariant();
            // "about a 15-minute walk": the article stands between the word and the number.
            foreach (var article in new[] { " a", " an" })
            {
                if (before.EndsWith(article, StringComparison.Ordinal))
                {
                    before = before[..^article.Length].TrimEnd();
                    break;
                }
            }

            foreach (var (prefix, bound) in Prefixes)
            {
                if (before.EndsWith(prefix, StringComparison.Ordinal) && (before.Length == prefix.Length || !IsLetter(before[^(prefix.Length + 1)])))
                {
                    return bound;
                }
            }

            return Bound.Exact;
        }

        private (decimal? Value, int End, bool Fraction) ReadDigits(int i)
        {
            var digits = new System.Text.StringBuilder();
            var j = i;
            var fraction = false;
            while (j < text.Length)
            {
                var c = text[j];
                if (char.IsAsciiDigit(c))
                {
                    digits.Append(c);
                    j++;
                }
                else if (c == ',' && !fraction && ThreeDigitsAt(j + 1))
                {
                    j++;
                }
                else if (c == '.' && !fraction && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1]))
                {
                    digits.Append('.');
                    fraction = true;
                    j++;
                }
                else
                {
                    break;
                }
            }

            return digits.Length <= 16 && decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? (value, j, fraction)
                : (null, j, fraction);
        }

        private bool ThreeDigitsAt(int at) =>
            at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
            && (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

        private string WordAt(int i)
        {
            var end = i;
            while (end < text.Length && IsLetter(text[end]))
            {
                end++;
            }

            return text[i..end];
        }

        /// <summary>The word just before <paramref name="at"/> (skipping spaces and a full stop), or Start -1.</summary>
        private (int Start, int End, string Word) PreviousWord(int at)
        {
            var end = at;
            while (end > 0 && text[end - 1] is ' ' or '.')
            {
                end--;
            }

            var start = end;
            while (start > 0 && IsLetter(text[start - 1]))
            {
                start--;
            }

            return start == end ? (-1, -1, "") : (start, end, text[start..end]);
        }

        private static int? MonthOf(string word)
        {
            // "May" is also a verb: only the capitalised word, and only next to a number, is a month.
            var index = Array.IndexOf(Months, word.ToLowerInvariant());
            return index >= 0 && word.Length > 0 && char.IsUpper(word[0]) ? index + 1 : null;
        }

        /// <summary>Lines 2, 4 and 7: every number of a list that starts with a name is a name.</summary>
        private void MarkNameLists()
        {
            for (var k = 1; k < _found.Count; k++)
            {
                var (left, right) = (_found[k - 1], _found[k]);
                if (left.Kind == QuantityKind.Name && right.Kind == QuantityKind.Number && !right.Spelled && right.Value == decimal.Truncate(right.Value)
                    && text[left.End..right.Start] is ", " or " and " or ", and " or " or " or "–" or "-")
                {
                    _found[k] = right with { Kind = QuantityKind.Name };
                }
            }
        }
    }

    private readonly record struct RawNumber(int Start, int End, decimal Value, bool Spelled, bool Ordinal);
}
