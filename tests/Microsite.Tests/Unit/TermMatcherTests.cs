using Microsite.Markdown.Glossary;

namespace Microsite.Tests.Unit;

/// <summary>
/// The automaton against the search it replaces, written the plain way: every pattern tried at every
/// position (with the matcher's own rule for word edges), the longest matches taken first. Generated vocabularies share prefixes and suffixes (fail links),
/// nest inside each other (output links) and give one node more children than the short linear search covers.
/// </summary>
public sealed class TermMatcherTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Finds_what_trying_every_pattern_at_every_position_finds(int seed)
    {
        var random = new Random(seed);
        // Han and Latin letters; the Latin ones in both cases, with spaces and an "s" for word edges and plurals.
        const string han = "双中心三区线城乡相高质量发展";
        const string latin = "abcdeABCDEs ";
        var patterns = new List<(string, string)>();
        for (var i = 0; i < 60; i++)
        {
            var alphabet = i % 2 == 0 ? han : "abcdeABCDE";
            var length = random.Next(1, 5);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (!patterns.Any(p => string.Equals(p.Item1, text, StringComparison.OrdinalIgnoreCase)))
            {
                patterns.Add((text, "t" + i));
            }
        }

        // Twenty patterns after one shared first character: a node with more than eight edges.
        for (var i = 0; i < 20; i++)
        {
            patterns.Add(("城" + han[i % han.Length] + (char)('a' + i), "w" + i));
        }

        var matcher = new TermMatcher(patterns);
        for (var round = 0; round < 300; round++)
        {
            var alphabet = round % 3 == 0 ? latin : round % 3 == 1 ? han : han + latin;
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Plain(patterns, text), matcher.Find(text).Select(m => (m.Start, m.Length, m.EntryId)).ToList());
        }
    }

    [Fact]
    public void Prefers_the_longest_term_and_keeps_word_edges_in_latin_text()
    {
        var matcher = new TermMatcher([("三区", "a"), ("三区三线", "b"), ("park", "c"), ("pocket park", "d")]);
        Assert.Equal([(0, 4, "b")], matcher.Find("三区三线").Select(m => (m.Start, m.Length, m.EntryId)));
        Assert.Equal([(4, 12, "d")], matcher.Find("Two Pocket Parks.").Select(m => (m.Start, m.Length, m.EntryId)));
        Assert.Empty(matcher.Find("parking"));
    }

    private static List<(int, int, string)> Plain(List<(string Pattern, string Id)> patterns, string text)
    {
        var candidates = new List<(int Start, int Length, string Id)>();
        for (var at = 0; at < text.Length; at++)
        {
            foreach (var (pattern, id) in patterns)
            {
                if (at + pattern.Length <= text.Length && string.Compare(text, at, pattern, 0, pattern.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && TermMatcher.MatchLength(text, at, pattern) is { } length)
                {
                    candidates.Add((at, length, id));
                }
            }
        }

        // The first pattern of a name owns it, as in the matcher.
        candidates = candidates.GroupBy(c => (c.Start, Name: text.Substring(c.Start, patterns.First(p => p.Id == c.Id).Pattern.Length).ToLowerInvariant()))
            .Select(g => g.OrderBy(c => patterns.FindIndex(p => p.Id == c.Id)).First()).ToList();
        var taken = new bool[text.Length];
        var chosen = new List<(int, int, string)>();
        foreach (var c in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.Start).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (!taken.AsSpan(c.Start, c.Length).Contains(true))
            {
                chosen.Add((c.Start, c.Length, c.Id));
                taken.AsSpan(c.Start, c.Length).Fill(true);
            }
        }

        return chosen.OrderBy(c => c.Item1).ToList();
    }
}
