using Microsite.Core;
using Microsite.Validation.Rules;

namespace Microsite.Validation;

/// <summary>
/// Stage 6: parses every page of the site once with AngleSharp's HTML5 tree builder (into a
/// <see cref="PageDocument"/>, see <see cref="PageTree"/>) and checks it. The same code checks the
/// pages of a build (in memory, before anything is written) and any folder on disk. Each page is parsed,
/// checked by every rule and reduced to its <see cref="PageFacts"/> in parallel; its tree is then dropped.
/// The checks across pages run on the facts, each a dictionary look-up.
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

    /// <param name="memo">Pages checked by an earlier build, reused when their HTML is the same (the preview server).</param>
    public static Result Validate(IReadOnlyList<SiteFile> files, SiteExpectations expectations, string displayRoot, DiagnosticBag diagnostics, Memo<CheckedPage>? memo = null)
    {
        var reporter = new Reporter(diagnostics, displayRoot);
        var htmlFiles = files.Where(f => f.IsText && f.Path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)).ToList();
        var context = memo is null ? "" : Digest.Of([displayRoot, expectations.Languages.ToString(System.Globalization.CultureInfo.InvariantCulture), expectations.NotFoundBase,
            .. expectations.Footers.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")]);
        // The largest pages first (the full report is a hundred times a chapter): started last, one of
        // them kept a single core busy while the others had nothing left to do. Facts stay in path order.
        var bySize = Enumerable.Range(0, htmlFiles.Count).OrderByDescending(i => htmlFiles[i].Length).ThenBy(i => i).ToList();
        var facts = new PageFacts[htmlFiles.Count];
        using var targets = new LinkTargets();
        Parallelism.ForEach(bySize, i => facts[i] = Check(htmlFiles[i]));

        PageFacts Check(SiteFile file)
        {
            if (memo is null)
            {
                return CheckPage(file, expectations, reporter, targets);
            }

            var page = memo.Get($"{file.Path}|{file.Lang}|{file.Source}|{Digest.Of(file.Bytes)}|{context}", () =>
            {
                var found = new DiagnosticBag();
                var own = new Reporter(found, displayRoot);
                var facts = CheckPage(file, expectations, own, targets);
                own.Resolve(_ => file.Content);
                return new CheckedPage(facts, found.Items);
            });
            diagnostics.AddRange(page.Found);
            return page.Facts;
        }

        var site = new SiteFacts(files.Select(f => f.Path).ToList(), facts.ToDictionary(f => f.Path, StringComparer.Ordinal), expectations);
        Parallelism.ForEach(facts, page =>
        {
            foreach (var rule in Rules)
            {
                rule.CheckSite(site, page, reporter);
            }
        });

        var stylesheets = files.Where(f => f.IsText && f.Path.EndsWith(".css", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        StylesheetLinks.Check(stylesheets, site.Files, reporter);
        SelfContainedRule.CheckStylesheets(stylesheets, reporter);
        var byPath = htmlFiles.ToDictionary(f => f.Path, StringComparer.Ordinal);
        reporter.Resolve(path => byPath.TryGetValue(path, out var page) ? page.Content : "");

        var external = facts.SelectMany(p => p.Links)
            .Where(l => l.Element is "a" or "area" && (Urls.Scheme(l.Url) is "http" or "https" || l.Url.StartsWith("//", StringComparison.Ordinal)))
            .Select(l => l.Url)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Result(facts.Length, external);
    }

    /// <summary>One page: parsed, checked by every rule, and reduced to what the checks across pages need.</summary>
    private static PageFacts CheckPage(SiteFile file, SiteExpectations expectations, Reporter reporter, LinkTargets targets)
    {
        // Without source references: a finding's line and column are found when it is reported (see Position).
        var (document, large) = Parse(file);
        // A large page's index gets lists of its own, not kept after it (as its text does).
        var page = new PageUnderTest(file.Path, document, file.Source, file.Lang, large ? null : t_index ??= new ElementIndex(), targets);
        foreach (var rule in Rules)
        {
            rule.CheckPage(page, expectations, reporter);
        }

        var facts = FactsOf(page, expectations);
        // The tree's text points into the parser's buffer, which its pool hands to the thread's next page. A
        // large page's buffer (the full report: a 128 MB array) is left to the collector instead: the pool
        // would keep it to the end of the process.
        if (!large)
        {
            PageTree.Release(document);
        }

        return facts;
    }

    // Each thread decodes its pages into a buffer of its own, used again for the next page: a page's tree is
    // dropped before its thread parses another, and nothing kept of a page (its facts, its findings) refers to
    // the text. A new string for every page made the site's 350 MB of pages (10,000-page benchmark) garbage.
    [ThreadStatic] private static char[]? t_chars;

    // The same for the index of a page's elements: nothing kept of a page refers to its lists.
    [ThreadStatic] private static ElementIndex? t_index;

    // A page larger than this (the full report, tens of megabytes) gets an array of its own, not kept after it.
    private const int KeptBufferLimit = 1 << 20;

    private static (PageDocument Document, bool Large) Parse(SiteFile file)
    {
        var large = file.Length > KeptBufferLimit;
        var chars = large ? [] : t_chars ?? [];
        var count = file.DecodeInto(ref chars);
        if (!large)
        {
            t_chars = chars;
        }

        return (PageTree.Parse(chars, count), large);
    }

    private static PageFacts FactsOf(PageUnderTest page, SiteExpectations expectations)
    {
        var links = new List<LinkFact>();
        var isNotFound = PageFacts.IsNotFoundPage(page.Path);
        foreach (var (element, url) in page.References)
        {
            // A 404 page is served at whatever address was not found, so it may address the site from the
            // host's root, under the site's own base path; every other page stays relative.
            var fromSiteRoot = isNotFound && expectations.NotFoundBase is { } basePath && url.StartsWith(basePath, StringComparison.Ordinal);
            var target = fromSiteRoot ? page.Targets.Resolve("", url[expectations.NotFoundBase!.Length..]) with { Url = url } : page.Resolve(url);
            links.Add(new LinkFact(page.PositionOf(element), element.LocalName, element.HasAttribute("href") ? "href" : "src", target, fromSiteRoot));
        }

        var baseUrl = AlternatesRule.BaseOf(page.Canonical, page.Path);
        var footer = page.Named("footer").FirstOrDefault();
        return new PageFacts(page.Path, page.Lang, page.Source)
        {
            Ids = page.Ids,
            GlossaryEntries = page.With("data-glossary-entry").Where(e => e.Id is not null).Select(e => e.Id!).ToHashSet(StringComparer.Ordinal),
            Title = page.Document.Title?.Trim() ?? "",
            Bilingual = page.Document.DocumentElement.HasAttribute("data-bilingual"),
            TitleAt = page.PositionOf(page.Named("title").FirstOrDefault()),
            Links = links,
            TermLinks = page.Named("a").Where(a => PageUnderTest.HasClass(a, "term"))
                .Select(a => new LinkFact(page.PositionOf(a), "a", "href", page.Resolve(a.GetAttribute("href") ?? ""), Text: a.TextContent)).ToList(),
            Switches = page.Switches.Select(s => new LinkFact(page.PositionOf(s), "a", "href", page.Resolve(s.GetAttribute("href") ?? ""))).ToList(),
            Alternates = page.AlternateLinks.Select(a => new AlternateFact(page.PositionOf(a), a.GetAttribute("hreflang")!, a.GetAttribute("href") ?? "",
                AlternatesRule.PathOf(a.GetAttribute("href") ?? "", baseUrl, page))).ToList(),
            Furniture = FurnitureRule.Of(page),
            FooterAt = page.PositionOf(footer ?? page.Document.Body),
        };
    }
}

/// <summary>A checked page's facts and what its own rules found, as a memo keeps them.</summary>
internal sealed record CheckedPage(PageFacts Facts, IReadOnlyList<Diagnostic> Found);
