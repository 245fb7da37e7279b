using System.Collections;
using System.Collections.Concurrent;
using System.Text;
using AngleSharp;
using AngleSharp.Common;
using AngleSharp.Dom;
using AngleSharp.Html.Construction;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace Microsite.Validation;

/// <summary>
/// A page as the checks read it: the tree AngleSharp's HTML5 tree builder makes (implied tags, misnested
/// formatting, everything a browser does), built from nodes that keep only what the rules ask for: names,
/// attributes and text. AngleSharp's own DOM carries a browser's worth of state per node; building it was
/// most of the checks' time and allocation (one thread, the 15,000 small pages of the 10,000-page benchmark:
/// 3.5-3.8 s and 1,700 MB against 2.2 s and 780 MB for these nodes). Read-only once parsed.
/// The builder makes them through AngleSharp's IConstructable* interfaces, implemented explicitly: the
/// checks see only the members that read.
/// </summary>
internal abstract class PageNode : IConstructableNode
{
    private List<PageNode>? _children;

    public PageNode? Parent { get; private set; }

    /// <summary>Elements and text, in document order (comments are not kept; a document also holds its doctype).</summary>
    public IReadOnlyList<PageNode> ChildNodes => (IReadOnlyList<PageNode>?)_children ?? [];

    /// <summary>The text of every descendant, in document order, as the DOM's textContent.</summary>
    public string TextContent
    {
        get
        {
            var text = new StringBuilder();
            foreach (var piece in DescendantNodes().OfType<PageText>())
            {
                piece.AppendTo(text);
            }

            return text.ToString();
        }
    }

    /// <summary>
    /// The nodes below this one, in document order. A template's content is not part of the page (AngleSharp's
    /// DOM keeps it in a fragment of its own, as browsers do); here it stays below the template, and this walk,
    /// which every other one uses, steps over it.
    /// </summary>
    public IEnumerable<PageNode> DescendantNodes()
    {
        // An explicit stack: a page nested thousands of levels deep must not overflow the thread's stack.
        var stack = new Stack<(PageNode Node, int Next)>();
        if (this is not PageElement { IsTemplate: true })
        {
            stack.Push((this, 0));
        }

        while (stack.TryPop(out var top))
        {
            var children = top.Node.ChildNodes;
            if (top.Next < children.Count)
            {
                var child = children[top.Next];
                stack.Push((top.Node, top.Next + 1));
                yield return child;
                if (child is not PageElement { IsTemplate: true })
                {
                    stack.Push((child, 0));
                }
            }
        }
    }

    // What AngleSharp's tree builder calls while it builds; never called once the page is parsed.
    StringOrMemory IConstructableNode.NodeName => new(NodeName);

    protected abstract string NodeName { get; }

    NodeFlags IConstructableNode.Flags => Flags;

    protected virtual NodeFlags Flags => NodeFlags.None;

    IConstructableNode? IConstructableNode.Parent
    {
        get => Parent;
        set => Parent = (PageNode?)value;
    }

    IConstructableNodeList IConstructableNode.ChildNodes => new NodeList(this);

    void IConstructableNode.RemoveFromParent() => ((IConstructableNode?)Parent)?.RemoveChild(this);

    void IConstructableNode.RemoveChild(IConstructableNode child)
    {
        var index = _children?.IndexOf((PageNode)child) ?? -1;
        if (index >= 0)
        {
            ((IConstructableNode)this).RemoveNode(index, child);
        }
    }

    void IConstructableNode.RemoveNode(int index, IConstructableNode child)
    {
        child.Parent = null;
        _children!.RemoveAt(index);
    }

    void IConstructableNode.InsertNode(int index, IConstructableNode child) => Insert(index, (PageNode)child);

    void IConstructableNode.AddNode(IConstructableNode child) => Insert(_children?.Count ?? 0, (PageNode)child);

    // Adjacent text is one text node, as in the DOM: appended to the last one, or to a neighbour.
    void IConstructableNode.AppendText(StringOrMemory text, bool emitWhiteSpaceOnly)
    {
        if (_children is [.., PageText last])
        {
            last.Append(text);
        }
        else
        {
            Insert(_children?.Count ?? 0, new PageText(text));
        }
    }

    void IConstructableNode.InsertText(int index, StringOrMemory text, bool emitWhiteSpaceOnly)
    {
        var children = _children ?? [];
        if (index > 0 && index <= children.Count && children[index - 1] is PageText before)
        {
            before.Append(text);
        }
        else if (index >= 0 && index < children.Count && children[index] is PageText after)
        {
            after.Prepend(text);
        }
        else
        {
            Insert(index, new PageText(text));
        }
    }

    protected virtual void Insert(int index, PageNode child)
    {
        child.Parent = this;
        (_children ??= []).Insert(index, child);
    }

    internal List<PageNode> Children => _children ??= [];

    private readonly struct NodeList(PageNode node) : IConstructableNodeList
    {
        public IConstructableNode this[int index] => node.Children[index];

        public int Length => node._children?.Count ?? 0;

        public void Clear() => node._children?.Clear();

        public IEnumerator<IConstructableNode> GetEnumerator() => (node._children ?? []).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A run of text. Its pieces point into the page's text until it is read.</summary>
internal sealed class PageText(StringOrMemory text) : PageNode
{
    // Most text is one piece; a list only for text the builder adds to (adjacent character tokens).
    private StringOrMemory _first = text;
    private List<StringOrMemory>? _more;
    private string? _text;

    public string Text => _text ??= _more is null ? _first.ToString() : Joined();

    protected override string NodeName => "#text";

    internal void Append(StringOrMemory text)
    {
        (_more ??= []).Add(text);
        _text = null;
    }

    internal void Prepend(StringOrMemory text)
    {
        (_more ??= []).Insert(0, _first);
        _first = text;
        _text = null;
    }

    internal void AppendTo(StringBuilder builder)
    {
        if (_text is not null)
        {
            builder.Append(_text);
            return;
        }

        builder.Append(_first.Memory.Span);
        foreach (var piece in _more ?? [])
        {
            builder.Append(piece.Memory.Span);
        }
    }

    private string Joined()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }
}

/// <summary>The doctype: kept as a node so the tree builder sees the document it expects.</summary>
internal sealed class PageDoctype : PageNode
{
    protected override string NodeName => "html";
}

/// <summary>An element: its namespace, its name in lower case (HTML) and its attributes, first given first.</summary>
internal class PageElement : PageNode, IConstructableElement
{
    private readonly List<Attribute> _attributes = [];

    internal PageElement(string namespaceUri, string localName, NodeFlags flags)
    {
        NamespaceUri = namespaceUri;
        LocalName = localName;
        var known = PageTree.Known(namespaceUri, localName);
        Flags = flags | known.Flags;
        _nodeName = known.NodeName;
        // The tree builder asks for these at every step of its scope checks: made once.
        _builderNamespace = new StringOrMemory(namespaceUri);
        _builderName = new StringOrMemory(localName);
    }

    private readonly string _nodeName;
    private readonly StringOrMemory _builderNamespace;
    private readonly StringOrMemory _builderName;

    public string NamespaceUri { get; }

    public string LocalName { get; }

    public int AttributeCount => _attributes.Count;

    public string AttributeName(int index) => _attributes[index].Name;

    public string AttributeValue(int index) => _attributes[index].Text;

    public string? Id => GetAttribute("id");

    /// <summary>The element's place in document order, from 0; -1 until the page's elements are indexed (see <see cref="PageUnderTest.IndexOf"/>).</summary>
    public int Ordinal { get; internal set; } = -1;

    /// <summary>The value of the attribute with this name, or null when there is none.</summary>
    public string? GetAttribute(string name) => Find(name)?.Text;

    public bool HasAttribute(string name) => Find(name) is not null;

    /// <summary>The elements below this one, in document order, a template's content stepped over.</summary>
    /// <remarks>
    /// The walk of <see cref="PageNode.DescendantNodes"/>, over elements alone: every page is indexed by it,
    /// and filtering all nodes instead took `check` of the 10,000-page output from 3.50-4.21 s to 4.35-4.39 s.
    /// </remarks>
    public IEnumerable<PageElement> Descendants()
    {
        var stack = new Stack<(PageNode Node, int Next)>();
        if (!IsTemplate)
        {
            stack.Push((this, 0));
        }

        while (stack.TryPop(out var top))
        {
            var children = top.Node.ChildNodes;
            var next = top.Next;
            while (next < children.Count && children[next] is not PageElement)
            {
                next++;
            }

            if (next < children.Count)
            {
                var element = (PageElement)children[next];
                stack.Push((top.Node, next + 1));
                yield return element;
                if (!element.IsTemplate)
                {
                    stack.Push((element, 0));
                }
            }
        }
    }

    /// <summary>An HTML template element, whose content is not part of the page.</summary>
    public bool IsTemplate => LocalName == "template" && NamespaceUri == PageTree.Html;

    protected override string NodeName => _nodeName;

    protected override NodeFlags Flags { get; }

    private Attribute? Find(string name)
    {
        foreach (var attribute in _attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }

    private Attribute? Find(ReadOnlySpan<char> name)
    {
        foreach (var attribute in _attributes)
        {
            if (name.SequenceEqual(attribute.Name))
            {
                return attribute;
            }
        }

        return null;
    }

    private sealed class Attribute(string name, StringOrMemory value, string? namespaceUri = null) : IConstructableAttr
    {
        private string? _text;

        public string Name { get; } = name;

        /// <summary>Set on a foreign element's adjusted attribute (xlink:href is href in the XLink namespace).</summary>
        public string? NamespaceUri { get; } = namespaceUri;

        public string Text => _text ??= Value.ToString();

        public StringOrMemory Value
        {
            get;
            set
            {
                field = value;
                _text = null;
            }
        } = value;

        StringOrMemory IConstructableAttr.Name => new(Name);
    }

    private sealed class Attributes(PageElement element) : IConstructableNamedNodeMap
    {
        private PageElement Element => element;

        public IConstructableAttr? this[StringOrMemory name] => element.Find(name.Memory.Span);

        public int Length => element._attributes.Count;

        public bool SameAs(IConstructableNamedNodeMap? other)
        {
            if (other is not Attributes { Element: var them } || them._attributes.Count != element._attributes.Count)
            {
                return false;
            }

            foreach (var attribute in element._attributes)
            {
                if (them.Find(attribute.Name) is not { } theirs || !theirs.Value.Memory.Span.SequenceEqual(attribute.Value.Memory.Span))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // What AngleSharp's tree builder calls while it builds.
    StringOrMemory IConstructableElement.NamespaceUri => _builderNamespace;

    StringOrMemory IConstructableElement.LocalName => _builderName;

    StringOrMemory IConstructableElement.Prefix => StringOrMemory.Empty;

    IConstructableNamedNodeMap IConstructableElement.Attributes => new Attributes(this);

    ISourceReference? IConstructableElement.SourceReference { get; set; }

    void IConstructableElement.SetAttribute(string? namespaceUri, StringOrMemory name, StringOrMemory value) => Set(namespaceUri, name, value);

    void IConstructableElement.SetOwnAttribute(StringOrMemory name, StringOrMemory value) => Set(null, name, value);

    StringOrMemory IConstructableElement.GetAttribute(StringOrMemory namespaceUri, StringOrMemory name) => Find(name.Memory.Span)?.Value ?? StringOrMemory.Empty;

    // An attribute given twice is one: the first is kept, as in the DOM.
    void IConstructableElement.SetAttributes(StructAttributes attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (Find(attribute.Name.Memory.Span) is null)
            {
                _attributes.Add(new Attribute(PageTree.Name(attribute.Name.Memory.Span), attribute.Value));
            }
        }
    }

    bool IConstructableElement.HasAttribute(StringOrMemory name) => Find(name.Memory.Span) is not null;

    void IConstructableElement.SetupElement()
    {
    }

    void IConstructableElement.AddComment(ref StructHtmlToken token)
    {
    }

    IConstructableNode IConstructableElement.ShallowCopy()
    {
        var copy = PageTree.Create(NamespaceUri, LocalName, NodeFlags.None);
        foreach (var attribute in _attributes)
        {
            copy._attributes.Add(new Attribute(attribute.Name, attribute.Value, attribute.NamespaceUri));
        }

        return copy;
    }

    // An attribute is one name in one namespace: a foreign element may have both xlink:href and href.
    private void Set(string? namespaceUri, StringOrMemory name, StringOrMemory value)
    {
        namespaceUri = string.IsNullOrEmpty(namespaceUri) ? null : namespaceUri;
        foreach (var attribute in _attributes)
        {
            if (attribute.NamespaceUri == namespaceUri && name.Memory.Span.SequenceEqual(attribute.Name))
            {
                attribute.Value = value;
                return;
            }
        }

        _attributes.Add(new Attribute(PageTree.Name(name.Memory.Span), value, namespaceUri));
    }

    internal void Add(string name, string value, string? namespaceUri) => Add(name, new StringOrMemory(value), namespaceUri);

    internal void Add(string name, StringOrMemory value, string? namespaceUri) => _attributes.Add(new Attribute(name, value, namespaceUri));

    /// <summary>The namespace of the attribute at this index: null for most, XLink's for a foreign xlink:href.</summary>
    public string? AttributeNamespace(int index) => _attributes[index].NamespaceUri;

    // The kinds of element the tree builder treats apart (it asks by interface).
    internal sealed class Meta(string name, NodeFlags flags) : PageElement(PageTree.Html, name, flags), IConstructableMetaElement
    {
        public void Handle()
        {
        }
    }

    internal sealed class Script(string name, NodeFlags flags) : PageElement(PageTree.Html, name, flags), IConstructableScriptElement
    {
        public Task RunAsync(CancellationToken cancel) => Task.CompletedTask;

        public bool Prepare(IConstructableDocument document) => false;
    }

    internal sealed class Template(string name, NodeFlags flags) : PageElement(PageTree.Html, name, flags), IConstructableTemplateElement
    {
        public void PopulateFragment()
        {
        }
    }

    internal sealed class Form(string name, NodeFlags flags) : PageElement(PageTree.Html, name, flags), IConstructableFormElement;

    internal sealed class Frame(string name, NodeFlags flags) : PageElement(PageTree.Html, name, flags), IConstructableFrameElement;

    internal sealed class Svg(string name, NodeFlags flags) : PageElement(PageTree.Svg, name, flags), IConstructableSvgElement;

    internal sealed class Math(string name, NodeFlags flags) : PageElement(PageTree.MathMl, name, flags), IConstructableMathElement;
}

/// <summary>A parsed page: its html element, head, body and title, as the DOM's document gives them.</summary>
internal sealed class PageDocument : PageNode, IConstructableDocument
{
    private readonly TextSource? _source;

    internal PageDocument(TextSource? source) => _source = source;

    /// <summary>The html element (every parse makes one).</summary>
    public PageElement DocumentElement => Root ?? throw new InvalidOperationException("the page has not been parsed");

    public PageElement? Head => Root?.ChildNodes.OfType<PageElement>().FirstOrDefault(e => e.LocalName == "head");

    public PageElement? Body => Root?.ChildNodes.OfType<PageElement>().FirstOrDefault(e => e.LocalName is "body" or "frameset");

    private PageElement? Root => ChildNodes.OfType<PageElement>().FirstOrDefault();

    /// <summary>The first HTML title element's text, white space collapsed and trimmed (document.title).</summary>
    public string? Title
    {
        get
        {
            var title = DocumentElement.Descendants().FirstOrDefault(e => e.LocalName == "title" && e.NamespaceUri == PageTree.Html);
            return title is null ? null : PageTree.CollapseAndStrip(title.TextContent);
        }
    }

    protected override string NodeName => "#document";

    /// <summary>
    /// Whether the tree has the shape every HTML5 parse gives: one html element holding only head and body
    /// (or frameset). AngleSharp's builder foster-parents content misplaced in a table by asking whether an
    /// element is its own table class: with other nodes it puts that content after the html element instead.
    /// Such a page is parsed again with AngleSharp's own DOM (see <see cref="PageTree.Parse"/>).
    /// </summary>
    internal bool IsWellFormed =>
        ChildNodes.Count(n => n is PageElement) == 1
        && Root!.ChildNodes.All(n => n is not PageElement e || e.LocalName is "head" or "body" or "frameset");

    // What AngleSharp's tree builder calls while it builds.
    TextSource IConstructableDocument.Source => _source!;

    IDisposable? IConstructableDocument.Builder { get; set; }

    internal IDisposable? Builder => ((IConstructableDocument)this).Builder;

    QuirksMode IConstructableDocument.QuirksMode { get; set; }

    IConstructableElement? IConstructableDocument.Head => Head;

    IConstructableElement IConstructableDocument.DocumentElement => Root!;

    bool IConstructableDocument.IsLoading => false;

    void IConstructableDocument.PerformMicrotaskCheckpoint()
    {
    }

    void IConstructableDocument.ProvideStableState()
    {
    }

    void IConstructableDocument.AddComment(ref StructHtmlToken token)
    {
    }

    void IConstructableDocument.TrackError(Exception exception)
    {
    }

    Task IConstructableDocument.WaitForReadyAsync(CancellationToken cancelToken) => Task.CompletedTask;

    Task IConstructableDocument.FinishLoadingAsync() => Task.CompletedTask;

    void IConstructableDocument.ApplyManifest()
    {
    }

    void IConstructableDocument.Clear() => Children.Clear();
}

/// <summary>Parses a page into <see cref="PageDocument"/> with AngleSharp's HTML5 tree builder.</summary>
internal static class PageTree
{
    public const string Html = "http://www.w3.org/1999/xhtml";
    public const string Svg = "http://www.w3.org/2000/svg";
    public const string MathMl = "http://www.w3.org/1998/Math/MathML";

    private static readonly Factory Nodes = new();

    // A parser and its browsing context for each thread: the checks parse on every core at once, and
    // AngleSharp does not promise that one parser (or the context that hands it this factory) may be
    // used by several threads at the same time.
    [ThreadStatic] private static HtmlParser? t_parser;
    [ThreadStatic] private static HtmlParser? t_standard;

    private static HtmlParser Parser => t_parser ??= new(new HtmlParserOptions(),
        BrowsingContext.New(Configuration.Default.With<IDomConstructionElementFactory<PageDocument, PageElement>>(_ => Nodes)));

    private static HtmlParser Standard => t_standard ??= new();

    /// <summary>
    /// The page's tree. Text and attribute values point into <paramref name="chars"/> and into the parser's
    /// buffer until they are read: use the tree before the buffer is used again, then call <see cref="Release"/>.
    /// </summary>
    public static PageDocument Parse(char[] chars, int count)
    {
        if (StrictPageReader.TryRead(chars, count) is { } strict)
        {
            return strict;
        }

        return Build(chars, count);
    }

    /// <summary>The page's tree as AngleSharp's tree builder makes it (what <see cref="Parse"/> gives a page the strict reader declines).</summary>
    internal static PageDocument Build(char[] chars, int count)
    {
        PageDocument? document = null;
        try
        {
            document = Parser.ParseDocument<PageDocument, PageElement>(new TextSource(new CharArrayTextSource(chars, count)), null);
            if (document.IsWellFormed)
            {
                return document;
            }
        }
#pragma warning disable CA1031 // the builder with nodes other than its own: any failure of it is a reason to use its own
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // A path of the builder that expects its own element classes (as foster parenting does, above):
            // the page is still checked, in AngleSharp's DOM, as it was before these nodes.
        }

        if (document is not null)
        {
            Release(document);
        }

        return FromDom(Standard.ParseDocument(chars, count));
    }

    /// <summary>Hands the parser's text buffer back to its pool once the tree is no longer read.</summary>
    public static void Release(PageDocument document) => document.Builder?.Dispose();

    /// <summary>The same tree from AngleSharp's own DOM: names, attributes and text.</summary>
    internal static PageDocument FromDom(IDocument dom)
    {
        var document = new PageDocument(null);
        var stack = new Stack<(INode From, PageNode To)>();
        stack.Push((dom, document));
        while (stack.TryPop(out var item))
        {
            var target = (IConstructableNode)item.To;
            foreach (var child in item.From.ChildNodes)
            {
                switch (child)
                {
                    case IElement element:
                        var copy = Create(element.NamespaceUri ?? Html, element.LocalName, NodeFlags.None);
                        foreach (var attribute in element.Attributes)
                        {
                            copy.Add(attribute.Name, attribute.Value, attribute.NamespaceUri);
                        }

                        target.AddNode(copy);
                        stack.Push((element, copy));
                        break;
                    case IText text:
                        target.AppendText(new StringOrMemory(text.Data), true);
                        break;
                }
            }
        }

        return document;
    }

    internal static PageElement Create(string namespaceUri, string localName, NodeFlags flags) =>
        namespaceUri switch
        {
            Svg => new PageElement.Svg(localName, flags),
            MathMl => new PageElement.Math(localName, flags),
            Html => localName switch
            {
                "meta" => new PageElement.Meta(localName, flags),
                "script" => new PageElement.Script(localName, flags),
                "template" => new PageElement.Template(localName, flags),
                "form" => new PageElement.Form(localName, flags),
                "frame" => new PageElement.Frame(localName, flags),
                _ => new PageElement(Html, localName, flags),
            },
            _ => new PageElement(namespaceUri, localName, flags),
        };

    // The tree builder decides scopes, formatting and special elements by each element's flags. They are
    // read off AngleSharp's own element of that name, once per name, so that both trees are built alike.
    private static readonly ConcurrentDictionary<(string Namespace, string Name), (NodeFlags Flags, string NodeName)> KnownElements = new();

    [ThreadStatic] private static IDocument? t_reference;

    internal static (NodeFlags Flags, string NodeName) Known(string namespaceUri, string localName) =>
        KnownElements.GetOrAdd((namespaceUri, localName), static key =>
        {
            try
            {
                var element = (t_reference ??= Standard.ParseDocument("")).CreateElement(key.Namespace, key.Name);
                return (((IConstructableNode)element).Flags, element.NodeName);
            }
            catch (DomException)
            {
                // A name the DOM refuses to create (a stray "<a:b:c>"): an element without special rules.
                return (NodeFlags.None, key.Namespace == Html ? key.Name.ToUpperInvariant() : key.Name);
            }
        });

    // Element and attribute names repeat on every page: one string for each.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static string Name(ReadOnlySpan<char> name)
    {
        if (NamesBySpan.TryGetValue(name, out var known))
        {
            return known;
        }

        var text = name.ToString();
        return Names.GetOrAdd(text, text);
    }

    /// <summary>White space runs as one space, none at the ends (how document.title reads a title).</summary>
    internal static string CollapseAndStrip(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\f' or '\r')
            {
                space = builder.Length > 0;
            }
            else
            {
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private sealed class Factory : IDomConstructionElementFactory<PageDocument, PageElement>
    {
        public PageElement Create(PageDocument document, StringOrMemory localName, StringOrMemory prefix, NodeFlags flags) =>
            PageTree.Create(Html, Name(localName.Memory.Span), flags);

        public PageElement CreateNoScript(PageDocument document, bool scripting) => PageTree.Create(Html, "noscript", NodeFlags.None);

        public IConstructableNode CreateDocumentType(PageDocument document, StringOrMemory name, StringOrMemory publicIdentifier, StringOrMemory systemIdentifier) => new PageDoctype();

        public IConstructableMathElement CreateMath(PageDocument document, StringOrMemory name) => (PageElement.Math)PageTree.Create(MathMl, Name(name.Memory.Span), NodeFlags.None);

        public IConstructableSvgElement CreateSvg(PageDocument document, StringOrMemory name) => (PageElement.Svg)PageTree.Create(Svg, Name(name.Memory.Span), NodeFlags.None);

        public IConstructableMetaElement CreateMeta(PageDocument document) => (PageElement.Meta)PageTree.Create(Html, "meta", NodeFlags.None);

        public IConstructableScriptElement CreateScript(PageDocument document, bool parserInserted, bool started) => (PageElement.Script)PageTree.Create(Html, "script", NodeFlags.None);

        public IConstructableFrameElement CreateFrame(PageDocument document) => (PageElement.Frame)PageTree.Create(Html, "frame", NodeFlags.None);

        public IConstructableTemplateElement CreateTemplate(PageDocument document) => (PageElement.Template)PageTree.Create(Html, "template", NodeFlags.None);

        public IConstructableFormElement CreateForm(PageDocument document) => (PageElement.Form)PageTree.Create(Html, "form", NodeFlags.None);

        public PageElement CreateUnknown(PageDocument document, StringOrMemory tagName) => PageTree.Create(Html, Name(tagName.Memory.Span), NodeFlags.None);

        public PageDocument CreateDocument(TextSource source, IBrowsingContext? context) => new(source);
    }
}
