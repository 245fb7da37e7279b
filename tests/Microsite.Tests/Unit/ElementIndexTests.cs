using AngleSharp.Html.Parser;
using Microsite.Validation;

namespace Microsite.Tests.Unit;

/// <summary>
/// The one walk over a page that the output checks look elements up in: it must list the elements as
/// Document.All does (a finding's line is found by counting in that order), and file each one under its
/// name and every attribute it has, in document order.
/// </summary>
public class ElementIndexTests
{
    // Markup the parser rebuilds: implied tags, a table's foster-parented text, a template's inert
    // content, misnested formatting, attributes in upper case and given twice, an event handler.
    private const string Tricky = """
        <!doctype html><title>T</title><p id=a>one<p ID="b" id="c" class="x term">two<b><i>three</b>four</i>
        <table><tr><td>cell</td></tr>stray<div id="d" style="color:red">in a table</div></table>
        <template><span id="e">inert</span></template><ul><li>a<li onclick="go()">b</ul><svg><circle id="f"/></svg>
        """;

    [Fact]
    public void Elements_come_in_the_order_of_document_all_each_filed_by_name_and_attribute()
    {
        var index = PageUnderTest.IndexOf(Parse(Tricky));

        // The same elements as the DOM's Document.All, in its order (a finding's line is counted in it).
        Assert.Equal(new HtmlParser().ParseDocument(Tricky).All.Select(e => e.LocalName + "#" + e.Id), index.All.Select(e => e.LocalName + "#" + e.Id));
        Assert.All(index.All.Select((e, i) => (e, i)), p => Assert.Equal(p.i, p.e.Ordinal));

        foreach (var name in index.All.Select(e => e.LocalName).Distinct())
        {
            Assert.Equal(index.All.Where(e => e.LocalName == name), index.ByName[name]);
        }

        var attributes = index.All.SelectMany(e => Enumerable.Range(0, e.AttributeCount).Select(e.AttributeName)).Distinct().ToList();
        Assert.Contains("onclick", attributes);
        foreach (var attribute in attributes)
        {
            Assert.Equal(index.All.Where(e => e.HasAttribute(attribute)), index.ByAttribute[attribute]);
        }

        Assert.Equal(["a", "b", "d", "f"], index.ByAttribute["id"].Select(e => e.Id));
        Assert.Equal(["li"], index.EventHandlers.Select(e => e.LocalName));
        Assert.True(PageUnderTest.HasClass(index.ByAttribute["class"].Single(), "term"));
        Assert.False(PageUnderTest.HasClass(index.ByAttribute["class"].Single(), "ter"));
    }

    [Fact]
    public void Elements_from_several_lists_come_back_once_each_in_document_order()
    {
        var page = new PageUnderTest("x.html", Parse(Tricky), null, null);

        // The div has both an id and a style; the lists are given out of document order.
        var merged = page.InOrder(page.With("style").Concat(page.Named("p")).Concat(page.With("id")).Concat(page.Named("li")));

        var all = page.Document.DocumentElement.Descendants().Prepend(page.Document.DocumentElement);
        var expected = all.Where(e => e.LocalName is "p" or "li" || e.HasAttribute("style") || e.HasAttribute("id")).ToList();
        Assert.Equal(expected, merged);
        Assert.Equal(["p", "p", "div", "li", "li", "circle"], merged.Select(e => e.LocalName));
    }

    // The checks fill one index per thread again for each page (HtmlValidator): what the last page filed
    // must not show through, and each element must get its place on the new page.
    [Fact]
    public void An_index_filled_again_holds_the_new_pages_elements_alone()
    {
        const string other = "<!DOCTYPE html><html lang=\"en\"><head><title>U</title></head><body><main><p id=\"q\">one</p><a href=\"x.html\" onclick=\"go()\">x</a></main></body></html>";
        var reused = PageUnderTest.IndexOf(Parse(Tricky));
        var fresh = PageUnderTest.IndexOf(Parse(other));

        Assert.Same(reused, PageUnderTest.IndexOf(Parse(other), reused));

        Assert.Equal(fresh.All.Select(e => e.LocalName + "#" + e.Id), reused.All.Select(e => e.LocalName + "#" + e.Id));
        Assert.All(reused.All.Select((e, i) => (e, i)), p => Assert.Equal(p.i, p.e.Ordinal));
        foreach (var (lists, expected) in new[] { (reused.ByName, fresh.ByName), (reused.ByAttribute, fresh.ByAttribute) })
        {
            Assert.Contains(lists.Keys, key => !expected.ContainsKey(key)); // the first page's names are still filed…
            foreach (var (key, list) in lists)
            {
                // …with nothing under them, and the new page's elements under its own.
                Assert.Equal(expected.GetValueOrDefault(key)?.Select(e => e.Ordinal) ?? [], list.Select(e => e.Ordinal));
            }
        }

        Assert.Equal(["a"], reused.EventHandlers.Select(e => e.LocalName));
    }

    [Fact]
    public void A_page_nested_a_hundred_thousand_levels_deep_is_walked_without_overflowing_the_stack()
    {
        const int depth = 100_000;
        var html = "<!doctype html><title>T</title><body>" + string.Concat(Enumerable.Repeat("<span>", depth)) + "x";
        var index = PageUnderTest.IndexOf(Parse(html));

        Assert.Equal(depth, index.ByName["span"].Count);
        Assert.Equal(depth + 4, index.All.Count); // html, head, title, body
    }

    private static PageDocument Parse(string html) => PageTree.Parse(html.ToCharArray(), html.Length);
}
