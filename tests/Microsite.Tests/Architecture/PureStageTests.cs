using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Checks;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Layout;
using Microsite.Markdown.Glossary;
using Microsite.Rendering;
using Microsite.Themes;
using Microsite.Translations;

namespace Microsite.Tests.Architecture;

/// <summary>After the index is built nothing changes a parsed tree, and a page's HTML depends on nothing but the page and the index.</summary>
public class PureStageTests
{
    [Fact]
    public void Checks_rendering_and_layout_leave_every_parsed_tree_as_it_was()
    {
        var (index, theme, diagnostics) = Index(TestSite.RepoInput());
        var before = index.Pages.Concat(index.Glossary.Values.SelectMany(g => g).Select(e => e.Source)).ToDictionary(p => p.Key, p => Fingerprint(p.Ast));

        ContentChecks.Run(index, diagnostics);
        TranslationStatus.Warn(index, diagnostics, "bin/microsite");
        var rendered = PageRenderer.Render(index, theme);
        var files = LayoutRenderer.Render(index, theme, rendered, null, diagnostics);

        Assert.True(files.Count > 20);
        Assert.Contains(files, f => f.Path == "full.html" && f.Content.Contains("id=\"review-2022--economy\"", StringComparison.Ordinal));
        foreach (var page in index.Pages.Concat(index.Glossary.Values.SelectMany(g => g).Select(e => e.Source)))
        {
            Assert.True(before[page.Key] == Fingerprint(page.Ast), $"{page.DisplayPath}: the parsed tree changed after indexing");
        }
    }

    [Fact]
    public void A_page_renders_alone_exactly_as_in_the_whole_build_and_the_same_every_time()
    {
        var (index, theme, _) = Index(TestSite.RepoInput());
        var whole = PageRenderer.Render(index, theme);
        var page = index.Page("en", "review-2022.md")!;

        var alone = PageRenderer.Render(index, theme, page);
        var again = PageRenderer.Render(index, theme, page);
        var part = PageRenderer.ReportPart(index, theme, page, diagnostics: null);
        var full = LayoutRenderer.Render(index, theme, whole, null, new DiagnosticBag()).Single(f => f.Path == "en/full.html").Content;

        Assert.Equal(whole.Of(page).BodyHtml, alone.BodyHtml);
        Assert.Contains(part, full, StringComparison.Ordinal); // the full report is laid out from the same part
        Assert.Equal(alone, again);
        Assert.Equal(part, PageRenderer.ReportPart(index, theme, page, diagnostics: null));
        Assert.Contains("class=\"term\"", alone.BodyHtml, StringComparison.Ordinal); // terms are linked on the page …
        Assert.DoesNotContain("class=\"term\"", part, StringComparison.Ordinal); // … and plain in the report
        Assert.Contains("<h3 id=\"review-2022--economy\">", part, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"economy\">", alone.BodyHtml, StringComparison.Ordinal);
    }

    private static (SiteIndex Index, Theme Theme, DiagnosticBag Diagnostics) Index(FileSet input)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(input, diagnostics)!;
        var theme = Theme.Load(TestSite.RepoTheme(), config.Languages.Select(l => l.Code), diagnostics)!;
        var index = Indexer.Build(ContentLoader.Load(input, config, diagnostics), input, config, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Snapshot()));
        return (index, theme, diagnostics);
    }

    /// <summary>Every node of a tree with its place, attributes and text.</summary>
    private static string Fingerprint(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            text.Append(node.GetType().Name).Append('@').Append(node.Span.Start).Append('-').Append(node.Span.End)
                .Append(' ').Append(node.Line).Append(':').Append(node.Column);
            if (node.TryGetAttributes() is { } attributes)
            {
                text.Append(" #").Append(attributes.Id).Append(" .").Append(string.Join(",", attributes.Classes ?? []))
                    .Append(' ').Append(string.Join(",", attributes.Properties?.Select(p => $"{p.Key}={p.Value}") ?? []));
            }

            text.Append(node switch
            {
                LiteralInline literal => " \"" + literal.Content + "\"",
                LinkInline link => " " + link.Url + " " + link.Title,
                ExplicitTermInline term => " [[" + term.Term + "]]",
                ContainerBlock container => " children " + container.Count,
                _ => "",
            }).Append('\n');
        }

        return text.ToString();
    }
}
