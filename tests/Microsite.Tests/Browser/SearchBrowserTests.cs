using System.Text.Json;
using Microsite.Search;
using Microsite.Tests.Search;
using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>
/// Search in chromium: the real report served under a sub-path and opened from disk, and a tiny site
/// whose Markdown breaks a phrase across lines. Expected sections are computed from the text itself
/// (every section that contains the query), not written down by hand.
/// </summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests(BrowserFixture site)
{
    private static readonly Lazy<IReadOnlyList<SearchDocument>> Documents = new(() => SearchSources.From(SearchScript.RealSiteIndex(), _ => "").Documents);

    /// <summary>The links of the sections (and pages and entries) whose title or text contains the query as it is written.</summary>
    private static List<string> Containing(string lang, string query) => Documents.Value
        .Where(d => d.Lang == lang && (d.Text.Contains(query, StringComparison.OrdinalIgnoreCase) || (d.Kind == SearchKind.Page ? d.PageTitle : d.SectionTitle).Contains(query, StringComparison.OrdinalIgnoreCase)))
        .Select(d => lang == "zh" ? d.Url : d.Url["en/".Length..])
        .ToList();

    private static async Task<List<string>> ResultLinks(IPage page)
    {
        await Assertions.Expect(page.Locator("#search-status")).Not.ToBeEmptyAsync();
        return (await page.Locator("#search-results a.search-result-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
    }

    private async Task<IPage> Search(int width, int height, string path, string query)
    {
        var page = await site.OpenAsync(width, height);
        await page.GotoAsync(site.BaseUrl + path);
        await page.Locator("#search-q").FillAsync(query);
        await page.Locator("#search-q").PressAsync("Enter");
        return page;
    }

    [Fact]
    public async Task Tokenizer_cases_pass_in_chromium()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "search.html");
        var cases = TokenizerCases.All.Select(c => new { c.Name, c.Input }).ToList();
        var json = await page.EvaluateAsync<string>(
            "cases => JSON.stringify(cases.map(c => MicrositeSearch.tokenize(c.Input).map(t => [t.text, t.start, t.end])))", cases);
        var actual = JsonSerializer.Deserialize<JsonElement[][][]>(json)!;
        var failures = new List<string>();
        for (var i = 0; i < TokenizerCases.All.Count; i++)
        {
            var expected = TokenizerCases.All[i];
            var tokens = actual[i].Select(t => t[0].GetString()!).ToList();
            var spans = actual[i].Select(t => new[] { t[1].GetInt32(), t[2].GetInt32() }).ToList();
            if (!tokens.SequenceEqual(expected.Tokens) || (expected.Spans is not null && !spans.Select(s => (s[0], s[1])).SequenceEqual(expected.Spans.Select(s => (s[0], s[1])))))
            {
                failures.Add($"{expected.Name}: {string.Join(" ", tokens)}");
            }
        }

        Assert.True(TokenizerCases.All.Count > 30);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_one_character_Chinese_query_finds_every_section_that_contains_it_titles_first()
    {
        var page = await Search(390, 844, "search.html", "养");
        var links = await ResultLinks(page);
        var expected = Containing("zh", "养");
        Assert.True(expected.Count >= 4, string.Join(", ", expected));
        Assert.Equal(expected.Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));

        // The one section whose heading holds it comes first; the rest follow in report order.
        Assert.Equal("dual-centre.html#heritage", links[0]);
        Assert.Equal(expected.Where(l => l != links[0]), links.Skip(1));
        Assert.Contains("养", await page.Locator("#search-results li").First.Locator(".search-result-title mark").First.TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_two_character_Chinese_query_in_the_address_shows_its_results_on_load_and_announces_the_count()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "search.html?q=" + Uri.EscapeDataString("养老"));
        var links = await ResultLinks(page);
        var expected = Containing("zh", "养老");
        Assert.Equal(expected, links); // all in the text, as a phrase: report order
        Assert.Equal("养老", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal($"找到{expected.Count}条与“养老”相关的结果。", await page.Locator("#search-status[role=status]").TextContentAsync());
        Assert.Equal("养老", await page.Locator("#search-results .search-result-snippet mark").First.TextContentAsync());
        Assert.Contains("一、2022年工作总结", await page.Locator("#search-results .search-result-page").First.TextContentAsync());

        // The language switch takes the query along: glossary terms find their sections in the other language too.
        Assert.Equal("en/search.html?q=" + Uri.EscapeDataString("养老"), await page.Locator("a[data-lang-switch]").GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("search.html", "1100亿元", "review-2022.html#economy", "1100亿元")]
    [InlineData("search.html", "PM2.5", "review-2022.html#governance", "PM2.5")]
    [InlineData("en/search.html", "5%", "tasks-2023.html#targets", "5%")]
    public async Task A_number_with_its_unit_is_found_and_highlighted(string path, string query, string first, string marked)
    {
        var page = await Search(1280, 800, path, query);
        var links = await ResultLinks(page);
        Assert.Equal(first, links[0]);
        var marks = await page.Locator("#search-results li").First.Locator(".search-result-snippet mark").AllTextContentsAsync();
        Assert.Contains(marked, marks);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("search.html", "pocket parks", "口袋公园", "zh")]
    [InlineData("en/search.html", "口袋公园", "pocket park", "en")]
    public async Task A_glossary_term_in_the_other_language_finds_the_entry_first_then_its_sections(string path, string query, string form, string lang)
    {
        var page = await Search(390, 844, path, query);
        var links = await ResultLinks(page);
        Assert.Equal("glossary.html#pocket-parks", links[0]);
        var sections = Containing(lang, form).Where(l => !l.StartsWith("glossary.html", StringComparison.Ordinal)).ToList();
        Assert.True(sections.Count >= 2, string.Join(", ", sections));
        Assert.Equal(sections, links.Skip(1).Take(sections.Count));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Arrow_keys_move_from_the_box_through_the_results_and_enter_opens_the_section()
    {
        var page = await Search(1280, 800, "search.html", "数字人民币");
        var links = await ResultLinks(page);
        Assert.True(links.Count >= 3);
        await page.Locator("#search-q").PressAsync("ArrowDown");
        Assert.Equal(links[0], await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(links[1], await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("search-q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(links[0], await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/" + links[0], BrowserFixture.Committed);
        await Assertions.Expect(page.Locator("#" + links[0].Split('#')[1])).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task The_search_page_with_results_open_has_no_axe_violations(int width, int height)
    {
        foreach (var path in new[] { "search.html?q=" + Uri.EscapeDataString("养老"), "en/search.html?q=pocket%20parks" })
        {
            var page = await site.OpenAsync(width, height);
            await page.GotoAsync(site.BaseUrl + path);
            Assert.NotEmpty(await ResultLinks(page));
            var result = await Axe.CheckAsync(page);
            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: {v.Id}: {v.Help} at {n.Target}"))));
            var (scroll, client) = await Widths(page);
            Assert.True(scroll <= client, $"{path}: {scroll}px of content in {client}px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"search-{(path.StartsWith("en/", StringComparison.Ordinal) ? "en" : "zh")}-{width}.png") });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_header_button_opens_the_box_over_the_page_and_it_searches()
    {
        var page = await site.OpenAsync(390, 844, touch: true);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        var before = (await page.Locator("main h1").BoundingBoxAsync())!;
        await Assertions.Expect(page.Locator("#site-search")).ToBeHiddenAsync();
        await page.Locator(".search-toggle").TapAsync();
        await Assertions.Expect(page.Locator("#site-search")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#site-search-q")).ToBeFocusedAsync(); // once its toggle event has come

        // Laid over the page: nothing under it moved.
        var after = (await page.Locator("main h1").BoundingBoxAsync())!;
        Assert.Equal(before.Y, after.Y);
        var box = (await page.Locator("#site-search").BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 390 && box.Y >= 0, $"box at {box.X},{box.Y} {box.Width}x{box.Height}");
        Assert.Empty((await Axe.CheckAsync(page)).Violations);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "search-header-phone.png") });

        await page.Keyboard.TypeAsync("养老");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search.html?q=*");
        Assert.Equal(Containing("zh", "养老"), await ResultLinks(page));

        // Escape closes the box again (on another page).
        await page.GoBackAsync();
        await page.Locator(".search-toggle").TapAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#site-search")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_desktop_the_box_is_in_the_header()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "en/glossary.html");
        await Assertions.Expect(page.Locator(".search-toggle")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#site-search-q")).ToBeVisibleAsync();
        Assert.Equal("search", await page.Locator("header form#site-search").GetAttributeAsync("role"));
        Assert.Equal("Search the report", await page.Locator("label[for=site-search-q]").TextContentAsync());
        // The entry's English term as the glossary file gives it: a query equal to a term puts its entry first.
        var term = File.ReadLines(Path.Combine(TestSite.RepoRoot, "input", "en", "glossary", "dual-centre.md")).First(l => l.StartsWith("term:", StringComparison.Ordinal))[5..].Trim();
        await page.Locator("#site-search-q").FillAsync(term);
        await page.Locator("#site-search-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/en/search.html?q=" + term.Replace(' ', '+'));
        var links = await ResultLinks(page);
        Assert.Equal("glossary.html#dual-centre", links[0]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_javascript_the_box_still_leads_to_the_search_page_which_explains_and_links_to_the_contents_and_full_report()
    {
        var page = await site.OpenAsync(390, 844, javaScript: false);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        await page.Locator(".search-toggle").ClickAsync();
        await page.Locator("#site-search-q").FillAsync("养老");
        await page.Locator("#site-search-q").PressAsync("Enter");
        await page.WaitForURLAsync("**/search.html?q=*");
        await Assertions.Expect(page.Locator("[data-search-nojs]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-search-nojs]")).ToContainTextAsync("JavaScript");
        await Assertions.Expect(page.Locator("form[data-search-form]")).ToBeHiddenAsync();
        var hrefs = await page.Locator("[data-search-nojs] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["contents.html", "full.html"], hrefs);
        await page.Context.CloseAsync();

        // axe needs JavaScript itself: the same page, with the search script kept from loading, under axe.
        page = await site.OpenAsync(390, 844);
        await page.RouteAsync("**/search.js", route => route.AbortAsync());
        await page.GotoAsync(site.BaseUrl + "search.html?q=" + Uri.EscapeDataString("养老"));
        await Assertions.Expect(page.Locator("[data-search-nojs]")).ToBeVisibleAsync();
        Assert.Empty((await Axe.CheckAsync(page)).Violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_works_from_disk()
    {
        var page = await site.OpenAsync(390, 844, touch: true);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(new Uri(Path.Combine(site.SiteFolder, "en", "index.html")).AbsoluteUri);
        await page.Locator(".search-toggle").TapAsync();
        // The box takes the focus when it has opened (its toggle event comes a moment after the tap).
        await Assertions.Expect(page.Locator("#site-search-q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("pocket parks");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/en/search.html?q=*");
        var links = await ResultLinks(page);
        Assert.Equal("glossary.html#pocket-parks", links[0]);
        await page.Locator("#search-results a.search-result-link").Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/en/" + links[1]);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_phrase_broken_across_lines_in_the_Markdown_is_found_in_both_languages()
    {
        var built = TestSite.Build($$"""
            -- site.yml --
            {{TestSite.Config}}
            {{TestSite.Homes}}
            -- zh/parks.md --
            ---
            kind: chapter
            title: 城市绿化
            short_title: 绿化
            order: 1
            slug: parks
            description: 绿化。
            ---

            ## 公园 {#parks}

            新增绿化面积150万平方米，建成口袋
            公园10个。

            ## 道路 {#roads}

            新建道路两条。
            -- en/parks.md --
            ---
            kind: chapter
            title: Greening
            short_title: Greening
            order: 1
            slug: parks
            description: Greening.
            ---

            ## Parks {#parks}

            Added 1.5 million square metres of green space and built ten pocket
            parks.

            ## Roads {#roads}

            Built two new roads.
            """);
        built.AssertBuilt();
        var folder = Directory.CreateTempSubdirectory("microsite-search-").FullName;
        try
        {
            Output.SiteWriter.Write(folder, built.Result.Files);
            var page = await site.OpenAsync(390, 844);
            foreach (var (path, query, marked) in new[] { ("search.html", "口袋公园", "口袋\u200B公园"), ("en/search.html", "pocket parks", "pocket parks") })
            {
                await page.GotoAsync(new Uri(Path.Combine(folder, path)).AbsoluteUri + "?q=" + Uri.EscapeDataString(query));
                var links = await ResultLinks(page);
                Assert.Equal("parks.html#parks", links[0]);
                Assert.Single(links);
                Assert.Equal(marked, await page.Locator("#search-results .search-result-snippet mark").First.TextContentAsync());
            }

            await page.Context.CloseAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Scroll, int Client)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }
}
