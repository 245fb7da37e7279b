using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using Microsite.Core;
using Microsite.Validation.Rules;

namespace Microsite.Validation;

/// <summary>
/// Stage 6: parses every page of the site once with AngleSharp and runs every rule over it. The same
/// code checks the pages of a build (in memory, before anything is written) and any folder on disk.
/// </summary>
internal static class HtmlValidator
{
    public static IReadOnlyList<HtmlRule> Rules { get; } =
    [
        new InternalLinksRule(), new DuplicateIdRule(), new IdReferenceRule(), new HeadingsRule(), new LandmarksRule(),
        new TitleRule(), new HtmlLangRule(), new AlternatesRule(), new MediaAndTablesRule(), new SelfContainedRule(),
        new GlossaryLinksRule(), new FurnitureRule(), new StrictCspRule(),
    ];

    /// <param name="ExternalLinks">Hyperlinks to other hosts: listed in the report, never fetched (a build needs no network).</param>
    public sealed record Result(int Pages, IReadOnlyList<string> ExternalLinks);

    public static Result Validate(IReadOnlyList<SiteFile> files, SiteExpectations expectations, string displayRoot, DiagnosticBag diagnostics)
    {
        var htmlFiles = files.Where(f => f.IsText && f.Path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)).ToList();
        var pages = new ConcurrentDictionary<string, PageUnderTest>(StringComparer.Ordinal);
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        Parallel.ForEach(htmlFiles, file =>
        {
            var document = parser.ParseDocument(file.Content);
            pages[file.Path] = new PageUnderTest(file.Path, document, file.Source, file.Lang);
        });

        var stylesheets = files.Where(f => f.IsText && f.Path.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var site = new SiteUnderTest(files.Select(f => f.Path).ToList(), pages, stylesheets, expectations);
        var reporter = new Reporter(diagnostics, displayRoot);
        Parallel.ForEach(pages.Values, page =>
        {
            foreach (var rule in Rules)
            {
                rule.Check(page, site, reporter);
            }
        });
        StylesheetLinks.Check(site, reporter);
        SelfContainedRule.CheckStylesheets(site, reporter);

        var external = pages.Values
            .SelectMany(p => p.Document.QuerySelectorAll("a[href], area[href]").Select(a => a.GetAttribute("href")!))
            .Where(h => Urls.Scheme(h) is "http" or "https" || h.StartsWith("//", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Result(pages.Count, external);
    }
}
