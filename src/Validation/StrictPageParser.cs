using System.Collections.Frozen;
using System.Text;
using AngleSharp.Common;
using AngleSharp.Html;
using AngleSharp.Html.Construction;

namespace Microsite.Validation;

/// <summary>
/// Reads a page written the way Microsite's layouts and Markdown write HTML straight into a
/// <see cref="PageDocument"/>, or declines it (null), and then <see cref="PageTree.Parse"/> gives it to
/// AngleSharp's HTML5 tree builder.
/// </summary>
/// <remarks>
/// <para>
/// On the pages it takes, the builder's rules have nothing to repair. There is a doctype, then html,
/// head and body, each opened and closed in the source. Every end tag closes the element opened last.
/// No element sits where the builder would close or move something first. The tree the builder makes
/// of such a page is then the tree the tags spell. This parser builds that tree and declines at the
/// first thing that could make the builder's tree differ. It declines:
/// - tags the builder closes or moves (block elements inside a p, misnesting, nested links or buttons,
///   table parts outside their parents, text in a table);
/// - markup read in other tokenizer states (comments it cannot bound, CDATA, textarea, template);
/// - character references read otherwise without their ";" (a legacy name such as "&copy"), numeric
///   ones the tokenizer replaces;
/// - CR and NUL, which the input stream rewrites;
/// - any element it does not list, and any foreign name the builder would adjust.
/// </para>
/// <para>
/// It is an optimisation, never a second opinion: on the 15,000 small pages of the 10,000-page benchmark,
/// the builder took most of the checks' time, and this parser builds the same trees in a fraction of it.
/// Tests hold it to the builder's tree on every real page and on thousands of altered ones
/// (<c>StrictPageParserTests</c>). A page it declines is still checked, by the builder.
/// </para>
/// </remarks>
internal sealed class StrictPageParser
{
    private const string XmlNs = "http://www.w3.org/2000/xmlns/";

    private readonly char[] _s;
    private readonly int _n;
    private int _pos;
    private readonly List<PageElement> _open = [];
    private bool _inHead;

    // How many of these are open: each changes what the builder does with a start tag (see Start).
    private int _paragraphs, _links, _buttons, _forms;

    private StringBuilder? _decoded;
    private char[]? _lower;

    private StrictPageParser(char[] chars, int count) => (_s, _n) = (chars, count);

    /// <summary>The page's tree, its text pointing into <paramref name="chars"/>; null when the tree builder must read it.</summary>
    public static PageDocument? TryRead(char[] chars, int count) => TryRead(chars, count, out _);

    /// <param name="declinedAt">Where in the text the parser stopped, when it declines (for tests and tracing).</param>
    public static PageDocument? TryRead(char[] chars, int count, out int declinedAt)
    {
        // The input stream turns CR and CR LF into LF and NUL into U+FFFD before anything reads it.
        declinedAt = chars.AsSpan(0, count).IndexOfAny('\r', '\0');
        if (declinedAt >= 0)
        {
            return null;
        }

        var parser = new StrictPageParser(chars, count);
        var document = parser.Document();
        declinedAt = document is null ? parser._pos : -1;
        return document;
    }

    private PageElement Current => _open[^1];

    private PageDocument? Document()
    {
        if (!Skip("<!doctype html>", ignoreCase: true))
        {
            return null; // without it the page is in quirks mode, where tables and paragraphs nest otherwise
        }

        var document = new PageDocument(null);
        Add(document, new PageDoctype());
        SkipSpace(); // "before html": white space is dropped
        if (OpenSkeleton("html") is not { } html)
        {
            return null;
        }

        Add(document, html);
        SkipSpace(); // "before head": dropped too
        if (OpenSkeleton("head") is not { } head)
        {
            return null;
        }

        Add(html, head);
        Push(head);
        _inHead = true;
        if (!Content(head))
        {
            return null;
        }

        Pop();
        _inHead = false;
        AddSpace(html); // "after head": white space goes into html
        if (OpenSkeleton("body") is not { } body)
        {
            return null;
        }

        Add(html, body);
        Push(body);
        if (!Content(body))
        {
            return null;
        }

        // After </body> and after </html>, white space still goes into the body, which stays open.
        AddSpace(body);
        if (!Skip("</html>", ignoreCase: false))
        {
            return null;
        }

        AddSpace(body);
        Pop();
        return _pos == _n ? document : null;
    }

    /// <summary>html, head or body, opened here in the source with nothing but attributes.</summary>
    private PageElement? OpenSkeleton(string name)
    {
        if (!Skip("<" + name, ignoreCase: false) || _pos >= _n || !(IsSpace(_s[_pos]) || _s[_pos] == '>'))
        {
            return null;
        }

        var element = PageTree.Create(PageTree.Html, name, default);
        return Attributes(element, foreign: false, out var selfClosing) && !selfClosing ? element : null;
    }

    /// <summary>Reads up to the end tag of <paramref name="until"/>, which must be the open element then (and is left open).</summary>
    private bool Content(PageElement until)
    {
        while (true)
        {
            var next = _s.AsSpan(_pos, _n - _pos).IndexOf('<');
            if (next < 0 || !Text(_pos, _pos + next))
            {
                return false;
            }

            _pos += next;
            if (_pos + 1 >= _n)
            {
                return false;
            }

            var c = _s[_pos + 1];
            if (c == '/')
            {
                var start = _pos + 2;
                var end = start;
                while (end < _n && IsNameChar(_s[end]))
                {
                    end++;
                }

                // Only the element opened last may close: anything else makes the builder close or reopen others.
                var current = Current;
                if (end == start || end >= _n || _s[end] != '>' || !_s.AsSpan(start, end - start).SequenceEqual(current.LocalName))
                {
                    return false;
                }

                _pos = end + 1;
                if (current == until)
                {
                    return true; // still open: the caller closes it
                }

                Pop();
            }
            else if (c == '!')
            {
                if (!Comment())
                {
                    return false;
                }
            }
            else if (c is >= 'a' and <= 'z')
            {
                if (!Start())
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }
    }

    /// <summary>A comment: not kept (the checks never read one), but bounded exactly as the tokenizer bounds it.</summary>
    private bool Comment()
    {
        if (!Skip("<!--", ignoreCase: false))
        {
            return false; // a doctype, CDATA or a bogus comment
        }

        var end = _s.AsSpan(_pos, _n - _pos).IndexOf("-->");
        if (end < 0)
        {
            return false;
        }

        var text = _s.AsSpan(_pos, end);
        // "<!-->" and "<!--->" end early; "--!>" ends a comment too.
        if (text.StartsWith(">") || text.StartsWith("->") || text.Contains("--!", StringComparison.Ordinal))
        {
            return false;
        }

        _pos += end + 3;
        return true;
    }

    private enum Kind
    {
        Phrasing, Link, Button, Void, HeadVoid, Flow, Heading, Pre, Form, Rule, Table,
        ListItem, Definition, TablePart, Row, Cell, Column, Style, Script, Title, Svg,
    }

    // The elements read here, and how the builder treats their start tags in a body. Every other one declines.
    private static readonly FrozenDictionary<string, Kind> Kinds = new Dictionary<string, Kind>
    {
        ["abbr"] = Kind.Phrasing, ["b"] = Kind.Phrasing, ["bdi"] = Kind.Phrasing, ["bdo"] = Kind.Phrasing,
        ["cite"] = Kind.Phrasing, ["code"] = Kind.Phrasing, ["data"] = Kind.Phrasing, ["del"] = Kind.Phrasing,
        ["dfn"] = Kind.Phrasing, ["em"] = Kind.Phrasing, ["i"] = Kind.Phrasing, ["ins"] = Kind.Phrasing,
        ["kbd"] = Kind.Phrasing, ["label"] = Kind.Phrasing, ["mark"] = Kind.Phrasing, ["q"] = Kind.Phrasing,
        ["s"] = Kind.Phrasing, ["samp"] = Kind.Phrasing, ["small"] = Kind.Phrasing, ["span"] = Kind.Phrasing,
        ["strong"] = Kind.Phrasing, ["sub"] = Kind.Phrasing, ["sup"] = Kind.Phrasing, ["time"] = Kind.Phrasing,
        ["u"] = Kind.Phrasing, ["var"] = Kind.Phrasing,
        ["a"] = Kind.Link, ["button"] = Kind.Button,
        ["br"] = Kind.Void, ["img"] = Kind.Void, ["input"] = Kind.Void, ["wbr"] = Kind.Void,
        ["meta"] = Kind.HeadVoid, ["link"] = Kind.HeadVoid, ["base"] = Kind.HeadVoid,
        ["address"] = Kind.Flow, ["article"] = Kind.Flow, ["aside"] = Kind.Flow, ["blockquote"] = Kind.Flow,
        ["details"] = Kind.Flow, ["div"] = Kind.Flow, ["dl"] = Kind.Flow, ["fieldset"] = Kind.Flow,
        ["figcaption"] = Kind.Flow, ["figure"] = Kind.Flow, ["footer"] = Kind.Flow, ["header"] = Kind.Flow,
        ["hgroup"] = Kind.Flow, ["main"] = Kind.Flow, ["nav"] = Kind.Flow, ["ol"] = Kind.Flow, ["p"] = Kind.Flow,
        ["section"] = Kind.Flow, ["summary"] = Kind.Flow, ["ul"] = Kind.Flow,
        ["h1"] = Kind.Heading, ["h2"] = Kind.Heading, ["h3"] = Kind.Heading, ["h4"] = Kind.Heading,
        ["h5"] = Kind.Heading, ["h6"] = Kind.Heading,
        ["pre"] = Kind.Pre, ["form"] = Kind.Form, ["hr"] = Kind.Rule, ["table"] = Kind.Table,
        ["li"] = Kind.ListItem, ["dt"] = Kind.Definition, ["dd"] = Kind.Definition,
        ["caption"] = Kind.TablePart, ["colgroup"] = Kind.TablePart, ["thead"] = Kind.TablePart,
        ["tbody"] = Kind.TablePart, ["tfoot"] = Kind.TablePart,
        ["tr"] = Kind.Row, ["td"] = Kind.Cell, ["th"] = Kind.Cell, ["col"] = Kind.Column,
        ["style"] = Kind.Style, ["script"] = Kind.Script, ["title"] = Kind.Title, ["svg"] = Kind.Svg,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // SVG elements read here: lower-case names the builder keeps as they are, none of which ends the SVG
    // (as a div or a p would) or holds HTML (title and desc do: nothing but text is read in them).
    private static readonly FrozenSet<string> SvgElements = FrozenSet.Create(StringComparer.Ordinal,
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "title", "desc", "defs", "symbol", "marker", "mask", "pattern", "stop");

    private bool Start()
    {
        var start = _pos + 1;
        var end = start;
        while (end < _n && IsNameChar(_s[end]))
        {
            end++;
        }

        if (end >= _n || !(IsSpace(_s[end]) || _s[end] is '/' or '>'))
        {
            return false; // an upper-case letter, or a character the tokenizer keeps in the name
        }

        var name = PageTree.Name(_s.AsSpan(start, end - start));
        _pos = end;
        var current = Current;
        if (current.NamespaceUri == PageTree.Svg)
        {
            // In an SVG title or desc, a start tag is read as HTML.
            return current.LocalName is not ("title" or "desc") && SvgElements.Contains(name) && Svg(name, current);
        }

        if (!Kinds.TryGetValue(name, out var kind) || !Allowed(kind, current))
        {
            return false;
        }

        if (kind == Kind.Svg)
        {
            return Svg(name, current);
        }

        var element = PageTree.Create(PageTree.Html, name, default);
        if (!Attributes(element, foreign: false, out var selfClosing))
        {
            return false;
        }

        Add(current, element);
        switch (kind)
        {
            case Kind.Void or Kind.HeadVoid or Kind.Rule or Kind.Column:
                return true;
            case Kind.Style or Kind.Script:
                return !selfClosing && RawText(element, name, references: false);
            case Kind.Title:
                return !selfClosing && RawText(element, name, references: true);
        }

        if (selfClosing)
        {
            return false; // ignored on an HTML element that is not void: the element stays open
        }

        Push(element);
        if (kind == Kind.Pre)
        {
            // A line feed just after <pre> is dropped; a reference to one would be a token of its own.
            if (_pos < _n && _s[_pos] == '&')
            {
                return false;
            }

            if (_pos < _n && _s[_pos] == '\n')
            {
                _pos++;
            }
        }

        return true;
    }

    /// <summary>Whether the builder would insert this start tag at the current element, closing and moving nothing.</summary>
    private bool Allowed(Kind kind, PageElement current)
    {
        if (_inHead)
        {
            return kind is Kind.HeadVoid or Kind.Style or Kind.Script or Kind.Title;
        }

        // In a table, its sections and rows, only their own parts: anything else is foster-parented.
        var parent = current.LocalName;
        if (parent is "table" or "thead" or "tbody" or "tfoot" or "tr" or "colgroup")
        {
            return (kind, parent) switch
            {
                (Kind.TablePart, "table") => true,
                (Kind.Row, "thead" or "tbody" or "tfoot") => true,
                (Kind.Cell, "tr") => true,
                (Kind.Column, "colgroup") => true,
                _ => false,
            };
        }

        return kind switch
        {
            Kind.Phrasing or Kind.Void or Kind.HeadVoid or Kind.Style or Kind.Script or Kind.Svg => true,
            Kind.Link => _links == 0, // a second a closes the first
            Kind.Button => _buttons == 0,
            // These close an open p (in button scope; here any open p declines).
            Kind.Flow or Kind.Pre or Kind.Table or Kind.Rule => _paragraphs == 0,
            Kind.Heading => _paragraphs == 0 && parent is not ("h1" or "h2" or "h3" or "h4" or "h5" or "h6"),
            Kind.Form => _paragraphs == 0 && _forms == 0,
            Kind.ListItem => _paragraphs == 0 && InList("ul", "ol"),
            Kind.Definition => _paragraphs == 0 && InList("dl", "dl"),
            _ => false, // a title in the body, table parts outside their table
        };
    }

    // An li, dt or dd closes an open one unless a list, or another special element but a div, comes first
    // going up: read here only in its list, directly or in divs (a dl's groups).
    private bool InList(string list, string other)
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var name = _open[i].LocalName;
            if (name == list || name == other)
            {
                return true;
            }

            if (name != "div")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>An SVG element (the svg itself, or one inside it), closed at once by "/>" as foreign elements are.</summary>
    private bool Svg(string name, PageElement current)
    {
        var element = PageTree.Create(PageTree.Svg, name, default);
        if (!Attributes(element, foreign: true, out var selfClosing))
        {
            return false;
        }

        Add(current, element);
        if (!selfClosing)
        {
            Push(element);
        }

        return true;
    }

    /// <summary>The attributes up to the tag's end; whether it ends with "/>".</summary>
    private bool Attributes(PageElement element, bool foreign, out bool selfClosing)
    {
        _attributes.Clear();
        if (!ReadAttributes(foreign, out selfClosing))
        {
            return false;
        }

        element.SetAttributes(_attributes);
        return true;
    }

    // The attributes of the tag being read, given to its element at the end (as one array of their number).
    private readonly List<(string Name, ReadOnlyMemory<char> Value, string? NamespaceUri)> _attributes = [];

    private bool ReadAttributes(bool foreign, out bool selfClosing)
    {
        selfClosing = false;
        while (true)
        {
            SkipSpace();
            if (_pos >= _n)
            {
                return false;
            }

            var c = _s[_pos];
            if (c == '>')
            {
                _pos++;
                return true;
            }

            if (c == '/')
            {
                selfClosing = _pos + 1 < _n && _s[_pos + 1] == '>';
                _pos += 2;
                return selfClosing;
            }

            var start = _pos;
            var upper = false;
            while (_pos < _n && !(IsSpace(c = _s[_pos]) || c is '/' or '>' or '='))
            {
                if (c is '"' or '\'' or '<')
                {
                    return false; // a parse error the tokenizer keeps in the name
                }

                upper |= c is >= 'A' and <= 'Z';
                _pos++;
            }

            if (_pos == start || _pos >= _n || _pos - start > 256)
            {
                return false;
            }

            // The tokenizer lower-cases a name (SVG's viewBox is given back its case in Add). The buffer is made
            // only for a page that has such a name.
            ReadOnlySpan<char> name = _s.AsSpan(start, _pos - start);
            if (upper)
            {
                _lower ??= new char[256];
                System.Text.Ascii.ToLower(name, _lower, out var written);
                name = _lower.AsSpan(0, written);
            }

            var afterName = _pos;
            SkipSpace();
            StringOrMemory value;
            if (_pos < _n && _s[_pos] == '=')
            {
                _pos++;
                SkipSpace();
                if (!Value(out value))
                {
                    return false;
                }
            }
            else
            {
                _pos = afterName;
                value = StringOrMemory.Empty;
            }

            if (!Add(name, value, foreign))
            {
                return false;
            }
        }
    }

    private bool Value(out StringOrMemory value)
    {
        value = StringOrMemory.Empty;
        if (_pos >= _n)
        {
            return false;
        }

        var quote = _s[_pos];
        if (quote is '"' or '\'')
        {
            var length = _s.AsSpan(_pos + 1, _n - _pos - 1).IndexOf(quote);
            if (length < 0 || !Decode(_pos + 1, _pos + 1 + length, out value))
            {
                return false;
            }

            _pos += length + 2;
            // Another attribute with no space before it is a parse error the tokenizer reads on from.
            return _pos < _n && (IsSpace(_s[_pos]) || _s[_pos] is '/' or '>');
        }

        var start = _pos;
        while (_pos < _n && !IsSpace(_s[_pos]) && _s[_pos] != '>')
        {
            if (_s[_pos] is '"' or '\'' or '<' or '=' or '`' or '&')
            {
                return false;
            }

            _pos++;
        }

        value = new StringOrMemory(_s.AsMemory(start, _pos - start));
        return _pos > start && _pos < _n;
    }

    // A foreign element's attributes as the builder adjusts them: SVG's mixed-case names, and xmlns in its namespace.
    private bool Add(ReadOnlySpan<char> name, StringOrMemory value, bool foreign)
    {
        string? namespaceUri = null;
        string interned;
        if (!foreign)
        {
            interned = PageTree.Name(name);
        }
        else if (name.SequenceEqual("xmlns"))
        {
            (interned, namespaceUri) = ("xmlns", XmlNs);
        }
        else if (name.Contains(':') || name.StartsWith("xml"))
        {
            return false; // xlink:, xml: and the other adjusted foreign attributes
        }
        else
        {
            interned = PageTree.Name(name);
            interned = SvgAttributes.GetValueOrDefault(interned, interned);
        }

        foreach (var attribute in _attributes)
        {
            if (attribute.Name == interned)
            {
                return false; // the first of two is kept; rare enough to leave to the builder
            }
        }

        _attributes.Add((interned, value.Memory, namespaceUri));
        return true;
    }

    // The builder's "adjust SVG attributes" table: the tokenizer lower-cases a name, the builder gives it back its case.
    private static readonly FrozenDictionary<string, string> SvgAttributes = new[]
    {
        "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits", "diffuseConstant",
        "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits", "kernelMatrix", "kernelUnitLength",
        "keyPoints", "keySplines", "keyTimes", "lengthAdjust", "limitingConeAngle", "markerHeight", "markerUnits",
        "markerWidth", "maskContentUnits", "maskUnits", "numOctaves", "pathLength", "patternContentUnits",
        "patternTransform", "patternUnits", "pointsAtX", "pointsAtY", "pointsAtZ", "preserveAlpha",
        "preserveAspectRatio", "primitiveUnits", "refX", "refY", "repeatCount", "repeatDur", "requiredExtensions",
        "requiredFeatures", "specularConstant", "specularExponent", "spreadMethod", "startOffset", "stdDeviation",
        "stitchTiles", "surfaceScale", "systemLanguage", "tableValues", "targetX", "targetY", "textLength", "viewBox",
        "viewTarget", "xChannelSelector", "yChannelSelector", "zoomAndPan",
    }.ToFrozenDictionary(name => name.ToLowerInvariant(), name => name, StringComparer.Ordinal);

    /// <summary>The text of a style, script or title, up to its end tag (matched in any case, as the tokenizer does).</summary>
    private bool RawText(PageElement element, string name, bool references)
    {
        var start = _pos;
        var from = _pos;
        int end;
        while (true)
        {
            var at = _s.AsSpan(from, _n - from).IndexOf("</");
            if (at < 0)
            {
                return false;
            }

            end = from + at;
            var after = end + 2 + name.Length;
            if (after < _n && _s.AsSpan(end + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (_s[after] == '>')
                {
                    _pos = after + 1;
                    break;
                }

                if (IsSpace(_s[after]) || _s[after] == '/')
                {
                    return false; // an end tag with attributes, or "/": ends the text too
                }
            }

            from = end + 2;
        }

        if (end == start)
        {
            return true;
        }

        // "<!--" in a script starts the escaped states, where "</script>" may not end it.
        if (name == "script" && _s.AsSpan(start, end - start).Contains("<!--", StringComparison.Ordinal))
        {
            return false;
        }

        StringOrMemory text;
        if (references)
        {
            if (!Decode(start, end, out text))
            {
                return false;
            }
        }
        else
        {
            text = new StringOrMemory(_s.AsMemory(start, end - start));
        }

        AddText(element, text);
        return true;
    }

    /// <summary>Text up to a tag, put where the builder puts it.</summary>
    private bool Text(int start, int end)
    {
        if (start == end)
        {
            return true;
        }

        var current = Current;
        var space = _s.AsSpan(start, end - start).IndexOfAnyExcept(" \t\n\f") < 0;
        if (!space && (_inHead || current.LocalName is "table" or "thead" or "tbody" or "tfoot" or "tr" or "colgroup"))
        {
            return false; // text ends the head, and is foster-parented out of a table
        }

        if (!Decode(start, end, out var text))
        {
            return false;
        }

        AddText(current, text);
        return true;
    }

    /// <summary>The text with its character references replaced; false for a reference the tokenizer reads otherwise.</summary>
    private bool Decode(int start, int end, out StringOrMemory text)
    {
        ReadOnlySpan<char> span = _s.AsSpan(start, end - start);
        var amp = span.IndexOf('&');
        if (amp < 0)
        {
            text = new StringOrMemory(_s.AsMemory(start, end - start));
            return true;
        }

        text = StringOrMemory.Empty;
        var builder = _decoded ??= new StringBuilder();
        builder.Clear();
        while (amp >= 0)
        {
            builder.Append(span[..amp]);
            span = span[amp..];
            if (!Reference(ref span, builder))
            {
                return false;
            }

            amp = span.IndexOf('&');
        }

        builder.Append(span);
        text = new StringOrMemory(builder.ToString());
        return true;
    }

    private static bool Reference(ref ReadOnlySpan<char> span, StringBuilder builder)
    {
        // span starts at '&'
        if (span.Length < 2 || !(char.IsAsciiLetterOrDigit(span[1]) || span[1] == '#'))
        {
            builder.Append('&'); // "&" before anything else is itself
            span = span[1..];
            return true;
        }

        if (span[1] != '#')
        {
            var run = 1;
            while (run < span.Length && char.IsAsciiLetterOrDigit(span[run]))
            {
                run++;
            }

            if (run == span.Length || span[run] != ';')
            {
                // No ";": the "&" is itself, unless the letters begin one of the names HTML reads without it
                // ("&copy", "&amp"): those are left to the tokenizer.
                if (LegacyPrefix(span[1..run]))
                {
                    return false;
                }

                builder.Append('&');
                span = span[1..];
                return true;
            }
        }

        var semicolon = span.IndexOf(';');
        if (semicolon < 0)
        {
            return false; // "&#" and no ";"
        }

        var name = span[1..semicolon];
        if (name[0] == '#')
        {
            if (!Numeric(name[1..], out var codePoint))
            {
                return false;
            }

            builder.Append(char.ConvertFromUtf32(codePoint));
        }
        else
        {
            var symbol = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ => HtmlEntityProvider.Resolver.GetSymbol(span[1..(semicolon + 1)].ToString()),
            };
            if (string.IsNullOrEmpty(symbol))
            {
                if (LegacyPrefix(name))
                {
                    return false; // "&notit;" is "¬it;"
                }

                builder.Append('&'); // a name HTML does not know is text, ";" and all
                span = span[1..];
                return true;
            }

            builder.Append(symbol);
        }

        span = span[(semicolon + 1)..];
        return true;
    }

    // Whether the letters begin with a name HTML reads without its ";" ("amp", "copy", "not"; none is longer than 6).
    private static bool LegacyPrefix(ReadOnlySpan<char> letters)
    {
        for (var length = 1; length <= Math.Min(letters.Length, 6); length++)
        {
            if (!string.IsNullOrEmpty(HtmlEntityProvider.Resolver.GetSymbol(letters[..length].ToString())))
            {
                return true;
            }
        }

        return false;
    }

    // A numeric reference to an ordinary character: the tokenizer replaces NUL, controls, C1 codes, surrogates
    // and code points past Unicode's end, and flags noncharacters.
    private static bool Numeric(ReadOnlySpan<char> digits, out int codePoint)
    {
        codePoint = 0;
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        if (hex)
        {
            digits = digits[1..];
        }

        if (digits.Length is 0 or > 7)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var digit = c is >= '0' and <= '9' ? c - '0'
                : hex && c is >= 'a' and <= 'f' ? c - 'a' + 10
                : hex && c is >= 'A' and <= 'F' ? c - 'A' + 10
                : -1;
            if (digit < 0)
            {
                return false;
            }

            codePoint = (codePoint * (hex ? 16 : 10)) + digit;
        }

        return codePoint is 0x9 or 0xA or 0xC or (>= 0x20 and < 0x7F) or (>= 0xA0 and < 0xD800) or (> 0xDFFF and <= 0x10FFFF)
            && codePoint is not (>= 0xFDD0 and <= 0xFDEF) && (codePoint & 0xFFFE) != 0xFFFE;
    }

    // The children of each open element, given to it when it closes: an array of their number (see PageNode).
    private readonly List<List<PageNode>> _children = [];

    private void Push(PageElement element)
    {
        _open.Add(element);
        if (_children.Count < _open.Count)
        {
            _children.Add([]);
        }

        Count(element, 1);
    }

    private void Pop()
    {
        var children = _children[_open.Count - 1];
        Current.SetChildren(children);
        children.Clear();
        Count(Current, -1);
        _open.RemoveAt(_open.Count - 1);
    }

    private void Count(PageElement element, int by)
    {
        if (element.NamespaceUri != PageTree.Html)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "p":
                _paragraphs += by;
                break;
            case "a":
                _links += by;
                break;
            case "button":
                _buttons += by;
                break;
            case "form":
                _forms += by;
                break;
        }
    }

    private void AddSpace(PageElement to)
    {
        var start = _pos;
        SkipSpace();
        if (_pos > start)
        {
            AddText(to, new StringOrMemory(_s.AsMemory(start, _pos - start)));
        }
    }

    private void Add(PageNode parent, PageNode child)
    {
        if (_open.Count > 0 && parent == Current)
        {
            _children[_open.Count - 1].Add(child);
        }
        else
        {
            ((IConstructableNode)parent).AddNode((IConstructableNode)child);
        }
    }

    // Appended to the parent's last text, as the builder does: adjacent text is one node (comments are not kept).
    private void AddText(PageNode parent, StringOrMemory text)
    {
        if (_open.Count > 0 && parent == Current)
        {
            var children = _children[_open.Count - 1];
            if (children.Count > 0 && children[^1] is PageText last)
            {
                last.Append(text);
            }
            else
            {
                children.Add(new PageText(text));
            }
        }
        else
        {
            ((IConstructableNode)parent).AppendText(text, true);
        }
    }

    private bool Skip(string text, bool ignoreCase)
    {
        if (_n - _pos < text.Length
            || !_s.AsSpan(_pos, text.Length).Equals(text, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return false;
        }

        _pos += text.Length;
        return true;
    }

    private void SkipSpace()
    {
        while (_pos < _n && IsSpace(_s[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f';

    private static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
}
