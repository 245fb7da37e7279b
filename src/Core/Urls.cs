namespace Microsite.Core;

/// <summary>How a URL written in Markdown or found in a page is read: one reading for the build and the checks.</summary>
internal static class Urls
{
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || HasScheme(url);

    public static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        return colon > 1 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(url[0]);
    }

    public static string? Scheme(string url) => HasScheme(url) ? url[..url.IndexOf(':')].ToLowerInvariant() : null;

    /// <summary>Splits "dir/x.html?q#frag" relative to the page's folder into the site path and the fragment.</summary>
    public static (string? Path, string? Fragment) Resolve(string pageDirectory, string url)
    {
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var path = hash < 0 ? url : url[..hash];
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        if (path.Length == 0)
        {
            return (null, fragment);
        }

        var parts = new List<string>(pageDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (path.StartsWith('/'))
        {
            parts.Clear(); // root-relative: breaks under a sub-path, reported by the links rule
        }

        foreach (var part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return ("../", fragment); // climbs out of the site
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return (string.Join('/', parts) + (path.EndsWith('/') ? "/" : ""), fragment);
    }

    /// <summary>The URL of <paramref name="to"/> relative to the page at <paramref name="from"/> (both site paths).</summary>
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

    /// <summary>How a site path is addressed publicly: "en/index.html" is "en/", the folder the host serves it for.</summary>
    public static string Public(string path) =>
        path.EndsWith("index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path;

    /// <summary>The absolute address of a site path under base_url (which ends with "/").</summary>
    public static string Absolute(string baseUrl, string path) => baseUrl + Public(path);
}
