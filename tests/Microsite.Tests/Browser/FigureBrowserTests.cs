using Microsite.Config;
using Microsite.Core;
using Microsite.Figures;
using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>The key-figures pages and the home page's set of the real report, in real chromium.</summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed class FigureBrowserTests(BrowserFixture site)
{
    private static readonly string[] Pages = ["figures.html", "en/figures.html", "index.html", "en/index.html"];

    private static readonly Lazy<FigureSet> Figures = new(() =>
    {
        var input = TestSite.RepoInput();
        var diagnostics = new DiagnosticBag();
        return FigureLoader.Load(input, ConfigLoader.Load(input, diagnostics)!, diagnostics)!;
    });

    [Theory]
    [InlineData(390, 844, ColorScheme.Light)]
    [InlineData(1280, 800, ColorScheme.Light)]
    [InlineData(390, 844, ColorScheme.Dark)]
    public async Task Figures_pages_and_home_pages_have_no_axe_violations(int width, int height, ColorScheme scheme)
    {
        var failures = await site.SweepAsync(Pages, () => site.OpenAsync(width, height, scheme: scheme), async (page, path) =>
        {
            await page.GotoAsync(site.BaseUrl + path);
            // With the contents open too: its links are then on screen and checked for contrast.
            if (await page.Locator("main .page-toc summary").CountAsync() > 0)
            {
                await page.Locator("main .page-toc summary").ClickAsync();
            }

            var result = await Axe.CheckAsync(page);
            return result.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: {v.Id}: {v.Help} at {n.Target} {n.Html}"));
        });

        Assert.True(failures.Count == 0, $"{failures.Count} axe violations at {width}x{height} ({scheme}):\n{string.Join("\n", failures.Take(40))}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task At_320_px_nothing_scrolls_sideways_and_each_table_scrolls_in_its_own_focusable_box(int textSize)
    {
        var page = await site.OpenAsync(320, 640);
        await page.GotoAsync(site.BaseUrl + "index.html");
        await page.EvaluateAsync($"() => localStorage.setItem('microsite.textSize', '{textSize}')");
        var problems = new List<string>();
        var scrolling = 0;
        foreach (var path in Pages)
        {
            await page.GotoAsync(site.BaseUrl + path);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                problems.Add($"{path}: {widths[0]}px of content in {widths[1]}px");
            }

            // Charts scale down with the column; a chart wider than the screen would be cut off.
            foreach (var chart in await page.Locator("svg.fig-chart").AllAsync())
            {
                var box = (await chart.BoundingBoxAsync())!;
                if (box.X < 0 || box.X + box.Width > 320)
                {
                    problems.Add($"{path}: a chart spans {box.X}..{box.X + box.Width}px");
                }
            }

            foreach (var table in await page.Locator(".fig-table-box").AllAsync())
            {
                var size = await table.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
                if (size[0] > size[1])
                {
                    scrolling++;
                    // axe accepts a scrolling box that a keyboard can reach and a screen reader can name.
                    Assert.Equal("0", await table.GetAttributeAsync("tabindex"));
                    Assert.Equal("region", await table.GetAttributeAsync("role"));
                    Assert.False(string.IsNullOrWhiteSpace(await table.GetAttributeAsync("aria-label")));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(scrolling > 0, "no table scrolls at 320 px: the focusable box was not exercised");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("figures.html", "zh")]
    [InlineData("en/figures.html", "en")]
    public async Task Every_chart_is_drawn_with_a_table_that_has_a_row_per_figure_and_links_its_source(string path, string lang)
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + path);
        var groups = page.Locator("main section.fig-group");
        Assert.Equal(Figures.Value.Groups.Count, await groups.CountAsync());

        for (var i = 0; i < Figures.Value.Groups.Count; i++)
        {
            var group = Figures.Value.Groups[i];
            var section = groups.Nth(i);
            Assert.Equal(group.Title[lang], await section.Locator("h2").TextContentAsync());

            var chart = section.Locator("svg.fig-chart");
            await chart.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(chart).ToBeVisibleAsync();
            Assert.True((await chart.BoundingBoxAsync())!.Height > 50, $"{group.Id}: the chart has no height");
            Assert.Equal(group.Figures.Count(f => f.Kind == FigureKind.Target) > 0, await chart.Locator(".fig-target").CountAsync() > 0);

            // The chart's text equivalent: a row per figure, headed by its label, read as a table by screen readers.
            var rows = section.Locator("table.fig-table tbody tr");
            Assert.Equal(group.Figures.Count, await rows.CountAsync());
            Assert.Equal(group.Figures.Select(f => f.Label[lang]), await section.Locator("table.fig-table tbody th[scope=row]").AllTextContentsAsync());
            Assert.Equal(group.Title[lang], await section.Locator("table.fig-table caption").TextContentAsync());

            // Its source: once below the table when every figure quotes one section, else on every row.
            var oneSource = group.Figures.Select(f => (f.Source.Page, f.Source.Section)).Distinct().Count() == 1;
            Assert.Equal(oneSource ? 0 : group.Figures.Count, await section.Locator("table.fig-table tbody td a[href*='.html#']").CountAsync());
            Assert.Equal(oneSource ? 1 : 0, await section.Locator("p.fig-source a[href*='.html#']").CountAsync());
        }

        // A source link lands on its section of the report.
        var first = Figures.Value.Groups[0].Figures[0].Source;
        await page.Locator("main section.fig-group").First.Locator("p.fig-source a").ClickAsync();
        await page.WaitForURLAsync($"**/{(lang == "en" ? "en/" : "")}{first.Page.Replace(".md", ".html", StringComparison.Ordinal)}#{first.Section}", BrowserFixture.Committed);
        await Assertions.Expect(page.Locator($"#{first.Section}")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("index.html", "zh")]
    [InlineData("en/index.html", "en")]
    public async Task The_home_page_shows_its_key_figures_without_layout_shift_and_links_the_figures_page(string path, string lang)
    {
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + path);
        var shift = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) total += e.value; } })
                .observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 400);
            })
            """);
        Assert.Equal(0, shift);

        var cards = page.Locator("main .home-figures .fig-card");
        Assert.Equal(Figures.Value.Home.Count, await cards.CountAsync());
        Assert.Equal(Figures.Value.Home.Select(f => f.Label[lang]), await page.Locator("main .home-figures .fig-card dt").AllTextContentsAsync());
        foreach (var card in await cards.AllAsync())
        {
            await card.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(card).ToBeVisibleAsync();
            var box = (await card.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"a card spans {box.X}..{box.X + box.Width}px");
            Assert.False(string.IsNullOrWhiteSpace(await card.Locator(".fig-card-main").TextContentAsync()));
        }

        await page.Locator("main .home-figures .fig-more a").ClickAsync();
        await page.WaitForURLAsync($"**/{(lang == "en" ? "en/" : "")}figures.html");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Charts_take_the_dark_colours_on_screen_and_print_black_on_white()
    {
        var page = await site.OpenAsync(1280, 800, scheme: ColorScheme.Dark);
        await page.GotoAsync(site.BaseUrl + "figures.html");
        const string Fill = "e => getComputedStyle(e).fill";
        Assert.Equal("rgb(255, 156, 138)", await page.EvalOnSelectorAsync<string>("svg.fig-chart .fig-bar.fig-result", Fill));
        Assert.Equal("rgb(236, 233, 230)", await page.EvalOnSelectorAsync<string>("svg.fig-chart .fig-label", Fill));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("svg.fig-chart .fig-bar.fig-result", Fill));
        Assert.Equal("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("svg.fig-chart .fig-label", Fill));
        Assert.Equal("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("svg.fig-chart .fig-bar.fig-target", "e => getComputedStyle(e).stroke"));
        // On paper the tables show whole: nothing scrolls.
        Assert.Equal("visible", await page.EvalOnSelectorAsync<string>(".fig-table-box", "e => getComputedStyle(e).overflowX"));
        await Assertions.Expect(page.Locator("svg.fig-chart").First).ToBeVisibleAsync();

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "figures.pdf"), pdf);
        Assert.True(pdf.Length > 10_000);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saves_screenshots_of_the_figures_page_and_the_home_set()
    {
        foreach (var (name, width, height, scheme) in new[]
        {
            ("320", 320, 640, ColorScheme.Light), ("phone", 390, 844, ColorScheme.Light), ("phone-dark", 390, 844, ColorScheme.Dark), ("desktop", 1280, 800, ColorScheme.Light),
        })
        {
            var page = await site.OpenAsync(width, height, scheme: scheme);
            foreach (var path in new[] { "figures.html", "en/figures.html" })
            {
                // The first screen, then each group on its own (a whole page is too tall to look at).
                await page.GotoAsync(site.BaseUrl + path);
                var prefix = Path.Combine(BrowserFixture.ArtifactsFolder, $"{path.Replace('/', '-').Replace(".html", "")}-{name}");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = prefix + ".png" });
                Assert.True(new FileInfo(prefix + ".png").Length > 5000, $"{prefix}.png is nearly empty");
                foreach (var group in await page.Locator("main section.fig-group").AllAsync())
                {
                    // The whole width of the screen: on a phone the chart reaches past the section's edges.
                    var top = await group.EvaluateAsync<double[]>("e => [e.getBoundingClientRect().top + window.scrollY, e.getBoundingClientRect().height]");
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = $"{prefix}-{await group.Locator("h2").GetAttributeAsync("id")}.png",
                        FullPage = true,
                        Clip = new Clip { X = 0, Y = (float)top[0], Width = width, Height = (float)top[1] },
                    });
                }
            }

            if (name == "320")
            {
                // A table scrolled to its end: the labels stay, the other columns have moved.
                await page.GotoAsync(site.BaseUrl + "en/figures.html#economy-2022");
                var box = page.Locator(".fig-table-box").First;
                await box.EvaluateAsync("e => { e.scrollLeft = e.scrollWidth; }");
                await box.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "en-figures-320-table-scrolled.png") });
            }

            if (name == "desktop")
            {
                // As printed (in the print stylesheet's black on white).
                await page.GotoAsync(site.BaseUrl + "figures.html#wellbeing-2023");
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
                var group = page.Locator("#wellbeing-2023").Locator("..");
                await group.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "figures-print-wellbeing-2023.png") });
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
            }

            foreach (var path in new[] { "index.html", "en/index.html" })
            {
                await page.GotoAsync(site.BaseUrl + path);
                var file = Path.Combine(BrowserFixture.ArtifactsFolder, $"{path.Replace('/', '-').Replace(".html", "")}-figures-{name}.png");
                await page.Locator("main .home-figures").ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
                Assert.True(new FileInfo(file).Length > 5000, $"{file} is nearly empty");
            }

            await page.Context.CloseAsync();
        }
    }
}
