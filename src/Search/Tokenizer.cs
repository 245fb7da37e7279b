using System.Globalization;
using System.Text;

namespace Microsite.Search;

/// <summary>A token of the search index: its text, and the span of the source it came from (UTF-16, end exclusive).</summary>
internal readonly record struct SearchToken(string Text, int Start, int End);

/// <summary>
/// Receives each token as the tokenizer finds it. The index builder reads every character of the site: it
/// looks a token up by its characters and makes a string only of a token it has not seen (most tokens are
/// CJK bigrams that recur), where a list of tokens would make a string of each.
/// </summary>
internal interface ITokenSink
{
    void Add(ReadOnlySpan<char> text, int start, int end);
}

/// <summary>
/// The search tokenizer, as src/Search/TOKENIZER.md specifies it. theme/assets/search.js implements the
/// same specification for the browser; tests/fixtures/search-tokenizer-cases.json holds the cases both must pass.
/// </summary>
internal static class Tokenizer
{
    private enum Kind
    {
        Cjk,
        Digit,
        Letter,
        Apostrophe,
        Dot,
        Symbol,
        Space,
        Separator,
    }

    // The folded code point, not a string: the tokenizer reads every character of the site, and a string each would dominate its time.
    private readonly record struct Character(Rune Value, Kind Kind, int Start, int End);

    public static IReadOnlyList<SearchToken> Tokenize(string text)
    {
        var tokens = new ListSink();
        Scan(text, tokens);
        return tokens.Tokens;
    }

    /// <summary>The tokens of the text, in order, to a sink.</summary>
    public static void Scan<TSink>(string text, TSink tokens)
        where TSink : ITokenSink
    {
        // One list of characters per thread, reused: a list per document allocated sixteen bytes per
        // character of the site (most of them on the large object heap). Taken while in use, so a sink
        // that tokenizes again gets a list of its own.
        var chars = t_chars ?? new List<Character>();
        t_chars = null;
        Read(text, chars);
        try
        {
            Scan(chars, tokens);
        }
        finally
        {
            chars.Clear();
            t_chars = chars;
        }
    }

    [ThreadStatic]
    private static List<Character>? t_chars;

    private static void Scan<TSink>(List<Character> chars, TSink tokens)
        where TSink : ITokenSink
    {
        Span<char> symbol = stackalloc char[2];
        var i = 0;
        while (i < chars.Count)
        {
            var c = chars[i];
            switch (c.Kind)
            {
                case Kind.Cjk:
                    i = CjkRun(chars, i, tokens);
                    break;
                case Kind.Digit:
                    i = Number(chars, i, tokens);
                    break;
                case Kind.Letter:
                    i = Word(chars, i, tokens);
                    break;
                case Kind.Symbol:
                    tokens.Add(symbol[..c.Value.EncodeToUtf16(symbol)], c.Start, c.End);
                    i++;
                    break;
                default:
                    i++;
                    break;
            }
        }
    }

    private sealed class ListSink : ITokenSink
    {
        public List<SearchToken> Tokens { get; } = [];

        public void Add(ReadOnlySpan<char> text, int start, int end) => Tokens.Add(new SearchToken(text.ToString(), start, end));
    }

    /// <summary>The token texts alone (for the index, which needs no spans).</summary>
    public static IEnumerable<string> Terms(string text) => Tokenize(text).Select(t => t.Text);

    private static int CjkRun<TSink>(List<Character> chars, int i, TSink tokens)
        where TSink : ITokenSink
    {
        var run = t_run ??= [];
        run.Clear();
        run.Add(chars[i]);
        var next = i + 1;
        while (next < chars.Count)
        {
            if (chars[next].Kind == Kind.Cjk)
            {
                run.Add(chars[next]);
                next++;
                continue;
            }

            // Spaces between two CJK characters are a line break of the source, not a word boundary.
            var after = next;
            while (after < chars.Count && chars[after].Kind == Kind.Space)
            {
                after++;
            }

            if (after > next && after < chars.Count && chars[after].Kind == Kind.Cjk)
            {
                next = after;
                continue;
            }

            break;
        }

        Span<char> buffer = stackalloc char[4];
        for (var k = 0; k < run.Count; k++)
        {
            var length = run[k].Value.EncodeToUtf16(buffer);
            if (k + 1 < run.Count)
            {
                length += run[k + 1].Value.EncodeToUtf16(buffer[length..]);
                tokens.Add(buffer[..length], run[k].Start, run[k + 1].End);
            }
            else
            {
                tokens.Add(buffer[..length], run[k].Start, run[k].End);
            }
        }

        return next;
    }

    private static int Number<TSink>(List<Character> chars, int i, TSink tokens)
        where TSink : ITokenSink
    {
        var builder = Builder();
        var start = chars[i].Start;
        var end = i;
        while (end < chars.Count)
        {
            if (chars[end].Kind == Kind.Digit)
            {
                builder.Append((char)chars[end].Value.Value);
                end++;
            }
            else if (chars[end].Kind == Kind.Dot && end + 1 < chars.Count && chars[end + 1].Kind == Kind.Digit && end > i)
            {
                builder.Append('.');
                end++;
            }
            else
            {
                break;
            }
        }

        tokens.Add(builder.Text, start, chars[end - 1].End);
        return end;
    }

    private static int Word<TSink>(List<Character> chars, int i, TSink tokens)
        where TSink : ITokenSink
    {
        var builder = Builder();
        var end = i;
        while (end < chars.Count)
        {
            if (chars[end].Kind == Kind.Letter)
            {
                builder.Append(chars[end].Value);
                end++;
            }
            else if (chars[end].Kind == Kind.Apostrophe && end + 1 < chars.Count && chars[end + 1].Kind == Kind.Letter)
            {
                builder.Append('\'');
                end++;
            }
            else
            {
                break;
            }
        }

        tokens.Add(builder.Text[..Fold(builder.Buffer)], chars[i].Start, chars[end - 1].End);
        return end;
    }

    // Per thread, reused: a word, a number or a run of Han characters each made a builder or a list of
    // their own, millions of them on a large site.
    [ThreadStatic]
    private static TokenBuilder? t_builder;

    [ThreadStatic]
    private static List<Character>? t_run;

    private static TokenBuilder Builder()
    {
        var builder = t_builder ??= new TokenBuilder();
        builder.Clear();
        return builder;
    }

    /// <summary>The characters of one token: a growable buffer that is never turned into a string here.</summary>
    private sealed class TokenBuilder
    {
        private char[] _chars = new char[64];
        private int _length;

        public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        /// <summary>The token's characters, for folding in place.</summary>
        public Span<char> Buffer => _chars.AsSpan(0, _length);

        public void Clear() => _length = 0;

        public void Append(char c)
        {
            Reserve(1);
            _chars[_length++] = c;
        }

        public void Append(Rune rune)
        {
            Reserve(2);
            _length += rune.EncodeToUtf16(_chars.AsSpan(_length));
        }

        private void Reserve(int more)
        {
            if (_length + more > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
            }
        }
    }

    /// <summary>Possessives and plurals, so "pocket parks" finds "pocket park" and "the district's" finds "district".</summary>
    public static string Fold(string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, Fold(chars));
    }

    /// <summary><see cref="Fold(string)"/> in place: the folded word's length (an "ies" ending becomes "y").</summary>
    private static int Fold(Span<char> word)
    {
        if (word.EndsWith("'s"))
        {
            word = word[..^2];
        }

        if (word.Length >= 5 && word.EndsWith("ies"))
        {
            word[^3] = 'y';
            return word.Length - 2;
        }

        if (word.Length >= 4 && (word.EndsWith("sses") || word.EndsWith("xes") || word.EndsWith("ches") || word.EndsWith("shes")))
        {
            return word.Length - 2;
        }

        if (word.Length >= 4 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            return word.Length - 1;
        }

        return word.Length;
    }

    private static void Read(string text, List<Character> chars)
    {
        chars.EnsureCapacity(text.Length);
        var offset = 0;
        while (offset < text.Length)
        {
            var start = offset;
            var c = text[offset];
            // The two kinds of character nearly all of a report is made of, answered without the general
            // path's case mapping and Unicode category look-up: the same answers (a test compares them).
            if (c is >= (char)0x4E00 and <= (char)0x9FFF)
            {
                chars.Add(new Character(new Rune(c), Kind.Cjk, start, ++offset)); // Han: no case, no folding
                continue;
            }

            if (c < 0x80)
            {
                var ascii = Ascii[c];
                chars.Add(new Character(ascii.Value, ascii.Kind, start, ++offset));
                continue;
            }

            // Invalid UTF-16 (a lone surrogate) reads as U+FFFD, one unit long, as EnumerateRunes reads it.
            Rune.DecodeFromUtf16(text.AsSpan(offset), out var original, out var length);
            offset += length;
            var rune = FoldRune(original);
            if (IsIgnorable(rune.Value))
            {
                continue;
            }

            chars.Add(new Character(rune, Classify(rune), start, offset));
        }
    }

    /// <summary>Each ASCII character folded and classified by the general path, once (none is ignorable).</summary>
    private static readonly (Rune Value, Kind Kind)[] Ascii = [.. Enumerable.Range(0, 0x80).Select(c => FoldRune(new Rune(c))).Select(r => (r, Classify(r)))];

    /// <summary>What the general path makes of one code point: folded, and classified (null: ignored). For tests.</summary>
    internal static (int Value, string Kind)? General(int codePoint)
    {
        var rune = FoldRune(new Rune(codePoint));
        return IsIgnorable(rune.Value) ? null : (rune.Value, Classify(rune).ToString());
    }

    /// <summary>What reading makes of a text of one code point, through whichever path it takes. For tests.</summary>
    internal static (int Value, string Kind)? Read(int codePoint)
    {
        var chars = new List<Character>();
        Read(char.ConvertFromUtf32(codePoint), chars);
        return chars.Count == 0 ? null : (chars[0].Value.Value, chars[0].Kind.ToString());
    }

    private static Rune FoldRune(Rune rune)
    {
        var value = rune.Value switch
        {
            >= 0xFF01 and <= 0xFF5E => rune.Value - 0xFEE0,
            0xFFE5 => 0xA5,
            0x3000 => 0x20,
            // The simple lower-case mapping of U+0130, which .NET's invariant casing leaves out.
            0x130 => 'i',
            _ => rune.Value,
        };
        return Rune.ToLowerInvariant(new Rune(value));
    }

    private static bool IsIgnorable(int c) => c is 0xAD or (>= 0x200B and <= 0x200D) or 0x2060 or 0xFEFF;

    private static Kind Classify(Rune rune)
    {
        var c = rune.Value;
        if (IsCjk(c))
        {
            return Kind.Cjk;
        }

        if (c is >= '0' and <= '9')
        {
            return Kind.Digit;
        }

        switch (c)
        {
            case '\'' or 0x2019:
                return Kind.Apostrophe;
            case '.':
                return Kind.Dot;
            case '%' or 0x2030 or 0xB0 or 0x2103 or 0xA5 or '$' or 0x20AC or 0xA3:
                return Kind.Symbol;
            case (>= 0x09 and <= 0x0D) or 0x20 or 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x202F or 0x205F:
                return Kind.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => Kind.Letter,
            _ => Kind.Separator,
        };
    }

    public static bool IsCjk(int c) =>
        c is 0x3007 or (>= 0x3041 and <= 0x3096) or (>= 0x30A1 and <= 0x30FA) or 0x30FC
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x3134F) or (>= 0xAC00 and <= 0xD7A3);
}
