using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Figures;
using Microsite.Indexing;
using Microsite.Markdown.Glossary;
using Microsite.Rendering;
using Microsite.Themes;
using Microsite.Search;

namespace Microsite.Layout;

/// <summary>
/// Stage 5: puts every rendered page into its Liquid layout and writes the pages the generator makes
/// itself (contents, glossary, key figures, full report, 404) for each language. Each page is a function of the
/// index, the theme and the rendered pages; a template that fails is reported at its file.
/// </summary>
internal static partial class LayoutRenderer
{
    // Fluid encodes nothing unless asked. This encoder escapes what HTML needs escaped but leaves Han
    // characters as they are (HtmlEncoder.Default would turn every one into an &#x...; entity).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly TemplateOptions Options = CreateOptions();

    public const string AssetsFolder = "assets/";

    /// <param name="figures">The key figures (input/data/figures.yml); null: no figures page, no entry in the navigation.</param>
    /// <param name="memo">Pages of an earlier build, reused when neither the rendered page nor anything of the site its layout shows changed.</param>
    /// <param name="lastChanged">When a file of input/ last changed (git); null: no dates on the pages.</param>
    /// <param name="reportParts">The full report's parts of an earlier build, reused when their page did not change (see <see cref="PageRenderer.ReportPart"/>).</param>
    /// <param name="keep">Given each file as soon as it is made, on the core that made it (the build's BuildOptions.Keep); null: kept as it is.</param>
    public static IReadOnlyList<SiteFile> Render(SiteIndex index, Theme theme, RenderedSite rendered, FigureSet? figures, DiagnosticBag diagnostics, Memo<LaidOutPage>? memo = null,
        Func<string, DateTimeOffset?>? lastChanged = null, Memo<string>? reportParts = null, Func<SiteFile, SiteFile>? keep = null)
    {
        keep ??= file => file;
        var dates = new PageDates(index, lastChanged);
        var site = memo is null ? "" : SiteDigest(index, theme, rendered, figures);
        var renderDigest = reportParts is null ? "" : PageRenderer.SiteDigest(index, theme);
        string ReportPart(SourcePage page) => PageRenderer.ReportPart(index, theme, page, diagnostics, reportParts, renderDigest);
        var work = new List<Func<SiteFile?>>();
        // The site's own pages first: the full report and the contents grow with the whole site, and one
        // of them started last kept a single core busy while the others had nothing left to do.
        foreach (var lang in index.Config.Languages)
        {
            work.Add(() => GlossaryPage(index, theme, rendered, figures, lang, dates, diagnostics));
            work.Add(() => ContentsPage(index, theme, figures, lang, dates, diagnostics));
            work.Add(() => FullReportPage(index, theme, ReportPart, rendered, figures, lang, dates, diagnostics));
            work.Add(() => NotFoundPage(index, theme, figures, lang, diagnostics));
            work.Add(() => SearchPage(index, theme, figures, lang, diagnostics));
            if (figures is not null)
            {
                work.Add(() => FiguresPage(index, theme, figures, lang, lastChanged, diagnostics));
            }
        }

        foreach (var page in rendered.Pages)
        {
            work.Add(memo is null ? () => ContentPage(index, theme, rendered, figures, page, dates, diagnostics) : () =>
            {
                var laidOut = memo.Get($"{page.Page.Key}|{page.Page.FallbackFrom}|{Digest.Of(page.BodyHtml)}|{dates.Of(page.Page)}|{site}", () =>
                {
                    var found = new DiagnosticBag();
                    return new LaidOutPage(ContentPage(index, theme, rendered, figures, page, dates, found), found.Items);
                });
                diagnostics.AddRange(laidOut.Found);
                return laidOut.File;
            });
        }

        // A side-by-side page for each chapter of the default language that has a translation.
        if (index.Config.Languages.Count > 1)
        {
            var second = index.Config.Languages[1];
            foreach (var chapter in index.Chapters(index.Config.Default.Code))
            {
                if (index.Pair(chapter, second.Code) is { FallbackFrom: null } pair && chapter.FallbackFrom is null)
                {
                    work.Add(() => ParallelPage(index, theme, figures, chapter, pair, diagnostics));
                }
            }
        }

        return Parallelism.Map(work, w => w() is { } file ? keep(file) : null).OfType<SiteFile>().Concat(Assets(theme).Select(keep))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Everything of the site a content page's layout shows besides its own text: the configuration, the
    /// theme, every page's title and place (navigation, contents, language switch), and every definition
    /// (popovers), and the key figures the navigation and the home page show. The site's own pages
    /// (contents, glossary, key figures, full report, 404) are always laid out again.
    /// </summary>
    private static string SiteDigest(SiteIndex index, Theme theme, RenderedSite rendered, FigureSet? figures) => Digest.Of(
        new[] { index.Config.Digest, theme.Digest, FigureViews.Digest(figures, theme, index.Config.Languages.Select(l => l.Code)) }
            .Concat(index.Pages.Select(p => $"{p.Key}|{p.Kind}|{p.FallbackFrom}|{p.Meta.Title}|{p.Meta.ShortTitle}|{p.Meta.Description}|{p.Meta.Order}|{p.Meta.Slug}|{p.Meta.Parent}|{string.Join(",", index.Toc(p).Select(t => t.Id + "=" + t.Title))}"))
            .Concat(index.Glossary.Values.SelectMany(g => g).Select(e => $"{e.Lang}/{e.Id}|{e.Meta.Number}|{e.Meta.Term}|{rendered.Definition(e)}")));

    /// <summary>theme/assets/ as it is, under assets/.</summary>
    public static IEnumerable<SiteFile> Assets(Theme theme) =>
        theme.Assets.Select(a => IsText(a.Key)
            ? new SiteFile(AssetsFolder + a.Key, System.Text.Encoding.UTF8.GetString(a.Value), null, null)
            : new SiteFile(AssetsFolder + a.Key, "", null, null, a.Value));

    private static SiteFile? ContentPage(SiteIndex index, Theme theme, RenderedSite rendered, FigureSet? figures, RenderedPage page, PageDates dates, DiagnosticBag diagnostics)
    {
        var source = page.Page;
        var lang = index.Language(source.Lang);
        var strings = theme.Strings(source.Lang);
        var path = page.OutputPath;
        var chapters = index.Chapters(source.Lang);
        var position = index.ChapterPosition(source);
        LinkView? Chapter(int i) => i >= 0 && i < chapters.Count ? new LinkView(Rel(path, index.OutputPath(chapters[i])), chapters[i].Meta.Title) : null;
        var parent = source.Meta.Parent is { } p ? chapters.FirstOrDefault(c => c.Meta.Slug == p) : null;

        var body = new BodyView
        {
            Html = page.BodyHtml,
            ContentLang = source.FallbackFrom is { } from ? index.Language(from).HtmlLang : null,
            Toc = index.Toc(source).Select(t => new TocView(t.Id, t.Title, t.Lang)).ToList(),
            Previous = position >= 0 ? Chapter(position - 1) : null,
            Next = position >= 0 ? Chapter(position + 1) : null,
            Parent = parent is null ? null : new LinkView(Rel(path, index.OutputPath(parent)), parent.Meta.Title),
            Report = source.Kind == PageKind.Home ? new ReportView(lang.Report.Title, lang.Report.Date, lang.Report.Occasion, lang.Report.Speaker) : null,
            Chapters = source.Kind == PageKind.Home ? ContentsTree(index, source.Lang, path, withSections: false) : [],
            ParallelHref = ParallelOf(index, source) is { } parallel ? Rel(path, parallel) : null,
            HomeFigures = source.Kind == PageKind.Home && figures is not null ? FigureViews.Home(figures, strings, source.Lang) : [],
        };

        var crumbs = new List<LinkView>();
        if (source.Kind != PageKind.Home)
        {
            crumbs.Add(new LinkView(Rel(path, index.OutputPath(source.Lang, "index.html")), strings.Home));
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
        var view = (BaseView(index, figures, source.Lang, path, layout, source.Kind == PageKind.Home ? lang.Report.Title : source.Meta.Title,
            source.Meta.Description ?? "", crumbs, pairOf: code => index.Pair(source, code) is { } pair ? index.OutputPath(pair) : null,
            // Search engines are pointed only at real translations: a fallback copy is noindex.
            indexable: code => source.FallbackFrom is null && index.Pair(source, code) is { FallbackFrom: null }) with
        {
            Noindex = source.FallbackFrom is not null,
            Notice = source.FallbackFrom is null ? null : strings.FallbackNotice,
            Popovers = Popovers(index, rendered, source.Lang, path, index.ShownTermUses(source)),
        }).Dated(dates.Of(source));
        return Apply(theme, layout, view, body, source.FallbackFrom is null ? source.DisplayPath : null, diagnostics);
    }

    private static SiteFile? GlossaryPage(SiteIndex index, Theme theme, RenderedSite rendered, FigureSet? figures, LanguageConfig lang, PageDates dates, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SiteIndex.GlossaryFile);
        var uses = rendered.Pages.Where(r => r.Page.Lang == lang.Code && r.Page.FallbackFrom is null)
            .SelectMany(r => index.Terms(r.Page).Uses.Select(u => (Page: r, Use: u)))
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

        var view = BaseView(index, figures, lang.Code, path, "glossary", strings.Glossary, strings.GlossaryDescription,
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SiteIndex.GlossaryFile)).Dated(dates.OfGlossary(lang.Code));
        return Apply(theme, "glossary", view, new BodyView { Entries = entries }, null, diagnostics);
    }

    private static SiteFile? ContentsPage(SiteIndex index, Theme theme, FigureSet? figures, LanguageConfig lang, PageDates dates, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SiteIndex.ContentsFile);
        var view = BaseView(index, figures, lang.Code, path, "contents", strings.Contents, strings.ContentsDescription,
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SiteIndex.ContentsFile)).Dated(dates.OfReport(lang.Code));
        return Apply(theme, "contents", view, new BodyView { Chapters = ContentsTree(index, lang.Code, path, withSections: true) }, null, diagnostics);
    }

    private static SiteFile? NotFoundPage(SiteIndex index, Theme theme, FigureSet? figures, LanguageConfig lang, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SiteIndex.NotFoundFile);
        var view = BaseView(index, figures, lang.Code, path, "404", strings.NotFound, strings.NotFoundDescription,
            [new LinkView(Link(index, path, "404", index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SiteIndex.NotFoundFile)) with { Noindex = true };
        return Apply(theme, "404", view, new BodyView(), null, diagnostics);
    }

    /// <summary>
    /// A chapter and its translation side by side (see <see cref="ParallelRenderer"/>). In the default
    /// language's chrome, with both languages marked block by block. Search engines fold it into the chapter:
    /// canonical to the default language's chapter (the signal for a duplicate; noindex beside it would
    /// contradict it), no hreflang alternates, not in the sitemap.
    /// </summary>
    private static SiteFile? ParallelPage(SiteIndex index, Theme theme, FigureSet? figures, SourcePage first, SourcePage second, DiagnosticBag diagnostics)
    {
        var lang = index.Config.Default;
        var other = index.Language(second.Lang);
        var strings = theme.Strings(lang.Code);
        var path = ParallelRenderer.OutputPath(index, first);
        var chapter = index.OutputPath(first);
        // The full title: short titles are for navigation and need not differ between chapters, page titles must.
        var title = $"{strings.Parallel}：{first.Meta.Title}";
        var view = BaseView(index, figures, lang.Code, path, "parallel", title, first.Meta.Description ?? "",
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home), new LinkView(Rel(path, chapter), first.Meta.Title)],
            pairOf: code => code == lang.Code ? path : null, indexable: _ => false) with
        {
            Bilingual = true,
            Canonical = index.Config.BaseUrl is { } baseUrl ? Urls.Absolute(baseUrl, chapter) : null,
        };
        var body = new BodyView
        {
            Parallel = ParallelRenderer.Render(index, theme, first, second, path)
                .Select(s => new ParallelSectionView(s.Id, s.FirstTitle, s.SecondTitle, s.Rows.Select(r => new ParallelRowView(r.First, r.Second)).ToList()))
                .ToList(),
            ParallelLanguages = new ParallelLanguagesView(lang.HtmlLang, lang.Name, first.Meta.Title, other.HtmlLang, other.Name, second.Meta.Title),
        };
        return Apply(theme, "parallel", view, body, null, diagnostics);
    }

    /// <summary>
    /// The search page: the results are made in the browser by assets/search.js from the language's index
    /// (written by <see cref="SearchFiles"/>). Not in the sitemap (it has no text of its own); a results
    /// address (search.html?q=…) is canonical to the search page, so engines never index results.
    /// </summary>
    private static SiteFile? SearchPage(SiteIndex index, Theme theme, FigureSet? figures, LanguageConfig lang, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SearchFiles.PageFile);
        var view = BaseView(index, figures, lang.Code, path, "search", strings.Search, strings.SearchDescription,
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SearchFiles.PageFile), indexable: _ => false);
        var search = new SearchView(Rel(path, SearchIndexBuilder.FilePath(lang.Code)), Rel(path, AssetsFolder + "search.js"),
            Cjk: lang.HtmlLang.Split('-')[0] is "zh" or "ja" or "ko");
        return Apply(theme, "search", view, new BodyView { Search = search }, null, diagnostics);
    }

    /// <summary>The home page and every chapter in order, then the glossary, on one page for printing or saving as PDF.</summary>
    /// <param name="reportPart">A page as a part of the report (<see cref="PageRenderer.ReportPart"/>).</param>
    private static SiteFile? FullReportPage(SiteIndex index, Theme theme, Func<SourcePage, string> reportPart, RenderedSite rendered, FigureSet? figures, LanguageConfig lang,
        PageDates dates, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SiteIndex.FullReportFile);
        var parts = new List<ReportPartView>();
        if (index.Home(lang.Code) is { } home)
        {
            parts.Add(new ReportPartView(PageRenderer.ReportTitleId(home), lang.Report.Title, () => reportPart(home), null, partStart: false));
        }

        foreach (var chapter in index.Chapters(lang.Code))
        {
            // On paper, each part of the report (一、二、…) starts a page; its sub-chapters run on.
            parts.Add(new ReportPartView(PageRenderer.ReportTitleId(chapter), chapter.Meta.Title, () => reportPart(chapter),
                chapter.FallbackFrom is { } from ? index.Language(from).HtmlLang : null, partStart: chapter.Meta.Parent is null));
        }

        var view = BaseView(index, figures, lang.Code, path, "full", strings.FullReport, strings.FullReportDescription,
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SiteIndex.FullReportFile)).Dated(dates.OfReport(lang.Code));
        var body = new BodyView
        {
            Parts = parts,
            Entries = index.Glossary.GetValueOrDefault(lang.Code, []).Select(e => new EntryView(e.Id, e.Meta.Number, e.Meta.Term, rendered.Definition(e), [], null)).ToList(),
            Report = new ReportView(lang.Report.Title, lang.Report.Date, lang.Report.Occasion, lang.Report.Speaker),
            Toc = index.Chapters(lang.Code).Select(c => new TocView(PageRenderer.ReportTitleId(c), c.Meta.Title))
                .Append(new TocView(GlossaryTitleId, strings.Glossary)).ToList(),
        };
        return Apply(theme, "full", view, body, null, diagnostics);
    }

    /// <summary>The side-by-side page of a chapter (from either language), when there is one.</summary>
    private static string? ParallelOf(SiteIndex index, SourcePage page)
    {
        if (page.Kind != PageKind.Chapter || index.Config.Languages.Count < 2)
        {
            return null;
        }

        var first = index.Pair(page, index.Config.Default.Code);
        var second = first is null ? null : index.Pair(first, index.Config.Languages[1].Code);
        return first is { FallbackFrom: null } && second is { FallbackFrom: null } ? ParallelRenderer.OutputPath(index, first) : null;
    }

    /// <summary>
    /// The key figures of figures.yml, group by group as the report groups them: each a chart drawn here
    /// (inline SVG; no chart code in the browser), its figures as a table with the section each comes from.
    /// Not part of the full report: that is the report's text as delivered, and every figure is in it.
    /// </summary>
    private static SiteFile? FiguresPage(SiteIndex index, Theme theme, FigureSet figures, LanguageConfig lang, Func<string, DateTimeOffset?>? lastChanged, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(lang.Code);
        var path = index.OutputPath(lang.Code, SiteIndex.FiguresFile);
        var changed = lastChanged?.Invoke(FigureLoader.FileName) is { } when ? DateOnly.FromDateTime(when.Date) : (DateOnly?)null;
        var view = BaseView(index, figures, lang.Code, path, "figures", strings.Figures, strings.FiguresDescription,
            [new LinkView(Rel(path, index.OutputPath(lang.Code, "index.html")), strings.Home)],
            pairOf: code => index.OutputPath(code, SiteIndex.FiguresFile)).Dated(changed);
        return Apply(theme, "figures", view, new BodyView { FigureGroups = FigureViews.Groups(figures, index, strings, lang.Code, path) }, null, diagnostics);
    }

    /// <summary>The glossary's heading on the full report (a chapter slug can never be "glossary": it is reserved).</summary>
    private const string GlossaryTitleId = "chapter-glossary";

    private static IReadOnlyList<ChapterView> ContentsTree(SiteIndex index, string lang, string from, bool withSections)
    {
        var chapters = index.Chapters(lang);
        var slugs = chapters.Select(c => c.Meta.Slug).ToHashSet(StringComparer.Ordinal);
        ChapterView View(SourcePage c)
        {
            var href = Rel(from, index.OutputPath(c));
            var toc = withSections ? index.Toc(c).Select(t => new LinkView($"{href}#{t.Id}", t.Title, t.Lang)).ToList() : [];
            var children = index.Children(lang, c.Meta.Slug).Select(View).ToList();
            return new ChapterView(href, c.Meta.Title, c.Meta.ShortTitle ?? c.Meta.Title, c.Meta.Description, toc, children);
        }

        return chapters.Where(c => c.Meta.Parent is null || !slugs.Contains(c.Meta.Parent)).Select(View).ToList();
    }

    private static IReadOnlyList<PopoverView> Popovers(SiteIndex index, RenderedSite rendered, string lang, string path, IReadOnlyList<TermUse> uses)
    {
        var glossaryHref = Rel(path, index.OutputPath(lang, SiteIndex.GlossaryFile));
        return uses.Select(u => u.EntryId).Distinct()
            .Select(id => index.Entry(lang, id))
            .OfType<GlossaryEntry>()
            .OrderBy(e => e.Meta.Number)
            .Select(e => new PopoverView(TermIds.Popover(e.Id), TermIds.Definition(e.Id), e.Meta.Term, rendered.Definition(e), $"{glossaryHref}#{e.Id}"))
            .ToList();
    }

    private static PageView BaseView(SiteIndex index, FigureSet? figures, string langCode, string path, string kind, string title, string description,
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
            Path = path,
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
            FiguresHref = figures is null ? null : Href(index.OutputPath(langCode, SiteIndex.FiguresFile)),
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

    /// <summary>The page's own layout, inside base.liquid. A template that fails is reported at its file; the page is then left out.</summary>
    private static SiteFile? Apply(Theme theme, string layout, PageView page, BodyView body, string? source, DiagnosticBag diagnostics)
    {
        var strings = theme.Strings(page.LangCode);
        var current = layout;
        try
        {
            var inner = new TemplateContext(Options);
            inner.SetValue("page", page);
            inner.SetValue("body", body);
            inner.SetValue("t", strings);
            // Rendered where base.liquid writes it (see InnerLayout); a failure there is still the page layout's.
            var content = new InnerLayout(theme.Layout(layout), inner, Encoder);

            current = "base";
            var outer = new TemplateContext(Options);
            outer.SetValue("page", page);
            outer.SetValue("t", strings);
            outer.SetValue("content", content);
            // The page goes straight into the UTF-8 bytes it is served as, not first into a .NET string (two
            // bytes a character) that is then encoded; in chunks, copied once (a full report is tens of MB).
            var writer = Utf8PageWriter.Take();
            try
            {
                // The templates read only records in memory, so the rendering has completed when it returns;
                // were it ever to wait, the page waits for it.
                var rendering = theme.Layout("base").RenderAsync(writer, outer, Encoder, isolateContext: true);
                if (!rendering.IsCompletedSuccessfully)
                {
                    rendering.AsTask().GetAwaiter().GetResult();
                }
            }
            catch
            {
                writer.Return();
                throw;
            }

            // A page is one array; the few large ones (a full report, a long contents) stay in their chunks.
            return writer.Length > LargePage
                ? SiteFile.Utf8Text(page.Path, writer.DetachAndReturn(), page.HtmlLang, source)
                : SiteFile.Utf8Text(page.Path, writer.ToArrayAndReturn(), page.HtmlLang, source);
        }
#pragma warning disable CA1031 // a template can fail in many ways at render time; each is the theme's, reported at its file
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (e is InnerLayoutFailed { InnerException: { } failure })
            {
                (current, e) = (layout, failure);
            }

            diagnostics.Error(DiagnosticIds.TemplateInvalid, theme.LayoutPath(current), 0, 0, $"writing {page.Path} failed: {e.Message}");
            return null;
        }
    }

    private const int LargePage = 1 << 20;

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy() };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.Filters.AddFilter("raw", InnerLayout.Raw);
        return options;
    }

    /// <summary>Assets the checks read (stylesheets, scripts, SVG); anything else is copied byte for byte.</summary>
    public static bool IsText(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".css" or ".js" or ".svg" or ".txt" or ".json" or ".xml" or ".html";

    private static string Rel(string from, string to) => Urls.Relative(from, to);

    [GeneratedRegex("[0-9]{6,}")]
    private static partial Regex Digits();
}

/// <summary>A laid-out page and what laying it out found, as a memo keeps them.</summary>
internal sealed record LaidOutPage(SiteFile? File, IReadOnlyList<Diagnostic> Found);
