using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsite.Diagnostics;

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
            if (string.IsNullOrEmpty(url) || IsExternal(url))
            {
                continue;
            }

            var (line, column) = (link.Line + 1, link.Column + 1);
            var hash = url.IndexOf('#');
            var path = hash < 0 ? url : url[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);

            if (path.Length == 0)
            {
                if (fragment is not null && !ownAnchors.Contains(fragment))
                {
                    diagnostics.Error("MS0202", displayPath, line, column,
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
                diagnostics.Error("MS0201", displayPath, line, column,
                    $"link to a page that does not exist: \"{path}\"{DidYouMean.Hint(key ?? path, knownPages)}");
                continue;
            }

            if (fragment is not null && !target.Anchors.Contains(fragment))
            {
                diagnostics.Error("MS0202", displayPath, line, column,
                    $"\"{path}\" has no heading with id \"{fragment}\"{DidYouMean.Hint(fragment, target.Anchors)}");
                continue;
            }

            link.Url = Relative(pageOutputPath, target.OutputPath) + (fragment is null ? "" : "#" + Uri.EscapeDataString(fragment));
        }
    }

    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1;

    /// <summary>"lang/dir/x.md" for a link written in lang/relPath, or null when it climbs out of input/.</summary>
    public static string? Resolve(string lang, string relPath, string link)
    {
        var parts = new List<string>(($"{lang}/{relPath}").Split('/')[..^1]);
        foreach (var part in link.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The URL of <paramref name="to"/> relative to the page at <paramref name="from"/> (both output paths).</summary>
    public static string Relative(string from, string to)
    {
        var fromDir = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromDir.Length && common < toParts.Length - 1 && fromDir[common] == toParts[common])
        {
            common++;
        }

        var up = string.Concat(Enumerable.Repeat("../", fromDir.Length - common));
        return up + string.Join('/', toParts[common..]);
    }
}
