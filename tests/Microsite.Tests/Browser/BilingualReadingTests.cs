using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>Reading both languages: a chapter side by side, and citing a paragraph across the languages.</summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed class BilingualReadingTests(BrowserFixture site)
{
    [Theory]
    [InlineData(390, 844, false)]
    [InlineData(1280, 800, true)]
    public async Task The_side_by_side_page_puts_each_Chinese_block_beside_or_above_its_English_one(int width, int height, bool columns)
    {
        var page = await site.OpenAsync(width, height);
        await page.GotoAsync(site.BaseUrl + "review-2022.parallel.html");

        var zh = page.Locator("#economy .parallel-cell[lang='zh-Hans'] p[id='zh-economy-1']");
        var en = page.Locator("#economy .parallel-cell[lang='en'] p[id='en-economy-1']");
        var a = (await zh.BoundingBoxAsync())!;
        var b = (await en.BoundingBoxAsync())!;
        if (columns)
        {
            Assert.True(b.X > a.X + a.Width / 2, "on a desktop the English column is to the right");
            Assert.InRange(b.Y - a.Y, -1, 1);
        }
        else
        {
            Assert.True(b.Y >= a.Y + a.Height - 1, "on a phone the English paragraph follows the Chinese one");
            Assert.InRange(b.X - a.X, -1, 1);
        }

        // Every block is in its language; nothing scrolls sideways; axe finds nothing.
        Assert.Equal(0, await page.Locator(".parallel-cell:not([lang])").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty((await Axe.CheckAsync(page)).Violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_paragraph_link_lands_on_the_paragraph_and_the_language_switch_keeps_it()
    {
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        var paragraph = page.Locator("#livelihoods-1");
        await paragraph.ScrollIntoViewIfNeededAsync();

        // The link shows on focus, reached by the keyboard, and is named for screen readers.
        var link = paragraph.Locator("a.para-link");
        await link.FocusAsync();
        Assert.Equal("1", await link.EvaluateAsync<string>("a => getComputedStyle(a).opacity"));
        Assert.Equal("本段链接", await link.GetAttributeAsync("aria-label"));
        var cited = await link.EvaluateAsync<string>("a => a.href");
        Assert.EndsWith("review-2022.html#livelihoods-1", cited);
        await page.Context.CloseAsync();

        // Someone opens the cited address, then switches to English: the same paragraph, in English.
        var reader = await site.OpenAsync(390, 844);
        await reader.GotoAsync(cited);
        Assert.True(await InView(reader, "livelihoods-1"), $"the cited paragraph is in view (its top at {await Top(reader, "livelihoods-1")})");
        await reader.Locator("a[data-lang-switch]").First.ClickAsync();
        await reader.WaitForURLAsync("**/en/review-2022.html#livelihoods-1");
        Assert.True(await InView(reader, "livelihoods-1"), "the English page opens at the same paragraph");
        Assert.Equal("en", await reader.EvaluateAsync<string>("document.documentElement.lang"));
        await reader.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_keeps_the_paragraph_the_reader_has_scrolled_to()
    {
        var page = await site.OpenAsync(1280, 800);
        await page.GotoAsync(site.BaseUrl + "en/review-2022.html");
        var target = await page.Locator("main .prose p[id]").Nth(6).GetAttributeAsync("id");
        await page.EvaluateAsync("id => document.getElementById(id).scrollIntoView({ behavior: 'instant' })", target);
        await page.WaitForFunctionAsync("id => Math.abs(document.getElementById(id).getBoundingClientRect().top) < 40", target);
        await page.WaitForTimeoutAsync(1000); // the reader rests there, then goes up to the switch

        await page.Locator("a[data-lang-switch]").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/en/", StringComparison.Ordinal));
        Assert.EndsWith("/review-2022.html#" + target, page.Url, StringComparison.Ordinal);
        Assert.True(await InView(page, target!));
        await page.Context.CloseAsync();
    }

    private static Task<double> Top(IPage page, string id) => page.EvaluateAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", id);

    /// <summary>Whether the element comes into view (the browser scrolls to an address's fragment a moment after the load).</summary>
    private static async Task<bool> InView(IPage page, string id)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= -1 && r.top < window.innerHeight; }", id,
                new PageWaitForFunctionOptions { Timeout = 3000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
