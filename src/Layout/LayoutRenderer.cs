using Microsite.Core;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Microsite.Config;
using Microsite.Content;
using Microsite.Indexing;
using Microsite.Markdown.Glossary;
using Microsite.Markdown.Links;
using Microsite.Rendering;
using Microsite.Search;

namespace Microsite.Layout;

/// <summary>A file of the finished site, before it is written. Source names the input it came from.</summary>
/// <param name="Binary">The bytes of a file that is not text (an image or font of the theme); Content is empty then.</param>
internal sealed record OutputFile(string Path, string Content, string? Lang, string? Source, byte[]? Binary = null);

/// <summary>
/// Stage 5: puts every rendered page into its Liquid layout and writes the pages the generator makes
/// itself (contents, glossary, full report, 404) for each language.
/// </summary>
internal static partial class LayoutRenderer
{
    // Fluid encodes nothing unless asked. This encoder escapes what HTML needs escaped but leaves Han
    // characters as they are (HtmlEncoder.Default would turn every one into an &#x...; entity).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly TemplateOptions Options = CreateOptions();

    public const string AssetsFolder = "assets/";

    public static IReadOnlyList<OutputFile> Render(SiteIndex index, Theme theme, RenderedSite rendered)
    {
        var files = new List<OutputFile>();
        var work = new List<Func<OutputFile>>();
        foreach (var page in rendered.Pages)
        {
            work.Add(() => ContentPage(index, theme, rendered, page));
        }

        foreach (var lang in index.Config.Languages)
        {
            work.Add(() => GlossaryPage(index, theme, rendered, lang));
            work.Add(() => ContentsPage(index, theme, rendered, lang));
            work.Add(() => FullReportPage(index, theme, rendered, lang));
            work.Add(() => NotFoundPage(index, theme, lang));
            work.Add(() => SearchPage(index, theme, lang));
        }

        var results = new OutputFile[work.Count];
        Parallel.For(0, work.Count, i => results[i] = work[i]());
        files.AddRange(results);
        files.AddRange(theme.Assets.Select(a => IsText(a.Key)
            ? new OutputFile(AssetsFolder + a.Key, System.Text.Encoding.UTF8.GetString(a.Value), null, null)
            : new OutputFile(AssetsFolder + a.Key, "", null, null, a.Value)));
        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    private static OutputFile ContentPage(SiteIndex index, Theme theme, RenderedSite rendered, RenderedPage page)
    {
        var source = page.Page;
        var lang = index.Language(source.Lang);
        var path = page.OutputPath;
        var chapters = index.Chapters(source.Lang);
        var position = chapters.ToList().FindIndex(c => c.Key == source.Key);
        LinkView? Chapter(int i) => i >= 0 && i < chapters.Count ? new LinkView(Rel(path, index.OutputPath(chapters[i])), chapters[i].Meta.Title) : null;
        var parent = source.Meta.Parent is { } p ? chapters.FirstOrDefault(c => c.Meta.Slug == p) : null;

        var body = new BodyView
        {
            Html = page.BodyHtml,
            ContentLang = source.FallbackFrom is { } from ? index.Language(from).HtmlLang : null,
            Toc = page.Toc.Select(t => new TocView(t.Id, t.Title)).ToList(),
            Previous = position >= 0 ? Chapter(position - 1) : null,
            Next = position >= 0 ? Chapter(position + 1) : null,
            Parent = parent is null ? null : new LinkView(Rel(path, index.OutputPath(parent)), parent.Meta.Title),
            Report = source.Kind == PageKind.Home ? new ReportView(lang.Report.Title, lang.Report.Date, lang.Report.Occasion, lang.Report.Speaker) : null,
            Chapters = source.Kind == PageKind.Home ? ContentsTree(index, rendered, source.Lang, path, withSections: false) : [],
        };

        var crumbs = new List<LinkView>();
        if (source.Kind != PageKind.Home)
        {
            crumbs.Add(new LinkView(Rel(path, index.OutputPath(source.Lang, "index.html")), theme.Text(source.Lang, "home")));
            if (body.Parent is not null)
            {
                crumbs.Add(body.Parent);
            }
        }

        var layout = source.Kind switch
        {
            PageKind.Home => "home",
            PageKind.Chapter => "chapter",
            _ => "page",
        };
        var view = BaseView(index, theme, source.Lang, path, layout, source.Kind == PageKind.Home ? lang.Report.Title : source.Meta.Title,
            source.Meta.Description ?? "", crumbs, pairOf: code => index.Pair(source, code) is { } pair ? index.OutputPath(pair) : null,
            // Search engines are pointed only at real translations: a fallback copy is noindex.
            indexable: code => source.FallbackFrom is null && index.Pair(source, code) is { FallbackFrom: null }) with
        {
            Noindex = source.FallbackFrom is not null,
            Notice = source.FallbackFrom is null ? null : theme.Text(source.Lang, "fallback_notice"),
            Popovers = Popovers(index, rendered, source.Lang, path, page.TermUses),
        };
        return new OutputFile(path, Apply(theme, layout, view, body), source.Lang, source.FallbackFrom is null ? source.DisplayPath : null);
    }

    private static OutputFile GlossaryPage(SiteIndex index, Theme theme, RenderedSite rendered, LanguageConfig lang)
    {
        var path = index.OutputPath(lang.Code, SiteIndex.GlossaryFile);
        var uses = rendered.Pages.Where(r => r.Page.Lang == lang.Code && r.Page.FallbackFrom is null)
            .SelectMany(r => r.TermUses.Select(u => (Page: r, Use: u)))
            .ToLookup(x => x.Use.EntryId);
        var entries = index.Glossary.GetValueOrDefault(lang.Code, []).Select(e => new EntryView(
            e.Id, e.Meta.Number, e.Meta.Term, rendered.Definition(e),
            uses[e.Id]
                .OrderBy(x => x.Page.Page.Kind == PageKind.Home ? 0 : x.Page.Page.Meta.Order)
                .Select(x => new LinkView(
                    Rel(path, x.Page.OutputPath) + (x.Use.SectionId is { } s ? "#" + s : ""),
                    x.Use.SectionId is null || x.Use.SectionTitle == (x.Page.Page.Meta.ShortTitle ?? x.Page.Page.Meta.Title)
                        ? x.Page.Page.Meta.ShortTitle ?? x.Page.Page.Meta.Title
                        : $"{x.Page.Page.Meta.ShortTitle ?? x.Page.Page.Meta.Title} · {x.Use.SectionTitle}"))
                .Distinct()
                .ToList(),
            e.Meta.Unused)).ToList();

        var title = theme.Text(lang.Code, "glossary");
        var view = BaseView(index, theme, lang.Code, path, "glossary", title, theme.Text(lang.Code, "glossary_description"),
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), theme.Text(lang.Code, "home"))],
            pairOf: code => index.OutputPath(code, SiteIndex.GlossaryFile));
        return new OutputFile(path, Apply(theme, "glossary", view, new BodyView { Entries = entries }), lang.Code, null);
    }

    private static OutputFile ContentsPage(SiteIndex index, Theme theme, RenderedSite rendered, LanguageConfig lang)
    {
        var path = index.OutputPath(lang.Code, SiteIndex.ContentsFile);
        var view = BaseView(index, theme, lang.Code, path, "contents", theme.Text(lang.Code, "contents"), theme.Text(lang.Code, "contents_description"),
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), theme.Text(lang.Code, "home"))],
            pairOf: code => index.OutputPath(code, SiteIndex.ContentsFile));
        return new OutputFile(path, Apply(theme, "contents", view, new BodyView { Chapters = ContentsTree(index, rendered, lang.Code, path, withSections: true) }), lang.Code, null);
    }

    private static OutputFile NotFoundPage(SiteIndex index, Theme theme, LanguageConfig lang)
    {
        var path = index.OutputPath(lang.Code, SiteIndex.NotFoundFile);
        var view = BaseView(index, theme, lang.Code, path, "404", theme.Text(lang.Code, "not_found"), theme.Text(lang.Code, "not_found_description"),
            [new LinkView(Link(index, path, "404", index.OutputPath(lang.Code, "index.html")), theme.Text(lang.Code, "home"))],
            pairOf: code => index.OutputPath(code, SiteIndex.NotFoundFile)) with { Noindex = true };
        return new OutputFile(path, Apply(theme, "404", view, new BodyView()), lang.Code, null);
    }

    /// <summary>
    /// The search page (issue 13): the results are made in the browser by assets/search.js from the
    /// language's index (written by <see cref="SearchFiles"/>). Left out of search engines: it has no text of its own.
    /// </summary>
    private static OutputFile SearchPage(SiteIndex index, Theme theme, LanguageConfig lang)
    {
        var path = index.OutputPath(lang.Code, SearchFiles.PageFile);
        var view = BaseView(index, theme, lang.Code, path, "search", theme.Text(lang.Code, "search"), theme.Text(lang.Code, "search_description"),
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), theme.Text(lang.Code, "home"))],
            pairOf: code => index.OutputPath(code, SearchFiles.PageFile), indexable: _ => false) with { Noindex = true };
        var search = new SearchView(Rel(path, SearchIndexBuilder.FilePath(lang.Code)), Rel(path, AssetsFolder + "search.js"),
            Cjk: lang.HtmlLang.Split('-')[0] is "zh" or "ja" or "ko");
        return new OutputFile(path, Apply(theme, "search", view, new BodyView { Search = search }), lang.Code, null);
    }

    /// <summary>
    /// Every chapter in order and the glossary, on one page for printing or saving as PDF. Ids are
    /// prefixed with the chapter's slug (chapters share section ids like "innovation"), and links
    /// between chapters become links within the page.
    /// </summary>
    private static OutputFile FullReportPage(SiteIndex index, Theme theme, RenderedSite rendered, LanguageConfig lang)
    {
        var path = index.OutputPath(lang.Code, SiteIndex.FullReportFile);
        var chapters = index.Chapters(lang.Code).Select(rendered.Of).ToList();
        var home = rendered.Pages.FirstOrDefault(r => r.Page.Lang == lang.Code && r.Page.Kind == PageKind.Home);
        var slugs = chapters.ToDictionary(c => Path.GetFileName(c.OutputPath), c => c.Page.Meta.Slug, StringComparer.Ordinal);
        var parts = new List<string>();
        if (home is not null)
        {
            parts.Add($"<section class=\"full-chapter\" aria-labelledby=\"{TitleId("index")}\"><h2 id=\"{TitleId("index")}\">{Encode(lang.Report.Title)}</h2>{Prefix(StripTerms(home.BodyHtml), "index", slugs)}</section>");
        }

        foreach (var chapter in chapters)
        {
            var slug = chapter.Page.Meta.Slug;
            var lead = chapter.Page.FallbackFrom is { } from ? $" lang=\"{index.Language(from).HtmlLang}\"" : "";
            // On paper, each part of the report (一、二、…) starts a page; its sub-chapters run on.
            var part = chapter.Page.Meta.Parent is null ? " part-start" : "";
            parts.Add($"<section class=\"full-chapter{part}\" aria-labelledby=\"{TitleId(slug)}\"{lead}><h2 id=\"{TitleId(slug)}\">{Encode(chapter.Page.Meta.Title)}</h2>{Prefix(StripTerms(chapter.BodyHtml), slug, slugs)}</section>");
        }

        var glossaryTitle = theme.Text(lang.Code, "glossary");
        var entries = index.Glossary.GetValueOrDefault(lang.Code, []);
        parts.Add($"<section class=\"full-chapter part-start\" aria-labelledby=\"{TitleId("glossary")}\"><h2 id=\"{TitleId("glossary")}\">{Encode(glossaryTitle)}</h2><dl class=\"glossary-list\">"
            + string.Concat(entries.Select(e => $"<dt id=\"glossary--{e.Id}\"><span class=\"entry-number\">{e.Meta.Number}.</span> {Encode(e.Meta.Term)}</dt><dd>{rendered.Definition(e)}</dd>"))
            + "</dl></section>");

        var view = BaseView(index, theme, lang.Code, path, "full", theme.Text(lang.Code, "full_report"), theme.Text(lang.Code, "full_report_description"),
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), theme.Text(lang.Code, "home"))],
            pairOf: code => index.OutputPath(code, SiteIndex.FullReportFile));
        var body = new BodyView
        {
            Html = string.Join("\n", parts),
            Report = new ReportView(lang.Report.Title, lang.Report.Date, lang.Report.Occasion, lang.Report.Speaker),
            Toc = chapters.Select(c => new TocView(TitleId(c.Page.Meta.Slug), c.Page.Meta.Title)).Append(new TocView(TitleId("glossary"), glossaryTitle)).ToList(),
        };
        return new OutputFile(path, Apply(theme, "full", view, body), lang.Code, null);
    }

    private static IReadOnlyList<ChapterView> ContentsTree(SiteIndex index, RenderedSite rendered, string lang, string from, bool withSections)
    {
        var chapters = index.Chapters(lang);
        ChapterView View(SourcePage c)
        {
            var href = Rel(from, index.OutputPath(c));
            var toc = withSections ? rendered.Of(c).Toc.Select(t => new LinkView($"{href}#{t.Id}", t.Title)).ToList() : [];
            var children = chapters.Where(k => k.Meta.Parent == c.Meta.Slug).Select(View).ToList();
            return new ChapterView(href, c.Meta.Title, c.Meta.ShortTitle ?? c.Meta.Title, c.Meta.Description, toc, children);
        }

        return chapters.Where(c => c.Meta.Parent is null || !chapters.Any(k => k.Meta.Slug == c.Meta.Parent)).Select(View).ToList();
    }

    private static IReadOnlyList<PopoverView> Popovers(SiteIndex index, RenderedSite rendered, string lang, string path, IReadOnlyList<TermUse> uses)
    {
        var glossaryHref = Rel(path, index.OutputPath(lang, SiteIndex.GlossaryFile));
        var entries = index.Glossary.GetValueOrDefault(lang, []);
        return uses.Select(u => u.EntryId).Distinct()
            .Select(id => entries.First(e => e.Id == id))
            .OrderBy(e => e.Meta.Number)
            .Select(e => new PopoverView(GlossaryTermInline.PopoverId(e.Id), GlossaryTermInline.DefinitionId(e.Id), e.Meta.Term, rendered.Definition(e), $"{glossaryHref}#{e.Id}"))
            .ToList();
    }

    private static PageView BaseView(SiteIndex index, Theme theme, string langCode, string path, string kind, string title, string description,
        IReadOnlyList<LinkView> crumbs, Func<string, string?> pairOf, Func<string, bool>? indexable = null)
    {
        var lang = index.Language(langCode);
        var baseUrl = index.Config.BaseUrl;
        string Href(string target) => Link(index, path, kind, target);
        var pairs = index.Config.Languages
            .Select(l => (Lang: l, Path: pairOf(l.Code)))
            .Where(a => a.Path is not null)
            .ToList();
        var alternates = pairs.Where(a => indexable?.Invoke(a.Lang.Code) ?? true).ToList();
        var footer = lang.Footer;
        return new PageView
        {
            HtmlLang = lang.HtmlLang,
            LangCode = lang.Code,
            Kind = kind,
            Title = title,
            DocumentTitle = kind == "home" ? lang.SiteTitle : $"{title} - {lang.SiteTitle}",
            Description = description,
            SiteTitle = lang.SiteTitle,
            HomeHref = Href(index.OutputPath(langCode, "index.html")),
            ContentsHref = Href(index.OutputPath(langCode, SiteIndex.ContentsFile)),
            GlossaryHref = Href(index.OutputPath(langCode, SiteIndex.GlossaryFile)),
            FullHref = Href(index.OutputPath(langCode, SiteIndex.FullReportFile)),
            SearchHref = Href(index.OutputPath(langCode, SearchFiles.PageFile)),
            CssHref = Href(AssetsFolder + "site.css"),
            PrintCssHref = Href(AssetsFolder + "print.css"),
            JsHref = Href(AssetsFolder + "site.js"),
            IconHref = Href(AssetsFolder + "favicon.svg"),
            Canonical = baseUrl is null || kind == "404" ? null : Urls.Absolute(baseUrl, path),
            // Search engines ignore relative hreflang, so alternates are only declared with base_url.
            Alternates = baseUrl is null || alternates.Count < 2 || kind == "404" ? [] :
                alternates.Select(a => new AlternateView(a.Lang.HtmlLang, Urls.Absolute(baseUrl, a.Path!)))
                    .Append(new AlternateView("x-default", Urls.Absolute(baseUrl, (alternates.FirstOrDefault(a => a.Lang == index.Config.Default).Path ?? alternates[0].Path)!)))
                    .ToList(),
            Switches = pairs.Where(a => a.Lang.Code != langCode).Select(a => new LinkView(Href(a.Path!), a.Lang.Name, a.Lang.HtmlLang)).ToList(),
            Breadcrumbs = crumbs,
            Footer = new FooterView(footer.Host, footer.Contact, footer.Icp, footer.PublicSecurity,
                footer.PublicSecurity is { } ps && Digits().Match(ps) is { Success: true } m ? $"https://beian.mps.gov.cn/#/query/webSearch?code={m.Value}" : null,
                footer.SiteCode),
            OgLocale = lang.HtmlLang.StartsWith("zh", StringComparison.Ordinal) ? "zh_CN" : lang.HtmlLang.Replace('-', '_'),
        };
    }

    /// <summary>
    /// Every link is relative to the page, so the site works under any path and from disk; except on the
    /// 404 page, which a host serves at whatever address was not found: with base_url known, it links
    /// from the host's root under the site's path.
    /// </summary>
    private static string Link(SiteIndex index, string from, string kind, string target) =>
        kind == "404" && index.Config.BaseUrl is { } baseUrl ? new Uri(baseUrl).AbsolutePath + target : Rel(from, target);

    private static string Apply(Theme theme, string layout, PageView page, BodyView body)
    {
        var strings = theme.Strings(page.LangCode);
        var inner = new TemplateContext(Options);
        inner.SetValue("page", page);
        inner.SetValue("body", body);
        inner.SetValue("t", strings);
        var content = theme.Layout(layout).Render(inner, Encoder);

        var outer = new TemplateContext(Options);
        outer.SetValue("page", page);
        outer.SetValue("t", strings);
        outer.SetValue("content", content);
        return theme.Layout("base").Render(outer, Encoder);
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        return options;
    }

    /// <summary>Assets the checks read (stylesheets, scripts, SVG); anything else is copied byte for byte.</summary>
    public static bool IsText(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".css" or ".js" or ".svg" or ".txt" or ".json" or ".xml" or ".html";

    private static string Rel(string from, string to) => Urls.Relative(from, to);

    private static string Encode(string text) => Encoder.Encode(text);

    /// <summary>In the printable full report a term needs no in-place definition: the glossary is at its end.</summary>
    private static string StripTerms(string html) => TermButton().Replace(TermLink().Replace(html, "$1"), "");

    /// <summary>
    /// On the full report, a chapter's heading is "chapter-{slug}" and its sections "{slug}--{id}". Slugs
    /// never contain "--", so the two kinds can never collide, whatever ids editors choose.
    /// </summary>
    private static string TitleId(string slug) => "chapter-" + slug;

    /// <summary>Chapter sections sit one level below the chapter's own heading on the full page.</summary>
    private static string Demote(string html) => Heading().Replace(html, m => $"<{m.Groups[1].Value}h{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}");

    private static string Prefix(string html, string slug, IReadOnlyDictionary<string, string> slugs) =>
        Href().Replace(IdReference().Replace(Demote(html), m => $"{m.Groups[1].Value}=\"{string.Join(' ', m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{slug}--{id}"))}\""), m =>
        {
            var target = m.Groups[1].Value;
            var fragment = m.Groups[2].Success ? m.Groups[2].Value : null;
            if (target.Length == 0)
            {
                return $"href=\"#{slug}--{fragment}\"";
            }

            if (slugs.TryGetValue(target, out var other))
            {
                return fragment is null ? $"href=\"#{TitleId(other)}\"" : $"href=\"#{other}--{fragment}\"";
            }

            return m.Value;
        });

    // Ids and the attributes that refer to ids move together, or labels and descriptions would break.
    [GeneratedRegex("\\b(id|aria-labelledby|aria-describedby|aria-controls|popovertarget|for)=\"([^\"]+)\"")]
    private static partial Regex IdReference();

    [GeneratedRegex("\\bhref=\"([^\"#:/]*)(?:#([^\"]*))?\"")]
    private static partial Regex Href();

    [GeneratedRegex("<a class=\"term\"[^>]*>(.*?)</a>")]
    private static partial Regex TermLink();

    [GeneratedRegex("\u2060?<button type=\"button\" class=\"term-toggle\"[^>]*></button>")]
    private static partial Regex TermButton();

    [GeneratedRegex("<(/?)h([1-5])\\b")]
    private static partial Regex Heading();

    [GeneratedRegex("[0-9]{6,}")]
    private static partial Regex Digits();
}
