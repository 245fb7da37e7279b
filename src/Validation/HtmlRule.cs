using AngleSharp.Dom;
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

/// <summary>A place on a page: line and column (1-based), or 0 when unknown.</summary>
internal readonly record struct Position(int Line, int Column)
{
    public static Position Of(INode? node) =>
        node is IElement { SourceReference: { } reference } ? new Position(reference.Position.Line, reference.Position.Column) : default;
}

/// <summary>Collects the rules' findings, with the page's output path and source.</summary>
internal sealed class Reporter(DiagnosticBag bag, string displayRoot)
{
    public void Report(HtmlRule rule, PageUnderTest page, INode? node, string message) =>
        Report(rule, page.Path, page.Source, Position.Of(node), message);

    public void Report(HtmlRule rule, PageFacts page, Position at, string message) =>
        Report(rule, page.Path, page.Source, at, message);

    public void ReportFile(HtmlRule rule, string path, string message) =>
        bag.Add(new Diagnostic(rule.Id, rule.Level, $"{displayRoot}/{path}", 0, 0, message));

    private void Report(HtmlRule rule, string path, string? source, Position at, string message) =>
        bag.Add(new Diagnostic(rule.Id, rule.Level, $"{displayRoot}/{path}", at.Line, at.Column, message, source));
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
