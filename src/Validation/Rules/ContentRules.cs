using Microsite.Core;
using System.Text.RegularExpressions;

namespace Microsite.Validation.Rules;

/// <summary>MS0540-MS0541: images have alt text; data tables have a caption or label and scoped header cells.</summary>
internal sealed class MediaAndTablesRule : HtmlRule
{
    public override string Id => DiagnosticIds.ImageAlt;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var img in page.Named("img").Where(e => !e.HasAttribute("alt")))
        {
            report.Report(this, page, img, $"<img src=\"{img.GetAttribute("src")}\"> has no alt (describe it, or alt=\"\" if it is decoration)");
        }

        foreach (var table in page.Named("table").Where(e => e.GetAttribute("role") is not ("presentation" or "none")))
        {
            var labelled = table.Descendants().FirstOrDefault(e => e.LocalName == "caption") is { TextContent.Length: > 0 }
                || !string.IsNullOrWhiteSpace(table.GetAttribute("aria-label"))
                || !string.IsNullOrWhiteSpace(table.GetAttribute("aria-labelledby"));
            if (!labelled)
            {
                report.Report(Table, page, table, "data table without a caption or aria-label");
            }

            foreach (var th in table.Descendants().Where(e => e.LocalName == "th" && !e.HasAttribute("scope")))
            {
                report.Report(Table, page, th, $"<th>{Short(th.TextContent)}</th> has no scope (col or row)");
            }
        }
    }

    private static string Short(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static readonly HtmlRule Table = new Named(DiagnosticIds.TableLabel);
}

/// <summary>
/// MS0550: nothing is loaded from another host; the site must work on an intranet and from a USB stick.
/// External hyperlinks (a, area) are allowed: they are listed, never fetched.
/// </summary>
internal sealed partial class SelfContainedRule : HtmlRule
{
    public override string Id => DiagnosticIds.ExternalResource;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var (element, url) in page.References)
        {
            var hyperlink = element.LocalName is "a" or "area"
                || (element.LocalName == "link" && (element.GetAttribute("rel") ?? "").Split(' ').Any(r => r is "canonical" or "alternate"));
            if (!hyperlink && Urls.IsExternal(url) && Urls.Scheme(url) is not "data")
            {
                report.Report(this, page, element, $"<{element.LocalName}> loads \"{url}\" from another host; ship the file with the site");
            }
        }

        foreach (var element in page.Styled)
        {
            var css = element.LocalName == "style" ? element.TextContent : element.GetAttribute("style")!;
            foreach (var url in References.InCss(css).Where(Urls.IsExternal))
            {
                report.Report(this, page, element, $"CSS loads \"{url}\" from another host");
            }
        }
    }

    public static void CheckStylesheets(IReadOnlyDictionary<string, string> stylesheets, Reporter report)
    {
        var rule = new SelfContainedRule();
        foreach (var (path, css) in stylesheets)
        {
            foreach (var url in References.InCss(css).Where(Urls.IsExternal))
            {
                report.ReportFile(rule, path, $"CSS loads \"{url}\" from another host; ship the file with the site");
            }
        }
    }
}

/// <summary>MS0560: every glossary term link lands on an entry of a glossary page.</summary>
internal sealed class GlossaryLinksRule : HtmlRule
{
    public override string Id => DiagnosticIds.TermLinkTarget;

    public override void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
        foreach (var link in page.TermLinks)
        {
            var target = link.Path is null ? page : site.Pages.GetValueOrDefault(link.Path);
            if (link.Fragment is null || target is null || !target.GlossaryEntries.Contains(link.Fragment))
            {
                report.Report(this, page, link.At, $"term \"{link.Text}\" links to \"{link.Url}\", which is not a glossary entry");
            }
        }
    }
}

/// <summary>
/// MS0570: the government furniture (网站标识码, ICP备案号 linked to its register, 公安备案号) is on every
/// page, as site.yml sets it, and the same on every page.
/// </summary>
internal sealed partial class FurnitureRule : HtmlRule
{
    public const string IcpRegister = "https://beian.miit.gov.cn/";

    public override string Id => DiagnosticIds.Furniture;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var footer = page.Named("footer").FirstOrDefault();
        var text = Normalise(footer?.TextContent ?? "");
        var expected = expectations.Footer(page.Lang);
        foreach (var (value, what) in new[] { (expected.SiteCode, "网站标识码"), (expected.Icp, "ICP备案号"), (expected.PublicSecurity, "公安备案号") })
        {
            if (value is not null && !text.Contains(Normalise(value), StringComparison.Ordinal))
            {
                report.Report(this, page, footer ?? page.Document.Body, $"the footer does not show the {what} \"{value}\"");
            }
        }

        if (expected.Icp is not null && footer?.Descendants().Where(e => e.LocalName == "a" && e.HasAttribute("href")).Any(a => a.GetAttribute("href") == IcpRegister && Normalise(a.TextContent).Contains(Normalise(expected.Icp), StringComparison.Ordinal)) != true)
        {
            report.Report(this, page, footer ?? page.Document.Body, $"the ICP备案号 must link to its register, {IcpRegister}");
        }
    }

    /// <summary>Identical on every page of a language: compared with its first page (in path order).</summary>
    public override void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
        var first = site.FirstPage(page.Lang);
        if (first == page.Path)
        {
            return;
        }

        var reference = site.Pages[first].Furniture.Select(f => f.Text).ToList();
        var mine = page.Furniture.Select(f => f.Text).ToList();
        if (!reference.SequenceEqual(mine))
        {
            var differing = page.Furniture.Where((f, i) => i >= reference.Count || f.Text != reference[i]).Select(f => f.At).FirstOrDefault();
            report.Report(this, page, differing == default ? page.FooterAt : differing,
                $"the footer's registration numbers differ from {first}'s: \"{string.Join(" | ", mine)}\" here, \"{string.Join(" | ", reference)}\" there");
        }
    }

    /// <summary>The footer's registration numbers as the cross-page check compares them.</summary>
    public static IReadOnlyList<(string Text, Position At)> Of(PageUnderTest page) =>
        page.Named("footer").FirstOrDefault()?.Descendants().Where(e => e.HasAttribute("data-furniture"))
            .Select(e => (Normalise(e.TextContent), page.PositionOf(e))).ToList() ?? [];

    private static string Normalise(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>
/// MS0580: no inline script, inline style or event handler attribute, so every page runs under the
/// Content-Security-Policy it declares (default-src 'self').
/// </summary>
internal sealed class StrictCspRule : HtmlRule
{
    public override string Id => DiagnosticIds.ContentSecurityPolicy;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var element in page.Named("script").Where(e => !e.HasAttribute("src") && e.GetAttribute("type") is null or "" or "module" or "text/javascript"))
        {
            report.Report(this, page, element, "inline <script>; move it to a file under assets/");
        }

        foreach (var element in page.Styled)
        {
            report.Report(this, page, element, element.LocalName == "style" ? "inline <style>; move it to a stylesheet" : "style attribute; use a class");
        }

        foreach (var element in page.WithEventHandlers)
        {
            report.Report(this, page, element, $"event handler attribute on <{element.LocalName}>; attach it from a script file");
        }

        if (!page.Named("meta").Any(e => string.Equals(e.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase)))
        {
            report.Report(this, page, page.Document.Head, "no Content-Security-Policy meta element");
        }
    }
}
