using Microsite.Search;

namespace Microsite.Tests.Search;

/// <summary>One specification (src/Search/TOKENIZER.md), two implementations, one file of cases.</summary>
public sealed class SearchTokenizerTests
{
    private static readonly Lazy<SearchScript> Script = new(() => new SearchScript());

    [Theory]
    [MemberData(nameof(TokenizerCases.Names), MemberType = typeof(TokenizerCases))]
    public void CSharp_tokenizer_passes_the_shared_case(string name)
    {
        var c = TokenizerCases.Named(name);
        var tokens = Tokenizer.Tokenize(c.Input);
        Assert.Equal(c.Tokens, tokens.Select(t => t.Text).ToList());
        if (c.Spans is not null)
        {
            Assert.Equal(c.Spans.Select(s => (s[0], s[1])).ToList(), tokens.Select(t => (t.Start, t.End)).ToList());
        }
    }

    [Fact]
    public void Reading_answers_every_code_point_as_the_general_path_does()
    {
        // Han and ASCII take shortcuts past case mapping and the Unicode category table (most of a report's
        // characters): every BMP code point outside the surrogates, and the first astral planes, must come
        // out folded and classified exactly as the general path has them.
        var differing = Enumerable.Range(0, 0x30000)
            .Where(c => c is < 0xD800 or > 0xDFFF)
            .Where(c => Tokenizer.Read(c) != Tokenizer.General(c))
            .Select(c => $"U+{c:X4}: {Tokenizer.Read(c)} against {Tokenizer.General(c)}")
            .Take(5)
            .ToList();
        Assert.Empty(differing);
    }

    [Theory]
    [MemberData(nameof(TokenizerCases.Names), MemberType = typeof(TokenizerCases))]
    public void JavaScript_tokenizer_passes_the_shared_case(string name)
    {
        var c = TokenizerCases.Named(name);
        var tokens = Script.Value.Tokenize(c.Input);
        Assert.Equal(c.Tokens, tokens.Select(t => t.Text).ToList());
        if (c.Spans is not null)
        {
            Assert.Equal(c.Spans.Select(s => (s[0], s[1])).ToList(), tokens.Select(t => (t.Start, t.End)).ToList());
        }
    }

    [Fact]
    public void Both_tokenizers_agree_on_every_section_of_the_real_report()
    {
        // The cases are chosen by hand; the report is what the index is actually made of.
        var (documents, _) = SearchSources.From(SearchScript.RealSiteIndex(), _ => "glossary");
        Assert.True(documents.Count > 100, $"{documents.Count} documents");
        var texts = documents.SelectMany(d => new[] { d.SectionTitle, d.Text }).Distinct().ToList();
        var disagreements = texts
            .Where(t => !Tokenizer.Tokenize(t).Select(x => (x.Text, x.Start, x.End)).SequenceEqual(Script.Value.Tokenize(t)))
            .Select(t => t.Length > 40 ? t[..40] : t)
            .ToList();
        Assert.True(disagreements.Count == 0, "the tokenizers differ on: " + string.Join(" | ", disagreements));
    }
}
