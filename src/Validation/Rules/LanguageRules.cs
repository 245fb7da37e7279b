using Microsite.Core;

namespace Microsite.Validation.Rules;

/// <summary>MS0530: &lt;html lang&gt; is the page's language.</summary>
internal sealed class HtmlLangRule : HtmlRule
{
    public override string Id => DiagnosticIds.HtmlLang;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var lang = page.Document.DocumentElement.GetAttribute("lang");
        if (string.IsNullOrWhiteSpace(lang))
        {
            report.Report(this, page, page.Document.DocumentElement, "<html> has no lang attribute (screen readers pick their voice by it)");
        }
        else if (page.Lang is not null && !string.Equals(lang, page.Lang, StringComparison.OrdinalIgnoreCase))
        {
            report.Report(this, page, page.Document.DocumentElement, $"<html lang=\"{lang}\"> but this page is in \"{page.Lang}\"");
        }
    }
}

/// <summary>
/// MS0531: the language switch and the hreflang alternates exist, point at pages of the site, and are
/// reciprocal (the page they lead to leads back).
/// </summary>
internal sealed class AlternatesRule : HtmlRule
{
    public override string Id => DiagnosticIds.Alternates;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var link in page.Switches)
        {
            if (string.IsNullOrEmpty(link.GetAttribute("hreflang")) || string.IsNullOrEmpty(link.GetAttribute("lang")))
            {
                report.Report(this, page, link, "the language switch needs hreflang and lang (its label is in the other language)");
            }
        }

        var alternates = page.AlternateLinks;
        if (alternates.Count == 0)
        {
            return;
        }

        var baseUrl = BaseOf(page.Canonical, page.Path);
        var mine = alternates.Select(a => (Lang: a.GetAttribute("hreflang")!, Path: PathOf(a.GetAttribute("href") ?? "", baseUrl, page))).ToList();
        if (!mine.Any(a => a.Path == page.Path))
        {
            report.Report(this, page, alternates[0], "the hreflang alternates must include the page itself");
        }

        if (!mine.Any(a => a.Lang == "x-default"))
        {
            report.Report(this, page, alternates[0], "the hreflang alternates need an x-default");
        }
    }

    public override void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
        if (site.Pages.Count < 2)
        {
            return;
        }

        if (page.Switches.Count == 0 && site.Expectations.Languages > 1 && !page.Bilingual)
        {
            report.Report(this, page, default, "no language switch (an <a data-lang-switch hreflang> to the page in the other language)");
        }

        foreach (var link in page.Switches)
        {
            // A missing target is the links rule's finding.
            if (link.Path is not null && site.Pages.TryGetValue(link.Path, out var other) && !other.Switches.Any(s => s.Path == page.Path))
            {
                report.Report(this, page, link.At, $"the language switch leads to {link.Path}, whose switch does not lead back here");
            }
        }

        foreach (var alternate in page.Alternates)
        {
            if (alternate.Path is null || !site.Pages.TryGetValue(alternate.Path, out var other))
            {
                report.Report(this, page, alternate.At, $"hreflang \"{alternate.Hreflang}\" alternate \"{alternate.Href}\" is not a page of this site");
            }
            else if (alternate.Path != page.Path && !other.Alternates.Any(a => a.Path == page.Path))
            {
                report.Report(this, page, alternate.At, $"hreflang \"{alternate.Hreflang}\" leads to {alternate.Path}, whose alternates do not lead back here (hreflang must be reciprocal)");
            }
        }
    }

    /// <summary>The site's address, read off the canonical link: "https://host/sub/x.html" for "x.html" gives "https://host/sub/".</summary>
    public static string? BaseOf(string? canonical, string path)
    {
        if (canonical is null || !Urls.IsExternal(canonical))
        {
            return null;
        }

        var tail = Urls.Public(path);
        return canonical.EndsWith(tail, StringComparison.Ordinal) ? canonical[..^tail.Length] : null;
    }

    /// <summary>The site page an alternate names: relative, or absolute under the site's address.</summary>
    public static string? PathOf(string href, string? baseUrl, PageUnderTest page)
    {
        if (Urls.IsExternal(href))
        {
            if (baseUrl is null || !href.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = href[baseUrl.Length..];
            return rest.Length == 0 || rest.EndsWith('/') ? rest + "index.html" : rest;
        }

        return page.Resolve(href).Path;
    }
}
