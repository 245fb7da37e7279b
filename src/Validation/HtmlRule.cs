using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsite.Core;

namespace Microsite.Validation;

/// <summary>
/// A check of the built pages. Each rule has a stable id and a default level (site.yml may change it),
/// and looks at the site in two passes: <see cref="CheckPage"/> sees one parsed page while it is in
/// memory; <see cref="CheckSite"/> sees what every page recorded of itself (<see cref="PageFacts"/>)
/// once all are parsed, for what only the whole site can tell. Both passes are linear in the site.
/// </summary>
internal abstract class HtmlRule
{
    public abstract string Id { get; }

    public virtual Severity Level => Severity.Error;

    public virtual void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
    }

    public virtual void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
    }
}

/// <summary>A rule id used for one finding of a bigger rule class (links have several ids, one check).</summary>
internal sealed class Named(string id, Severity level = Severity.Error) : HtmlRule
{
    public override string Id => id;

    public override Severity Level => level;
}

/// <summary>
/// An element of a page by its place in document order (1 for the first; 0 when there is none): what a
/// finding points at. Pages are parsed without AngleSharp's source references: with them the parser took
/// longer and allocated more (one warm process: 3,000 pages of the 10,000-page site 0.49 against 0.38 s
/// and 402 against 316 MB; the 37 MB full report 0.19 against 0.10 s). A finding gets its line and column
/// when it is reported, by parsing its page once more with them (<see cref="Reporter.Resolve"/>).
/// </summary>
internal readonly record struct Position(int Element);

/// <summary>
/// Collects the rules' findings, with the page's output path and source. A finding at an element waits
/// for <see cref="Resolve"/>, which gives it its line and column.
/// </summary>
internal sealed class Reporter(DiagnosticBag bag, string displayRoot)
{
    private static readonly HtmlParser WithSourceReferences = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    private readonly List<Finding> _waiting = [];

    public void Report(HtmlRule rule, PageUnderTest page, PageElement? element, string message) =>
        Report(rule, page.Path, page.Source, page.PositionOf(element), message);

    public void Report(HtmlRule rule, PageFacts page, Position at, string message) =>
        Report(rule, page.Path, page.Source, at, message);

    public void ReportFile(HtmlRule rule, string path, string message) => Add(new Finding(rule, path, null, default, message), 0, 0);

    /// <summary>
    /// Gives the findings reported so far their line and column: each page with any is parsed once more,
    /// by AngleSharp's own DOM with source references, and its elements are counted in the same document order
    /// (the same tree builder made both trees; a test holds them equal).
    /// </summary>
    /// <param name="textOf">The text of a page, by its path in the site.</param>
    public void Resolve(Func<string, string> textOf)
    {
        List<Finding> waiting;
        lock (_waiting)
        {
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        if (waiting.Count == 0)
        {
            return;
        }

        // On every core: a theme defect puts findings on every page of the site.
        Parallelism.ForEach(waiting.GroupBy(w => w.Path, StringComparer.Ordinal).ToList(), page =>
        {
            var elements = InDocumentOrder(WithSourceReferences.ParseDocument(textOf(page.Key)));
            foreach (var finding in page)
            {
                var reference = finding.At.Element <= elements.Count ? elements[finding.At.Element - 1].SourceReference : null;
                Add(finding, reference?.Position.Line ?? 0, reference?.Position.Column ?? 0);
            }
        });
    }

    /// <summary>The elements of a DOM in document order, as <c>Document.All</c> lists them.</summary>
    internal static List<IElement> InDocumentOrder(IDocument document)
    {
        var elements = new List<IElement>();
        // An explicit stack: a page nested thousands of levels deep must not overflow the thread's stack.
        var stack = new Stack<(INodeList Children, int Next)>();
        stack.Push((document.ChildNodes, 0));
        while (stack.TryPop(out var top))
        {
            var (children, next) = top;
            while (next < children.Length && children[next] is not IElement)
            {
                next++;
            }

            if (next < children.Length)
            {
                var element = (IElement)children[next];
                stack.Push((children, next + 1));
                elements.Add(element);
                stack.Push((element.ChildNodes, 0));
            }
        }

        return elements;
    }

    private void Report(HtmlRule rule, string path, string? source, Position at, string message)
    {
        var finding = new Finding(rule, path, source, at, message);
        if (at.Element == 0)
        {
            Add(finding, 0, 0);
            return;
        }

        lock (_waiting)
        {
            _waiting.Add(finding);
        }
    }

    private void Add(Finding finding, int line, int column) =>
        bag.Add(new Diagnostic(finding.Rule.Id, finding.Rule.Level, $"{displayRoot}/{finding.Path}", line, column, finding.Message, finding.Source));

    /// <summary>A finding as reported: where it is, as an element of its page (line and column come later).</summary>
    private sealed record Finding(HtmlRule Rule, string Path, string? Source, Position At, string Message);
}

/// <summary>What site.yml says the pages must show; empty when checking a folder without a config.</summary>
/// <param name="Languages">How many languages the site has (a language switch is expected when more than one).</param>
/// <param name="Footers">By html lang: the registration numbers site.yml sets for that language's footer.</param>
/// <param name="NotFoundBase">The path of base_url ("/gzbg2023/"): 404 pages may use it, since a host serves them at any depth.</param>
internal sealed record SiteExpectations(int Languages, IReadOnlyDictionary<string, FooterExpectation> Footers, string? NotFoundBase = null)
{
    public FooterExpectation Footer(string? lang) => lang is not null && Footers.TryGetValue(lang, out var f) ? f : FooterExpectation.None;
}

internal sealed record FooterExpectation(string? SiteCode, string? Icp, string? PublicSecurity)
{
    public static FooterExpectation None { get; } = new(null, null, null);
}
