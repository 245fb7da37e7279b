using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>
/// Nothing on a page moves after it is first drawn: no layout shift on load, with or without a remembered
/// text size, and none after the reader changes the size (beyond the change itself, which follows the
/// reader's own tap and so does not count as a shift). Measured as browsers measure cumulative layout
/// shift: a buffered PerformanceObserver for 'layout-shift' entries, those without recent input.
/// </summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed partial class LayoutShiftTests(BrowserFixture site)
{
    private const string SizeKey = "microsite.textSize";

    // Collects every layout shift of the page so far (buffered) and from now on.
    private const string Observe = """
        () => {
          window.__shifts = [];
          new PerformanceObserver(list => {
            for (const e of list.getEntries()) {
              window.__shifts.push({
                value: e.value,
                input: e.hadRecentInput,
                sources: (e.sources || []).map(s => (s.node ? (s.node.nodeName + (s.node.className ? '.' + String(s.node.className).split(' ')[0] : '')) : '?')
                  + ` ${Math.round(s.previousRect.x)},${Math.round(s.previousRect.y)} ${Math.round(s.previousRect.width)}x${Math.round(s.previousRect.height)}`
                  + ` -> ${Math.round(s.currentRect.x)},${Math.round(s.currentRect.y)} ${Math.round(s.currentRect.width)}x${Math.round(s.currentRect.height)}`).join('; ')
                  + ` at ${Math.round(e.startTime)} ms`,
              });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        }
        """;

    // Waits until fonts are in and two frames have been drawn, then a little longer for anything late.
    private const string Settle = """
        async () => {
          await document.fonts.ready;
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          await new Promise(r => setTimeout(r, 600));
        }
        """;

    // Every page type at the width of Lighthouse's phone (where the header's rows used to change when the
    // text-size buttons appeared), and the home and a chapter page at other widths, where the header
    // wraps differently.
    [Theory]
    [InlineData(412, null, true)]
    [InlineData(412, "2", true)]
    [InlineData(320, "2", false)]
    [InlineData(390, null, false)]
    [InlineData(768, "1", false)]
    [InlineData(1280, "2", false)]
    public async Task No_page_type_shifts_on_load_or_after_a_text_size_change(int width, string? remembered, bool everyType)
    {
        async Task<IPage> Open()
        {
            var page = await site.OpenAsync(width, 844);
            // Before any script of each page runs, as a size chosen on an earlier visit would be (and undoing
            // the change this test makes on the page before).
            await page.Context.AddInitScriptAsync(remembered is null
                ? $"localStorage.removeItem('{SizeKey}');"
                : $"localStorage.setItem('{SizeKey}', '{remembered}');");
            return page;
        }

        var pages = everyType ? PagesOfEveryType() : [("index.html", "index.html"), ("en/index.html", "en/index.html"), ("review-2022.html", "review-2022.html")];
        // Two pages at once: most of each page's time is spent waiting on held responses and settling.
        var problems = await site.SweepAsync<(string Path, string File), string>(pages, Open, async (page, item) =>
        {
            var (path, file) = item;
            var found = new List<string>();
            // The page arrives as over a slow connection, so the browser draws it in parts, as a phone
            // does: first the header up to the language link's text, then up to the text-size buttons,
            // then all of it but the end of <main> (drawn before the document has loaded).
            var html = await File.ReadAllTextAsync(Path.Combine(site.SiteFolder, file));
            // A side-by-side page has both languages and no switch: it is held inside the site's title instead.
            var held = html.Contains("data-lang-switch", StringComparison.Ordinal) ? "data-lang-switch" : "class=\"site-title\"";
            var link = html.IndexOf('>', html.IndexOf(held, StringComparison.Ordinal)) + 1;
            await page.GotoAsync(site.HeldUrl(path, html.Substring(link, 12), "<div class=\"text-size\"", "</main>"));
            Assert.Equal(remembered, await page.GetAttributeAsync("html", "data-text-size"));
            await page.EvaluateAsync(Observe);
            await page.EvaluateAsync(Settle);
            var onLoad = await Shifts(page);
            found.AddRange(onLoad.Where(s => !s.Input).Select(s => $"{path}: on load: {s.Value:0.000} ({s.Sources})"));

            // The reader picks another size: the page grows, but only as a result of that tap.
            var other = remembered == "2" ? "0" : "2";
            await page.Locator($".text-size button[data-text-size='{other}']").ClickAsync();
            Assert.Equal("true", await page.Locator($".text-size button[data-text-size='{other}']").GetAttributeAsync("aria-pressed"));
            await page.EvaluateAsync(Settle);
            var afterChange = (await Shifts(page)).Skip(onLoad.Count).ToList();
            found.AddRange(afterChange.Where(s => !s.Input).Select(s => $"{path}: after the text-size change: {s.Value:0.000} ({s.Sources})"));

            // The observer does see shifts: the change itself moved the text (flagged as following input).
            if (!afterChange.Any(s => s.Input))
            {
                found.Add($"{path}: no shift at all was observed after the text size changed: the measurement saw nothing");
            }

            return found;
        });

        Assert.True(pages.Count >= (everyType ? 7 : 3), string.Join(", ", pages));
        Assert.True(problems.Count == 0, $"layout shifts at {width} px (remembered size {remembered ?? "none"}):\n{string.Join("\n", problems)}");
    }

    [Fact]
    public async Task The_text_size_buttons_are_in_place_at_the_first_paint_and_absent_without_javascript()
    {
        // Shown from the first paint: the mark that shows them is set from <head>, before <body> exists.
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync(".text-size", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('js')"));
        await Assertions.Expect(page.Locator(".text-size")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // Without JavaScript they could do nothing, so they are not shown (nor announced).
        var plain = await site.OpenAsync(390, 844, javaScript: false);
        await plain.GotoAsync(site.BaseUrl + "review-2022.html");
        await Assertions.Expect(plain.Locator(".text-size")).ToBeHiddenAsync();
        Assert.Equal(0, await plain.Locator(".text-size button").Filter(new LocatorFilterOptions { Visible = true }).CountAsync());
        await plain.Context.CloseAsync();
    }

    /// <summary>
    /// One page of every kind the theme has, in both languages, and an address that does not exist (served
    /// the 404 page): the address to open and the file it serves.
    /// </summary>
    private List<(string Path, string File)> PagesOfEveryType()
    {
        var pages = site.Pages
            .Select(path => (Path: path, Kind: KindPattern().Match(File.ReadAllText(Path.Combine(site.SiteFolder, path))).Groups[1].Value))
            .GroupBy(p => (p.Kind, English: p.Path.StartsWith("en/", StringComparison.Ordinal)))
            .Select(g => g.OrderBy(p => p.Path, StringComparer.Ordinal).First().Path)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, path))
            .ToList();
        pages.Add(("no/such/page.html", "404.html"));
        return pages;
    }

    private static async Task<List<Shift>> Shifts(IPage page) =>
        (await page.EvaluateAsync<Shift[]>("() => window.__shifts")).ToList();

    [GeneratedRegex("<html[^>]* data-kind=\"([^\"]+)\"")]
    private static partial Regex KindPattern();

    /// <summary>One layout shift (Playwright fills it from the page's object by property name).</summary>
    private sealed class Shift
    {
        public double Value { get; set; }

        public bool Input { get; set; }

        public string Sources { get; set; } = "";
    }
}
