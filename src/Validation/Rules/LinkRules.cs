using Microsite.Core;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Microsite.Validation.Rules;

/// <summary>Every URL an element of a page refers to, with the element it came from.</summary>
internal static partial class References
{
    private static readonly Dictionary<string, string[]> UrlAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href"], ["area"] = ["href"], ["link"] = ["href"], ["img"] = ["src", "srcset"], ["source"] = ["src", "srcset"],
        ["script"] = ["src"], ["iframe"] = ["src"], ["video"] = ["src", "poster"], ["audio"] = ["src"], ["embed"] = ["src"], ["object"] = ["data"],
    };

    public static IEnumerable<(IElement Element, string Url)> Of(PageUnderTest page)
    {
        foreach (var element in page.Elements)
        {
            if (!UrlAttributes.TryGetValue(element.LocalName, out var attributes))
            {
                continue;
            }

            foreach (var attribute in attributes)
            {
                if (element.GetAttribute(attribute) is not { } value)
                {
                    continue;
                }

                if (attribute != "srcset")
                {
                    yield return (element, value.Trim());
                    continue;
                }

                foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return (element, candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
                }
            }
        }
    }

    /// <summary>url(...) and @import targets in CSS text.</summary>
    public static IEnumerable<string> InCss(string css) =>
        CssUrl().Matches(css).Select(m => (m.Groups[1].Success ? m.Groups[1] : m.Groups[2]).Value.Trim().Trim('"', '\''))
            .Where(u => u.Length > 0 && !u.StartsWith("data:", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"url\(\s*([^)]*?)\s*\)|@import\s+[""']([^""']+)[""']", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}

/// <summary>MS0501-MS0506: internal links and resources resolve to files of the site, case and anchors included.</summary>
internal sealed class InternalLinksRule : HtmlRule
{
    public override string Id => DiagnosticIds.PageLinkBroken;

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        foreach (var (element, url) in page.References)
        {
            if (url.Length == 0)
            {
                report.Report(Empty, page, element, $"empty {Attr(element)} on <{element.LocalName}>");
                continue;
            }

            if (Urls.Scheme(url) == "javascript")
            {
                report.Report(Javascript, page, element, $"javascript: URL on <{element.LocalName}>; links must lead somewhere without script");
                continue;
            }

            if (Urls.IsExternal(url))
            {
                continue;
            }

            CheckTarget(page, site, report, element, url);
        }

        foreach (var element in page.Elements.Where(e => e.HasAttribute("style")))
        {
            foreach (var url in References.InCss(element.GetAttribute("style")!).Where(u => !Urls.IsExternal(u)))
            {
                CheckTarget(page, site, report, element, url);
            }
        }
    }

    private void CheckTarget(PageUnderTest page, SiteUnderTest site, Reporter report, IElement element, string url)
    {
        // A 404 page is served at whatever address was not found, so it may address the site from the
        // host's root, under the site's own base path; every other page stays relative.
        var fromSiteRoot = site.Expectations.NotFoundBase is { } basePath && Path.GetFileName(page.Path) == "404.html" && url.StartsWith(basePath, StringComparison.Ordinal);
        var (path, fragment) = fromSiteRoot ? Urls.Resolve("", url[site.Expectations.NotFoundBase!.Length..]) : Urls.Resolve(page.Directory, url);
        if (path is null)
        {
            if (fragment is { Length: > 0 } && !page.Ids.Contains(fragment))
            {
                report.Report(Fragment, page, element, $"\"#{fragment}\" is not an id on this page");
            }

            return;
        }

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            report.Report(SourceLink, page, element, $"link to a source file \"{url}\" survived; link to the page it becomes");
            return;
        }

        if (url.StartsWith('/') && !fromSiteRoot)
        {
            report.Report(this, page, element, $"\"{url}\" starts at the host's root; the site may be published under a sub-path or opened from disk, so use a relative URL");
            return;
        }

        if (path == "../" || path.EndsWith('/') || path.Length == 0)
        {
            report.Report(this, page, element, path == "../"
                ? $"\"{url}\" leads out of the site"
                : $"\"{url}\" names a folder; name the file (…/index.html) so the link also works from file://");
            return;
        }

        if (!site.Files.Contains(path))
        {
            if (site.CaseVariant(path) is { } variant)
            {
                report.Report(Case, page, element, $"\"{url}\" differs in letter case from the file \"{variant}\" (web hosts are case-sensitive)");
            }
            else
            {
                report.Report(this, page, element, $"\"{url}\" points to \"{path}\", which is not in the site");
            }

            return;
        }

        if (fragment is { Length: > 0 } && site.Pages.TryGetValue(path, out var target) && !target.Ids.Contains(fragment))
        {
            report.Report(Fragment, page, element, $"\"{url}\": {path} has no id \"{fragment}\"");
        }
    }

    private static string Attr(IElement element) => element.HasAttribute("href") ? "href" : "src";

    private static readonly HtmlRule Case = new Named(DiagnosticIds.PageLinkCase);
    private static readonly HtmlRule Fragment = new Named(DiagnosticIds.PageAnchorMissing);
    private static readonly HtmlRule SourceLink = new Named(DiagnosticIds.PageSourceLink);
    private static readonly HtmlRule Empty = new Named(DiagnosticIds.PageLinkEmpty);
    private static readonly HtmlRule Javascript = new Named(DiagnosticIds.PageJavascriptUrl);
}

/// <summary>MS0507: local stylesheets' url() and @import resolve to files of the site.</summary>
internal static class StylesheetLinks
{
    public static void Check(SiteUnderTest site, Reporter report)
    {
        var rule = new Named(DiagnosticIds.StylesheetUrlBroken);
        foreach (var (path, css) in site.Stylesheets)
        {
            var directory = path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";
            foreach (var url in References.InCss(css).Where(u => !Urls.IsExternal(u) && !u.StartsWith('#')))
            {
                var (target, _) = Urls.Resolve(directory, url);
                if (target is null || !site.Files.Contains(target))
                {
                    report.ReportFile(rule, path, $"url(\"{url}\") points to \"{target}\", which is not in the site");
                }
            }
        }
    }
}

/// <summary>A rule id used for one finding of a bigger rule class (links have several ids, one check).</summary>
internal sealed class Named(string id, Severity level = Severity.Error) : HtmlRule
{
    public override string Id => id;

    public override Severity Level => level;

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
    }
}
