using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Config;
using Microsite.Core;

namespace Microsite.Markdown.Glossary;

/// <summary>Where a glossary term was used: a section (h2) of a page, or the page top when SectionId is null.</summary>
internal sealed record TermUse(string EntryId, string? SectionId, string SectionTitle);

/// <summary>What the linker needs to know about one language's glossary.</summary>
internal sealed record GlossaryLookup(
    TermMatcher Matcher,
    IReadOnlyDictionary<string, string> EntryByName, // term or alias (lower-cased) -> entry id
    IReadOnlyDictionary<string, string> TermById);

/// <summary>
/// Turns occurrences of glossary terms in a parsed page into <see cref="GlossaryTermInline"/>s, like
/// Markdig's Abbreviations extension does for abbreviations: a pass over literal text only, so links,
/// code and headings are never touched. Resolves explicit [[term]] references.
/// </summary>
internal static class GlossaryLinker
{
    public static IReadOnlyList<TermUse> Link(
        MarkdownDocument document,
        GlossaryLookup glossary,
        GlossaryLinking policy,
        Func<string, string> hrefOf,
        Func<string, string> buttonLabelOf,
        string displayPath,
        string pageTitle,
        DiagnosticBag diagnostics,
        bool automatic = true)
    {
        var uses = new List<TermUse>();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        string? sectionId = null;
        var sectionTitle = pageTitle;

        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                if (heading.Level <= 2)
                {
                    sectionId = heading.GetAttributes().Id;
                    sectionTitle = InlineText(heading.Inline);
                    if (policy == GlossaryLinking.Section)
                    {
                        linked.Clear();
                    }
                }

                ResolveExplicitAsText(heading.Inline);
                continue;
            }

            var leaves = block is ContainerBlock container ? container.Descendants<LeafBlock>() : [(LeafBlock)block];
            foreach (var leaf in leaves)
            {
                if (leaf is HeadingBlock || leaf.Inline is null)
                {
                    continue;
                }

                Walk(leaf.Inline);
            }
        }

        return uses.Distinct().ToList();

        void Walk(ContainerInline container)
        {
            foreach (var child in container.ToList())
            {
                switch (child)
                {
                    case LinkInline or AutolinkInline or CodeInline or GlossaryTermInline:
                        break;
                    case ExplicitTermInline explicitTerm:
                        ResolveExplicit(explicitTerm);
                        break;
                    case LiteralInline literal when automatic:
                        LinkLiteral(literal);
                        break;
                    case ContainerInline inner:
                        Walk(inner);
                        break;
                }
            }
        }

        void ResolveExplicit(ExplicitTermInline reference)
        {
            if (!glossary.EntryByName.TryGetValue(reference.Term.ToLowerInvariant(), out var entryId))
            {
                diagnostics.Error(DiagnosticIds.TermUnknown, displayPath, reference.Line + 1, reference.Column + 1,
                    $"unknown glossary term \"{reference.Term}\"{DidYouMean.Hint(reference.Term, glossary.EntryByName.Keys.Select(k => Original(k)))}");
                return;
            }

            reference.ReplaceBy(Term(entryId, reference.Term, reference.Line, reference.Column));
            linked.Add(entryId);
            uses.Add(new TermUse(entryId, sectionId, sectionTitle));
        }

        string Original(string lowered) =>
            glossary.TermById.Values.Concat(glossary.EntryByName.Keys).FirstOrDefault(n => n.Equals(lowered, StringComparison.OrdinalIgnoreCase)) ?? lowered;

        void LinkLiteral(LiteralInline literal)
        {
            var text = literal.Content.ToString();
            var matches = glossary.Matcher.Find(text)
                .Where(m => policy == GlossaryLinking.All || !linked.Contains(m.EntryId))
                .ToList();
            var pieces = new List<Inline>();
            var position = 0;
            foreach (var match in matches)
            {
                // A term may occur twice in one literal: only the first counts under page/section policy.
                if (policy != GlossaryLinking.All && !linked.Add(match.EntryId))
                {
                    continue;
                }

                if (match.Start > position)
                {
                    pieces.Add(Literal(text[position..match.Start], literal, position));
                }

                pieces.Add(Term(match.EntryId, text.Substring(match.Start, match.Length), literal.Line, literal.Column + match.Start));
                uses.Add(new TermUse(match.EntryId, sectionId, sectionTitle));
                position = match.Start + match.Length;
            }

            if (pieces.Count == 0)
            {
                return;
            }

            if (position < text.Length)
            {
                pieces.Add(Literal(text[position..], literal, position));
            }

            foreach (var piece in pieces)
            {
                literal.InsertBefore(piece);
            }

            literal.Remove();
        }

        GlossaryTermInline Term(string entryId, string text, int line, int column) => new()
        {
            EntryId = entryId,
            Text = text,
            Href = hrefOf(entryId),
            ButtonLabel = buttonLabelOf(glossary.TermById[entryId]),
            InPlace = automatic,
            Line = line,
            Column = column,
        };
    }

    private static LiteralInline Literal(string text, LiteralInline origin, int offset) =>
        new(new StringSlice(text)) { Line = origin.Line, Column = origin.Column + offset };

    /// <summary>Explicit references in headings are shown as plain text: headings never carry term links.</summary>
    private static void ResolveExplicitAsText(ContainerInline? inline)
    {
        foreach (var reference in inline?.Descendants<ExplicitTermInline>().ToList() ?? [])
        {
            reference.ReplaceBy(new LiteralInline(reference.Term));
        }
    }

    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        foreach (var node in inline.Descendants<Inline>())
        {
            switch (node)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case ExplicitTermInline term:
                    builder.Append(term.Term);
                    break;
                case GlossaryTermInline term:
                    builder.Append(term.Text);
                    break;
            }
        }

        return builder.ToString();
    }
}
