using Markdig;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;
using YamlDotNet.RepresentationModel;

namespace Microsite.Indexing;

/// <summary>
/// Builds the <see cref="SiteIndex"/> from every loaded page and checks what only the whole site can
/// tell: translation pairs, the glossary as a whole, the terminology list.
/// </summary>
internal static class Indexer
{
    public const string TerminologyFile = "terminology.yml";

    public static SiteIndex Build(IReadOnlyList<SourcePage> loaded, FileSet input, SiteConfig config, DiagnosticBag diagnostics, FileCatalog? files = null)
    {
        var pages = loaded.Where(p => p.Kind != PageKind.GlossaryEntry).ToList();
        var entries = loaded.Where(p => p.Kind == PageKind.GlossaryEntry).ToList();
        var unreadable = Unreadable(loaded, input, config);

        CheckPairs(pages, config, unreadable, diagnostics);
        pages.AddRange(FallbackPages(pages, config, unreadable));
        CheckHomes(pages, config, input, unreadable, diagnostics);
        CheckParents(pages, unreadable, diagnostics);
        CheckOrder(pages, diagnostics);

        var glossary = BuildGlossary(entries, config, unreadable, diagnostics);
        var lookups = glossary.ToDictionary(g => g.Key, g => Lookup(g.Value, diagnostics));
        var terminology = LoadTerminology(input, config, diagnostics);
        return new SiteIndex(config, pages, glossary, lookups, terminology, files, unreadable);
    }

    /// <summary>
    /// The Markdown files of input/ that exist but did not load (not UTF-8, invalid front matter, refused):
    /// each has its error already. Whatever follows only from their absence (a pair "missing", a link
    /// "broken", a term "never used") would be a false second message, so the checks ask this first.
    /// </summary>
    private static HashSet<string> Unreadable(IReadOnlyList<SourcePage> loaded, FileSet input, SiteConfig config)
    {
        var keys = loaded.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return input.Paths.Concat(input.Problems.Select(p => p.Path))
            .Where(p => p.EndsWith(".md", StringComparison.Ordinal) && p.Contains('/') && config.Language(p.Split('/')[0]) is not null && !keys.Contains(p))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>MS0029: chapters of a language in one order, without ties (a tie would be settled by file name, silently).</summary>
    private static void CheckOrder(IReadOnlyList<SourcePage> pages, DiagnosticBag diagnostics)
    {
        foreach (var tie in pages.Where(p => p.Kind == PageKind.Chapter && p.FallbackFrom is null).GroupBy(p => (p.Lang, p.Meta.Order)).Where(g => g.Count() > 1))
        {
            var ordered = tie.OrderBy(p => p.DisplayPath, StringComparer.Ordinal).ToList();
            foreach (var page in ordered.Skip(1))
            {
                var (line, column) = page.Meta.At("order");
                diagnostics.Error(DiagnosticIds.OrderDuplicate, page.DisplayPath, line, column,
                    $"order {tie.Key.Order} is also the order of {ordered[0].DisplayPath}; every chapter needs its own place in the report (renumber one of them)");
            }
        }
    }

    private static void CheckPairs(IReadOnlyList<SourcePage> pages, SiteConfig config, IReadOnlySet<string> unreadable, DiagnosticBag diagnostics)
    {
        var byKey = pages.ToDictionary(p => p.Key);
        foreach (var page in pages)
        {
            foreach (var other in config.Languages.Where(l => l.Code != page.Lang))
            {
                if (!byKey.TryGetValue($"{other.Code}/{page.RelPath}", out var pair))
                {
                    if (unreadable.Contains($"{other.Code}/{page.RelPath}"))
                    {
                        continue; // the pair exists and has its own error
                    }

                    if (config.Translations == TranslationPolicy.Strict)
                    {
                        diagnostics.Error(DiagnosticIds.PairMissing, page.DisplayPath, 0, 0,
                            $"this page has no {other.Name} version: add input/{other.Code}/{page.RelPath} (or set \"translations: fallback\" in site.yml)");
                    }

                    continue;
                }

                // Each pair is compared once, from the default language's side.
                if (page.Lang != config.Default.Code)
                {
                    continue;
                }

                if (pair.Meta.Slug != page.Meta.Slug)
                {
                    var (line, column) = pair.Meta.At("slug");
                    diagnostics.Error(DiagnosticIds.PairDiffers, pair.DisplayPath, line, column,
                        $"slug \"{pair.Meta.Slug}\" differs from \"{page.Meta.Slug}\" in {page.DisplayPath}; a page and its translation share the slug");
                }

                if (pair.Kind != page.Kind || pair.Meta.Order != page.Meta.Order || pair.Meta.Parent != page.Meta.Parent)
                {
                    diagnostics.Error(DiagnosticIds.PairDiffers, pair.DisplayPath, 1, 1,
                        $"kind, order or parent differ from {page.DisplayPath}; a page and its translation sit at the same place in the report");
                }
            }
        }
    }

    private static IEnumerable<SourcePage> FallbackPages(IReadOnlyList<SourcePage> pages, SiteConfig config, IReadOnlySet<string> unreadable)
    {
        if (config.Translations != TranslationPolicy.Fallback)
        {
            yield break;
        }

        var keys = pages.Select(p => p.Key).Concat(unreadable).ToHashSet();
        foreach (var lang in config.Languages)
        {
            // The default language first: a missing translation is filled from the original text.
            foreach (var page in pages.Where(p => p.Lang != lang.Code).OrderBy(p => p.Lang == config.Default.Code ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                if (keys.Add($"{lang.Code}/{page.RelPath}"))
                {
                    // Parsed again: rendering changes the tree, and the two pages render differently.
                    yield return page with
                    {
                        Lang = lang.Code,
                        Ast = Markdig.Markdown.Parse(page.Text, MarkdownPipelines.Content),
                        Stamp = null,
                        FallbackFrom = page.Lang,
                    };
                }
            }
        }
    }

    private static void CheckHomes(IReadOnlyList<SourcePage> pages, SiteConfig config, FileSet input, IReadOnlySet<string> unreadable, DiagnosticBag diagnostics)
    {
        foreach (var lang in config.Languages.Where(l => !pages.Any(p => p.Lang == l.Code && p.Kind == PageKind.Home) && !unreadable.Contains($"{l.Code}/index.md")))
        {
            diagnostics.Error(DiagnosticIds.HomeMissing, input.Display($"{lang.Code}/index.md"), 0, 0,
                $"the {lang.Name} home page is missing: every language needs input/{lang.Code}/index.md");
        }
    }

    private static void CheckParents(IReadOnlyList<SourcePage> pages, IReadOnlySet<string> unreadable, DiagnosticBag diagnostics)
    {
        foreach (var page in pages.Where(p => p.Meta.Parent is not null && p.FallbackFrom is null))
        {
            if (unreadable.Any(k => k.StartsWith(page.Lang + "/", StringComparison.Ordinal) && !k.StartsWith(page.Lang + "/glossary/", StringComparison.Ordinal)))
            {
                continue; // the parent may be the page that did not load
            }

            var topLevel = pages.Where(p => p.Lang == page.Lang && p.Kind == PageKind.Chapter && p.Meta.Parent is null && !ReferenceEquals(p, page)).ToList();
            if (!topLevel.Any(p => p.Meta.Slug == page.Meta.Parent))
            {
                var (line, column) = page.Meta.At("parent");
                diagnostics.Error(DiagnosticIds.ParentUnknown, page.DisplayPath, line, column,
                    $"parent \"{page.Meta.Parent}\" is not the slug of another top-level chapter{DidYouMean.Hint(page.Meta.Parent!, topLevel.Select(s => s.Meta.Slug))}");
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<GlossaryEntry>> BuildGlossary(
        IReadOnlyList<SourcePage> entries, SiteConfig config, IReadOnlySet<string> unreadable, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, IReadOnlyList<GlossaryEntry>>();
        foreach (var lang in config.Languages)
        {
            var list = entries.Where(e => e.Lang == lang.Code)
                .Select(e => new GlossaryEntry(e.Meta.Slug, e.Lang, e.Glossary!, e))
                .OrderBy(e => e.Meta.Number).ThenBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            result[lang.Code] = list;

            foreach (var group in list.GroupBy(e => e.Meta.Number).Where(g => g.Count() > 1))
            {
                // The entry whose number differs from its translation's is the one that changed: report it
                // there. Without such a witness, every entry after the first.
                var changed = group.Where(e => entries.Any(p => p.RelPath == e.Source.RelPath && p.Lang != e.Lang && p.Glossary!.Number != e.Meta.Number)).ToList();
                var reported = changed.Count > 0 && changed.Count < group.Count() ? changed : group.Skip(1).ToList();
                foreach (var duplicate in reported)
                {
                    var other = group.First(e => !ReferenceEquals(e, duplicate));
                    diagnostics.Error(DiagnosticIds.EntryNumberDuplicate, duplicate.Source.DisplayPath, duplicate.Meta.Line, 1,
                        $"glossary number {duplicate.Meta.Number} is also used by {other.Source.DisplayPath}");
                }
            }
        }

        // Entries pair like pages, by file name; the number is the report's and must agree.
        var byKey = entries.ToDictionary(e => e.Key);
        foreach (var entry in entries)
        {
            foreach (var other in config.Languages.Where(l => l.Code != entry.Lang))
            {
                if (!byKey.TryGetValue($"{other.Code}/{entry.RelPath}", out var pair))
                {
                    if (unreadable.Contains($"{other.Code}/{entry.RelPath}"))
                    {
                        continue;
                    }

                    diagnostics.Error(DiagnosticIds.EntryUntranslated, entry.DisplayPath, 0, 0,
                        $"glossary entry \"{entry.Glossary!.Term}\" has no {other.Name} entry: add input/{other.Code}/{entry.RelPath}");
                }
                else if (entry.Lang == config.Default.Code && pair.Glossary!.Number != entry.Glossary!.Number)
                {
                    diagnostics.Error(DiagnosticIds.EntryNumberDiffers, pair.DisplayPath, pair.Glossary.Line, 1,
                        $"number {pair.Glossary.Number} differs from {entry.Glossary.Number} in {entry.DisplayPath}");
                }
            }
        }

        return result;
    }

    private static GlossaryLookup Lookup(IReadOnlyList<GlossaryEntry> entries, DiagnosticBag diagnostics)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        var patterns = new List<(string, string)>();
        foreach (var entry in entries)
        {
            foreach (var name in entry.Meta.Aliases.Prepend(entry.Meta.Term).Distinct())
            {
                var key = name.ToLowerInvariant();
                if (owner.TryGetValue(key, out var first) && first.Id != entry.Id)
                {
                    diagnostics.Error(DiagnosticIds.TermCollision, entry.Source.DisplayPath, entry.Meta.Line, 1,
                        $"\"{name}\" is already a term or alias of {first.Source.DisplayPath}; the linker could not tell them apart");
                    continue;
                }

                owner[key] = entry;
                byName[key] = entry.Id;
                patterns.Add((name, entry.Id));
            }
        }

        return new GlossaryLookup(new TermMatcher(patterns), byName, entries.ToDictionary(e => e.Id, e => e.Meta.Term));
    }

    private static List<TerminologyPair> LoadTerminology(FileSet input, SiteConfig config, DiagnosticBag diagnostics)
    {
        var list = new List<TerminologyPair>();
        var text = input.Read(TerminologyFile);
        if (text is null)
        {
            return list;
        }

        var path = input.Display(TerminologyFile);
        if (YamlFields.TooDeep(text) is { } deep)
        {
            diagnostics.Error(DiagnosticIds.TerminologyInvalid, path, deep.Line, deep.Column, $"invalid YAML: nested {deep.Depth} deep here (brackets opened and not closed?)");
            return list;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(FrontMatter.Normalise(text)));
            if (stream.Documents.Count == 0)
            {
                return list;
            }

            if (stream.Documents[0].RootNode is not YamlSequenceNode items)
            {
                diagnostics.Error(DiagnosticIds.TerminologyInvalid, path, 1, 1, "terminology.yml must be a list of entries like \"- { zh: 阳澄湖, en: Yangcheng Lake }\"");
                return list;
            }

            foreach (var item in items)
            {
                var line = (int)item.Start.Line;
                // A language's form is one text, or a list of accepted variants ([20th National Congress, 20th CPC National Congress]).
                var forms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var (key, value) in (item as YamlMappingNode)?.Children.AsEnumerable() ?? [])
                {
                    var variants = value switch
                    {
                        YamlScalarNode scalar => [scalar.Value ?? ""],
                        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(v => v.Value ?? "").ToList(),
                        _ => new List<string>(),
                    };
                    variants = variants.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
                    if (key is YamlScalarNode { Value: { } lang } && variants.Count > 0)
                    {
                        forms[lang] = variants;
                    }
                }

                var unknown = forms.Keys.FirstOrDefault(k => config.Language(k) is null);
                if (forms.Count < 2 || unknown is not null || !forms.ContainsKey(config.Default.Code))
                {
                    diagnostics.Error(DiagnosticIds.TerminologyInvalid, path, line, (int)item.Start.Column,
                        unknown is not null
                            ? $"\"{unknown}\" is not a language of site.yml"
                            : $"each entry needs the {config.Default.Name} form and at least one translation, like \"- {{ zh: 阳澄湖, en: Yangcheng Lake }}\"");
                    continue;
                }

                list.Add(new TerminologyPair(forms, line));
            }
        }
#pragma warning disable CA1031 // any YAML failure is the editor's file, reported at the file
        catch (Exception e)
#pragma warning restore CA1031
        {
            var line = e is YamlDotNet.Core.YamlException y ? (int)y.Start.Line : 1;
            diagnostics.Error(DiagnosticIds.TerminologyInvalid, path, Math.Max(line, 1), 1, $"invalid YAML: {e.Message.Split(". ")[0]}");
        }

        return list;
    }
}
