using Microsite.Search;

namespace Microsite.Tests.Search;

/// <summary>
/// search.js's query and ranking (run by Jint) over an index the C# builder wrote: the two halves of
/// search meet here as they meet in the browser.
/// </summary>
public sealed class SearchRankingTests
{
    private static SearchScript Engine(params SearchDocument[] docs)
    {
        var terms = new[]
        {
            new SearchTerm("pocket-parks", ["口袋公园", "pocket park", "pocket parks"]),
            new SearchTerm("dual-centre", ["双中心", "Dual Centres", "Dual Centre"]),
        };
        var file = SearchIndexBuilder.Build(docs, terms, new Dictionary<string, string> { ["zh"] = "search.html", ["en"] = "en/search.html" })
            .Single(f => f.Lang == docs[0].Lang);
        var script = new SearchScript();
        script.LoadIndex(file.Content);
        return script;
    }

    private static SearchDocument Zh(string anchor, string title, string text, int order, SearchKind kind = SearchKind.Section, string? term = null) =>
        new("zh", (kind == SearchKind.Glossary ? "glossary.html#" : "chapter.html#") + anchor, kind == SearchKind.Glossary ? "名词解释" : "章节", title, kind, order, text, term);

    private static SearchDocument En(string anchor, string title, string text, int order, SearchKind kind = SearchKind.Section, string? term = null) =>
        new("en", (kind == SearchKind.Glossary ? "en/glossary.html#" : "en/chapter.html#") + anchor, kind == SearchKind.Glossary ? "Glossary" : "Chapter", title, kind, order, text, term);

    [Fact]
    public void Titles_before_text_phrases_before_scattered_words_then_report_order()
    {
        var engine = Engine(
            Zh("text-scattered", "其他", "养老机构和服务业。", 0),
            Zh("text-phrase-late", "其他", "完善养老服务体系。", 1),
            Zh("text-phrase", "其他", "新建养老服务中心2家。", 2),
            Zh("title-scattered", "养老与服务", "无关。", 3),
            Zh("title-phrase", "养老服务提质", "无关。", 4),
            Zh("none", "无关", "服务业。", 5));
        var hits = engine.Search("养老服务");
        Assert.Equal(
            ["chapter.html#title-phrase", "chapter.html#title-scattered", "chapter.html#text-phrase-late", "chapter.html#text-phrase", "chapter.html#text-scattered"],
            hits.Select(h => h.Href));
        Assert.Equal([0, 1, 2, 2, 3], hits.Select(h => h.Tier));
        Assert.Equal(["养老服务"], hits[2].Marks);
        Assert.Equal(["养老", "服务"], hits[1].TitleMarks);
    }

    [Fact]
    public void One_Han_character_finds_it_anywhere_even_at_the_end_of_a_run()
    {
        var engine = Engine(
            Zh("start", "一", "养殖。", 0),
            Zh("middle", "二", "颐养天年。", 1),
            Zh("end", "三", "供养", 2),
            Zh("alone", "四", "（养）", 3),
            Zh("none", "五", "老人。", 4));
        var hits = engine.Search("养");
        Assert.Equal(["chapter.html#start", "chapter.html#middle", "chapter.html#end", "chapter.html#alone"], hits.Select(h => h.Href));
        Assert.All(hits, h => Assert.Equal(["养"], h.Marks));
    }

    [Fact]
    public void A_query_equal_to_a_glossary_term_in_another_language_finds_the_entry_first_and_the_sections_with_the_term()
    {
        var engine = Engine(
            Zh("urban", "城市", "建成口袋公园10个。", 0),
            Zh("other", "其他", "公园绿地。", 1),
            Zh("pocket-parks", "口袋公园", "小型城市开放空间。", 9, SearchKind.Glossary, "pocket-parks"));
        var hits = engine.Search("Pocket Parks");
        Assert.Equal(["glossary.html#pocket-parks", "chapter.html#urban"], hits.Select(h => h.Href));
        Assert.Equal(-1, hits[0].Tier);
        Assert.Equal(["口袋公园"], hits[1].Marks);
    }

    [Fact]
    public void English_words_match_across_case_plurals_and_line_breaks()
    {
        var engine = Engine(
            En("phrase", "Green space", "We built ten pocket\nparks this year.", 0),
            En("scattered", "Parks", "A park in every pocket of the city.", 1),
            En("pocket-parks", "pocket park", "A small urban open space.", 2, SearchKind.Glossary, "pocket-parks"));
        var hits = engine.Search("POCKET PARK");
        Assert.Equal(["glossary.html#pocket-parks", "chapter.html#phrase", "chapter.html#scattered"], hits.Select(h => h.Href)); // relative to en/search.html
        Assert.Equal(["pocket\nparks"], hits[1].Marks);
        Assert.Equal(3, hits[2].Tier);
    }

    [Fact]
    public void Numbers_match_whole_with_their_units()
    {
        var engine = Engine(
            Zh("a", "一", "增长5%左右。", 0),
            Zh("b", "二", "增长1.5%左右。", 1),
            Zh("c", "三", "总值1100亿元左右。", 2),
            Zh("d", "四", "PM2.5浓度不高于29微克/立方米。", 3));
        Assert.Equal(["chapter.html#a"], engine.Search("5%").Select(h => h.Href));
        Assert.Equal(["chapter.html#b"], engine.Search("1.5%").Select(h => h.Href));
        Assert.Equal(["1100亿元"], engine.Search("1100亿元").Single().Marks);
        Assert.Equal(["1100亿"], engine.Search("1100亿").Single().Marks);
        Assert.Equal(["PM2.5"], engine.Search("pm2.5").Single().Marks);
        Assert.Equal(["chapter.html#d"], engine.Search("PM 2.5").Select(h => h.Href));
    }

    [Fact]
    public void Finds_nothing_for_an_empty_query_or_punctuation()
    {
        var engine = Engine(Zh("a", "一", "养老。", 0));
        Assert.Empty(engine.Search(""));
        Assert.Empty(engine.Search("  ，。 "));
        Assert.Empty(engine.Search("幼儿"));
    }
}
