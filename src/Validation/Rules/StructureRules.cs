using Microsite.Core;

namespace Microsite.Validation.Rules;

/// <summary>MS0520-MS0522: one h1, heading levels that never skip, no empty heading.</summary>
internal sealed class HeadingsRule : HtmlRule
{
    public override string Id => DiagnosticIds.HeadingOne;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var headings = page.InOrder(Headings.SelectMany(page.Named));
        var h1 = headings.Count(h => h.LocalName == "h1");
        if (h1 != 1)
        {
            report.Report(this, page, headings.Skip(1).FirstOrDefault(h => h.LocalName == "h1") ?? page.Document.Body,
                $"{h1} <h1> elements; a page has exactly one, its title");
        }

        var previous = 0;
        foreach (var heading in headings)
        {
            var level = heading.LocalName[1] - '0';
            if (previous > 0 && level > previous + 1)
            {
                report.Report(Skip, page, heading, $"<h{level}> follows <h{previous}>: heading levels must not skip (screen reader users navigate by them)");
            }

            if (string.IsNullOrWhiteSpace(heading.TextContent))
            {
                report.Report(Empty, page, heading, $"empty <h{level}>");
            }

            previous = level;
        }
    }

    private static readonly string[] Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private static readonly HtmlRule Skip = new Named(DiagnosticIds.HeadingSkipped);
    private static readonly HtmlRule Empty = new Named(DiagnosticIds.HeadingEmpty);
}

/// <summary>MS0523: a main landmark, and a skip link to it as the first thing keyboard users reach.</summary>
internal sealed class LandmarksRule : HtmlRule
{
    private static readonly string[] Focusable = ["button", "input", "select", "textarea"];

    public override string Id => DiagnosticIds.Landmarks;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var mains = page.InOrder(page.Named("main").Concat(page.With("role").Where(e => e.GetAttribute("role") == "main")));
        if (mains.Count != 1)
        {
            report.Report(this, page, page.Document.Body, $"{mains.Count} main landmarks; a page has exactly one <main>");
            return;
        }

        var main = mains[0];
        var first = page.InOrder(page.Named("a").Where(e => e.HasAttribute("href")).Take(1)
            .Concat(Focusable.SelectMany(name => page.Named(name).Take(1))).Concat(page.With("tabindex").Take(1))).FirstOrDefault();
        if (first is not { LocalName: "a" } link || link.GetAttribute("href") != "#" + main.Id || string.IsNullOrEmpty(main.Id))
        {
            report.Report(this, page, first ?? page.Document.Body,
                "the first focusable element must be a skip link to <main> (<a href=\"#main\"> with <main id=\"main\">)");
        }
    }
}

/// <summary>MS0524-MS0525: a title, unique across the site, and a meta description.</summary>
internal sealed class TitleRule : HtmlRule
{
    public override string Id => DiagnosticIds.TitleMissingOrRepeated;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        if (string.IsNullOrEmpty(page.Document.Title?.Trim()))
        {
            report.Report(this, page, page.Document.Head, "no <title>, or an empty one");
        }

        var meta = page.Named("meta").FirstOrDefault(e => e.GetAttribute("name") == "description");
        if (string.IsNullOrWhiteSpace(meta?.GetAttribute("content")))
        {
            report.Report(Description, page, meta ?? page.Document.Head, "no meta description, or an empty one (search results and shared links show it)");
        }
    }

    public override void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
        var twins = site.WithTitle(page.Title).Where(p => p != page.Path).ToList();
        if (page.Title.Length > 0 && twins.Count > 0)
        {
            report.Report(this, page, page.TitleAt, $"<title> \"{page.Title}\" is also the title of {string.Join(", ", twins)}; each page needs its own");
        }
    }

    private static readonly HtmlRule Description = new Named(DiagnosticIds.DescriptionMissing);
}
