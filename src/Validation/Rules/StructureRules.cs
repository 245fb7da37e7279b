using Microsite.Core;
using AngleSharp.Dom;

namespace Microsite.Validation.Rules;

/// <summary>MS0520-MS0522: one h1, heading levels that never skip, no empty heading.</summary>
internal sealed class HeadingsRule : HtmlRule
{
    public override string Id => DiagnosticIds.HeadingOne;

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        var headings = page.Document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").ToList();
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

    private static readonly HtmlRule Skip = new Named(DiagnosticIds.HeadingSkipped);
    private static readonly HtmlRule Empty = new Named(DiagnosticIds.HeadingEmpty);
}

/// <summary>MS0523: a main landmark, and a skip link to it as the first thing keyboard users reach.</summary>
internal sealed class LandmarksRule : HtmlRule
{
    public override string Id => DiagnosticIds.Landmarks;

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        var mains = page.Document.QuerySelectorAll("main, [role=main]");
        if (mains.Length != 1)
        {
            report.Report(this, page, page.Document.Body, $"{mains.Length} main landmarks; a page has exactly one <main>");
            return;
        }

        var main = mains[0];
        var first = page.Elements.FirstOrDefault(e => (e.LocalName == "a" && e.HasAttribute("href")) || e.LocalName is "button" or "input" or "select" or "textarea" || e.HasAttribute("tabindex"));
        if (first is not IElement link || link.LocalName != "a" || link.GetAttribute("href") != "#" + main.Id || string.IsNullOrEmpty(main.Id))
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

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        var title = page.Title;
        if (string.IsNullOrEmpty(title))
        {
            report.Report(this, page, page.Document.Head, "no <title>, or an empty one");
        }
        else
        {
            var twins = site.Pages.Values.Where(p => p.Path != page.Path && p.Title == title).Select(p => p.Path).Order(StringComparer.Ordinal).ToList();
            if (twins.Count > 0)
            {
                report.Report(this, page, page.Document.QuerySelector("title"), $"<title> \"{title}\" is also the title of {string.Join(", ", twins)}; each page needs its own");
            }
        }

        var meta = page.Document.QuerySelector("meta[name=description]");
        if (string.IsNullOrWhiteSpace(meta?.GetAttribute("content")))
        {
            report.Report(Description, page, meta ?? page.Document.Head, "no meta description, or an empty one (search results and shared links show it)");
        }
    }

    private static readonly HtmlRule Description = new Named(DiagnosticIds.DescriptionMissing);
}
