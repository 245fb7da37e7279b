using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.Glossary;

/// <summary>
/// An explicit glossary reference as the editor wrote it: <c>[[双中心]]</c>. The term planner resolves it
/// against the glossary; an unknown term is reported by the content checks, with a did-you-mean hint.
/// </summary>
internal sealed class ExplicitTermInline : LeafInline
{
    public required string Term { get; init; }
}
