using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>The real report in real chromium: phones and desktops, axe-core, keyboard, file://.</summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed class BrowserTests(BrowserFixture site)
{
    [Theory]
    [InlineData(390, 844, ColorScheme.Light)]
    [InlineData(1280, 800, ColorScheme.Light)]
    [InlineData(390, 844, ColorScheme.Dark)]
    public async Task Every_page_has_no_axe_violations(int width, int height, ColorScheme scheme)
    {
        var failures = await site.SweepAsync(site.Pages, () => site.OpenAsync(width, height, scheme: scheme), async (page, path) =>
        {
            await page.GotoAsync(site.BaseUrl + path);
            var result = await Axe.CheckAsync(page);
            return result.Violations.SelectMany(v => v.Nodes.Select(n => $"{path}: {v.Id}: {v.Help} at {n.Target} {n.Html}"));
        });

        Assert.True(site.Pages.Count >= 26, $"only {site.Pages.Count} pages");
        Assert.True(failures.Count == 0, $"{failures.Count} axe violations at {width}x{height} ({scheme}):\n{string.Join("\n", failures.Take(40))}");
    }

    [Fact]
    public async Task The_axe_check_finds_a_defect_planted_in_a_page()
    {
        // The sweeps pass only if the check can fail: an image without a text alternative, a nameless button.
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        Assert.Empty((await Axe.CheckAsync(page)).Violations);
        await page.EvaluateAsync("""
            () => {
              const p = document.querySelector('main .prose p');
              p.insertAdjacentHTML('beforeend', '<img src="../assets/favicon.svg"><button type="button"></button>');
            }
            """);
        var found = (await Axe.CheckAsync(page)).Violations.Select(v => v.Id).ToList();
        Assert.Contains("image-alt", found);
        Assert.Contains("button-name", found);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px()
    {
        var page = await site.OpenAsync(320, 640);
        var wide = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.BaseUrl + path);
            var (scroll, client) = await ScrollWidth(page);
            if (scroll > client)
            {
                wide.Add($"{path}: {scroll}px of content in {client}px");
            }
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tab_reaches_skip_link_navigation_language_switch_and_terms_in_order()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");

        var order = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("""
                () => {
                  const e = document.activeElement;
                  if (e.classList.contains('skip-link')) return 'skip';
                  if (e.closest('.site-nav')) return 'nav';
                  if (e.matches('[data-lang-switch]')) return 'switch';
                  if (e.matches('a.term')) return 'term';
                  return e.tagName.toLowerCase();
                }
                """));
        }

        Assert.Equal("skip", order[0]);
        var nav = order.IndexOf("nav");
        var language = order.IndexOf("switch");
        var term = order.IndexOf("term");
        Assert.True(nav > 0 && language > nav && term > language, string.Join(", ", order));

        // The skip link takes keyboard users straight to the text.
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_tap_on_a_term_shows_its_definition_on_screen_and_escape_closes_it()
    {
        foreach (var width in new[] { 320, 390 })
        {
            var page = await site.OpenAsync(width, 844, touch: true);
            await page.GotoAsync(site.BaseUrl + "review-2022.html#mission");
            var term = page.Locator("main a.term").First;
            var id = await term.GetAttributeAsync("data-term");
            await term.TapAsync();

            var popover = page.Locator($"#gloss-{id}");
            await Assertions.Expect(popover).ToBeVisibleAsync();
            var box = (await popover.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= 844,
                $"popover at {box.X},{box.Y} {box.Width}x{box.Height} leaves the {width}px viewport");
            Assert.False(string.IsNullOrWhiteSpace(await popover.Locator(".term-popover-def").TextContentAsync()));
            Assert.EndsWith("review-2022.html#mission", page.Url); // the page stayed where it was

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(popover).ToBeHiddenAsync();
            Assert.Equal(id, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-term')"));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Every_definition_opens_at_its_start_inside_a_small_screen_at_the_largest_text_size()
    {
        var page = await site.OpenAsync(320, 568, touch: true);
        await page.GotoAsync(site.BaseUrl + "en/review-2022.html");
        await page.Locator(".text-size button[data-text-size='2']").TapAsync();
        var terms = await page.Locator("main .prose a.term").AllAsync();
        Assert.True(terms.Count > 10);
        foreach (var term in terms)
        {
            var id = await term.GetAttributeAsync("data-term");
            await term.ScrollIntoViewIfNeededAsync();
            await term.TapAsync();
            var popover = page.Locator($"#gloss-{id}");
            await Assertions.Expect(popover).ToBeVisibleAsync();
            Assert.Equal(0, await popover.EvaluateAsync<double>("e => e.scrollTop"));
            var box = (await popover.BoundingBoxAsync())!;
            var title = (await popover.Locator(".term-popover-title").BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= 320 && box.Y + box.Height <= 568, $"{id}: popover leaves the screen");
            Assert.True(title.Y >= box.Y && title.Y + title.Height <= box.Y + box.Height, $"{id}: the term's title is scrolled out of its popover");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(popover).ToBeHiddenAsync();
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_on_a_term_opens_its_definition_and_tabbing_out_closes_it()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        var term = page.Locator("main .prose a.term").First;
        var popover = page.Locator($"#gloss-{await term.GetAttributeAsync("data-term")}");
        await term.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(popover).ToBeVisibleAsync();
        Assert.True(await popover.EvaluateAsync<bool>("e => e.contains(document.activeElement)"));

        // axe with a definition open, too.
        Assert.Empty((await Axe.CheckAsync(page)).Violations);

        for (var i = 0; i < 4 && await popover.IsVisibleAsync(); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(popover).ToBeHiddenAsync();
        Assert.False(await popover.EvaluateAsync<bool>("e => e.contains(document.activeElement)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_the_largest_text_size_pages_fit_320_px_without_breaking_words()
    {
        var page = await site.OpenAsync(320, 640);
        await page.GotoAsync(site.BaseUrl + "index.html");
        await page.EvaluateAsync("() => localStorage.setItem('microsite.textSize', '2')");
        var problems = new List<string>();
        foreach (var path in site.Pages)
        {
            await page.GotoAsync(site.BaseUrl + path);
            Assert.Equal("2", await page.GetAttributeAsync("html", "data-text-size"));
            var (scroll, client) = await ScrollWidth(page);
            if (scroll > client)
            {
                problems.Add($"{path}: {scroll}px of content in {client}px");
            }

            // A Latin word split over two lines without a hyphen is a word broken by overflow-wrap.
            var broken = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('h1, h2, h3, .site-title, .pager a')].flatMap(h => {
                  const text = h.textContent;
                  const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
                  return words.filter(w => {
                    const range = document.createRange();
                    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
                    let offset = 0, node;
                    while ((node = walker.nextNode())) {
                      const end = offset + node.textContent.length;
                      if (w.index >= offset && w.index + w[0].length <= end) {
                        range.setStart(node, w.index - offset);
                        range.setEnd(node, w.index - offset + w[0].length);
                        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                        return lines.size > 1 && getComputedStyle(h).hyphens !== 'auto';
                      }
                      offset = end;
                    }
                    return false;
                  }).map(w => h.tagName + ': ' + w[0]);
                })
                """);
            problems.AddRange(broken.Select(b => $"{path}: {b} is broken across lines"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_definition_opens_in_place_without_javascript()
    {
        var page = await site.OpenAsync(390, 844, javaScript: false);
        await page.GotoAsync(site.BaseUrl + "en/review-2022.html");
        var button = page.Locator("main .prose button.term-toggle").First;
        await button.ClickAsync();
        var popover = page.Locator("#" + await button.GetAttributeAsync("popovertarget"));
        await Assertions.Expect(popover).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(popover).ToBeHiddenAsync();

        // Following the link itself lands on the entry.
        var link = page.Locator("main .prose a.term").First;
        var entry = (await link.GetAttributeAsync("href"))!.Split('#')[1];
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/en/glossary.html#{entry}", BrowserFixture.Committed);
        await Assertions.Expect(page.Locator($"#{entry}")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_keeps_the_section()
    {
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html#economy");
        // The switch keeps the section, or the paragraph of it in view (economy-2): which one depends on where
        // the browser has scrolled the heading to, so either is right as long as it is this section.
        foreach (var (to, lang) in new[] { ("/en/review-2022.html", "en"), ("/gzbg2023/review-2022.html", "zh-Hans") })
        {
            await page.Locator("a[data-lang-switch]").ClickAsync();
            await page.WaitForURLAsync("**" + to + "#*", BrowserFixture.Committed);
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape(to) + "#economy(-[0-9]+)?$", page.Url);
            var anchor = new Uri(page.Url).Fragment;
            await Assertions.Expect(page.Locator(anchor)).ToBeInViewportAsync();
            Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_click_on_the_language_switch_while_the_page_glides_up_to_it_keeps_the_section()
    {
        // The page glides (smooth scrolling) up to the switch and the click comes before it reaches the top:
        // the page is barely scrolled, with the first paragraph in view, but the reader never rested there.
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html#economy");
        await Assertions.Expect(page.Locator("#economy")).ToBeInViewportAsync();
        await page.EvaluateAsync("() => { window.scrollTo({ top: 1, behavior: 'instant' }); document.querySelector('a[data-lang-switch]').click(); }");
        await page.WaitForURLAsync("**/en/review-2022.html#*", BrowserFixture.Committed);
        Assert.Matches("/en/review-2022\\.html#economy(-[0-9]+)?$", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_text_size_control_changes_the_size_and_is_remembered()
    {
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        var sizes = new List<double> { await FontSize(page, "main .prose p") };
        foreach (var step in new[] { "1", "2" })
        {
            await page.Locator($".text-size button[data-text-size='{step}']").ClickAsync();
            Assert.Equal("true", await page.Locator($".text-size button[data-text-size='{step}']").GetAttributeAsync("aria-pressed"));
            sizes.Add(await FontSize(page, "main .prose p"));
        }

        Assert.True(sizes[0] >= 18 && sizes[1] > sizes[0] && sizes[2] > sizes[1], string.Join(" < ", sizes));

        // Remembered across a reload and on other pages.
        await page.ReloadAsync();
        Assert.Equal(sizes[2], await FontSize(page, "main .prose p"));
        await page.GotoAsync(site.BaseUrl + "en/glossary.html");
        Assert.Equal("2", await page.GetAttributeAsync("html", "data-text-size"));

        await page.Locator(".text-size button[data-text-size='0']").ClickAsync();
        Assert.Null(await page.GetAttributeAsync("html", "data-text-size"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_site_works_opened_from_disk()
    {
        var page = await site.OpenAsync(390, 844);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(new Uri(Path.Combine(site.SiteFolder, "index.html")).AbsoluteUri);

        // The stylesheet and the script load from the folder: the header is coloured, the text-size control shown.
        Assert.Equal("rgb(159, 28, 28)", await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).backgroundColor"));
        await Assertions.Expect(page.Locator(".text-size")).ToBeVisibleAsync();

        await page.Locator(".chapter-list a").First.ClickAsync();
        await page.WaitForURLAsync("**/review-2022.html");
        await page.Locator("a[data-lang-switch]").ClickAsync();
        await page.WaitForURLAsync("**/en/review-2022.html");
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        // (axe itself then tries to fetch the stylesheets with XMLHttpRequest, which file:// forbids; that is axe's request, not the site's.)
        var result = await Axe.CheckAsync(page);
        Assert.Empty(result.Violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_address_at_any_depth_gets_a_styled_404_page_with_working_links()
    {
        var page = await site.OpenAsync(390, 844);
        var response = await page.GotoAsync(site.BaseUrl + "en/no/such/page.html");
        Assert.Equal(404, response!.Status);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("rgb(159, 28, 28)", await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).backgroundColor"));
        await page.Locator("main a").First.ClickAsync();
        await page.WaitForURLAsync("**/gzbg2023/en/index.html");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printing_shows_the_text_without_the_screen_furniture()
    {
        var page = await site.OpenAsync(1280, 800, scheme: ColorScheme.Dark);
        await page.GotoAsync(site.BaseUrl + "full.html");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var hidden in new[] { ".site-nav", ".header-tools", ".breadcrumbs", ".page-toc", ".term-toggle" })
        {
            await Assertions.Expect(page.Locator(hidden).First).ToBeHiddenAsync();
        }

        // Every chapter heading, the cover and the glossary are printed, in dark text on white paper
        // even when the screen is in the dark scheme.
        var headings = page.Locator("main .full-chapter > h2");
        Assert.True(await headings.CountAsync() >= 10);
        foreach (var heading in await headings.AllAsync())
        {
            await Assertions.Expect(heading).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("main .report-speaker")).ToHaveTextAsync("区长张伟");
        Assert.Equal("rgb(51, 51, 51)", await page.EvalOnSelectorAsync<string>("main .report-speaker", "e => getComputedStyle(e).color"));
        Assert.Equal("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("main .prose p", "e => getComputedStyle(e).color"));

        // Parts start a new sheet; the sub-chapters of a part run on.
        Assert.Equal("page", await page.EvalOnSelectorAsync<string>("#chapter-tasks-2023", "e => getComputedStyle(e.parentElement).breakBefore"));
        Assert.NotEqual("page", await page.EvalOnSelectorAsync<string>("#chapter-dual-centre", "e => getComputedStyle(e.parentElement).breakBefore"));

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "full-report.pdf"), pdf);
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;
        Assert.InRange(pages, 8, 18); // about 14,000 characters of report and 33 entries on A4
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saves_screenshots_of_home_chapter_and_glossary()
    {
        foreach (var (name, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 800) })
        {
            var page = await site.OpenAsync(width, height);
            foreach (var path in new[] { "index.html", "review-2022.html", "glossary.html", "en/index.html", "en/review-2022.html" })
            {
                await page.GotoAsync(site.BaseUrl + path);
                var file = Path.Combine(BrowserFixture.ArtifactsFolder, $"{path.Replace('/', '-').Replace(".html", "")}-{name}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false });
                Assert.True(new FileInfo(file).Length > 5000, $"{file} is nearly empty");
            }

            await page.Context.CloseAsync();
        }
    }

    private static async Task<(int Scroll, int Client)> ScrollWidth(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static Task<double> FontSize(IPage page, string selector) =>
        page.EvalOnSelectorAsync<double>(selector, "e => parseFloat(getComputedStyle(e).fontSize)");
}
