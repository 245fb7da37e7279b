using Microsite.Core;

namespace Microsite.Validation;

/// <summary>
/// Every URL the checks meet, resolved once per page folder for the whole run (<see cref="Urls.Resolve"/> is a
/// function of the two). The pages of a site write the same URLs again and again: the menu, the stylesheet,
/// the chapters and their sections (540,000 links, 67,000 URLs in the 10,000-page benchmark's output). Resolved
/// for each link of each page, they cost lists and strings each time, and each link kept its own URL, path and
/// fragment in the page's facts, which live until the checks across pages and so are copied by the collector
/// into its older generations. Now the facts share one reading per URL and folder.
/// </summary>
/// <remarks>
/// Each thread keeps a table of its own, by folder and then by URL: one shared concurrent table keyed by both
/// cost more than resolving again.
/// </remarks>
internal sealed class LinkTargets : IDisposable
{
    private readonly ThreadLocal<Dictionary<string, Dictionary<string, LinkTarget>>> _tables = new(() => new(StringComparer.Ordinal));

    /// <summary>The URL as written, relative to a page in <paramref name="directory"/> ("" or "en/").</summary>
    public LinkTarget Resolve(string directory, string url)
    {
        var folders = _tables.Value!;
        if (!folders.TryGetValue(directory, out var targets))
        {
            folders[directory] = targets = new(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(url, out var target))
        {
            var (path, fragment) = Urls.Resolve(directory, url);
            targets[url] = target = new LinkTarget(url, path, fragment);
        }

        return target;
    }

    public void Dispose() => _tables.Dispose();
}

/// <param name="Url">As written (one string for every page that writes it).</param>
/// <param name="Path">The site path it resolves to (null: the page itself).</param>
internal sealed record LinkTarget(string Url, string? Path, string? Fragment);
