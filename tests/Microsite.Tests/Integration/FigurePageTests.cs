using AngleSharp.Dom;
using Microsite.Build;

namespace Microsite.Tests.Integration;

/// <summary>The key-figures page of each language and the home page's set, built from whole tiny sites.</summary>
public class FigurePageTests
{
    private const string Pages = """
        -- zh/review.md --
        ---
        kind: chapter
        title: 一、总结
        short_title: 总结
        order: 1
        slug: review
        description: 回顾。
        ---

        ## 经济 {#economy}

        预计完成地区生产总值1100亿元左右，增长1.5%左右；一般公共预算收入145.7亿元，同口径增长0.9%。

        ## 民生 {#livelihoods}

        新增就业岗位1.2万个。
        -- en/review.md --
        ---
        kind: chapter
        title: I. Review
        short_title: Review
        order: 1
        slug: review
        description: Review.
        ---

        ## Economy {#economy}

        Gross regional product is expected to reach about 110 billion yuan, up about 1.5%; general public budget revenue, 14.57 billion yuan, up 0.9% on a comparable basis.

        ## Livelihoods {#livelihoods}

        12,000 new jobs were created.
        -- zh/tasks.md --
        ---
        kind: chapter
        title: 二、任务
        short_title: 任务
        order: 2
        slug: tasks
        description: 任务。
        ---

        ## 目标 {#targets}

        地区生产总值增长5%左右。
        -- en/tasks.md --
        ---
        kind: chapter
        title: II. Tasks
        short_title: Tasks
        order: 2
        slug: tasks
        description: Tasks.
        ---

        ## Targets {#targets}

        Gross regional product is to grow by about 5%.
        """;

    /// <summary>Two groups: one that quotes one section, one whose figures come from two sections and two years.</summary>
    private const string Figures = """
        groups:
          - id: economy
            title: { zh: 经济运行, en: The economy }
            year: 2022
            kind: result
            source: review.md#economy
            figures:
              - id: gdp
                label: { zh: 地区生产总值, en: Gross regional product }
                value: 1100
                approx: about
                unit: { zh: 亿元, en: billion yuan }
                change: { value: 1.5, approx: about }
                home: true
              - id: budget-revenue
                label: { zh: 一般公共预算收入, en: General public budget revenue }
                value: 145.7
                unit: { zh: 亿元, en: billion yuan }
                change: { value: 0.9, base: { zh: 同口径, en: on a comparable basis } }
          - id: outlook
            title: { zh: 就业与目标, en: Jobs and targets }
            figures:
              - id: jobs
                label: { zh: 新增就业岗位, en: New jobs }
                value: 1.2
                unit: { zh: 万个, en: jobs }
                year: 2022
                kind: result
                source: review.md#livelihoods
              - id: gdp-growth
                label: { zh: 地区生产总值, en: Gross regional product }
                change: { value: 5, approx: about }
                year: 2023
                kind: target
                source: tasks.md#targets
                home: true
        """;

    private const string BaseUrl = "base_url: https://example.org/report/\n";

    private static TestSite Build(string? figures = Figures, string config = "") =>
        TestSite.Build($"-- site.yml --\n{config}{TestSite.Config}\n{TestSite.Homes}\n{Pages}" + (figures is null ? "" : $"\n-- data/figures.yml --\n{figures}"));

    private static readonly Lazy<TestSite> Site = new(() => Build());

    private static IEnumerable<string> HtmlPages(TestSite site) => site.Result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => f.Path);

    private static IReadOnlyList<string> Texts(IEnumerable<IElement> elements) => elements.Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public void Writes_a_figures_page_per_language_with_a_chart_and_a_table_per_group_in_order()
    {
        var site = Site.Value;
        site.AssertBuilt();
        foreach (var (path, titles) in new[] { ("figures.html", new[] { "经济运行", "就业与目标" }), ("en/figures.html", new[] { "The economy", "Jobs and targets" }) })
        {
            var html = site.Html(path);
            var groups = html.QuerySelectorAll("main section.fig-group");
            Assert.Equal(titles, Texts(groups.Select(g => g.QuerySelector("h2")!)));
            Assert.Equal(["economy", "outlook"], groups.Select(g => g.QuerySelector("h2")!.Id));
            foreach (var group in groups)
            {
                var svg = group.QuerySelector("svg.fig-chart")!;
                Assert.Equal("img", svg.GetAttribute("role"));
                Assert.Equal(group.QuerySelector("h2")!.TextContent, group.QuerySelector("table caption")!.TextContent);
                Assert.All(group.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
                Assert.All(group.QuerySelectorAll("tbody tr"), tr => Assert.Equal("row", tr.QuerySelector("th")!.GetAttribute("scope")));
                var box = group.QuerySelector(".fig-table-box")!;
                Assert.Equal(("region", "0"), (box.GetAttribute("role"), box.GetAttribute("tabindex")));
                Assert.False(string.IsNullOrWhiteSpace(box.GetAttribute("aria-label")));
            }

            // Two charts on one page: their title and description ids differ, and nothing is styled inline (CSP).
            var labels = html.QuerySelectorAll("svg.fig-chart").Select(s => s.GetAttribute("aria-labelledby")).ToList();
            Assert.Equal(2, labels.Distinct().Count());
            Assert.Empty(html.QuerySelectorAll("main [style], main style, main script"));
        }
    }

    [Fact]
    public void The_tables_give_each_figure_its_value_with_unit_change_with_base_year_and_kind()
    {
        var zh = Site.Value.Html("figures.html");
        Assert.Equal(["指标", "数值", "增减", "年份", "类别"], Texts(zh.GetElementById("economy")!.ParentElement!.QuerySelectorAll("thead th")));
        Assert.Equal(["地区生产总值", "1100亿元左右", "增长1.5%左右", "2022年", "实绩"], Texts(zh.QuerySelectorAll("#figure-gdp > *")));
        Assert.Equal(["一般公共预算收入", "145.7亿元", "同口径增长0.9%", "2022年", "实绩"], Texts(zh.QuerySelectorAll("#figure-budget-revenue > *")));

        var en = Site.Value.Html("en/figures.html");
        Assert.Equal(["Gross regional product", "about 110 billion yuan", "up about 1.5%", "2022", "result"], Texts(en.QuerySelectorAll("#figure-gdp > *")));
        Assert.Equal(["General public budget revenue", "14.57 billion yuan", "up 0.9% on a comparable basis", "2022", "result"],
            Texts(en.QuerySelectorAll("#figure-budget-revenue > *")));
        // A figure without a value shows a dash in the value column; a target says so.
        Assert.Equal(["Gross regional product", "—", "up about 5%", "2023", "target", "Tasks · Targets"], Texts(en.QuerySelectorAll("#figure-gdp-growth > *")));
    }

    [Fact]
    public void Links_each_figure_to_the_section_it_comes_from()
    {
        var zh = Site.Value.Html("figures.html");
        // A group that quotes one section says it once, below its table, and has no source column.
        var economy = zh.GetElementById("economy")!.ParentElement!;
        var source = economy.QuerySelector("p.fig-source a")!;
        Assert.Equal(("review.html#economy", "总结 · 经济"), (source.GetAttribute("href"), source.TextContent));
        Assert.Equal(5, economy.QuerySelectorAll("thead th").Length);

        // A group whose figures come from several sections links each row's own.
        var outlook = zh.GetElementById("outlook")!.ParentElement!;
        Assert.Null(outlook.QuerySelector("p.fig-source"));
        Assert.Equal("出处", outlook.QuerySelectorAll("thead th").Last().TextContent);
        Assert.Equal(["review.html#livelihoods", "tasks.html#targets"], outlook.QuerySelectorAll("tbody td a").Select(a => a.GetAttribute("href")));

        var en = Site.Value.Html("en/figures.html");
        Assert.Equal(["review.html#livelihoods", "tasks.html#targets"], en.QuerySelectorAll("#outlook ~ * tbody td a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Review · Livelihoods", en.QuerySelector("#figure-jobs a")!.TextContent);
    }

    [Fact]
    public void Every_page_links_the_figures_page_from_its_navigation()
    {
        var site = Site.Value;
        foreach (var path in HtmlPages(site))
        {
            var nav = site.Html(path).QuerySelectorAll(".site-nav a").ToList();
            var figures = nav.SingleOrDefault(a => a.GetAttribute("href")!.EndsWith("figures.html", StringComparison.Ordinal));
            Assert.True(figures is not null, $"{path}: no link to the figures page in {string.Join(", ", nav.Select(a => a.GetAttribute("href")))}");
            Assert.Equal(path is "figures.html" or "en/figures.html", figures.GetAttribute("aria-current") == "page");
        }

        Assert.Equal("figures.html", site.Html("en/review.html").QuerySelector(".site-nav a[href$='figures.html']")!.GetAttribute("href"));
        Assert.Equal("图解", site.Html("review.html").QuerySelector(".site-nav a[href='figures.html']")!.TextContent);
    }

    [Fact]
    public void The_contents_page_and_the_home_pages_cards_link_the_figures_page()
    {
        var site = Site.Value;
        Assert.NotNull(site.Html("contents.html").QuerySelector("main a[href='figures.html']"));
        Assert.NotNull(site.Html("en/contents.html").QuerySelector("main a[href='figures.html']"));
        Assert.Equal("Key figures", site.Html("en/index.html").QuerySelector(".home-more .entry-cards a[href='figures.html']")!.TextContent);
    }

    [Fact]
    public void The_home_page_shows_the_home_figures_by_year_and_kind_and_links_the_figures_page()
    {
        var zh = Site.Value.Html("index.html").QuerySelector("main .home-figures")!;
        Assert.Equal(["2022年实绩", "2023年目标"], Texts(zh.QuerySelectorAll("h3")));
        var cards = zh.QuerySelectorAll(".fig-card");
        Assert.Equal(["地区生产总值", "1100亿元左右", "增长1.5%左右"], Texts(cards[0].Children));
        Assert.Equal(["地区生产总值", "增长5%左右"], Texts(cards[1].Children)); // a target that is only a rate shows the rate large
        Assert.Equal("figures.html", zh.QuerySelector(".fig-more a")!.GetAttribute("href"));

        var en = Site.Value.Html("en/index.html").QuerySelector("main .home-figures")!;
        Assert.Equal(["Results in 2022", "Targets for 2023"], Texts(en.QuerySelectorAll("h3")));
        Assert.Equal(["Gross regional product", "about 110 billion yuan", "up about 1.5%"], Texts(en.QuerySelectorAll(".fig-card").First().Children));
        // Headings stay in order: the set's h2 and h3s sit between the page's h1 and the contents' h2.
        Assert.Equal(["h1", "h2", "h3", "h3", "h2", "h2"], Site.Value.Html("en/index.html").QuerySelectorAll("main h1, main h2, main h3").Select(h => h.LocalName));
    }

    [Fact]
    public void Only_the_home_page_shows_the_home_figures()
    {
        var site = Site.Value;
        Assert.All(HtmlPages(site).Where(p => p is not ("index.html" or "en/index.html")), p => Assert.Null(site.Html(p).QuerySelector(".home-figures")));
    }

    [Fact]
    public void A_site_without_figures_yml_has_no_figures_page_and_no_link_to_one()
    {
        var site = Build(figures: null, config: BaseUrl);
        site.AssertBuilt();
        Assert.DoesNotContain(site.Result.Files, f => f.Path.EndsWith("figures.html", StringComparison.Ordinal));
        Assert.All(HtmlPages(site), p => Assert.DoesNotContain("figures.html", site.Text(p), StringComparison.Ordinal));
        Assert.Null(site.Html("index.html").QuerySelector(".home-figures"));
        Assert.DoesNotContain("figures.html", site.Text("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("glossary.html", site.Text("sitemap.xml"), StringComparison.Ordinal); // the sitemap itself was written
    }

    [Fact]
    public void The_sitemap_the_language_switch_and_the_alternates_name_both_figures_pages()
    {
        var site = Build(config: BaseUrl);
        site.AssertBuilt();
        var sitemap = site.Text("sitemap.xml");
        Assert.Contains("<loc>https://example.org/report/figures.html</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.org/report/en/figures.html</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\" href=\"https://example.org/report/en/figures.html\"", sitemap, StringComparison.Ordinal);

        var zh = site.Html("figures.html");
        Assert.Equal("en/figures.html", zh.QuerySelector("a[data-lang-switch]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/report/en/figures.html", zh.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/report/figures.html", zh.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("../figures.html", site.Html("en/figures.html").QuerySelector("a[data-lang-switch]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_full_report_leaves_the_figures_out()
    {
        Assert.Empty(Site.Value.Html("full.html").QuerySelectorAll("main svg, main .fig-group, main .home-figures"));
    }

    [Fact]
    public void A_page_cannot_take_the_slug_figures()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Pages.Replace("slug: tasks", "slug: figures", StringComparison.Ordinal)}");
        var d = site.Diagnostics.First(x => x.Id == "MS0025");
        Assert.Contains("slug \"figures\" is taken", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_figures_yml_lays_out_the_home_page_again_as_a_fresh_build_would()
    {
        var session = new BuildSession();
        var input = TestSite.Input($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}\n{Pages}\n-- data/figures.yml --\n{Figures}");
        Assert.True(SiteBuilder.Build(input, TestSite.RepoTheme(), session: session).Succeeded);

        var edited = input.With("data/figures.yml", Figures.Replace("{ zh: 地区生产总值, en: Gross regional product }\n        value: 1100", "{ zh: 地区生产总值（GDP）, en: GDP }\n        value: 1100", StringComparison.Ordinal));
        var again = SiteBuilder.Build(edited, TestSite.RepoTheme(), session: session);
        var fresh = SiteBuilder.Build(edited, TestSite.RepoTheme());

        Assert.True(again.Succeeded, string.Join("\n", again.Diagnostics));
        Assert.Equal(fresh.Files.Select(f => (f.Path, f.Content)), again.Files.Select(f => (f.Path, f.Content)));
        Assert.Contains("<dt>地区生产总值（GDP）</dt>", again.Files.Single(f => f.Path == "index.html").Content, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_report_has_a_figures_page_per_language_with_every_figure_and_its_home_set()
    {
        var input = TestSite.RepoInput();
        var real = SiteBuilder.Build(input, TestSite.RepoTheme());
        Assert.True(real.Succeeded);
        Assert.Empty(real.Diagnostics);
        var loaded = new Core.DiagnosticBag();
        var data = Microsite.Figures.FigureLoader.Load(input, Config.ConfigLoader.Load(input, loaded)!, loaded)!;
        Assert.Equal((9, 58, 9), (data.Groups.Count, data.Groups.Sum(g => g.Figures.Count), data.Home.Count)); // input/data/figures.yml as it is

        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var lang in new[] { "", "en/" })
        {
            var figures = parser.ParseDocument(real.Files.Single(f => f.Path == lang + "figures.html").Content);
            Assert.Equal(data.Groups.Count, figures.QuerySelectorAll("main section.fig-group").Length);
            Assert.Equal(data.Groups.Count, figures.QuerySelectorAll("main svg.fig-chart").Length);
            Assert.Equal(data.Groups.Sum(g => g.Figures.Count), figures.QuerySelectorAll("main table.fig-table tbody tr").Length);
            var home = parser.ParseDocument(real.Files.Single(f => f.Path == lang + "index.html").Content);
            Assert.Equal(data.Home.Count, home.QuerySelectorAll("main .home-figures .fig-card").Length);
        }
    }
}
