namespace Microsite.Files;

/// <summary>What a file is, from its name: media type, the label readers see, how it is shown.</summary>
internal static class MediaTypes
{
    private static readonly Dictionary<string, (string MediaType, string Label)> Known = new(StringComparer.Ordinal)
    {
        ["png"] = ("image/png", "PNG"),
        ["jpg"] = ("image/jpeg", "JPEG"),
        ["jpeg"] = ("image/jpeg", "JPEG"),
        ["webp"] = ("image/webp", "WebP"),
        ["gif"] = ("image/gif", "GIF"),
        ["svg"] = ("image/svg+xml", "SVG"),
        ["pdf"] = ("application/pdf", "PDF"),
        ["ofd"] = ("application/ofd", "OFD"),
        ["doc"] = ("application/msword", "Word"),
        ["docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
        ["xls"] = ("application/vnd.ms-excel", "Excel"),
        ["xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        ["ppt"] = ("application/vnd.ms-powerpoint", "PowerPoint"),
        ["pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
        ["wps"] = ("application/vnd.ms-works", "WPS"),
        ["odt"] = ("application/vnd.oasis.opendocument.text", "ODT"),
        ["ods"] = ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
        ["csv"] = ("text/csv", "CSV"),
        ["txt"] = ("text/plain", "TXT"),
        ["json"] = ("application/json", "JSON"),
        ["xml"] = ("application/xml", "XML"),
        ["zip"] = ("application/zip", "ZIP"),
        ["rar"] = ("application/vnd.rar", "RAR"),
        ["7z"] = ("application/x-7z-compressed", "7z"),
        ["mp3"] = ("audio/mpeg", "MP3"),
        ["mp4"] = ("video/mp4", "MP4"),
    };

    /// <summary>
    /// Files a browser would run as part of the site: published from input/files/ they would escape every
    /// check the build makes of pages (links, languages, no inline script), so they are refused.
    /// </summary>
    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal) { "html", "htm", "xhtml", "shtml", "js", "mjs", "css" };

    public static string Extension(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[(dot + 1)..].ToLowerInvariant();
    }

    public static string MediaType(string extension) =>
        Known.TryGetValue(extension, out var known) ? known.MediaType : "application/octet-stream";

    /// <summary>"PDF", "Word", "Excel"; the extension in capitals for the rest; "file"/"文件" when there is none.</summary>
    public static string Label(string extension, bool chinese) =>
        Known.TryGetValue(extension, out var known) ? known.Label
        : extension.Length > 0 ? extension.ToUpperInvariant()
        : chinese ? "文件" : "file";

    public static FileKind Kind(string extension) => extension switch
    {
        "png" or "jpg" or "jpeg" or "webp" or "gif" => FileKind.RasterImage,
        "svg" => FileKind.VectorImage,
        _ => FileKind.Download,
    };

    public static bool IsRefused(string extension) => Refused.Contains(extension);
}
