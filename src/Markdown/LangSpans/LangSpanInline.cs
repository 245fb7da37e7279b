using Markdig.Syntax.Inlines;

namespace Microsite.Markdown.LangSpans;

/// <summary>A run of text in another language: <c>[Yangtze River Delta]{lang=en}</c> renders as &lt;span lang="en"&gt;.</summary>
internal sealed class LangSpanInline : ContainerInline
{
    public required string Lang { get; init; }
}
