using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Checks;

/// <summary>Checks of the Markdown that need the index but not the rendered pages.</summary>
internal static partial class ContentChecks
{
    public static void Run(SiteIndex index, DiagnosticBag diagnostics)
    {
        var originals = index.Pages.Where(p => p.FallbackFrom is null)
            .Concat(index.Glossary.Values.SelectMany(g => g).Select(e => e.Source))
            .ToList();
        Parallelism.ForEach(originals, page =>
        {
            ReportRawHtml(page, diagnostics);
            ReportUnreadAttributes(page, diagnostics);
            ReportHeadingIds(page, diagnostics);
            ReportAttributes(page, diagnostics);
            ReportLinks(index, page, diagnostics);
            ReportUnknownTerms(index, page, diagnostics);
            if (page.Lang == "zh" || index.Language(page.Lang).HtmlLang.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                ChineseTypography.Check(page, diagnostics);
            }
        });

        // Longest match first, as for glossary terms: 阳澄湖 in the text is not also an occurrence of 澄湖.
        var defaultLang = index.Config.Default.Code;
        var terms = new TermMatcher(index.Terminology.SelectMany((t, i) => t.Forms[defaultLang].Select(f => (f, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var pairs = new List<(SourcePage Page, SourcePage Pair)>();
        foreach (var page in index.Pages.Where(p => p.FallbackFrom is null && p.Lang == defaultLang))
        {
            foreach (var other in index.Config.Languages.Skip(1))
            {
                if (index.Pair(page, other.Code) is { FallbackFrom: null } pair)
                {
                    pairs.Add((page, pair));
                }
            }
        }

        // Definitions name things too, and must name them as the pages do.
        foreach (var entry in index.Glossary.GetValueOrDefault(defaultLang, []))
        {
            foreach (var other in index.Config.Languages.Skip(1))
            {
                if (index.Entry(other.Code, entry.Id) is { } pair)
                {
                    pairs.Add((entry.Source, pair.Source));
                }
            }
        }

        Parallelism.ForEach(pairs, p => ComparePair(index, terms, p.Page, p.Pair, diagnostics));
    }

    private static void ReportRawHtml(SourcePage page, DiagnosticBag diagnostics)
    {
        foreach (var node in page.Ast.Descendants())
        {
            var (found, line, column) = node switch
            {
                HtmlBlock block => (block.Lines.ToString().Trim(), block.Line, block.Column),
                HtmlInline inline => (inline.Tag, inline.Line, inline.Column),
                _ => (null, 0, 0),
            };
            if (found is not null)
            {
                diagnostics.Warning(DiagnosticIds.RawHtml, page.DisplayPath, line + 1, column + 1,
                    $"raw HTML is shown as text, not used: \"{(found.Length > 40 ? found[..40] + "…" : found)}\" (write Markdown instead)");
            }
        }
    }

    /// <summary>Links written against source files: the page and the heading must exist (see <see cref="SiteIndex.ResolveLink"/>).</summary>
    private static void ReportLinks(SiteIndex index, SourcePage page, DiagnosticBag diagnostics)
    {
        foreach (var link in page.Ast.Descendants<LinkInline>())
        {
            if (index.ResolveLink(page, link.Url ?? "") is SourceLink.Broken broken)
            {
                diagnostics.Error(broken.Id, page.DisplayPath, link.Line + 1, link.Column + 1, broken.Message);
            }

            if (link.IsImage && string.IsNullOrWhiteSpace(MarkdownText.Of(link)))
            {
                diagnostics.Error(DiagnosticIds.ImageAltMissing, page.DisplayPath, link.Line + 1, link.Column + 1,
                    $"the image \"{link.Url}\" has no alt text: say what it shows between the brackets, like ![图1 2022年各镇（街道）地区生产总值](../files/chart.png); readers who cannot see it hear this");
            }
        }
    }

    /// <summary>An explicit [[term]] must name a term or alias of its language's glossary.</summary>
    private static void ReportUnknownTerms(SiteIndex index, SourcePage page, DiagnosticBag diagnostics)
    {
        // An entry that did not load may be the term referred to: its own error comes first.
        if (index.Lookups.TryGetValue(page.Lang, out var glossary) && !index.HasUnreadableEntries(page.Lang))
        {
            foreach (var (reference, message) in TermPlanner.UnknownReferences(page.Ast, glossary))
            {
                diagnostics.Error(DiagnosticIds.TermUnknown, page.DisplayPath, reference.Line + 1, reference.Column + 1, message);
            }
        }
    }

    /// <summary>
    /// A "{#id}" that Markdig did not take as an attribute stays in the heading text (it does so for a
    /// one-character id, for example), and the section then has no stable id: say so instead of publishing it.
    /// </summary>
    private static void ReportUnreadAttributes(SourcePage page, DiagnosticBag diagnostics)
    {
        foreach (var heading in page.Ast.Descendants<HeadingBlock>())
        {
            var text = MarkdownText.Of(heading.Inline);
            var at = text.LastIndexOf('{');
            if (at >= 0 && text.TrimEnd().EndsWith('}') && text[(at + 1)..].TrimStart().StartsWith('#'))
            {
                diagnostics.Error(DiagnosticIds.HeadingIdUnread, page.DisplayPath, heading.Line + 1, heading.Column + 1,
                    $"heading id \"{text[at..].Trim()}\" was not understood and would show as text (an id needs at least two characters: ASCII letters, digits, - or _, like {{#targets}})");
            }
        }
    }

    /// <summary>
    /// Markdig's generic attributes accept "{…}" after almost anything, so a typo such as
    /// "[长三角] {lang=en}" (with a space) silently marks the whole paragraph as English. Only heading ids
    /// are ours to use; anything else is reported, and so is syntax of ours left behind as text.
    /// </summary>
    private static void ReportAttributes(SourcePage page, DiagnosticBag diagnostics)
    {
        foreach (var node in page.Ast.Descendants())
        {
            var attributes = node.TryGetAttributes();
            var extra = attributes is not null && (attributes.Classes is { Count: > 0 } || attributes.Properties is { Count: > 0 }
                || (attributes.Id is not null && node is not HeadingBlock));
            if (extra)
            {
                diagnostics.Error(DiagnosticIds.AttributesMisplaced, page.DisplayPath, node.Line + 1, node.Column + 1,
                    "\"{…}\" attributes are only for heading ids ({#targets}) and language runs ([text]{lang=en}, with no space before the brace)");
            }

            // Markdig splits an unmatched "[[" into pieces: look at the paragraph's source, less what did take.
            // Every marker has a bracket or a brace, even one joined up by what is taken out: a paragraph without
            // any (most of them) is not copied and searched.
            if (node is LeafBlock { Inline: not null } leaf and not CodeBlock
                && page.SpanAt(leaf.Span).IndexOfAny('[', ']', '{') >= 0
                && LeftOverSyntax(WellFormed().Replace(page.TextAt(leaf.Span), "")) is { } leftOver)
            {
                diagnostics.Warning(DiagnosticIds.SyntaxLeftAsText, page.DisplayPath, leaf.Line + 1, leaf.Column + 1,
                    $"\"{leftOver}\" is shown as text: an explicit glossary reference is [[term]], a language run [text]{{lang=en}}");
            }
        }
    }

    [GeneratedRegex(@"\[\[[^\[\]\n]+\]\]|\[[^\[\]\n]+\]\{lang=[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\}|`[^`]*`")]
    private static partial Regex WellFormed();

    private static string? LeftOverSyntax(string text)
    {
        foreach (var marker in new[] { "[[", "]]", "{lang=" })
        {
            if (text.Contains(marker, StringComparison.Ordinal))
            {
                return marker;
            }
        }

        return null;
    }

    /// <summary>
    /// Heading ids are link targets and the keys of translation hashes: each once per page, and not
    /// "top", which stands for the text before the first heading.
    /// </summary>
    private static void ReportHeadingIds(SourcePage page, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in page.Ast.Descendants<HeadingBlock>())
        {
            var id = heading.TryGetAttributes()?.Id;
            if (id is null)
            {
                continue;
            }

            if (id == PageSections.TopId)
            {
                diagnostics.Error(DiagnosticIds.HeadingIdRepeated, page.DisplayPath, heading.Line + 1, heading.Column + 1,
                    $"heading id \"{id}\" is reserved for the start of the page; choose another");
            }
            else if (!seen.Add(id))
            {
                diagnostics.Error(DiagnosticIds.HeadingIdRepeated, page.DisplayPath, heading.Line + 1, heading.Column + 1,
                    $"heading id \"{id}\" is already used on this page; every section needs its own");
            }
        }
    }

    /// <summary>Same sections in the same order, paragraph for paragraph, and the fixed renderings of names.</summary>
    private static void ComparePair(SiteIndex index, TermMatcher terms, SourcePage page, SourcePage pair, DiagnosticBag diagnostics)
    {
        var ours = index.Sections(page);
        var theirs = index.Sections(pair);
        var ourIds = ours.Select(s => s.Id).ToList();
        var theirIds = theirs.Select(s => s.Id).ToList();
        if (ourIds.Distinct().Count() != ourIds.Count || theirIds.Distinct().Count() != theirIds.Count)
        {
            return; // a repeated heading id (MS0204, reported at the heading) leaves nothing to compare section by section
        }

        // Chinese first: sections the translation has not caught up with are shown from the source (the
        // translations stage warns); only the sections the translation shows as its own are compared.
        var composition = index.Composition(pair);
        if (!ourIds.SequenceEqual(theirIds) && composition is null)
        {
            diagnostics.Error(DiagnosticIds.SectionsDiffer, pair.DisplayPath, 1, 1,
                $"section ids differ from {page.DisplayPath}: [{string.Join(", ", theirIds)}] here, [{string.Join(", ", ourIds)}] there (both languages need the same {{#id}} headings in the same order, so the language switch keeps the reader's place)");
            return;
        }

        var sections = composition is null
            ? ours.Zip(theirs).ToList()
            : composition.Sections.Where(s => !s.Pending).Select(s => (ours.First(o => o.Id == s.Section.Id), s.Section)).ToList();
        foreach (var (mine, other) in sections)
        {
            if (mine.Paragraphs != other.Paragraphs)
            {
                diagnostics.Warning(DiagnosticIds.ParagraphCountDiffers, pair.DisplayPath, other.Line, 1,
                    $"section \"{other.Id}\" has {other.Paragraphs} paragraph(s) here and {mine.Paragraphs} in {page.DisplayPath} (a paragraph missing or split?)");
            }

            var found = terms.Find(mine.Text).Select(m => m.EntryId).Distinct().Select(i => index.Terminology[int.Parse(i, System.Globalization.CultureInfo.InvariantCulture)]);
            // The translation's text in capitals, made once per section: an ordinal search in it finds what
            // OrdinalIgnoreCase finds (both map each character to its capital), several times faster, and a
            // section is searched once for every term its source names.
            string? capitals = null;
            foreach (var term in found)
            {
                var source = term.Forms[page.Lang][0];
                if (term.Forms.TryGetValue(pair.Lang, out var renderings)
                    && !renderings.Any(r => (capitals ??= other.Text.ToUpperInvariant()).Contains(r.ToUpperInvariant(), StringComparison.Ordinal)))
                {
                    var rendering = string.Join("\" or \"", renderings);
                    diagnostics.Warning(DiagnosticIds.TerminologyMismatch, pair.DisplayPath, other.Line, 1,
                        $"section \"{other.Id}\" should name \"{source}\" as \"{rendering}\" (input/terminology.yml line {term.Line})");
                }
            }
        }
    }
}
