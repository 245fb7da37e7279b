using System.Text;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Content;
using Microsite.Indexing;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Search;

/// <summary>
/// What the search index is made of, read off the site index: each page, each of its sections and each
/// glossary entry as a <see cref="SearchDocument"/>, in report order, and each entry's term in every
/// language as a <see cref="SearchTerm"/>.
/// </summary>
internal static class SearchSources
{
    /// <summary>Blocks are joined with the paragraph separator: no phrase runs from one paragraph or table cell into the next.</summary>
    public const char BlockSeparator = '\u2029';

    /// <param name="glossaryTitle">The glossary page's title in a language (a theme string).</param>
    public static (IReadOnlyList<SearchDocument> Documents, IReadOnlyList<SearchTerm> Terms) From(SiteIndex index, Func<string, string> glossaryTitle) =>
        (index.Config.Languages.SelectMany(l => Documents(index, l.Code, glossaryTitle)).ToList(), Terms(index));

    /// <summary>
    /// One language's documents in report order (their <see cref="SearchDocument.Order"/>), each made only
    /// when it is asked for: the index builder writes a document's text and drops it, so the whole site's
    /// text is never in memory twice (at 10,000 pages it was a hundred MB beside layout).
    /// </summary>
    public static IEnumerable<SearchDocument> Documents(SiteIndex index, string lang, Func<string, string> glossaryTitle)
    {
        var order = 0;
        var pages = index.Pages.Where(p => p.Lang == lang && p.Kind == PageKind.Home)
            .Concat(index.Chapters(lang))
            .Concat(index.Pages.Where(p => p.Lang == lang && p.Kind == PageKind.Page).OrderBy(p => p.RelPath, StringComparer.Ordinal));
        foreach (var page in pages)
        {
            var path = index.OutputPath(page);
            var sections = Sections(page);
            var top = sections.FirstOrDefault(s => s.Id is null);
            yield return new SearchDocument(lang, path, page.Meta.Title, page.Meta.Title, SearchKind.Page, order++, top.Text ?? "");
            foreach (var section in sections.Where(s => s.Id is not null))
            {
                var url = section.Id!.Length == 0 ? path : path + "#" + section.Id;
                yield return new SearchDocument(lang, url, page.Meta.Title, section.Title, SearchKind.Section, order++, section.Text);
            }
        }

        var glossaryPath = index.OutputPath(lang, SiteIndex.GlossaryFile);
        foreach (var entry in index.Glossary.GetValueOrDefault(lang, []))
        {
            var text = string.Join(BlockSeparator, Sections(entry.Source).Select(s => s.Text).Where(t => t.Length > 0));
            yield return new SearchDocument(lang, glossaryPath + "#" + entry.Id, glossaryTitle(lang), entry.Meta.Term,
                SearchKind.Glossary, order++, text, entry.Id);
        }
    }

    /// <summary>Each glossary entry's term and aliases in every language, the site's languages in their order.</summary>
    public static IReadOnlyList<SearchTerm> Terms(SiteIndex index) => index.Glossary.Values.SelectMany(g => g)
        .GroupBy(e => e.Id, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new SearchTerm(g.Key, g
            .OrderBy(e => index.Config.Languages.ToList().FindIndex(l => l.Code == e.Lang))
            .SelectMany(e => e.Meta.Aliases.Prepend(e.Meta.Term))
            .Distinct(StringComparer.Ordinal)
            .ToList()))
        .ToList();

    /// <summary>
    /// The page split where <see cref="PageSections"/> splits it (at each h1 or h2), with the text of each
    /// part: there the line breaks inside a paragraph are lost ("pocket\nparks" would read "pocketparks").
    /// Id is null for the text before the first heading.
    /// </summary>
    private static List<(string? Id, string Title, string Text)> Sections(SourcePage page)
    {
        var sections = new List<(string? Id, string Title, string Text)>();
        (string? Id, string Title) current = (null, page.Meta.Title);
        var blocks = new List<string>();
        foreach (var block in page.Ast)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                Flush();
                current = (heading.TryGetAttributes()?.Id ?? "", Text(heading.Inline));
                continue;
            }

            var leaves = block is LeafBlock leaf ? [leaf] : ((ContainerBlock)block).Descendants<LeafBlock>();
            blocks.AddRange(leaves.Select(l => Text(l.Inline)).Where(t => t.Length > 0));
        }

        Flush();
        return sections;

        void Flush()
        {
            if (current.Id is not null || blocks.Count > 0)
            {
                sections.Add((current.Id, current.Title, string.Join(BlockSeparator, blocks)));
            }

            blocks.Clear();
        }
    }

    /// <summary>The text a reader sees, with soft and hard line breaks as "\n".</summary>
    private static string Text(ContainerInline? inline) => MarkdownText.Of(inline).Trim();
}
