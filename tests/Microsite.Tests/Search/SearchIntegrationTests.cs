using Microsite.Core;

namespace Microsite.Tests.Search;

/// <summary>Whole tiny sites: the search pages, the header's box on every page, and the index files a build writes.</summary>
public sealed class SearchIntegrationTests
{
    private const string Site = $$"""
        -- site.yml --
        {{TestSite.Config}}
        {{TestSite.Homes}}
        -- zh/review.md --
        ---
        kind: chapter
        title: 一、工作回顾
        short_title: 工作回顾
        order: 1
        slug: review
        description: 回顾。
        ---

        开篇段落。

        ## 民生 {#livelihoods}

        新建养老机构1家，建成口袋
        公园10个。
        -- en/review.md --
        ---
        kind: chapter
        title: I. Review
        short_title: Review
        order: 1
        slug: review
        description: Review.
        ---

        The opening paragraph.

        ## Livelihoods {#livelihoods}

        Opened one elderly care institution and built ten pocket
        parks.
        -- zh/glossary/pocket-parks.md --
        ---
        number: 1
        term: 口袋公园
        ---

        指小型城市开放空间。
        -- en/glossary/pocket-parks.md --
        ---
        number: 1
        term: pocket park
        aliases: [pocket parks]
        ---

        A small urban open space.
        """;

    [Fact]
    public void Builds_a_search_page_per_language_that_loads_its_index_as_a_script()
    {
        var site = TestSite.Build(Site);
        site.AssertBuilt();
        Assert.DoesNotContain(site.Diagnostics, d => d.Id.StartsWith("MS05", StringComparison.Ordinal)); // the built pages pass every check

        foreach (var (path, lang) in new[] { ("search.html", "zh"), ("en/search.html", "en") })
        {
            var page = site.Html(path);
            // Results addresses (?q=…) fold into the page itself by its canonical link (see the sitemap test below).
            Assert.Null(page.QuerySelector("meta[name=robots]"));
            var form = page.QuerySelector("main form[role=search]")!;
            Assert.Equal("search.html", form.GetAttribute("action"));
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.Equal("q", page.QuerySelector("#search-q")!.GetAttribute("name"));
            Assert.NotNull(page.QuerySelector("label[for=search-q]"));
            Assert.Equal("status", page.QuerySelector("#search-status")!.GetAttribute("role"));

            var scripts = page.QuerySelectorAll("main script[src]").Select(s => s.GetAttribute("src")).ToList();
            var prefix = lang == "en" ? "../" : "";
            Assert.Contains($"{prefix}assets/search-index.{lang}.js", scripts);
            Assert.Contains($"{prefix}assets/search.js", scripts);
            Assert.StartsWith("window.MicrositeSearchIndex = {", site.Text($"assets/search-index.{lang}.js"));

            // Without JavaScript: why, and where to go instead.
            var noScript = page.QuerySelector("[data-search-nojs]")!;
            Assert.Contains("JavaScript", noScript.TextContent);
            Assert.Equal(["contents.html", "full.html"], noScript.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            // The form and results are in place from the first paint (no shift when the script starts): the
            // stylesheet shows them only under <html class="js">, and the note only without it.
            Assert.False(page.QuerySelector("[data-search-app]")!.HasAttribute("hidden"));
            Assert.Contains(".js .search-nojs {\n  display: none;", site.Text("assets/site.css").ReplaceLineEndings("\n"), StringComparison.Ordinal);

            // The language switch leads to the other search page; no header box on the search page itself.
            Assert.Equal(lang == "zh" ? "en/search.html" : "../search.html", page.QuerySelector("a[data-lang-switch]")!.GetAttribute("href"));
            Assert.Null(page.QuerySelector("#site-search"));
        }
    }

    [Fact]
    public void Every_other_page_has_a_search_box_in_its_header_that_sends_the_query_to_its_search_page()
    {
        var site = TestSite.Build(Site);
        site.AssertBuilt();
        var pages = site.Result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && !f.Path.EndsWith("search.html", StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(pages.Count >= 10);
        foreach (var path in pages)
        {
            var page = site.Html(path);
            var form = page.QuerySelector("header form#site-search[role=search][popover]");
            Assert.True(form is not null, $"{path}: no search box in the header");
            Assert.Equal("search.html", form.GetAttribute("action")); // every page is beside its language's search page
            Assert.Equal("get", form.GetAttribute("method"));
            Assert.Equal("q", form.QuerySelector("input")!.GetAttribute("name"));
            Assert.NotNull(page.QuerySelector("label[for=site-search-q]"));
            Assert.Equal("site-search", page.QuerySelector("header button.search-toggle")!.GetAttribute("popovertarget"));
        }
    }

    [Fact]
    public void The_index_holds_the_sections_with_the_text_as_written_and_links_relative_to_the_search_page()
    {
        var site = TestSite.Build(Site);
        var zh = site.Text("assets/search-index.zh.js");
        var en = site.Text("assets/search-index.en.js");
        Assert.Contains("\"livelihoods\",\"民生\",\"新建养老机构1家，建成口袋\\n公园10个。\"", zh);
        Assert.Contains("\"livelihoods\",\"Livelihoods\",\"Opened one elderly care institution and built ten pocket\\nparks.\"", en);
        Assert.Contains("[\"review.html\",\"I. Review\"]", en);
        Assert.Contains("[\"glossary.html\",\"Glossary\"]", en);
        Assert.Contains("\"synonyms\":[[", zh);
        Assert.Contains("\"pocket park\"", zh);
    }

    [Fact]
    public void With_base_url_the_search_pages_stay_out_of_the_sitemap_and_the_404_box_leads_to_the_site()
    {
        var site = TestSite.Build(Site.Replace("-- site.yml --\n", "-- site.yml --\nbase_url: https://example.gov.cn/r/\n"));
        site.AssertBuilt();
        Assert.DoesNotContain("search.html", site.Text("sitemap.xml"));
        Assert.Empty(site.Html("search.html").QuerySelectorAll("link[rel=alternate][hreflang]"));
        Assert.Equal("/r/en/search.html", site.Html("en/404.html").QuerySelector("#site-search")!.GetAttribute("action"));
    }

    [Fact]
    public void The_build_writes_the_same_index_twice()
    {
        var first = TestSite.Build(Site);
        var second = TestSite.Build(Site);
        Assert.Equal(first.Text("assets/search-index.zh.js"), second.Text("assets/search-index.zh.js"));
        Assert.Equal(first.Text("search.html"), second.Text("search.html"));
    }
}
