using System.Text;
using Microsite.Build;
using Microsite.Validation;

namespace Microsite.Tests.Unit;

/// <summary>
/// <see cref="StrictPageParser"/> reads the pages Microsite writes without AngleSharp's tree builder. It
/// must give the builder's tree, node for node, whenever it reads a page at all. The tests check that on
/// every real page, on markup that takes each of its paths, and on thousands of real pages altered at
/// random, where any page it reads but gets wrong fails. The real pages must also all be read by it: the
/// checks are fast only if they are.
/// </summary>
public class StrictPageParserTests
{
    private const string Head = "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n</head>\n<body class=\"b\">\n";
    private const string Tail = "\n</body>\n</html>\n";

    // Bodies the parser must read, each as the builder does: the shapes of Microsite's own pages.
    public static TheoryData<string> Read => new(
        "<main><h1 id=\"a\">x</h1><p>one <a href=\"b.html#c\" class=\"term\">two</a> <strong>three</strong></p></main>",
        "<table>\n<caption>c</caption>\n<thead>\n<tr>\n<th scope=\"col\">h</th>\n</tr>\n</thead>\n<tbody>\n<tr><td>1</td><td><em>2</em></td></tr>\n</tbody>\n</table>",
        "<ul>\n<li><a href=\"x\">x</a>\n<ul><li>y</li></ul></li>\n</ul><ol start=\"3\"><li>z</li></ol><dl><dt>t</dt><dd>d</dd></dl>",
        "<pre>\nfirst line kept without its break</pre><pre><code>a &lt; b &amp;&amp; c</code></pre>",
        "<p>&amp; &lt; &gt; &quot; &#x27; &#39; &#x4E2D; &copy; &nbsp; a&b &</p><p title=\"&quot;q&quot; &amp; &#39;\">x</p>",
        "<!-- a comment --><p>a<!---->b<!-- -- -->c</p><script>var a = \"<p>\" + '</scr' + 'ipt>';</script><style>p>a{color:red}</style>",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" role=\"img\"><title id=\"t\">chart</title><desc>d</desc><g class=\"r\"><rect x=\"1\" width=\"2\" height=\"3\"/><text x=\"1\">label</text></g></svg>",
        "<form action=\"search.html\" role=\"search\"><label for=\"q\">q</label><input id=\"q\" name=\"q\" type=\"search\" required><button type=\"submit\">go</button></form>",
        "<details><summary>s</summary><div hidden data-x=\"1\" data-y='2' data-z=3>d</div></details><hr><br/><img src=\"a.png\" alt=\"\"><hr/>",
        "<header><nav aria-label=\"n\"><a href=\"#m\">skip</a></nav></header><footer><p><small>f</small></p></footer>");

    [Theory]
    [MemberData(nameof(Read))]
    public void Reads_microsites_markup_as_the_tree_builder_does(string body)
    {
        var html = Head + body + Tail;
        var strict = StrictPageParser.TryRead(html.ToCharArray(), html.Length, out var at);

        Assert.True(strict is not null, $"declined at {at}: {html[Math.Max(0, at - 60)..Math.Min(html.Length, at + 30)]}");
        Assert.Equal(Shape(Built(html)), Shape(strict));
    }

    // Markup the builder repairs or reads in states of its own: declined, or read the same.
    public static TheoryData<string> Repaired => new(
        "<p>a<div>b</div></p>", "<p><p>nested</p></p>", "<a href=x><a href=y>two</a></a>", "<b><i>x</b></i>",
        "<table><tr><td>no tbody</td></tr></table>", "<table>text<tbody></tbody></table>", "<ul><li>a<li>b</ul>",
        "<div/>x", "<h1><h2>x</h2></h1>", "<button><button>x</button></button>", "<form><form></form></form>",
        "<pre>&#10;x</pre>", "<p>&notit; &amp &#0; &#128; &#xD800;</p>", "<p>x</p></body><p>after</p>", "<svg><foreignObject><p>x</p></foreignObject></svg>",
        "<svg><title><b>html</b></title></svg>", "<svg><p>out</p></svg>", "<svg><use xlink:href=\"#a\"/></svg>", "<template><td>x</td></template>",
        "<textarea><p>x</p></textarea>", "<script><!--<script></script>--></script>", "<style></STYLE>x</style>",
        "<P>upper</P>", "<p class=\"a\" class=\"b\">twice</p>", "<p a=\"1\"b=\"2\">no space</p>", "<!-->x<!--->y", "<!-- a --!>b",
        "<p>a\rb</p>", "<select><option>1</select>", "<image src=x>", "<li>no list</li>", "<dd>no dl</dd>", "<td>no table</td>");

    [Theory]
    [MemberData(nameof(Repaired))]
    public void Declines_what_the_tree_builder_repairs_or_reads_the_same(string body)
    {
        var html = Head + body + Tail;
        if (Strict(html) is { } strict)
        {
            Assert.Equal(Shape(Built(html)), Shape(strict));
        }
    }

    [Theory]
    [InlineData("<p>a<div>b</div></p>")]
    [InlineData("<b><i>x</b></i>")]
    [InlineData("<table><tr><td>no tbody</td></tr></table>")]
    [InlineData("<div/>x")]
    [InlineData("<svg><use xlink:href=\"#a\"/></svg>")]
    [InlineData("<p>&notit;</p>")]
    public void Declines_markup_the_builder_would_rebuild(string body) => Assert.Null(Strict(Head + body + Tail));

    [Theory]
    [InlineData("<html><head></head><body>no doctype</body></html>")]
    [InlineData("<!DOCTYPE html><html><body>no head</body></html>")]
    [InlineData("<!DOCTYPE html><html><head></head><body>x</body></html><p>after</p>")]
    [InlineData("<!DOCTYPE html><html><head><div>in head</div></head><body></body></html>")]
    [InlineData("<!DOCTYPE html><html><head></head>text<body></body></html>")]
    [InlineData("<!DOCTYPE html><html><head></head><body>unclosed")]
    public void Declines_a_page_without_its_skeleton(string html) => Assert.Null(Strict(html));

    [Fact]
    public void Every_page_of_the_real_report_is_read_as_the_tree_builder_reads_it()
    {
        foreach (var page in RealPages())
        {
            var strict = StrictPageParser.TryRead(page.Content.ToCharArray(), page.Content.Length, out var at);
            Assert.True(strict is not null, $"{page.Path} is declined at {at}: {page.Content[Math.Max(0, at - 80)..Math.Min(page.Content.Length, at + 40)]}");
            Assert.Equal(Shape(Built(page.Content)), Shape(strict));
        }
    }

    // Real pages altered at random: a tag, an end tag, a reference or a comment inserted, a tag removed or
    // given twice. Whatever the parser reads must be the builder's tree.
    [Fact]
    public void Real_pages_altered_at_random_are_declined_or_read_as_the_tree_builder_reads_them()
    {
        var random = new Random(20261205);
        var pages = RealPages().Where(p => p.Content.Length < 200_000).Select(p => p.Content).ToList();
        var (read, declined) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var html = pages[random.Next(pages.Count)];
            var changes = random.Next(4) == 0 ? 2 : 1;
            for (var c = 0; c < changes; c++)
            {
                html = Alter(html, random);
            }

            if (Strict(html) is { } strict)
            {
                read++;
                var expected = Shape(Built(html));
                var actual = Shape(strict);
                if (expected != actual)
                {
                    Assert.Fail($"altered page {i} parsed otherwise than by the builder:\n{FirstDifference(expected, actual)}");
                }
            }
            else
            {
                declined++;
            }
        }

        // Both paths must be taken many times for the comparison to mean anything.
        Assert.True(read > 400 && declined > 400, $"{read} read, {declined} declined"); // 665 and 2,335 when written
    }

    private static readonly string[] Names =
    [
        "p", "div", "a", "b", "i", "em", "strong", "span", "table", "thead", "tbody", "tr", "td", "th", "caption", "li", "ul",
        "ol", "dl", "dt", "dd", "h1", "h2", "pre", "form", "button", "svg", "rect", "g", "text", "title", "desc", "script",
        "style", "template", "select", "option", "textarea", "br", "img", "hr", "col", "colgroup", "input", "nobr", "font",
        "math", "foreignObject", "section", "nav", "main", "head", "body", "html", "label", "sub", "code", "clippath",
    ];

    private static readonly string[] Attributes =
    [
        "", " class=\"x\"", " ID=y", " id=\"z\" id=\"w\"", " xlink:href=\"#a\"", " viewbox=\"0 0 1 1\"", " href=\"a.html?x=1&amp;y=2\"",
        " title='&quot;'", " data-a=b", " hidden", " xmlns=\"http://www.w3.org/2000/svg\"", " title=\"a&b\"", " a=\"1\"b=\"2\"",
    ];

    private static readonly string[] Texts =
    [
        "x", " ", "\n", "&amp;", "&copy;", "&#x27;", "&#39;", "&notit;", "&#0;", "&#128;", "&", "<", "a < b", "\r\n", "<!-- c -->",
        "<!-->", "<!-- a --!>", "<![CDATA[x]]>", "]]>", "&nbsp;", "&#x1F600;", "<?pi?>", "</>", "<!DOCTYPE html>",
    ];

    private static string Alter(string html, Random random)
    {
        var at = random.Next(html.Length);
        // Most changes at a tag's edge, where they change the structure; some anywhere, in text or in a tag.
        if (random.Next(4) != 0)
        {
            var tag = html.IndexOf('<', at);
            at = tag < 0 ? at : tag;
        }

        string Tag() => Names[random.Next(Names.Length)];
        switch (random.Next(9))
        {
            case 6 or 7:
            {
                // Something whole just after a tag: an element with text, or a text alone.
                var end = html.IndexOf('>', at);
                var tag = Tag();
                var inserted = random.Next(2) == 0 ? Texts[random.Next(Texts.Length)]
                    : "<" + tag + Attributes[random.Next(Attributes.Length)] + ">" + Texts[random.Next(Texts.Length)] + "</" + tag + ">";
                return end < 0 ? html : html.Insert(end + 1, inserted);
            }

            case 8:
            {
                // An attribute added to a start tag.
                var start = html.IndexOf('<', at);
                var end = start < 0 ? -1 : html.IndexOfAny([' ', '>', '/'], start);
                return end < 0 || !char.IsAsciiLetter(html[start + 1]) ? html : html.Insert(end, Attributes[random.Next(Attributes.Length)]);
            }

            case 0:
                return html.Insert(at, "<" + Tag() + Attributes[random.Next(Attributes.Length)] + (random.Next(4) == 0 ? "/>" : ">"));
            case 1:
                return html.Insert(at, "</" + Tag() + ">");
            case 2:
                return html.Insert(at, Texts[random.Next(Texts.Length)]);
            case 3:
            {
                var start = html.IndexOf('<', at);
                var end = start < 0 ? -1 : html.IndexOf('>', start);
                return end < 0 ? html : html.Remove(start, end - start + 1);
            }

            case 4:
            {
                var start = html.IndexOf('<', at);
                var end = start < 0 ? -1 : html.IndexOf('>', start);
                return end < 0 ? html : html.Insert(start, html[start..(end + 1)]);
            }

            default:
                return html.Insert(at, "<" + Tag() + ">" + Texts[random.Next(Texts.Length)] + "</" + Tag() + ">");
        }
    }

    private static PageDocument? Strict(string html) => StrictPageParser.TryRead(html.ToCharArray(), html.Length);

    private static PageDocument Built(string html) => PageTree.Build(html.ToCharArray(), html.Length);

    private static List<Microsite.Core.SiteFile> RealPages()
    {
        var built = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        var pages = built.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 30, $"{pages.Count} pages");
        return pages;
    }

    // Every node in document order, a line each: elements with namespace, name and attributes (with their
    // namespaces), text nodes as they are split. Two trees are the same when their shapes are.
    private static string Shape(PageDocument document)
    {
        var text = new StringBuilder();
        Write(document, 0);
        return text.ToString();

        void Write(PageNode node, int depth)
        {
            foreach (var child in node.ChildNodes)
            {
                text.Append(' ', depth);
                switch (child)
                {
                    case PageElement element:
                        text.Append('<').Append(element.NamespaceUri).Append(' ').Append(element.LocalName);
                        for (var i = 0; i < element.AttributeCount; i++)
                        {
                            text.Append(' ').Append(element.AttributeNamespace(i)).Append(':').Append(element.AttributeName(i))
                                .Append("=\"").Append(element.AttributeValue(i)).Append('"');
                        }

                        text.AppendLine(">");
                        Write(element, depth + 1);
                        break;
                    case PageText piece:
                        text.Append('"').Append(piece.Text.Replace("\n", "\\n", StringComparison.Ordinal)).AppendLine("\"");
                        break;
                    default:
                        text.AppendLine(child.GetType().Name);
                        break;
                }
            }
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        string Around(string[] lines) => string.Join('\n', lines[Math.Max(0, i - 3)..Math.Min(lines.Length, i + 3)]);
        return $"builder:\n{Around(e)}\nstrict parser:\n{Around(a)}";
    }
}
