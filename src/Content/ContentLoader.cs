using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Microsite.Config;
using Microsite.Core;
using Microsite.Markdown;

namespace Microsite.Content;

/// <summary>
/// Stage 2: walks input/&lt;lang&gt;/, splits front matter from Markdown, types the front matter by page
/// kind and parses the Markdown. Per file and independent of every other file, so it runs in parallel.
/// </summary>
internal static partial class ContentLoader
{
    /// <summary>Output names the generator itself writes: a page slug may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index", "glossary", "contents", "figures", "full", "404", "sitemap", "robots", "assets" };

    /// <param name="memo">Pages of an earlier build, reused for files whose bytes are the same (the preview server).</param>
    public static IReadOnlyList<SourcePage> Load(FileSet input, SiteConfig config, DiagnosticBag diagnostics, Memo<LoadedFile>? memo = null)
    {
        // Files the folder could not give us (refused links, unreadable, names that differ only in case);
        // site.yml's own problem is the config's to report.
        foreach (var problem in input.Problems.Where(p => p.Path != ConfigLoader.FileName))
        {
            diagnostics.Error(problem.Id, input.Display(problem.Path), 0, 0, problem.Message);
        }

        var files = input.Paths
            .Select(path => (Path: path, Lang: path.Split('/')[0]))
            .Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal) && config.Language(f.Lang) is not null)
            .ToList();

        foreach (var stray in input.Paths.Where(p => p.EndsWith(".md", StringComparison.Ordinal) && p.Contains('/') && config.Language(p.Split('/')[0]) is null))
        {
            diagnostics.Warning(DiagnosticIds.LanguageUnknown, input.Display(stray), 0, 0,
                $"\"{stray.Split('/')[0]}\" is not a language of site.yml ({string.Join(", ", config.Languages.Select(l => l.Code))}); this file is not published");
        }

        var pages = Parallelism.Map(files, file =>
        {
            if (memo is null)
            {
                return LoadFile(input, file.Path, file.Lang, diagnostics);
            }

            var loaded = memo.Get($"{input.Display(file.Path)}|{Digest.Of(input.ReadBytes(file.Path))}", () =>
            {
                var found = new DiagnosticBag();
                return new LoadedFile(LoadFile(input, file.Path, file.Lang, found), found.Items);
            });
            diagnostics.AddRange(loaded.Found);
            return loaded.Page;
        });

        var loaded = pages.OfType<SourcePage>().ToList();
        ReportDuplicateSlugs(loaded, diagnostics);
        return loaded;
    }

    private static SourcePage? LoadFile(FileSet input, string path, string lang, DiagnosticBag diagnostics)
    {
        if (input.Read(path) is { } text)
        {
            return LoadOne(lang, path[(lang.Length + 1)..], input.Display(path), text, diagnostics);
        }

        input.ReportNotUtf8(path, DiagnosticIds.FrontMatterInvalid, diagnostics);
        return null;
    }

    public static SourcePage? LoadOne(string lang, string relPath, string displayPath, string rawText, DiagnosticBag diagnostics)
    {
        var text = FrontMatter.Normalise(rawText);
        var yaml = FrontMatter.Extract(text, out var closed, out var bodyStart);
        if (yaml is null)
        {
            diagnostics.Error(DiagnosticIds.FrontMatterInvalid, displayPath, 1, 1,
                "couldn't find front matter: the file must start with a line \"---\", the page's fields, and another \"---\" (did you forget the opening \"---\"?)");
            return null;
        }

        if (!closed)
        {
            diagnostics.Error(DiagnosticIds.FrontMatterInvalid, displayPath, 1, 1, "the front matter opened with \"---\" is never closed (is the second \"---\" line missing?)");
            return null;
        }

        // The YAML starts on line 2 of the file.
        var fields = YamlFields.Parse(yaml, displayPath, 1, diagnostics, YamlIds.FrontMatter);
        if (fields is null)
        {
            return null;
        }

        var kind = KindOf(relPath, fields);
        if (kind is null)
        {
            return null; // without a kind, which fields belong is unknown: report only the kind
        }

        PageMeta? meta;
        GlossaryMeta? glossary = null;
        if (kind == PageKind.GlossaryEntry)
        {
            glossary = ReadGlossaryEntry(fields);
            var id = Path.GetFileNameWithoutExtension(relPath);
            if (relPath.Count(c => c == '/') > 1)
            {
                diagnostics.Error(DiagnosticIds.SlugInvalid, displayPath, 0, 0,
                    "glossary entries live directly in glossary/, not in a folder below it (the file name is the entry's id)");
                return null;
            }

            if (!SlugPattern().IsMatch(id))
            {
                diagnostics.Error(DiagnosticIds.SlugInvalid, displayPath, 1, 1,
                    $"glossary file name \"{id}\" must be an ASCII id of lowercase words joined by hyphens (it becomes the entry's anchor), like \"dual-centre.md\"");
            }

            meta = glossary is null ? null : new PageMeta(glossary.Term, null, null, glossary.Number, id, null);
        }
        else
        {
            meta = ReadPage(kind.Value, relPath, fields);
        }

        var stamp = ReadStamp(fields);
        fields.RejectUnknown();
        if (meta is null)
        {
            return null;
        }

        if (Parse(text, displayPath, diagnostics) is not { } ast)
        {
            return null;
        }

        return new SourcePage(lang, relPath, displayPath, kind.Value, meta, text, bodyStart, ast, glossary, stamp);
    }

    /// <summary>
    /// The Markdown parsed, or null with a diagnostic at the file. Nesting deeper than any report would is
    /// refused before Markdig sees it (deep enough, it would overflow the stack, which ends the process);
    /// whatever else Markdig throws is this file's problem too, never the build's.
    /// </summary>
    public static MarkdownDocument? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var (line, depth) = MarkdownNesting.Deepest(text);
        if (depth > MarkdownNesting.Limit)
        {
            diagnostics.Error(DiagnosticIds.MarkdownUnreadable, displayPath, line, 1,
                $"quotes, lists, emphasis or brackets nest {depth} deep here, more than the {MarkdownNesting.Limit} a page may; the page is not built (flatten it, or close what is left open)");
            return null;
        }

        try
        {
            return Markdig.Markdown.Parse(text, MarkdownPipelines.Content);
        }
#pragma warning disable CA1031 // any failure of the parser is this file's, reported at the file
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticIds.MarkdownUnreadable, displayPath, line, 1,
                $"the Markdown parser gave up on this file ({e.Message.Split(". ")[0].TrimEnd('.')}); the page is not built (the deepest nesting is here)");
            return null;
        }
    }

    private static PageKind? KindOf(string relPath, YamlFields fields)
    {
        if (relPath.StartsWith("glossary/", StringComparison.Ordinal))
        {
            return PageKind.GlossaryEntry;
        }

        if (relPath == "index.md")
        {
            return PageKind.Home;
        }

        var kind = fields.Enum<PageKind?>("kind", null, ("chapter", PageKind.Chapter), ("page", PageKind.Page));
        if (kind is null && fields.String("kind") is null)
        {
            fields.ReportAt(DiagnosticIds.FrontMatterMissing, "kind", "missing required \"kind\" (chapter or page)");
        }

        return kind;
    }

    private static PageMeta? ReadPage(PageKind kind, string relPath, YamlFields f)
    {
        var title = f.String("title", required: true);
        var description = f.String("description", required: true);
        if (kind == PageKind.Home)
        {
            return title is null ? null : new PageMeta(title, null, description, 0, "index", null, f.Positions());
        }

        var shortTitle = f.String("short_title", required: kind == PageKind.Chapter);
        var order = kind == PageKind.Chapter ? f.Int("order", required: true, min: 1) : null;
        var parent = kind == PageKind.Chapter ? f.String("parent") : null;
        var slug = f.String("slug", required: true);
        if (slug is not null && !SlugPattern().IsMatch(slug))
        {
            f.ReportAt(DiagnosticIds.SlugInvalid, "slug", $"slug \"{slug}\" must be lowercase ASCII words joined by hyphens, like \"review-2022\"");
            slug = null;
        }
        else if (slug is not null && ReservedSlugs.Contains(slug))
        {
            f.ReportAt(DiagnosticIds.SlugInvalid, "slug", $"slug \"{slug}\" is taken by a page the generator writes itself; choose another");
            slug = null;
        }

        if (title is null || slug is null || (kind == PageKind.Chapter && (order is null || shortTitle is null)))
        {
            return null;
        }

        return new PageMeta(title, shortTitle, description, order ?? 0, slug, parent, f.Positions());
    }

    private static GlossaryMeta? ReadGlossaryEntry(YamlFields f)
    {
        var number = f.Int("number", required: true, min: 1);
        var term = f.String("term", required: true);
        var aliases = f.StringList("aliases");
        var unused = f.String("unused");
        var (line, _) = f.Start;
        return number is null || term is null ? null : new GlossaryMeta(number.Value, term, aliases, unused, line);
    }

    private static TranslationStamp? ReadStamp(YamlFields f)
    {
        if (f.Map("translated_from") is not { } map)
        {
            return null;
        }

        var hash = map.String("hash", required: true);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Map("sections") is { } s)
        {
            foreach (var key in s.Keys())
            {
                if (s.String(key) is { } value)
                {
                    sections[key] = value;
                }
            }
        }

        map.RejectUnknown();
        return hash is null ? null : new TranslationStamp(hash, sections);
    }

    private static void ReportDuplicateSlugs(IReadOnlyList<SourcePage> pages, DiagnosticBag diagnostics)
    {
        foreach (var group in pages.Where(p => p.Kind is PageKind.Chapter or PageKind.Page).GroupBy(p => (p.Lang, p.Meta.Slug)))
        {
            var ordered = group.OrderBy(p => p.DisplayPath, StringComparer.Ordinal).ToList();
            foreach (var page in ordered.Skip(1))
            {
                var (line, column) = page.Meta.At("slug");
                diagnostics.Error(DiagnosticIds.SlugDuplicate, page.DisplayPath, line, column,
                    $"slug \"{group.Key.Slug}\" is already used by {ordered[0].DisplayPath}; each page needs its own");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    internal static partial Regex SlugPattern();
}

/// <summary>A loaded file and what loading it found, as a memo keeps them.</summary>
internal sealed record LoadedFile(SourcePage? Page, IReadOnlyList<Diagnostic> Found);
