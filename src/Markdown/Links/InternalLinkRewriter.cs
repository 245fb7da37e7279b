using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Core;

namespace Microsite.Markdown.Links;

/// <summary>Where a link written against a source file lands: the page it names and the anchors it has.</summary>
internal sealed record LinkTarget(string OutputPath, IReadOnlySet<string> Anchors);

/// <summary>
/// Editors link to pages by their source file, relative to the file they are editing:
/// <c>[…](review-2022.md#economy)</c>, <c>[…](glossary/tod.md)</c>, <c>[…](../en/review-2022.md)</c>.
/// This pass checks that the file and the heading exist and rewrites the link to the output URL,
/// relative to the page, so the site works from any sub-path and from file://.
/// </summary>
internal static class InternalLinkRewriter
{
    /// <param name="resolve">Maps "lang/relpath.md" to its target, or null when there is no such page.</param>
    /// <param name="knownPages">For the did-you-mean hint.</param>
    public static void Rewrite(
        MarkdownDocument document,
        string lang,
        string relPath,
        string pageOutputPath,
        IReadOnlySet<string> ownAnchors,
        Func<string, LinkTarget?> resolve,
        IEnumerable<string> knownPages,
        string displayPath,
        DiagnosticBag diagnostics)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            var url = link.Url;
            if (string.IsNullOrEmpty(url) || Urls.IsExternal(url))
            {
                continue;
            }

            var (line, column) = (link.Line + 1, link.Column + 1);
            if (url.StartsWith('/'))
            {
                diagnostics.Error(DiagnosticIds.LinkTargetMissing, displayPath, line, column,
                    $"\"{url}\" starts at the web host's root, which changes with where the site is published; write the path relative to this file, like \"{url.TrimStart('/')}\" or \"../{url.TrimStart('/')}\"");
                continue;
            }

            var hash = url.IndexOf('#');
            var path = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);

            if (path.Length == 0)
            {
                if (fragment is not null && !ownAnchors.Contains(fragment))
                {
                    diagnostics.Error(DiagnosticIds.LinkAnchorMissing, displayPath, line, column,
                        $"no heading with id \"{fragment}\" on this page{DidYouMean.Hint(fragment, ownAnchors)}");
                }

                continue;
            }

            if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                continue; // a file that is not a page: the HTML checks verify it exists in the output
            }

            var key = Resolve(lang, relPath, Uri.UnescapeDataString(path));
            var target = key is null ? null : resolve(key);
            if (target is null)
            {
                // The hint is written the way the editor writes links: relative to this file.
                var here = $"{lang}/{relPath}";
                var hint = DidYouMean.Suggest(key ?? path, knownPages) is { } known ? $" (did you mean \"{Urls.Relative(here, known)}\"?)" : "";
                diagnostics.Error(DiagnosticIds.LinkTargetMissing, displayPath, line, column, $"link to a page that does not exist: \"{path}\"{hint}");
                continue;
            }

            if (fragment is not null && !target.Anchors.Contains(fragment))
            {
                diagnostics.Error(DiagnosticIds.LinkAnchorMissing, displayPath, line, column,
                    $"\"{path}\" has no heading with id \"{fragment}\"{DidYouMean.Hint(fragment, target.Anchors)}");
                continue;
            }

            link.Url = Urls.Relative(pageOutputPath, target.OutputPath) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));
        }
    }

    /// <summary>"lang/dir/x.md" for a link written in lang/relPath, or null when it climbs out of input/.</summary>
    public static string? Resolve(string lang, string relPath, string link)
    {
        var page = $"{lang}/{relPath}";
        var (path, _) = Urls.Resolve(page[..(page.LastIndexOf('/') + 1)], link);
        return path is null or "../" ? null : path;
    }

}
