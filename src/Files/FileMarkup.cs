using System.Globalization;
using System.Text;

namespace Microsite.Files;

/// <summary>
/// The HTML pieces the Markdown renderers write for files: an image with its size and variants, and the
/// "PDF，2.3 MB" label of a download link. Pure functions of a catalog entry; URLs relative to the page.
/// </summary>
internal static class FileMarkup
{
    /// <summary>
    /// How wide an image is drawn: the text column (40em at 17px) on screens of 48em and up, the screen's
    /// width below that. The browser picks the variant from this before it has the CSS.
    /// </summary>
    public const string DefaultSizes = "(min-width: 48em) 680px, 100vw";

    /// <summary>
    /// An &lt;img&gt; for <paramref name="entry"/> with width and height from the file (no layout shift),
    /// loading="lazy" and decoding="async"; with variants, a &lt;picture&gt; whose WebP &lt;source&gt; and
    /// the &lt;img&gt;'s srcset list every width.
    /// </summary>
    /// <param name="prefix">The relative URL from the page to the site root: "" for zh pages, "../" for en pages.</param>
    /// <param name="alt">Plain text (it is escaped here).</param>
    /// <param name="title">The Markdown title (<c>![alt](x.png "title")</c>), or null.</param>
    public static string Image(FileEntry entry, string prefix, string alt, string? title = null, string sizes = DefaultSizes)
    {
        var html = new StringBuilder();
        var webp = entry.Variants.Where(v => v.Format == VariantFormat.Webp).OrderBy(v => v.Width).ToList();
        var own = entry.Variants.Where(v => v.MediaType == entry.MediaType).OrderBy(v => v.Width)
            .Select(v => (Url: Url(prefix, v.SitePath), v.Width))
            .Append((Url: Url(prefix, entry.SitePath), Width: entry.Width ?? 0))
            .ToList();

        // A WebP original has no second format: its own srcset is enough, no <picture> needed.
        var picture = webp.Count > 0 && entry.MediaType != "image/webp";
        if (picture)
        {
            html.Append("<picture><source type=\"image/webp\" srcset=\"")
                .Append(Escape(string.Join(", ", webp.Select(v => $"{Url(prefix, v.SitePath)} {v.Width}w"))))
                .Append("\" sizes=\"").Append(Escape(sizes)).Append("\">");
        }

        html.Append("<img src=\"").Append(Escape(Url(prefix, entry.SitePath))).Append('"');
        if (entry.Variants.Count > 0)
        {
            html.Append(" srcset=\"").Append(Escape(string.Join(", ", own.Select(o => $"{o.Url} {o.Width}w"))))
                .Append("\" sizes=\"").Append(Escape(sizes)).Append('"');
        }

        if (entry is { Width: { } width, Height: { } height })
        {
            html.Append(" width=\"").Append(width.ToString(CultureInfo.InvariantCulture))
                .Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(" alt=\"").Append(Escape(alt)).Append('"');
        if (!string.IsNullOrEmpty(title))
        {
            html.Append(" title=\"").Append(Escape(title)).Append('"');
        }

        html.Append(" loading=\"lazy\" decoding=\"async\">");
        if (picture)
        {
            html.Append("</picture>");
        }

        return html.ToString();
    }

    /// <summary>
    /// What a link to a file says about it, in the page's language: "PDF，2.3 MB" (zh, full-width comma)
    /// or "PDF, 2.3 MB" (en). The renderer puts it after the link text, e.g. in parentheses.
    /// </summary>
    /// <param name="lang">The page's language code (zh, en) or html lang (zh-Hans).</param>
    public static string DownloadLabel(FileEntry entry, string lang)
    {
        var chinese = lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var type = MediaTypes.Label(entry.Extension, chinese);
        return $"{type}{(chinese ? "，" : ", ")}{Size(entry.Size)}";
    }

    /// <summary>"850 B", "12 KB", "2.3 MB" (counted in 1024s, as Windows Explorer shows the same file).</summary>
    public static string Size(long bytes)
    {
        const double KB = 1024, MB = KB * 1024, GB = MB * 1024;
        return bytes switch
        {
            < 1024 => $"{bytes} B",
            < 1024 * 1024 => $"{Math.Ceiling(bytes / KB).ToString(CultureInfo.InvariantCulture)} KB",
            < 1024L * 1024 * 1024 => $"{OneDecimal(bytes / MB)} MB",
            _ => $"{OneDecimal(bytes / GB)} GB",
        };
    }

    /// <summary>The URL of a site path from a page: every segment percent-encoded (spaces, Chinese names).</summary>
    public static string Url(string prefix, string sitePath) =>
        prefix + string.Join('/', sitePath.Split('/').Select(Uri.EscapeDataString));

    private static string OneDecimal(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded.ToString(rounded % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
