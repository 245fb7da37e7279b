using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Microsite.Core;

namespace Microsite.Markdown;

/// <summary>Markdig's HTML renderer with the context of the page being written; our object renderers read it.</summary>
internal sealed class SiteHtmlRenderer : HtmlRenderer
{
    private SiteHtmlRenderer(TextWriter writer, RenderContext context)
        : base(writer) => Context = context;

    public RenderContext Context { get; }

    /// <summary>Writes a parsed tree as HTML. Safe to call from many threads on the same tree: it only reads it.</summary>
    public static string Render(MarkdownDocument document, RenderContext context, MarkdownPipeline? pipeline = null) =>
        Render((MarkdownObject)document, context, pipeline);

    /// <summary>Writes one block of a parsed tree (a paragraph, a list) as HTML, for pages that show blocks side by side.</summary>
    public static string Render(MarkdownObject block, RenderContext context, MarkdownPipeline? pipeline = null) =>
        Render([block], context, pipeline);

    /// <summary>
    /// Writes some top-level blocks of a parsed tree (a section) as HTML, exactly as they are written within
    /// the whole tree. Only reads them.
    /// </summary>
    public static string Render(IEnumerable<Block> blocks, RenderContext context, MarkdownPipeline? pipeline = null) =>
        Render((IEnumerable<MarkdownObject>)blocks, context, pipeline);

    private static string Render(IEnumerable<MarkdownObject> blocks, RenderContext context, MarkdownPipeline? pipeline)
    {
        var builder = ThreadBuilder.Take();
        using (var writer = new StringWriter(builder, CultureInfo.CurrentCulture))
        {
            var renderer = new SiteHtmlRenderer(writer, context);
            (pipeline ?? MarkdownPipelines.Content).Setup(renderer);
            foreach (var block in blocks)
            {
                renderer.Render(block);
            }

            writer.Flush();
        }

        return ThreadBuilder.Return(builder);
    }

    /// <summary>The context of a renderer: ours when the page is written by <see cref="Render"/>, the defaults otherwise.</summary>
    public static RenderContext ContextOf(HtmlRenderer renderer) => renderer is SiteHtmlRenderer site ? site.Context : Default;

    private static readonly RenderContext Default = new();
}
