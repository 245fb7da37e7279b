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
    // The children in an array of their own rather than a List: the list object and its spare room were a
    // tenth of the checks' allocation. StrictPageParser gives each element an array of its children's number.
    private PageNode[]? _items;
    private int _count;

    public PageNode? Parent { get; private set; }

    /// <summary>Elements and text, in document order (comments are not kept; a document also holds its doctype).</summary>
    public IReadOnlyList<PageNode> ChildNodes => _count == 0 ? Array.Empty<PageNode>() : new ArraySegment<PageNode>(_items!, 0, _count);

    /// <summary>How many children there are (the walks read them by index, without a list around them).</summary>
    internal int ChildCount => _count;

    internal PageNode ChildAt(int index) => _items![index];

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
            if (top.Next < top.Node.ChildCount)
            {
                var child = top.Node.ChildAt(top.Next);
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
        var index = _items is null ? -1 : Array.IndexOf(_items, (PageNode)child, 0, _count);
        if (index >= 0)
        {
            ((IConstructableNode)this).RemoveNode(index, child);
        }
    }

    void IConstructableNode.RemoveNode(int index, IConstructableNode child)
    {
        child.Parent = null;
        _count--;
        Array.Copy(_items!, index + 1, _items!, index, _count - index);
        _items![_count] = null!;
    }

    void IConstructableNode.InsertNode(int index, IConstructableNode child) => Insert(index, (PageNode)child);

    void IConstructableNode.AddNode(IConstructableNode child) => Insert(_count, (PageNode)child);

    // Adjacent text is one text node, as in the DOM: appended to the last one, or to a neighbour.
    void IConstructableNode.AppendText(StringOrMemory text, bool emitWhiteSpaceOnly)
    {
        if (_count > 0 && _items![_count - 1] is PageText last)
        {
            last.Append(text);
        }
        else
        {
            Insert(_count, new PageText(text));
        }
    }

    void IConstructableNode.InsertText(int index, StringOrMemory text, bool emitWhiteSpaceOnly)
    {
        if (index > 0 && index <= _count && _items![index - 1] is PageText before)
        {
            before.Append(text);
        }
        else if (index >= 0 && index < _count && _items![index] is PageText after)
        {
            after.Prepend(text);
        }
        else
        {
            Insert(index, new PageText(text));
        }
    }

    private void Insert(int index, PageNode child)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        child.Parent = this;
        if (_items is null || _count == _items.Length)
        {
            Array.Resize(ref _items, System.Math.Max(4, _count * 2));
        }

        Array.Copy(_items, index, _items, index + 1, _count - index);
        _items[index] = child;
        _count++;
    }

    /// <summary>All the children at once, once their number is known (see StrictPageParser).</summary>
    internal void SetChildren(List<PageNode> children)
    {
        _items = children.Count == 0 ? null : children.ToArray();
        _count = children.Count;
        foreach (var child in children)
        {
            child.Parent = this;
        }
    }

    internal void ClearChildren() => (_items, _count) = (null, 0);

    private readonly struct NodeList(PageNode node) : IConstructableNodeList
    {
        public IConstructableNode this[int index] => index < node._count ? node._items![index] : throw new ArgumentOutOfRangeException(nameof(index));

        public int Length => node._count;

        public void Clear() => node.ClearChildren();

        public IEnumerator<IConstructableNode> GetEnumerator()
        {
            for (var i = 0; i < node._count; i++)
            {
                yield return node._items![i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A run of text. Its pieces point into the page's text until it is read.</summary>
internal sealed class PageText(StringOrMemory text) : PageNode
{
    // Most text is one piece; a list only for text the builder adds to (adjacent character tokens).
    private ReadOnlyMemory<char> _first = text.Memory;
    private List<ReadOnlyMemory<char>>? _more;
    private string? _text;

    public string Text => _text ??= _more is null ? _first.ToString() : Joined();

    protected override string NodeName => "#text";

    internal void Append(StringOrMemory text)
    {
        (_more ??= []).Add(text.Memory);
        _text = null;
    }

    internal void Prepend(StringOrMemory text)
    {
        (_more ??= []).Insert(0, _first);
        _first = text.Memory;
        _text = null;
    }

    internal void AppendTo(StringBuilder builder)
    {
        if (_text is not null)
        {
            builder.Append(_text);
            return;
        }

        builder.Append(_first.Span);
        foreach (var piece in _more ?? [])
        {
            builder.Append(piece.Span);
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
    // The attributes in one array of structs, not a list of objects: a page of the 10,000-page benchmark has
    // about 130 elements and 200 attributes, and each object and list was a fifth of the checks' allocation.
    private Attribute[] _attributes = [];
    private int _attributeCount;
    private readonly NodeFlags _flags;
    private PageTree.BuilderName? _builderName;

    internal PageElement(string namespaceUri, string localName, NodeFlags flags)
    {
        NamespaceUri = namespaceUri;
        LocalName = localName;
        _flags = flags;
    }

    public string NamespaceUri { get; }

    public string LocalName { get; }

    public int AttributeCount => _attributeCount;

    public string AttributeName(int index) => Slot(index).Name;

    public string AttributeValue(int index) => TextOf(ref Slot(index));

    /// <summary>The namespace of the attribute at this index: null for most, XLink's for a foreign xlink:href.</summary>
    public string? AttributeNamespace(int index) => Slot(index).NamespaceUri;

    public string? Id => GetAttribute("id");

    /// <summary>The element's place in document order, from 0; -1 until the page's elements are indexed (see <see cref="PageUnderTest.IndexOf"/>).</summary>
    public int Ordinal { get; internal set; } = -1;

    /// <summary>The value of the attribute with this name, or null when there is none.</summary>
    public string? GetAttribute(string name) => IndexOf(name) is var i and >= 0 ? TextOf(ref _attributes[i]) : null;

    public bool HasAttribute(string name) => IndexOf(name) >= 0;

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
            var node = top.Node;
            var next = top.Next;
            while (next < node.ChildCount && node.ChildAt(next) is not PageElement)
            {
                next++;
            }

            if (next < node.ChildCount)
            {
                var element = (PageElement)node.ChildAt(next);
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

    // What AngleSharp's tree builder asks of an element, shared by every element of its name and made only for
    // the pages the builder reads (see StrictPageParser).
    private PageTree.BuilderName Builder => _builderName ??= PageTree.Known(NamespaceUri, LocalName);

    protected override string NodeName => Builder.NodeName;

    protected override NodeFlags Flags => _flags | Builder.Flags;

    private ref Attribute Slot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_attributeCount, nameof(index));
        return ref _attributes[index];
    }

    private static string TextOf(ref Attribute attribute) => attribute.Text ??= attribute.Value.ToString();

    private int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            if (name.SequenceEqual(_attributes[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An attribute: its name, its namespace (set on a foreign element's adjusted one: xlink:href is href in XLink's), its value.</summary>
    private struct Attribute(string name, ReadOnlyMemory<char> value, string? namespaceUri)
    {
        public readonly string Name = name;
        public readonly string? NamespaceUri = namespaceUri;
        public ReadOnlyMemory<char> Value = value; // into the page's text until read
        public string? Text;
    }

    internal void Add(string name, string value, string? namespaceUri) => Add(name, value.AsMemory(), namespaceUri);

    internal void Add(string name, ReadOnlyMemory<char> value, string? namespaceUri)
    {
        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, System.Math.Max(2, _attributeCount * 2));
        }

        _attributes[_attributeCount++] = new Attribute(name, value, namespaceUri);
    }

    /// <summary>The attributes of a new element, all at once (an array of their number).</summary>
    internal void SetAttributes(List<(string Name, ReadOnlyMemory<char> Value, string? NamespaceUri)> attributes)
    {
        _attributes = new Attribute[attributes.Count];
        _attributeCount = attributes.Count;
        for (var i = 0; i < attributes.Count; i++)
        {
            _attributes[i] = new Attribute(attributes[i].Name, attributes[i].Value, attributes[i].NamespaceUri);
        }
    }

    // What AngleSharp's tree builder calls while it builds.
    private sealed class AttributeView(PageElement element, int index) : IConstructableAttr
    {
        public StringOrMemory Name => new(element._attributes[index].Name);

        public StringOrMemory Value
        {
            get => new(element._attributes[index].Value);
            set => (element._attributes[index].Value, element._attributes[index].Text) = (value.Memory, null);
        }
    }

    private sealed class Attributes(PageElement element) : IConstructableNamedNodeMap
    {
        private PageElement Element => element;

        public IConstructableAttr? this[StringOrMemory name] => element.IndexOf(name.Memory.Span) is var i and >= 0 ? new AttributeView(element, i) : null;

        public int Length => element._attributeCount;

        public bool SameAs(IConstructableNamedNodeMap? other)
        {
            if (other is not Attributes { Element: var them } || them._attributeCount != element._attributeCount)
            {
                return false;
            }

            for (var i = 0; i < element._attributeCount; i++)
            {
                var mine = element._attributes[i];
                if (them.IndexOf(mine.Name) is not (var j and >= 0) || !them._attributes[j].Value.Span.SequenceEqual(mine.Value.Span))
                {
                    return false;
                }
            }

            return true;
        }
    }

    StringOrMemory IConstructableElement.NamespaceUri => Builder.Namespace;

    StringOrMemory IConstructableElement.LocalName => Builder.Name;

    StringOrMemory IConstructableElement.Prefix => StringOrMemory.Empty;

    IConstructableNamedNodeMap IConstructableElement.Attributes => new Attributes(this);

    ISourceReference? IConstructableElement.SourceReference { get; set; }

    void IConstructableElement.SetAttribute(string? namespaceUri, StringOrMemory name, StringOrMemory value) => Set(namespaceUri, name, value);

    void IConstructableElement.SetOwnAttribute(StringOrMemory name, StringOrMemory value) => Set(null, name, value);

    StringOrMemory IConstructableElement.GetAttribute(StringOrMemory namespaceUri, StringOrMemory name) =>
        IndexOf(name.Memory.Span) is var i and >= 0 ? new StringOrMemory(_attributes[i].Value) : StringOrMemory.Empty;

    // An attribute given twice is one: the first is kept, as in the DOM.
    void IConstructableElement.SetAttributes(StructAttributes attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (IndexOf(attribute.Name.Memory.Span) < 0)
            {
                Add(PageTree.Name(attribute.Name.Memory.Span), attribute.Value.Memory, null);
            }
        }
    }

    bool IConstructableElement.HasAttribute(StringOrMemory name) => IndexOf(name.Memory.Span) >= 0;

    void IConstructableElement.SetupElement()
    {
    }

    void IConstructableElement.AddComment(ref StructHtmlToken token)
    {
    }

    IConstructableNode IConstructableElement.ShallowCopy()
    {
        var copy = PageTree.Create(NamespaceUri, LocalName, NodeFlags.None);
        for (var i = 0; i < _attributeCount; i++)
        {
            copy.Add(_attributes[i].Name, _attributes[i].Value, _attributes[i].NamespaceUri);
        }

        return copy;
    }

    // An attribute is one name in one namespace: a foreign element may have both xlink:href and href.
    private void Set(string? namespaceUri, StringOrMemory name, StringOrMemory value)
    {
        namespaceUri = string.IsNullOrEmpty(namespaceUri) ? null : namespaceUri;
        for (var i = 0; i < _attributeCount; i++)
        {
            ref var attribute = ref _attributes[i];
            if (attribute.NamespaceUri == namespaceUri && name.Memory.Span.SequenceEqual(attribute.Name))
            {
                (attribute.Value, attribute.Text) = (value.Memory, null);
                return;
            }
        }

        Add(PageTree.Name(name.Memory.Span), value.Memory, namespaceUri);
    }

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

    void IConstructableDocument.Clear() => ClearChildren();
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
        try
        {
            if (StrictPageParser.TryRead(chars, count) is { } strict)
            {
                return strict;
            }
        }
#pragma warning disable CA1031 // a fault of the fast path must not stop a build: the builder reads the page as it did before it
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // The tests call StrictPageParser directly, where any exception fails them.
        }

        return Build(chars, count);
    }

    /// <summary>The page's tree as AngleSharp's tree builder makes it (what <see cref="Parse"/> gives a page <see cref="StrictPageParser"/> declines).</summary>
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

    /// <summary>What the tree builder asks of an element by its name: its flags, its node name, its names as the builder holds them.</summary>
    internal sealed class BuilderName(NodeFlags flags, string nodeName, string namespaceUri, string localName)
    {
        public NodeFlags Flags { get; } = flags;

        public string NodeName { get; } = nodeName;

        // The tree builder asks for these at every step of its scope checks: made once.
        public StringOrMemory Namespace { get; } = new(namespaceUri);

        public StringOrMemory Name { get; } = new(localName);
    }

    // The tree builder decides scopes, formatting and special elements by each element's flags. They are
    // read off AngleSharp's own element of that name, once per name, so that both trees are built alike.
    private static readonly ConcurrentDictionary<(string Namespace, string Name), BuilderName> KnownElements = new();

    [ThreadStatic] private static IDocument? t_reference;

    internal static BuilderName Known(string namespaceUri, string localName) =>
        KnownElements.GetOrAdd((namespaceUri, localName), static key =>
        {
            try
            {
                var element = (t_reference ??= Standard.ParseDocument("")).CreateElement(key.Namespace, key.Name);
                return new BuilderName(((IConstructableNode)element).Flags, element.NodeName, key.Namespace, key.Name);
            }
            catch (DomException)
            {
                // A name the DOM refuses to create (a stray "<a:b:c>"): an element without special rules.
                return new BuilderName(NodeFlags.None, key.Namespace == Html ? key.Name.ToUpperInvariant() : key.Name, key.Namespace, key.Name);
            }
        });

    // Element and attribute names repeat on every page: one string for each.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    // Each thread looks a name up in a dictionary of its own first: the shared one's look-up was a tenth of
    // the strict parser's time.
    [ThreadStatic] private static Dictionary<string, string>? t_names;

    internal static string Name(ReadOnlySpan<char> name)
    {
        var names = t_names ??= new(StringComparer.Ordinal);
        var mine = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (mine.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!NamesBySpan.TryGetValue(name, out known))
        {
            var text = name.ToString();
            known = Names.GetOrAdd(text, text);
        }

        names[known] = known;
        return known;
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
