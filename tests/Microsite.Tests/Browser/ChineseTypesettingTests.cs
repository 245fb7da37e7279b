using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>
/// Chinese text set as Chinese typesetting wants it (W3C clreq), English text left as it was: measured
/// in the page, glyph by glyph, with Ranges.
/// </summary>
[Collection("browser")]
[Trait("Category", "Browser")]
public sealed class ChineseTypesettingTests(BrowserFixture site)
{
    // Every character of the blocks of text in <main> that are in the given language, with its box and
    // the language of the element it is in. Blocks are measured as a whole, so the characters on either
    // side of a link or a glossary button are neighbours too.
    // With unjustified: true the blocks are set ragged first, so that a character's box is its glyph's
    // advance and not also the space that justification adds after it.
    private const string Characters = """
        ({ lang, unjustified, blocks }) => [...document.querySelectorAll(blocks || 'main p, main li, main dd, main h1, main h2, main h3, main td, main th')]
          .filter(b => !b.querySelector('p, li, dd, h1, h2, h3, td, th') && b.closest('[lang]').lang.startsWith(lang) && b.getClientRects().length > 0)
          .map(block => {
            if (unjustified) block.style.textAlign = 'start';
            const chars = [];
            const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
              const text = node.textContent;
              for (let i = 0; i < text.length; i++) {
                if (/\s/.test(text[i]) || text[i] === '\u2060') continue;
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const r = range.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue; // not drawn (hidden definitions)
                chars.push({ c: text[i], left: r.left, top: r.top, width: r.width, em: parseFloat(getComputedStyle(node.parentElement).fontSize), lang: node.parentElement.closest('[lang]').lang });
              }
            }
            return chars;
          })
        """;

    private static bool IsHan(string c) => c.Length == 1 && c[0] is >= '\u4e00' and <= '\u9fff';

    [Fact]
    public async Task Quotation_marks_in_Chinese_text_are_as_wide_as_a_Han_character()
    {
        var page = await site.OpenAsync(390, 844);
        var measured = 0;
        var narrow = new List<string>();
        foreach (var path in new[] { "review-2022.html", "glossary.html", "dual-centre.html" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            foreach (var block in await page.EvaluateAsync<Glyph[][]>(Characters, new { lang = "zh", unjustified = true }))
            {
                for (var i = 1; i < block.Length - 1; i++)
                {
                    var (before, quote, after) = (block[i - 1], block[i], block[i + 1]);
                    // Between two Han characters on the same line: no neighbouring punctuation to set it
                    // closer (see the next test), no line end.
                    if (quote.C is not ("“" or "”") || !IsHan(before.C) || !IsHan(after.C) || before.Top != quote.Top || after.Top != quote.Top)
                    {
                        continue;
                    }

                    measured++;
                    // A Han character is one em; the one beside a Latin letter or digit is wider by the
                    // space text-autospace puts there, so it is enough that one neighbour matches.
                    var matches = Math.Abs(quote.Width - before.Width) <= 0.5 || Math.Abs(quote.Width - after.Width) <= 0.5;
                    if (!matches || Math.Abs(quote.Width - quote.Em) > 0.5)
                    {
                        narrow.Add($"{path}: {before.C}{quote.C}{after.C}: {quote.C} is {quote.Width:0.00}px, {before.C} {before.Width:0.00}px, {after.C} {after.Width:0.00}px");
                    }
                }
            }
        }

        Assert.True(measured >= 30, $"only {measured} quotation marks between Han characters measured");
        Assert.True(narrow.Count == 0, $"{narrow.Count} of {measured} quotation marks narrower than a Han character:\n{string.Join("\n", narrow.Take(20))}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Quotation_marks_in_English_text_keep_their_Latin_width()
    {
        var page = await site.OpenAsync(390, 844);
        var measured = 0;
        var wide = new List<string>();
        foreach (var path in new[] { "en/review-2022.html", "en/glossary.html" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            foreach (var block in await page.EvaluateAsync<Glyph[][]>(Characters, new { lang = "en", unjustified = false }))
            {
                foreach (var quote in block.Where(g => g.C is "“" or "”" or "’"))
                {
                    measured++;
                    // A Latin quotation mark is about half an em wide; the CJK one is a whole em.
                    if (quote.Width > 0.7 * quote.Em)
                    {
                        wide.Add($"{path}: {quote.C} is {quote.Width:0.00}px at {quote.Em}px");
                    }
                }
            }
        }

        Assert.True(measured >= 30, $"only {measured} quotation marks measured");
        Assert.True(wide.Count == 0, string.Join("\n", wide.Take(20)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Adjacent_punctuation_in_Chinese_text_is_set_closer()
    {
        var page = await site.OpenAsync(390, 844);
        await page.GotoAsync(site.BaseUrl + "review-2022.html");
        var pairs = 0;
        var loose = new List<string>();
        foreach (var block in await page.EvaluateAsync<Glyph[][]>(Characters, new { lang = "zh", unjustified = true }))
        {
            for (var i = 0; i < block.Length - 1; i++)
            {
                // A closing quote before a comma or full stop: the two take 1.5 em, not 2 (clreq 3.1.6,
                // text-spacing-trim), the quote giving up the blank half of its em.
                if (block[i].C == "”" && block[i + 1].C is "，" or "。" or "、" && block[i].Top == block[i + 1].Top)
                {
                    pairs++;
                    if (Math.Abs(block[i].Width - (0.5 * block[i].Em)) > 0.5 || Math.Abs(block[i + 1].Width - block[i + 1].Em) > 0.5)
                    {
                        loose.Add($"{block[i].C}{block[i + 1].C}: {block[i].Width:0.00}px + {block[i + 1].Width:0.00}px at {block[i].Em}px");
                    }
                }
            }
        }

        Assert.True(pairs >= 5, $"only {pairs} pairs found");
        Assert.True(loose.Count == 0, string.Join("\n", loose));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Punctuation_is_drawn_by_the_CJK_font_in_Chinese_text_and_by_the_Latin_font_in_English_text()
    {
        // Each probe holds only punctuation and sits in real text of the page, so it has the page's
        // styles; chromium then names the fonts that drew it.
        const string punctuation = "“ ” ‘ ’ —— …… ·";
        var page = await site.OpenAsync(390, 844);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var wrong = new List<string>();
        foreach (var (path, lang, inner) in new[] { ("review-2022.html", "zh", "en"), ("en/review-2022.html", "en", "zh-Hans") })
        {
            await page.GotoAsync(site.BaseUrl + path);
            await page.EvaluateAsync("""
                async ([text, inner]) => {
                  const p = document.querySelector('main .prose p');
                  const probe = (id, parent, tag) => { const e = document.createElement(tag); e.id = id; e.textContent = text; parent.append(e); return e; };
                  probe('probe-plain', p, 'span');
                  probe('probe-bold', p, 'strong');
                  probe('probe-inner', p, 'span').lang = inner; // a run in the other language
                  // Chromium names the fonts of a node only once the node is laid out and painted: wait for the
                  // fonts and two frames (without it, the fonts of a probe were once reported as none).
                  await document.fonts.ready;
                  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
                }
                """, new[] { punctuation.Replace(" ", "", StringComparison.Ordinal), inner });
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            var root = (await cdp.SendAsync("DOM.getDocument"))!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
            foreach (var probe in new[] { "probe-plain", "probe-bold", "probe-inner" })
            {
                var node = (await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = "#" + probe }))!.Value.GetProperty("nodeId").GetInt32();
                var fonts = (await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = node }))!.Value
                    .GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("postScriptName").GetString()!).ToList();
                var chinese = (probe == "probe-inner") != (lang == "zh");
                var expected = chinese ? (probe == "probe-bold" ? "NotoSansCJKsc-Bold" : "NotoSansCJKsc-Regular") : null;
                var ok = chinese ? fonts.SequenceEqual([expected!]) : fonts.Count > 0 && fonts.All(f => !f.Contains("CJK", StringComparison.Ordinal));
                if (!ok)
                {
                    wrong.Add($"{path} {probe} ({(chinese ? "Chinese" : "English")}): drawn by {string.Join(", ", fonts)}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(320, "2")]
    [InlineData(390, "0")]
    [InlineData(1280, "1")]
    public async Task No_Chinese_line_starts_with_closing_punctuation_or_ends_with_opening_punctuation(int width, string size)
    {
        var page = await site.OpenAsync(width, 800);
        await page.Context.AddInitScriptAsync($"localStorage.setItem('microsite.textSize', '{size}');");
        // clreq 6.1.1: these never start a line ... (nor should the interpunct · and a single — used as a
        // connector, but browsers' line-break rules allow a break before them: only the text can hold them
        // to their neighbours, with word joiners, which the theme cannot add; see site.css.)
        const string noStart = "，。、；：！？”’）》〉」』】…";
        // ... and these never end one.
        const string noEnd = "“‘（《〈「『【";
        var lines = 0;
        var wrong = new List<string>();
        foreach (var path in new[] { "full.html", "glossary.html" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            foreach (var block in await page.EvaluateAsync<Glyph[][]>(Characters, new { lang = "zh", unjustified = false }))
            {
                for (var i = 1; i < block.Length; i++)
                {
                    if (block[i].Top <= block[i - 1].Top + 1)
                    {
                        continue; // same line
                    }

                    lines++;
                    var context = string.Concat(block.Skip(Math.Max(0, i - 6)).Take(12).Select(g => g.C));
                    if (noStart.Contains(block[i].C, StringComparison.Ordinal))
                    {
                        wrong.Add($"{path}: a line starts with {block[i].C}: {context}");
                    }

                    if (noEnd.Contains(block[i - 1].C, StringComparison.Ordinal))
                    {
                        wrong.Add($"{path}: a line ends with {block[i - 1].C}: {context}");
                    }
                }
            }
        }

        Assert.True(lines > 200, $"only {lines} line breaks seen");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(320, "0")]
    [InlineData(360, "2")]
    [InlineData(390, "1")]
    [InlineData(412, "2")]
    public async Task No_Chinese_heading_cover_line_or_link_in_a_list_ends_with_a_line_of_one_character(int width, string size)
    {
        // The blocks the theme balances. (Running text uses text-wrap: pretty, a heuristic of the browser
        // that leaves the odd lone character, so it is not held to this here.)
        const string balanced = "main h1, main h2, main h3, main .report-occasion, main .report-speaker, main .page-toc li, main .chapter-list li, main .contents-sections li, main .used-in li";
        var page = await site.OpenAsync(width, 800);
        await page.Context.AddInitScriptAsync($"localStorage.setItem('microsite.textSize', '{size}');");
        const string punctuation = "，。、；：！？”’）》…";
        var paragraphs = 0;
        var lonely = new List<string>();
        foreach (var path in new[] { "index.html", "full.html", "glossary.html", "contents.html" })
        {
            await page.GotoAsync(site.BaseUrl + path);
            foreach (var block in await page.EvaluateAsync<Glyph[][]>(Characters, new { lang = "zh", unjustified = false, blocks = balanced }))
            {
                if (block.Length == 0 || block[0].Top == block[^1].Top)
                {
                    continue; // one line
                }

                paragraphs++;
                // clreq 7.1.2: the last line holds more than one character (punctuation does not count).
                var last = string.Concat(block.Where(g => Math.Abs(g.Top - block[^1].Top) < 1).Select(g => g.C));
                if (last.Count(c => !punctuation.Contains(c, StringComparison.Ordinal)) <= 1)
                {
                    lonely.Add($"{path}: …{string.Concat(block.TakeLast(last.Length + 6).Select(g => g.C))} ends with the line \"{last}\"");
                }
            }
        }

        Assert.True(paragraphs >= 5, $"only {paragraphs} blocks of more than one line");
        Assert.True(lonely.Count == 0, string.Join("\n", lonely));
        await page.Context.CloseAsync();
    }

    /// <summary>One drawn character (Playwright fills it from the page's object by property name).</summary>
    private sealed class Glyph
    {
        public string C { get; set; } = "";

        public double Left { get; set; }

        public double Top { get; set; }

        public double Width { get; set; }

        public double Em { get; set; }

        public string Lang { get; set; } = "";
    }
}
