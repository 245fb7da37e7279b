using System.Globalization;

namespace Microsite.Numbers;

/// <summary>
/// Reads the numbers of a Chinese text: digits with their scales (145.7亿元, 2.3万人, 1,100), Chinese
/// numerals before a counter (四个, 十大, 两年, 百强), ordinals (第五次, 党的二十大, “十四五”), percentages
/// and percentage points, years and dates, ranges (3至5亿元, 2019—2021年) and the words that make a number
/// approximate (左右, 以上, 超, 余, 不低于).
/// </summary>
/// <remarks>
/// A Chinese numeral is a number only before a counter: 一体, 一流, 统一, 万物, 三甲 are words. A numeral
/// that might still be one (四风 = "four forms of decadence", 双向 = "two-way") is read as tentative: it lets the
/// English say the number but is never required. List markers（一）and (1), codes glued to Latin letters
/// (G524, PM2.5, 4A) and idioms (千方百计) are not numbers.
/// </remarks>
internal static class ChineseNumberReader
{
    private const string NumeralChars = "零〇一二三四五六七八九十百千万亿两";

    /// <summary>Counters and units that make a numeral before them a number, longest first.</summary>
    private static readonly string[] Counters = new[]
    {
        "平方公里", "平方千米", "平方米", "立方米", "个百分点", "百分点", "个月", "公里", "千米", "人次", "批次", "方面", "年度", "连冠",
        "小时", "分钟", "兆瓦", "千瓦", "公顷", "微克", "毫克", "千克", "公斤", "美元",
        "个", "项", "家", "座", "条", "所", "支", "批", "次", "届", "年", "天", "日", "周", "场", "件", "名", "人", "位", "张",
        "套", "栋", "幢", "处", "户", "辆", "类", "种", "大", "级", "强", "层", "亩", "米", "元", "倍", "份", "点", "维", "岁",
        "秒", "吨", "间", "台", "部", "本", "首", "篇", "款", "节", "章", "段", "轮", "棵", "株", "片", "块", "号", "届", "员",
    }.OrderByDescending(c => c.Length).ToArray();

    /// <summary>Counters of time, after which 内 means "within" (5年内 = within 5 years).</summary>
    private static readonly HashSet<string> TimeCounters = ["年", "个月", "周", "天", "日", "小时", "分钟"];

    /// <summary>Set phrases whose numerals count nothing.</summary>
    private static readonly string[] Idioms =
    [
        "千方百计", "千家万户", "万众一心", "一心一意", "五湖四海", "四面八方", "七上八下", "三心二意", "九牛一毛", "百花齐放",
        "百家争鸣", "千辛万苦", "万无一失", "一五一十", "三番五次", "三令五申", "接二连三", "独一无二", "数一数二", "一举两得",
        "十全十美", "千变万化", "千军万马", "万紫千红", "一石二鸟", "百尺竿头", "千头万绪", "万事万物", "一以贯之", "三思而行",
    ];

    private static readonly HashSet<char> IdiomStarts = Idioms.Select(i => i[0]).ToHashSet();

    private static readonly (string Text, Bound Bound)[] Prefixes = new[]
    {
        ("不低于", Bound.Over), ("不少于", Bound.Over), ("至少", Bound.Over), ("超过", Bound.Over), ("多于", Bound.Over), ("突破", Bound.Over),
        ("高于", Bound.Over), ("超", Bound.Over), ("逾", Bound.Over),
        ("不高于", Bound.Under), ("不超过", Bound.Under), ("不多于", Bound.Under), ("不到", Bound.Under), ("不足", Bound.Under),
        ("低于", Bound.Under), ("少于", Bound.Under),
        ("大约", Bound.About), ("将近", Bound.About), ("接近", Bound.About), ("约", Bound.About), ("近", Bound.About),
    }.OrderByDescending(p => p.Item1.Length).ToArray();

    private static readonly (string Text, Bound Bound)[] Suffixes =
    [
        ("左右", Bound.About), ("上下", Bound.About), ("以上", Bound.Over), ("有余", Bound.Over), ("以下", Bound.Under),
        ("以内", Bound.Under), ("之内", Bound.Under),
    ];

    public static IReadOnlyList<Quantity> Read(string text) => new Scanner(text).Run();

    /// <summary>The value of a Chinese numeral (二十三, 两, 百万, 一百零五), or null when it is not one well-formed number.</summary>
    public static decimal? ParseNumeral(string run)
    {
        decimal total = 0, section = 0;
        decimal? digit = null;
        var lastUnit = decimal.MaxValue;
        var zero = false;
        foreach (var c in run)
        {
            if (c is '零' or '〇')
            {
                if (digit is not null)
                {
                    return null;
                }

                zero = true;
                continue;
            }

            if (DigitOf(c) is { } d)
            {
                if (digit is not null)
                {
                    return null; // 八五, 三五: two numbers side by side, not one
                }

                digit = d;
                continue;
            }

            switch (c)
            {
                case '十' or '百' or '千':
                    var unit = c switch { '十' => 10m, '百' => 100m, _ => 1000m };
                    if (unit >= lastUnit)
                    {
                        return null;
                    }

                    section += (digit ?? 1) * unit;
                    digit = null;
                    lastUnit = unit;
                    zero = false;
                    break;
                case '万':
                    section += digit ?? 0;
                    total += (section == 0 ? 1 : section) * 10_000m;
                    (section, digit, lastUnit, zero) = (0, null, decimal.MaxValue, false);
                    break;
                case '亿':
                    section += digit ?? 0;
                    if (total > 1_000_000_000_000m)
                    {
                        return null; // 亿亿亿…: no report counts that far, and decimal would overflow
                    }

                    total = (total + (section == 0 && total == 0 ? 1 : section)) * 100_000_000m;
                    (section, digit, lastUnit, zero) = (0, null, decimal.MaxValue, false);
                    break;
                default:
                    return null;
            }
        }

        if (digit is not null)
        {
            // 一百五 is spoken for 150, but in a report a lone digit after 百 or 千 is two words, not one number.
            if (lastUnit is 100m or 1000m && !zero)
            {
                return null;
            }

            section += digit.Value;
        }

        return total + section;
    }

    private static decimal? DigitOf(char c) => c switch
    {
        '一' => 1, '二' => 2, '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9,
        _ => null,
    };

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static int DigitValue(char c) => c >= '０' ? c - '０' : c - '0';

    private static bool IsLatinLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ';

    private sealed class Scanner(string text)
    {
        private readonly List<Quantity> _found = [];

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
            if (IdiomStarts.Contains(c))
            {
                foreach (var idiom in Idioms)
                {
                    if (string.CompareOrdinal(text, i, idiom, 0, idiom.Length) == 0)
                    {
                        return i + idiom.Length;
                    }
                }
            }

            if (At(i, "一刻钟"))
            {
                // A quarter of an hour: the English says "15-minute".
                _found.Add(new Quantity(15, QuantityKind.Number, i, 3, "一刻钟") { Spelled = true, Bound = PrefixBound(i) });
                return i + 3;
            }

            if (At(i, "百分之") && i + 3 < text.Length && (IsAsciiDigit(text[i + 3]) || NumeralChars.Contains(text[i + 3])))
            {
                var number = ReadNumber(i + 3);
                if (number is not null)
                {
                    var end = number.Value.End;
                    _found.Add(new Quantity(number.Value.Value, QuantityKind.Percent, i, end - i, text[i..end])
                    { Spelled = number.Value.Spelled, Bound = Combine(PrefixBound(i), SuffixBound(end, null, out var after)) });
                    return Math.Max(after, end);
                }
            }

            if (IsAsciiDigit(c))
            {
                return Digits(i);
            }

            if (c == '双')
            {
                // 双向 = two-way, 双岛 = Two Islands, but also 双中心 = Dual Centres, 双下降 = double decline.
                _found.Add(new Quantity(2, QuantityKind.Number, i, 1, "双") { Spelled = true, Tentative = true });
                return i + 1;
            }

            if (NumeralChars.Contains(c))
            {
                return Numerals(i);
            }

            return i + 1;
        }

        private bool At(int i, string s) => i + s.Length <= text.Length && string.CompareOrdinal(text, i, s, 0, s.Length) == 0;

        private bool EndsAt(int i, string s) => i >= s.Length && string.CompareOrdinal(text, i - s.Length, s, 0, s.Length) == 0;

        /// <summary>A number written in digits, with its scale and everything after it.</summary>
        private int Digits(int i)
        {
            if (ReadNumber(i) is not { } number)
            {
                var past = i;
                while (past < text.Length && (IsAsciiDigit(text[past]) || text[past] is ',' or '.'))
                {
                    past++;
                }

                return past; // too long to be a quantity (an account or telephone number)
            }

            var end = number.End;

            // Codes, not quantities: G524, PM2.5, COVID-19, 4A级, 5G, ISO 9001.
            var before = i > 0 ? text[i - 1] : ' ';
            if (IsLatinLetter(before) || (before is '-' or '.' && i > 1 && IsLatinLetter(text[i - 2])) || (end < text.Length && IsLatinLetter(text[end]) && !number.HasScale)
                || NumberCodes.AfterAcronym(text, i))
            {
                var skip = end;
                while (skip < text.Length && (IsLatinLetter(text[skip]) || IsAsciiDigit(text[skip])))
                {
                    skip++;
                }

                return skip;
            }

            // List markers: （1）, (2).
            if (before is '（' or '(' && end < text.Length && text[end] is '）' or ')' && !number.HasScale && number.Raw < 100 && !number.HasFraction)
            {
                return end + 1;
            }

            return Finish(i, number, ordinal: EndsAt(i, "第"));
        }

        /// <summary>A run of Chinese numerals: a number before a counter, an ordinal after 第, or only tentative.</summary>
        private int Numerals(int i)
        {
            var end = i;
            while (end < text.Length && NumeralChars.Contains(text[end]))
            {
                end++;
            }

            var run = text[i..end];
            var value = ParseNumeral(run);

            // “十四五”, “八五”: the 14th and the 8th Five-Year Plans.
            if (value is null && run.Length >= 2 && run[^1] == '五' && ParseNumeral(run[..^1]) is { } plan
                && (end >= text.Length || text[end] is '”' or '"' or '」' || At(end, "规划") || At(end, "时期") || At(end, "期间") || At(end, "末")))
            {
                _found.Add(new Quantity(plan, QuantityKind.Number, i, run.Length - 1, run[..^1]) { Spelled = true, Ordinal = true });
                _found.Add(new Quantity(5, QuantityKind.Number, end - 1, 1, "五") { Spelled = true });
                return end;
            }

            if (value is null)
            {
                // Not one number: each numeral may still be one (三五成群, 两客一危一货).
                for (var k = i; k < end; k++)
                {
                    if (DigitOf(text[k]) is { } d and > 1)
                    {
                        _found.Add(new Quantity(d, QuantityKind.Number, k, 1, text[k].ToString()) { Spelled = true, Tentative = true });
                    }
                }

                return end;
            }

            var number = new RawNumber(i, end, value.Value, 1, HasScale: false, HasFraction: false, Spelled: true);
            var ordinal = EndsAt(i, "第");

            // 党的二十大: the 20th National Congress, not "twenty major".
            if (!ordinal && At(end, "大") && (EndsAt(i, "党的") || At(end + 1, "精神") || At(end + 1, "报告") || At(end + 1, "胜利")))
            {
                _found.Add(new Quantity(value.Value, QuantityKind.Number, i, end + 1 - i, text[i..(end + 1)]) { Spelled = true, Ordinal = true });
                return end + 1;
            }

            var afterOver = end < text.Length && text[end] is '余' or '多' ? end + 1 : end;
            var counter = CounterAt(afterOver);
            var standalone = run.Length >= 2 && (run.Contains('万') || run.Contains('亿'));
            if (ordinal || counter is not null || standalone || At(end, "%") || At(end, "％"))
            {
                return Finish(i, number, ordinal);
            }

            _found.Add(new Quantity(value.Value, QuantityKind.Number, i, run.Length, run) { Spelled = true, Tentative = true });
            return end;
        }

        /// <summary>Units, currency, percent, dates, bounds and ranges after a number; adds it.</summary>
        private int Finish(int start, RawNumber number, bool ordinal)
        {
            var end = number.End;
            var kind = QuantityKind.Number;
            var currency = Currency.None;
            var over = false;

            if (end < text.Length && text[end] is '余' or '多' && !At(end, "多层") && !At(end, "多样"))
            {
                over = true;
                end++;
            }

            if (At(end, "%") || At(end, "％"))
            {
                kind = QuantityKind.Percent;
                end++;
            }
            else if (At(end, "个百分点") || At(end, "百分点"))
            {
                kind = QuantityKind.PercentagePoints;
                end += At(end, "个") ? 4 : 3;
            }
            else if (At(end, "美元"))
            {
                currency = Currency.UsDollar;
                end += 2;
            }
            else if (At(end, "元"))
            {
                currency = Currency.Yuan;
                end++;
            }

            var value = number.Value;
            var extra = new List<Quantity>();
            string? counter = null;
            var year = false;
            if (kind == QuantityKind.Number && currency == Currency.None && !number.Spelled && !number.HasFraction && !number.HasScale)
            {
                var m = number.Raw < 100 ? (int)number.Raw : 0;
                if (At(end, "年") && number.Raw is >= 1000 and < 3000)
                {
                    // 2023年1月3日: the year, then the day.
                    end++;
                    year = true;
                    if (DateAt(end) is { } date)
                    {
                        extra.Add(date);
                        end = date.End;
                    }
                }
                else if (At(end, "月") && m is >= 1 and <= 12)
                {
                    var date = DateAt(start);
                    if (date is not null)
                    {
                        _found.Add(date with { Bound = PrefixBound(start) });
                        return date.End;
                    }

                    _found.Add(new Quantity(m, QuantityKind.Month, start, end + 1 - start, text[start..(end + 1)]));
                    return end + 1;
                }
                else if (At(end, "号"))
                {
                    kind = QuantityKind.Name;
                    counter = "号";
                    end++;
                }
            }

            if (counter is null && kind == QuantityKind.Number && currency == Currency.None)
            {
                counter = CounterAt(end);
                if (counter is "美元" or "元")
                {
                    currency = counter == "元" ? Currency.Yuan : Currency.UsDollar;
                }

                if (counter is "个百分点" or "百分点")
                {
                    kind = QuantityKind.PercentagePoints;
                }

                end += counter?.Length ?? 0;
            }

            // 3至5亿元, 2019—2021年度, 400—800米: the first end of a range takes the scale and unit of the second.
            if (end == number.End && RangeConnector(end) is { } connectorLength)
            {
                var second = IsAsciiDigit(text[end + connectorLength]) || NumeralChars.Contains(text[end + connectorLength])
                    ? ReadNumber(end + connectorLength)
                    : null;
                if (second is not null)
                {
                    var before = _found.Count;
                    var next = Step(end + connectorLength);
                    if (_found.Count > before && _found[before] is { Tentative: false } far && far.Start == end + connectorLength)
                    {
                        var scaled = number.HasScale ? value : value * second.Value.Scale;
                        _found.Insert(before, new Quantity(scaled, far.Kind, start, number.End - start, text[start..number.End])
                        {
                            Currency = far.Currency,
                            Spelled = number.Spelled,
                            Ordinal = ordinal,
                            Year = far.Year,
                            Bound = PrefixBound(start),
                        });
                        return next;
                    }

                    _found.RemoveRange(before, _found.Count - before);
                }
            }

            var bound = Combine(PrefixBound(start), over ? Bound.Over : Bound.Exact);
            bound = Combine(bound, SuffixBound(end, counter, out var afterSuffix));
            end = Math.Max(end, afterSuffix);
            _found.Add(new Quantity(value, kind, start, end - start, Qualified(start, end, bound))
            {
                Currency = currency,
                Bound = bound,
                Spelled = number.Spelled,
                Ordinal = ordinal,
                Year = year,
            });
            _found.AddRange(extra);
            return end;
        }

        /// <summary>The text of a number from the word before it that qualifies it (超, 不低于) to its end.</summary>
        private string Qualified(int start, int end, Bound bound)
        {
            var from = start;
            foreach (var (prefix, b) in Prefixes)
            {
                if (b == bound && EndsAt(start, prefix))
                {
                    from = start - prefix.Length;
                    break;
                }
            }

            return text[from..end];
        }

        private int? RangeConnector(int at)
        {
            if (at >= text.Length)
            {
                return null;
            }

            var length = At(at, "——") ? 2 : text[at] is '—' or '–' or '-' or '~' or '～' or '至' or '到' ? 1 : 0;
            return length > 0 && at + length < text.Length ? length : null;
        }

        /// <summary>M月D日 at <paramref name="at"/>, as one date.</summary>
        private Quantity? DateAt(int at)
        {
            if (at >= text.Length || !IsAsciiDigit(text[at]))
            {
                return null;
            }

            if (ReadNumber(at) is not { } month || !At(month.End, "月") || month.Raw is < 1 or > 12 || month.HasFraction || month.HasScale || month.End + 1 >= text.Length || !IsAsciiDigit(text[month.End + 1]))
            {
                return null;
            }

            if (ReadNumber(month.End + 1) is not { } day || day.Raw is < 1 or > 31 || day.HasFraction || day.HasScale || !(At(day.End, "日") || At(day.End, "号")))
            {
                return null;
            }

            return new Quantity(month.Raw * 100 + day.Raw, QuantityKind.Date, at, day.End + 1 - at, text[at..(day.End + 1)]);
        }

        private string? CounterAt(int at)
        {
            foreach (var counter in Counters)
            {
                if (At(at, counter))
                {
                    return counter;
                }
            }

            return null;
        }

        private Bound PrefixBound(int start)
        {
            foreach (var (prefix, bound) in Prefixes)
            {
                if (EndsAt(start, prefix))
                {
                    // 附近, 最近 are places and times, not "nearly".
                    if (prefix == "近" && start >= 2 && text[start - 2] is '最' or '附')
                    {
                        continue;
                    }

                    return bound;
                }
            }

            return Bound.Exact;
        }

        private Bound SuffixBound(int at, string? counter, out int end)
        {
            foreach (var (suffix, bound) in Suffixes)
            {
                if (At(at, suffix))
                {
                    end = at + suffix.Length;
                    return bound;
                }
            }

            end = at;
            if (counter is not null && TimeCounters.Contains(counter) && At(at, "内"))
            {
                end = at + 1;
                return Bound.Under;
            }

            return Bound.Exact;
        }

        private static Bound Combine(Bound a, Bound b) => a != Bound.Exact ? a : b;

        /// <summary>Digits (with decimals and thousands separators) and any 万, 亿 after them; or a Chinese numeral.</summary>
        private RawNumber? ReadNumber(int i)
        {
            if (!IsAsciiDigit(text[i]))
            {
                var end = i;
                while (end < text.Length && NumeralChars.Contains(text[end]))
                {
                    end++;
                }

                return ParseNumeral(text[i..end]) is { } v ? new RawNumber(i, end, v, 1, false, false, true) : null;
            }

            var digits = new System.Text.StringBuilder();
            var j = i;
            var fraction = false;
            while (j < text.Length)
            {
                var c = text[j];
                if (IsAsciiDigit(c))
                {
                    digits.Append((char)('0' + DigitValue(c)));
                    j++;
                }
                else if (c == ',' && !fraction && ThreeDigitsAt(j + 1))
                {
                    j++;
                }
                else if (c is '.' or '．' && !fraction && j + 1 < text.Length && IsAsciiDigit(text[j + 1]))
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

            // More than 15 digits is an identifier (an account, a telephone number), and would overflow once scaled.
            if (digits.Length > 16 || !decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var raw))
            {
                return null;
            }

            var scale = 1m;
            var scaled = false;
            while (j < text.Length)
            {
                var unit = text[j] switch { '十' => 10m, '百' => 100m, '千' => 1000m, '万' => 10_000m, '亿' => 100_000_000m, _ => 0m };
                // 40千瓦 is 40 kilowatts and 2个百分点 starts with 个: a unit, not a scale.
                if (unit == 0 || scale * unit > 1_000_000_000_000m || (text[j] == '千' && j + 1 < text.Length && "瓦米克帕焦卡".Contains(text[j + 1])) || At(j, "百分"))
                {
                    break;
                }

                scale *= unit;
                scaled = true;
                j++;
            }

            return new RawNumber(i, j, raw, scale, scaled, fraction, false);
        }

        private bool ThreeDigitsAt(int at) =>
            at + 3 <= text.Length && IsAsciiDigit(text[at]) && IsAsciiDigit(text[at + 1]) && IsAsciiDigit(text[at + 2])
            && (at + 3 == text.Length || !IsAsciiDigit(text[at + 3]));

        /// <summary>2、4、7号线: every number of a list that ends in a name is a name.</summary>
        private void MarkNameLists()
        {
            for (var k = _found.Count - 1; k > 0; k--)
            {
                var (left, right) = (_found[k - 1], _found[k]);
                if (right.Kind == QuantityKind.Name && left.Kind == QuantityKind.Number && !left.Spelled && left.Value == decimal.Truncate(left.Value)
                    && text[left.End..right.Start] is "、" or "和" or "及" or "与" or "," or "，")
                {
                    _found[k - 1] = left with { Kind = QuantityKind.Name };
                }
            }
        }
    }

    private readonly record struct RawNumber(int Start, int End, decimal Raw, decimal Scale, bool HasScale, bool HasFraction, bool Spelled)
    {
        public decimal Value => Raw * Scale;
    }
}
