using System.Text.Json;
using Microsite.Search;

namespace Microsite.Tests.Search;

/// <summary>The index file: what it holds, in what order, and that its inverted index is exactly the tokenizer's.</summary>
public sealed class SearchIndexBuilderTests
{
    private static readonly Dictionary<string, string> SearchPages = new() { ["zh"] = "search.html", ["en"] = "en/search.html" };

    private static readonly SearchDocument[] Docs =
    [
        new("en", "en/index.html", "Report", "Report", SearchKind.Page, 0, "Fellow Deputies,"),
        new("en", "en/review.html#parks", "Review", "Green space", SearchKind.Section, 2, "We built ten pocket\nparks."),
        new("en", "en/review.html", "Review", "Review", SearchKind.Page, 1, ""),
        new("en", "en/glossary.html#pocket-parks", "Glossary", "pocket park", SearchKind.Glossary, 3, "A small park.", "pocket-parks"),
        new("zh", "review.html#parks", "回顾", "绿化", SearchKind.Section, 1, "建成口袋公园10个。"),
        new("zh", "glossary.html#pocket-parks", "名词解释", "口袋公园", SearchKind.Glossary, 2, "小型城市开放空间。", "pocket-parks"),
    ];

    private static readonly SearchTerm[] Terms = [new("pocket-parks", ["口袋公园", "pocket park", "pocket parks", "“口袋公园”"])];

    private static JsonElement Parse(string script)
    {
        const string prefix = "window." + SearchIndexBuilder.GlobalName + " = ";
        Assert.StartsWith(prefix, script);
        Assert.EndsWith(";\n", script);
        return JsonSerializer.Deserialize<JsonElement>(script[prefix.Length..^2]);
    }

    private static Dictionary<string, List<int>> Postings(JsonElement index) =>
        index.GetProperty("terms").GetString()!.Split('|').ToDictionary(
            e => e[..e.IndexOf(' ')],
            e =>
            {
                var id = 0;
                return e[(e.IndexOf(' ') + 1)..].Split(',').Select(g => id += Convert.ToInt32(FromBase36(g))).ToList();
            },
            StringComparer.Ordinal);

    private static long FromBase36(string digits) => digits.Aggregate(0L, (n, c) => (n * 36) + "0123456789abcdefghijklmnopqrstuvwxyz".IndexOf(c));

    [Fact]
    public void Writes_one_script_per_language_that_sets_a_global()
    {
        var files = SearchIndexBuilder.Build(Docs, Terms, SearchPages);
        Assert.Equal(["assets/search-index.en.js", "assets/search-index.zh.js"], files.Select(f => f.Path));
        Assert.Equal("zh", Parse(files[1].Content).GetProperty("lang").GetString());
        Assert.Equal(SearchIndexBuilder.FormatVersion, Parse(files[0].Content).GetProperty("v").GetInt32());
    }

    [Fact]
    public void Lists_documents_in_report_order_with_links_relative_to_the_search_page()
    {
        var en = Parse(SearchIndexBuilder.Build(Docs, Terms, SearchPages)[0].Content);
        var pages = en.GetProperty("pages").EnumerateArray().Select(p => (p[0].GetString(), p[1].GetString())).ToList();
        Assert.Equal([("index.html", "Report"), ("review.html", "Review"), ("glossary.html", "Glossary")], pages);

        var docs = en.GetProperty("docs").EnumerateArray().Select(d => (d[0].GetInt32(), d[1].GetInt32(), d[2].GetString(), d[3].GetString())).ToList();
        Assert.Equal([(0, 0, "", ""), (0, 1, "", ""), (1, 1, "parks", "Green space"), (2, 2, "pocket-parks", "pocket park")], docs);
        Assert.Equal("We built ten pocket\nparks.", en.GetProperty("docs")[2][4].GetString());
    }

    [Fact]
    public void Names_every_document_that_holds_each_token_and_nothing_else()
    {
        foreach (var file in SearchIndexBuilder.Build(Docs, Terms, SearchPages))
        {
            var index = Parse(file.Content);
            var docs = Docs.Where(d => d.Lang == file.Lang).OrderBy(d => d.Order).ToList();
            var expected = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < docs.Count; i++)
            {
                var title = docs[i].Kind == SearchKind.Page ? docs[i].PageTitle : docs[i].SectionTitle;
                foreach (var token in Tokenizer.Terms(title).Concat(Tokenizer.Terms(docs[i].Text)).Distinct())
                {
                    (expected.TryGetValue(token, out var list) ? list : expected[token] = []).Add(i);
                }
            }

            var postings = Postings(index);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), postings.Keys); // in ordinal order, as search.js's binary search needs
            foreach (var (token, ids) in expected)
            {
                Assert.Equal(ids, postings[token]);
            }
        }

        var zh = Postings(Parse(SearchIndexBuilder.Build(Docs, Terms, SearchPages)[1].Content));
        Assert.Equal([0, 1], zh["口袋"]);
        Assert.Equal([0], zh["10"]);
    }

    [Fact]
    public void Glossary_entries_carry_their_term_in_every_language_once()
    {
        var en = Parse(SearchIndexBuilder.Build(Docs, Terms, SearchPages)[0].Content);
        var synonym = Assert.Single(en.GetProperty("synonyms").EnumerateArray());
        Assert.Equal(3, synonym[0].GetInt32()); // the entry's document
        // "pocket parks" and "“口袋公园”" read as forms already listed, so they are left out.
        Assert.Equal(["口袋公园", "pocket park"], synonym[1].EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void The_same_documents_in_any_order_give_the_same_bytes()
    {
        var once = SearchIndexBuilder.Build(Docs, Terms, SearchPages);
        var shuffled = SearchIndexBuilder.Build(Docs.Reverse().ToList(), Terms, SearchPages);
        Assert.Equal(once.Select(f => f.Content), shuffled.Select(f => f.Content));
    }

    [Fact]
    public void The_site_streams_each_language_in_report_order_and_gets_the_index_of_the_sorted_documents()
    {
        // The build hands the builder each language's documents as they are made, unsorted (SearchFiles):
        // that gives the same bytes only while they come in report order, which the sorting overload imposes.
        var index = SearchScript.RealSiteIndex();
        var streamed = SearchIndexBuilder.Build(lang => SearchSources.Documents(index, lang, _ => "G"), SearchSources.Terms(index), SearchPages);
        var (documents, terms) = SearchSources.From(index, _ => "G");
        var sorted = SearchIndexBuilder.Build(documents.Reverse().ToList(), terms, SearchPages);
        Assert.Equal(sorted.Select(f => f.Content), streamed.Select(f => f.Content));
        Assert.All(index.Config.Languages, l =>
        {
            var orders = SearchSources.Documents(index, l.Code, _ => "G").Select(d => d.Order).ToList();
            Assert.True(orders.Count > 30 && orders.Zip(orders.Skip(1)).All(p => p.First < p.Second), $"{l.Code}: {string.Join(' ', orders)}");
        });
    }

    [Fact]
    public void The_real_report_index_stays_under_150_KB_per_language_and_grows_linearly()
    {
        var (documents, terms) = SearchSources.From(SearchScript.RealSiteIndex(), lang => lang == "zh" ? "名词解释" : "Glossary");
        var files = SearchIndexBuilder.Build(documents, terms, SearchPages);
        foreach (var file in files)
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(file.Content);
            Assert.True(bytes < 150 * 1024, $"{file.Path}: {bytes} bytes");
        }

        // Four reports' worth of sections: four times the text and the postings, the same vocabulary: at most four times the size.
        var fourfold = Enumerable.Range(0, 4).SelectMany(copy => documents.Select(d => d with { Url = d.Url.Replace(".html", $"-{copy}.html", StringComparison.Ordinal), Order = d.Order + (copy * 1000) })).ToList();
        var large = SearchIndexBuilder.Build(fourfold, terms, SearchPages);
        foreach (var (one, four) in files.Zip(large))
        {
            var ratio = (double)four.Content.Length / one.Content.Length;
            Assert.InRange(ratio, 3.0, 4.0);
        }
    }
}
