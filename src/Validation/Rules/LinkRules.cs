using System.Text.RegularExpressions;
using Microsite.Core;

namespace Microsite.Validation.Rules;

/// <summary>Every URL an element of a page refers to, with the element it came from.</summary>
internal static partial class References
{
    private static readonly Dictionary<string, string[]> UrlAttributes = new(StringComparer.Ordinal)
    {
        ["a"] = ["href"], ["area"] = ["href"], ["link"] = ["href"], ["img"] = ["src", "srcset"], ["source"] = ["src", "srcset"],
        ["script"] = ["src"], ["iframe"] = ["src"], ["video"] = ["src", "poster"], ["audio"] = ["src"], ["embed"] = ["src"], ["object"] = ["data"],
    };

    public static IEnumerable<(PageElement Element, string Url)> Of(PageUnderTest page)
    {
        foreach (var element in page.InOrder(UrlAttributes.Keys.SelectMany(page.Named).Concat(page.With("style"))))
        {
            if (UrlAttributes.TryGetValue(element.LocalName, out var attributes))
            {
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

            if (element.GetAttribute("style") is { } style)
            {
                foreach (var url in InCss(style))
                {
                    yield return (element, url);
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

/// <summary>
/// MS0501-MS0506: internal links and resources resolve to files of the site, case and anchors included.
/// Checked from every page's recorded links once all pages are known, each by a dictionary look-up.
/// </summary>
internal sealed class InternalLinksRule : HtmlRule
{
    public override string Id => DiagnosticIds.PageLinkBroken;

    public override void CheckSite(SiteFacts site, PageFacts page, Reporter report)
    {
        foreach (var link in page.Links)
        {
            var url = link.Url;
            if (url.Length == 0)
            {
                report.Report(Empty, page, link.At, $"empty {link.Attribute} on <{link.Element}>");
            }
            else if (Urls.Scheme(url) == "javascript")
            {
                report.Report(Javascript, page, link.At, $"javascript: URL on <{link.Element}>; links must lead somewhere without script");
            }
            else if (!Urls.IsExternal(url))
            {
                CheckTarget(site, page, link, report);
            }
        }
    }

    private void CheckTarget(SiteFacts site, PageFacts page, LinkFact link, Reporter report)
    {
        var (url, path, fragment) = (link.Url, link.Path, link.Fragment);
        if (path is null)
        {
            if (fragment is { Length: > 0 } && !page.Ids.Contains(fragment))
            {
                report.Report(Fragment, page, link.At, $"\"#{fragment}\" is not an id on this page");
            }

            return;
        }

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            report.Report(SourceLink, page, link.At, $"link to a source file \"{url}\" survived; link to the page it becomes");
        }
        else if (url.StartsWith('/') && !link.FromSiteRoot)
        {
            // A 404 page may link from the host's root under base_url's path; checked without site.yml,
            // that path is unknown, and the finding says how to give it.
            var hint = PageFacts.IsNotFoundPage(page.Path) && site.Expectations.NotFoundBase is null
                ? " (a 404 page may, under base_url's path: check with --input naming the content folder, so that site.yml is read)"
                : "";
            report.Report(this, page, link.At, $"\"{url}\" starts at the host's root; the site may be published under a sub-path or opened from disk, so use a relative URL{hint}");
        }
        else if (path == "../" || path.EndsWith('/') || path.Length == 0)
        {
            report.Report(this, page, link.At, path == "../"
                ? $"\"{url}\" leads out of the site"
                : $"\"{url}\" names a folder; name the file (…/index.html) so the link also works from file://");
        }
        else if (!site.Files.Contains(path))
        {
            report.Report(site.CaseVariant(path) is null ? this : Case, page, link.At, site.CaseVariant(path) is { } variant
                ? $"\"{url}\" differs in letter case from the file \"{variant}\" (web hosts are case-sensitive)"
                : $"\"{url}\" points to \"{path}\", which is not in the site");
        }
        else if (fragment is { Length: > 0 } && site.Pages.TryGetValue(path, out var target) && !target.Ids.Contains(fragment))
        {
            report.Report(Fragment, page, link.At, $"\"{url}\": {path} has no id \"{fragment}\"");
        }
    }

    private static readonly HtmlRule Case = new Named(DiagnosticIds.PageLinkCase);
    private static readonly HtmlRule Fragment = new Named(DiagnosticIds.PageAnchorMissing);
    private static readonly HtmlRule SourceLink = new Named(DiagnosticIds.PageSourceLink);
    private static readonly HtmlRule Empty = new Named(DiagnosticIds.PageLinkEmpty);
    private static readonly HtmlRule Javascript = new Named(DiagnosticIds.PageJavascriptUrl);
}

/// <summary>MS0507: local stylesheets' url() and @import resolve to files of the site.</summary>
internal static class StylesheetLinks
{
    public static void Check(IReadOnlyDictionary<string, string> stylesheets, IReadOnlySet<string> files, Reporter report)
    {
        var rule = new Named(DiagnosticIds.StylesheetUrlBroken);
        foreach (var (path, css) in stylesheets)
        {
            var directory = path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "";
            foreach (var url in References.InCss(css).Where(u => !Urls.IsExternal(u) && !u.StartsWith('#')))
            {
                var (target, _) = Urls.Resolve(directory, url);
                if (target is null || !files.Contains(target))
                {
                    report.ReportFile(rule, path, $"url(\"{url}\") points to \"{target}\", which is not in the site");
                }
            }
        }
    }
}
