using Microsite.Core;
using Microsite.Validation.Rules;

namespace Microsite.Validation;

/// <summary>A parsed output page and what is known of it; alive only while its own rules run.</summary>
/// <param name="Path">Path inside the site ("en/review-2022.html").</param>
/// <param name="Lang">The language the page should be in (html lang), when known.</param>
/// <param name="reuse">An index to fill again instead of a new one (the checks keep one per thread); null for a new one.</param>
/// <param name="targets">The run's resolved URLs, shared by its pages; null for a set of this page's own.</param>
internal sealed class PageUnderTest(string path, PageDocument document, string? source, string? lang, ElementIndex? reuse = null, LinkTargets? targets = null)
{
    public string Path { get; } = path;

    public PageDocument Document { get; } = document;

    public string? Source { get; } = source;

    public string? Lang { get; } = lang;

    /// <summary>Where this page's URLs lead (<see cref="LinkTargets.Resolve"/> from this page's folder).</summary>
    public LinkTarget Resolve(string url) => Targets.Resolve(Directory, url);

    /// <summary>The run's resolved URLs (see <see cref="LinkTargets"/>).</summary>
    public LinkTargets Targets { get; } = targets ?? new LinkTargets();

    // Rules look elements up in one walk's index (by name, by attribute: see IndexOf) rather than each
    // running its own filter or selector over the whole tree: that was a quarter of the checks' time.

    /// <summary>The elements of this name (a, img, footer…), in document order.</summary>
    public IReadOnlyList<PageElement> Named(string localName) => Index.ByName.GetValueOrDefault(localName) ?? [];

    /// <summary>The elements that have this attribute (id, style, role…), in document order.</summary>
    public IReadOnlyList<PageElement> With(string attribute) => Index.ByAttribute.GetValueOrDefault(attribute) ?? [];

    /// <summary>The elements with an event handler attribute (onclick…), in document order.</summary>
    public IReadOnlyList<PageElement> WithEventHandlers => Index.EventHandlers;

    /// <summary>Elements from several of the lists above, each once, in document order.</summary>
    public IReadOnlyList<PageElement> InOrder(IEnumerable<PageElement> elements)
    {
        // Sorted by ordinal as plain ints; an element given twice is then next to itself. (LINQ's Distinct and
        // OrderBy took 1 % of a 10,000-page build here, for the links of every page.)
        var items = elements.ToArray();
        var ordinals = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            ordinals[i] = Ordinal(items[i]);
        }

        Array.Sort(ordinals, items);
        var ordered = new List<PageElement>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            if (i == 0 || ordinals[i] != ordinals[i - 1])
            {
                ordered.Add(items[i]);
            }
        }

        return ordered;
    }

    /// <summary>The elements that carry CSS (a style element or a style attribute), in document order.</summary>
    public IReadOnlyList<PageElement> Styled => _styled ??= InOrder(Named("style").Concat(With("style")));

    /// <summary>The ids on the page, computed once: several rules ask.</summary>
    public IReadOnlySet<string> Ids => _ids ??= With("id").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every URL an element refers to (href, src, srcset, …), found once for the rules that need them.</summary>
    public IReadOnlyList<(PageElement Element, string Url)> References => _references ??= Rules.References.Of(this).ToList();

    /// <summary>The language switch links (a with data-lang-switch).</summary>
    public IReadOnlyList<PageElement> Switches => _switches ??= With("data-lang-switch").Where(e => e.LocalName == "a").ToList();

    /// <summary>The hreflang alternates (link rel=alternate).</summary>
    public IReadOnlyList<PageElement> AlternateLinks => _alternates ??= Named("link")
        .Where(e => e.GetAttribute("rel") == "alternate" && e.HasAttribute("hreflang"))
        .ToList();

    public string? Canonical => Named("link").FirstOrDefault(e => e.GetAttribute("rel") == "canonical")?.GetAttribute("href");

    /// <summary>Whether the element's class attribute lists this class (without making its ClassList).</summary>
    public static bool HasClass(PageElement element, string name)
    {
        var classes = element.GetAttribute("class").AsSpan();
        foreach (var range in classes.SplitAny(" \t\n\f\r"))
        {
            if (classes[range].SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    public string Directory => _directory ??= Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : "";

    /// <summary>Where an element is, for a finding (see <see cref="Position"/>); 0 for none.</summary>
    public Position PositionOf(PageElement? element) =>
        element is not null && Ordinal(element) is >= 0 and var index ? new Position(index + 1) : default;

    // Made by the index's walk (the tree is walked once, before any rule asks).
    private int Ordinal(PageElement element)
    {
        _ = Index;
        return element.Ordinal;
    }

    /// <summary>
    /// The elements in document order (the order of the DOM's <c>Document.All</c>, which
    /// <see cref="Reporter.Resolve"/> counts in too), found in one walk that also files each under its name
    /// and its attributes' names.
    /// </summary>
    public static ElementIndex IndexOf(PageDocument document, ElementIndex? reuse = null)
    {
        var index = reuse ?? new ElementIndex();
        index.Clear();
        foreach (var element in document.DocumentElement.Descendants().Prepend(document.DocumentElement))
        {
            index.Add(element);
        }

        return index;
    }

    private ElementIndex Index => _index ??= IndexOf(Document, reuse);

    private ElementIndex? _index;
    private string? _directory;
    private IReadOnlyList<PageElement>? _switches;
    private IReadOnlyList<PageElement>? _alternates;
    private IReadOnlyList<PageElement>? _styled;
    private IReadOnlySet<string>? _ids;
    private IReadOnlyList<(PageElement Element, string Url)>? _references;
}

/// <summary>A page's elements in document order, by name and by attribute name (see <see cref="PageUnderTest.IndexOf"/>).</summary>
internal sealed class ElementIndex
{
    public List<PageElement> All { get; } = [];

    public Dictionary<string, List<PageElement>> ByName { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<PageElement>> ByAttribute { get; } = new(StringComparer.Ordinal);

    public List<PageElement> EventHandlers { get; } = [];

    /// <summary>
    /// Empties the index for another page, keeping its lists: made anew for each page, they were a fifth of
    /// the checks' allocation (250 MB for the 15,000 small pages of the 10,000-page benchmark). A name the
    /// page does not have keeps an empty list.
    /// </summary>
    public void Clear()
    {
        All.Clear();
        EventHandlers.Clear();
        foreach (var list in ByName.Values)
        {
            list.Clear();
        }

        foreach (var list in ByAttribute.Values)
        {
            list.Clear();
        }
    }

    public void Add(PageElement element)
    {
        element.Ordinal = All.Count; // kept on the element, not in a dictionary beside the tree
        All.Add(element);
        File(ByName, element.LocalName, element);
        var handler = false;
        for (var i = 0; i < element.AttributeCount; i++)
        {
            var name = element.AttributeName(i);
            File(ByAttribute, name, element);
            handler |= name.StartsWith("on", StringComparison.Ordinal);
        }

        if (handler)
        {
            EventHandlers.Add(element);
        }
    }

    private static void File(Dictionary<string, List<PageElement>> lists, string key, PageElement element)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(element); // an attribute given twice is one (the parser keeps the first), so once per element
    }
}
