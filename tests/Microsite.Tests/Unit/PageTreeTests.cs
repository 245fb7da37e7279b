using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsite.Build;
using Microsite.Validation;

namespace Microsite.Tests.Unit;

/// <summary>
/// The checks read pages as <see cref="PageTree"/> builds them, not as AngleSharp's own DOM: both must be the
/// same tree (elements, their order, names, attributes, text), or a check would see a page a browser does
/// not, and a finding's line (counted in AngleSharp's DOM) would point at the wrong element.
/// </summary>
public class PageTreeTests
{
    // Markup that HTML5's tree builder rebuilds: foster parenting, the adoption agency, implied and
    // misnested tags, templates, foreign content, raw text, duplicate attributes, bodies given twice.
    public static TheoryData<string> Tricky => new(
        "<table><div><span attr='x'>text</span></div><tr><td>a</td></tr></table>",
        "<table>text<tr><td>a</td></tr></table><p>after</p>",
        "<table><tr><td>a<table><tr>b<td>c</td></tr></table></td></tr></table>",
        "<table><input type=\"hidden\" name=\"x\"><input type=\"text\"><tr><td>x</td></tr></table>",
        "<b><table><td><i>x</i></td></table></b>",
        "<p>1<table><tr><td>2</td></tr></table>3</p>",
        "<table><tr><td>x</td></tr><script>1</script><style>s</style></table>",
        "<p><b><i>bold italic</b> italic</i> plain</p>",
        "<a href=\"x\"><p>link in p</a> after</p>",
        "<b>1<p>2</b>3</p>",
        "<a><b><a><b>x</b></a></b></a>",
        "<nobr>a<nobr>b</nobr></nobr>",
        "<template><tr><td>in template</td></tr></template><p>x</p>",
        "<svg><title>t</title><foreignObject><p>html in svg</p></foreignObject><circle r=\"1\"/></svg><p>after</p>",
        "<svg><desc><p>desc html</p></desc><path d=\"M0\"/><b>breakout</b></svg>",
        "<svg viewBox=\"0 0 1 1\"><use xlink:href=\"#a\" href=\"#b\"/><clipPath id=c></clipPath></svg>",
        "<math><mi>x</mi><annotation-xml encoding=\"text/html\"><div>d</div></annotation-xml></math>",
        "<table><tr><td><svg><foreignObject><table><tr><td>deep</td></tr></table></foreignObject></svg></td></tr></table>",
        "<select><option>1<option>2<optgroup><option>3</select><p>x</p>",
        "<ul><li>one<li>two<ul><li>nested</ul></ul><dl><dt>a<dd>b<dt>c</dl>",
        "<h1>one<h2>two</h1>three</h2><p>unclosed<div>block</div><p>a<p>b<address>c</address>",
        "<!DOCTYPE html><html lang=\"zh\"><head><title> a \n\t title </title></head><body><main><h1>x</h1></main><footer>f</footer></body></html>",
        "<form><input type=\"text\"><form><input type=\"hidden\"></form></form><button><button>nested</button></button>",
        "<frameset><frame src=\"a.html\"></frameset>",
        "<body><p>x</p></body><body class=\"second\" id=\"b\"><p>y</p></body><html lang=\"en\" data-x=\"1\">",
        "<html><head></head><body>x</body></html><p>after html</p><!-- comment --><p>more</p>",
        "<script>var a = \"<p>\";</script><style>p{color:red}</style><textarea><p>not a tag</p></textarea><title>a <b>b</b></title>",
        "<div><table><td>implied tr</td></table></div><table><caption>c<tr><td>x</caption></table>",
        "<ruby>漢<rt>han</rt>字<rp>(</rp><rt>zi</rt><rp>)</rp></ruby><image src=\"x.png\"><isindex>",
        "<p ID=\"a\" id=\"b\" CLASS=\"x\" onclick=\"go()\">upper case and twice</p><a:b:c>odd name</a:b:c><x-custom a=1>c</x-custom>",
        "<p>&amp; &lt; &copy; &#x4E2D; &notanentity; &amp</p><p title=\"&quot;q&quot;\">entities</p>");

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Markup_a_browser_rebuilds_gives_the_tree_of_anglesharps_dom(string html) =>
        Assert.Equal(OfDom(new HtmlParser().ParseDocument(html)), OfTree(Parse(html)));

    [Fact]
    public void Every_page_of_the_real_report_gives_the_tree_of_anglesharps_dom()
    {
        var built = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        var pages = built.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();

        Assert.True(pages.Count > 30, $"{pages.Count} pages");
        Assert.All(pages, page => Assert.Equal(OfDom(new HtmlParser().ParseDocument(page.Content)), OfTree(Parse(page.Content))));
    }

    [Fact]
    public void Title_head_and_body_are_the_documents()
    {
        const string html = "<title>\n  Two   words\t</title><svg><title>not this</title></svg><p>x";
        var dom = new HtmlParser().ParseDocument(html);
        var tree = Parse(html);

        Assert.Equal(dom.Title, tree.Title);
        Assert.Equal("Two words", tree.Title);
        Assert.Equal(dom.Head!.ChildElementCount, tree.Head!.Descendants().Count());
        Assert.Equal("body", tree.Body!.LocalName);
        Assert.Equal(dom.Body!.TextContent, tree.Body.TextContent);
    }

    // Each element in document order: namespace, name, attributes as given, and its own text.
    private static string OfDom(IDocument document)
    {
        var text = new StringBuilder();
        foreach (var element in document.All)
        {
            text.Append('<').Append(element.NamespaceUri).Append(' ').Append(element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                text.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
            }

            text.Append('>');
            foreach (var child in element.ChildNodes.OfType<IText>())
            {
                text.Append(child.Data).Append('|');
            }

            text.Append(" all: ").Append(element.TextContent).AppendLine();
        }

        return text.ToString();
    }

    private static string OfTree(PageDocument document)
    {
        var text = new StringBuilder();
        foreach (var element in document.DocumentElement.Descendants().Prepend(document.DocumentElement))
        {
            text.Append('<').Append(element.NamespaceUri).Append(' ').Append(element.LocalName);
            for (var i = 0; i < element.AttributeCount; i++)
            {
                text.Append(' ').Append(element.AttributeName(i)).Append("=\"").Append(element.AttributeValue(i)).Append('"');
            }

            text.Append('>');
            foreach (var child in element.IsTemplate ? [] : element.ChildNodes.OfType<PageText>())
            {
                text.Append(child.Text).Append('|');
            }

            text.Append(" all: ").Append(element.TextContent).AppendLine();
        }

        return text.ToString();
    }

    private static PageDocument Parse(string html) => PageTree.Parse(html.ToCharArray(), html.Length);
}
