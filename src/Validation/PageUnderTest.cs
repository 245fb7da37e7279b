using AngleSharp.Dom;
using Microsite.Core;
using Microsite.Validation.Rules;

namespace Microsite.Validation;

/// <summary>A parsed output page and what is known of it; alive only while its own rules run.</summary>
/// <param name="Path">Path inside the site ("en/review-2022.html").</param>
/// <param name="Lang">The language the page should be in (html lang), when known.</param>
internal sealed class PageUnderTest(string path, IDocument document, string? source, string? lang)
{
    public string Path { get; } = path;

    public IDocument Document { get; } = document;

    public string? Source { get; } = source;

    public string? Lang { get; } = lang;

    /// <summary>
    /// Every element in document order, listed once: rules filter this list rather than running their own
    /// selector over the whole tree (each selector is a full walk, and there are dozens per page).
    /// </summary>
    public IReadOnlyList<IElement> Elements => _elements ??= Document.All.ToList();

    /// <summary>The ids on the page, computed once: several rules ask.</summary>
    public IReadOnlySet<string> Ids => _ids ??= Elements.Where(e => e.HasAttribute("id")).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every URL an element refers to (href, src, srcset, …), found once for the rules that need them.</summary>
    public IReadOnlyList<(IElement Element, string Url)> References => _references ??= Rules.References.Of(this).ToList();

    /// <summary>The language switch links: element and the site path they lead to.</summary>
    public IReadOnlyList<(IElement Element, string? Path)> Switches => _switches ??= Elements
        .Where(e => e.LocalName == "a" && e.HasAttribute("data-lang-switch"))
        .Select(e => (e, Urls.Resolve(Directory, e.GetAttribute("href") ?? "").Path))
        .ToList();

    /// <summary>The hreflang alternates (link rel=alternate).</summary>
    public IReadOnlyList<IElement> AlternateLinks => _alternates ??= Elements
        .Where(e => e.LocalName == "link" && e.GetAttribute("rel") == "alternate" && e.HasAttribute("hreflang"))
        .ToList();

    public string? Canonical => Elements.FirstOrDefault(e => e.LocalName == "link" && e.GetAttribute("rel") == "canonical")?.GetAttribute("href");

    public string Directory => Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : "";

    /// <summary>Where an element is, for a finding (see <see cref="Position"/>); 0 for anything else.</summary>
    public Position PositionOf(INode? node) =>
        node is IElement element && Ordinals.TryGetValue(element, out var index) ? new Position(index + 1) : default;

    private Dictionary<IElement, int> Ordinals => _ordinals ??= IndexElements();

    private Dictionary<IElement, int> IndexElements()
    {
        var ordinals = new Dictionary<IElement, int>(Elements.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Elements.Count; i++)
        {
            ordinals[Elements[i]] = i;
        }

        return ordinals;
    }

    private IReadOnlyList<IElement>? _elements;
    private IReadOnlyList<(IElement, string?)>? _switches;
    private IReadOnlyList<IElement>? _alternates;
    private IReadOnlySet<string>? _ids;
    private IReadOnlyList<(IElement Element, string Url)>? _references;
    private Dictionary<IElement, int>? _ordinals;
}
