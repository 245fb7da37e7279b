using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Config;

namespace Microsite.Markdown.Glossary;

/// <summary>
/// Finds the glossary terms to link in a parsed page, like Markdig's Abbreviations extension does for
/// abbreviations: a pass over literal text only, so links, code and headings are never touched. It only
/// reads the tree: the renderers write the links from the plan.
/// </summary>
internal static class TermPlanner
{
    /// <summary>Explicit references to no term or alias of the glossary, each with the message to report it with.</summary>
    public static IEnumerable<(ExplicitTermInline Reference, string Message)> UnknownReferences(MarkdownDocument document, GlossaryLookup glossary)
    {
        foreach (var reference in document.Descendants<ExplicitTermInline>())
        {
            if (!glossary.EntryByName.ContainsKey(reference.Term.ToLowerInvariant()))
            {
                var names = glossary.TermById.Values.Concat(glossary.EntryByName.Keys).DistinctBy(n => n.ToLowerInvariant());
                yield return (reference, $"unknown glossary term \"{reference.Term}\"{Core.DidYouMean.Hint(reference.Term, names)}");
            }
        }
    }

    /// <param name="automatic">False for definitions: only explicit [[term]] references are linked.</param>
    public static TermPlan Plan(MarkdownDocument document, GlossaryLookup glossary, GlossaryLinking policy, string pageTitle, bool automatic = true)
    {
        var literals = new Dictionary<LiteralInline, IReadOnlyList<TermMatcher.Match>>();
        var explicitTerms = new Dictionary<ExplicitTermInline, string>();
        var uses = new List<TermUse>();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        string? sectionId = null;
        var sectionTitle = pageTitle;

        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                // Headings never carry term links; an h2 starts a section.
                if (heading.Level <= 2)
                {
                    sectionId = heading.TryGetAttributes()?.Id;
                    sectionTitle = MarkdownText.Of(heading.Inline);
                    if (policy == GlossaryLinking.Section)
                    {
                        linked.Clear();
                    }
                }

                continue;
            }

            var leaves = block is ContainerBlock container ? container.Descendants<LeafBlock>() : [(LeafBlock)block];
            foreach (var leaf in leaves)
            {
                if (leaf is not HeadingBlock && leaf.Inline is not null)
                {
                    Walk(leaf.Inline);
                }
            }
        }

        return new TermPlan(literals, explicitTerms, uses.Distinct().ToList());

        void Walk(ContainerInline container)
        {
            foreach (var child in container)
            {
                switch (child)
                {
                    case LinkInline or AutolinkInline or CodeInline:
                        break;
                    case ExplicitTermInline reference when glossary.EntryByName.TryGetValue(reference.Term.ToLowerInvariant(), out var entryId):
                        explicitTerms[reference] = entryId;
                        linked.Add(entryId);
                        uses.Add(new TermUse(entryId, sectionId, sectionTitle));
                        break;
                    case LiteralInline literal when automatic:
                        Plan(literal);
                        break;
                    case ContainerInline inner:
                        Walk(inner);
                        break;
                }
            }
        }

        void Plan(LiteralInline literal)
        {
            List<TermMatcher.Match>? chosen = null;
            foreach (var match in glossary.Matcher.Find(literal.Content.AsSpan()))
            {
                // Under the page and section policies only the first use of a term is linked.
                if (policy != GlossaryLinking.All && !linked.Add(match.EntryId))
                {
                    continue;
                }

                (chosen ??= []).Add(match);
                uses.Add(new TermUse(match.EntryId, sectionId, sectionTitle));
            }

            if (chosen is not null)
            {
                literals[literal] = chosen;
            }
        }
    }
}
