using System.Text;
using System.Xml;
using Microsite.Content;
using Microsite.Core;
using Microsite.Figures;
using Microsite.Indexing;

namespace Microsite.Output;

/// <summary>sitemap.xml (with hreflang alternates for every pair) and robots.txt. Only these use absolute URLs.</summary>
internal static class SearchEngineFiles
{
    /// <param name="figures">The key figures; with them, the figures page of each language is in the sitemap.</param>
    /// <param name="lastChanged">When a file of input/ last changed (git), for lastmod; null: no lastmod.</param>
    public static IReadOnlyList<SiteFile> Create(SiteIndex index, FigureSet? figures, DiagnosticBag diagnostics, string configPath, Func<string, DateTimeOffset?>? lastChanged = null)
    {
        var dates = new PageDates(index, lastChanged);
        var baseUrl = index.Config.BaseUrl;
        if (baseUrl is null)
        {
            diagnostics.Warning(DiagnosticIds.SitemapWithoutBaseUrl, configPath, 0, 0,
                "no sitemap.xml: search engines need absolute addresses; set \"base_url\" to the address the site is published at");
            return [new SiteFile("robots.txt", "User-agent: *\nAllow: /\n", null, null)];
        }

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            writer.WriteAttributeString("xmlns", "xhtml", null, "http://www.w3.org/1999/xhtml");
            // One group per page: the page in each language that has it (fallback copies are not alternates).
            var groups = new List<IReadOnlyList<(string Lang, string Path, DateOnly? Changed)>>();
            foreach (var page in index.Pages.Where(p => p.Lang == index.Config.Default.Code).OrderBy(p => index.OutputPath(p), StringComparer.Ordinal))
            {
                groups.Add(index.Config.Languages
                    .Select(l => (l.HtmlLang, Page: index.Pair(page, l.Code)))
                    .Where(x => x.Page is { FallbackFrom: null })
                    .Select(x => (x.HtmlLang, index.OutputPath(x.Page!), dates.Of(x.Page!)))
                    .ToList());
            }

            groups.Add(index.Config.Languages.Select(l => (l.HtmlLang, index.OutputPath(l.Code, SiteIndex.GlossaryFile), dates.OfGlossary(l.Code))).ToList());
            foreach (var file in new[] { SiteIndex.ContentsFile, SiteIndex.FullReportFile })
            {
                groups.Add(index.Config.Languages.Select(l => (l.HtmlLang, index.OutputPath(l.Code, file), dates.OfReport(l.Code))).ToList());
            }

            if (figures is not null)
            {
                var changed = lastChanged?.Invoke(FigureLoader.FileName) is { } when ? DateOnly.FromDateTime(when.Date) : (DateOnly?)null;
                groups.Add(index.Config.Languages.Select(l => (l.HtmlLang, index.OutputPath(l.Code, SiteIndex.FiguresFile), changed)).ToList());
            }

            foreach (var group in groups)
            {
                // x-default: the default language's page, which every group starts with.
                var alternates = group.Count > 1 ? group.Select(g => (g.Lang, g.Path)).Append(("x-default", group[0].Path)).ToList() : [];
                foreach (var (_, path, changed) in group)
                {
                    writer.WriteStartElement("url");
                    writer.WriteElementString("loc", Urls.Absolute(baseUrl, path));
                    if (changed is { } date)
                    {
                        writer.WriteElementString("lastmod", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    foreach (var (lang, other) in alternates)
                    {
                        writer.WriteStartElement("xhtml", "link", "http://www.w3.org/1999/xhtml");
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", lang);
                        writer.WriteAttributeString("href", Urls.Absolute(baseUrl, other));
                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        var robots = $"User-agent: *\nAllow: /\nSitemap: {baseUrl}sitemap.xml\n";
        return [new SiteFile("sitemap.xml", builder.ToString() + "\n", null, null), new SiteFile("robots.txt", robots, null, null)];
    }

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
