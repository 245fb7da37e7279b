using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.Glossary;

/// <summary>
/// Which glossary terms a page links, and where: computed from the unchanged tree by
/// <see cref="TermPlanner"/>, read by the renderers. Keyed by the tree's own nodes, which never change.
/// </summary>
internal sealed class TermPlan
{
    private readonly Dictionary<LiteralInline, IReadOnlyList<TermMatcher.Match>> _literals;
    private readonly Dictionary<ExplicitTermInline, string> _explicit;

    public TermPlan(
        Dictionary<LiteralInline, IReadOnlyList<TermMatcher.Match>> literals,
        Dictionary<ExplicitTermInline, string> explicitTerms,
        IReadOnlyList<TermUse> uses)
    {
        _literals = literals;
        _explicit = explicitTerms;
        Uses = uses;
    }

    public static TermPlan Empty { get; } = new([], [], []);

    /// <summary>Every term linked, once per section it is linked in.</summary>
    public IReadOnlyList<TermUse> Uses { get; }

    /// <summary>The terms to link inside a run of text, in text order (offsets into its content).</summary>
    public IReadOnlyList<TermMatcher.Match> In(LiteralInline literal) => _literals.GetValueOrDefault(literal) ?? [];

    /// <summary>The entry an explicit reference links to; null for one in a heading or an unknown term (shown as text).</summary>
    public string? EntryOf(ExplicitTermInline reference) => _explicit.GetValueOrDefault(reference);
}
