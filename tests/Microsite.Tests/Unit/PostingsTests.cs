using Microsite.Search;

namespace Microsite.Tests.Unit;

/// <summary>
/// The postings table against the plain way of writing it: a list of documents per token. The generated
/// documents repeat tokens within and across documents, leave some documents without any, and together
/// hold more tokens than the table's first size and more pairs than one of its chunks.
/// </summary>
public sealed class PostingsTests
{
    [Theory]
    [InlineData(1, 300, 400)]
    [InlineData(2, 2_000, 150)]
    [InlineData(3, 5, 3)]
    public void Lists_for_each_token_in_ordinal_order_the_documents_that_hold_it_once_each_in_order(int seed, int documents, int tokensPerDocument)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 3_000).Select(i => random.Next(3) switch
        {
            0 => ((char)(0x4E00 + random.Next(400))).ToString() + (char)(0x4E00 + random.Next(400)),
            1 => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => new string((char)('a' + random.Next(26)), 1 + random.Next(3)),
        }).ToArray();

        var postings = new Postings();
        var expected = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < documents; d++)
        {
            postings.StartDocument();
            var count = random.Next(5) == 0 ? 0 : random.Next(tokensPerDocument);
            for (var t = 0; t < count; t++)
            {
                // A small part of the vocabulary is common: those tokens come back within and across documents.
                var token = vocabulary[random.Next(2) == 0 ? random.Next(50) : random.Next(vocabulary.Length)];
                postings.Add(("<" + token + ">").AsSpan(1, token.Length));
                var list = expected.TryGetValue(token, out var l) ? l : expected[token] = [];
                if (list.Count == 0 || list[^1] != d)
                {
                    list.Add(d);
                }
            }
        }

        var actual = postings.ByToken().Select(p => (p.Token, string.Join(',', p.Documents.ToArray()))).ToList();
        var plain = expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, string.Join(',', e.Value))).ToList();
        Assert.Equal(plain, actual);
        if (documents > 1_000)
        {
            Assert.True(expected.Count > 1_024 && expected.Values.Sum(v => v.Count) > 65_536, "the case crosses the table's first size and a chunk");
        }
    }

    [Fact]
    public void A_token_before_the_first_document_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Postings().Add("a"));
    }
}
