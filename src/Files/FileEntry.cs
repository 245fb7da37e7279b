namespace Microsite.Files;

/// <summary>How a file of input/files/ is shown on a page.</summary>
internal enum FileKind
{
    /// <summary>PNG, JPEG, WebP or GIF: an &lt;img&gt; with its pixel size, and variants when it is wide.</summary>
    RasterImage,

    /// <summary>SVG: an &lt;img&gt; with the size its attributes or viewBox give.</summary>
    VectorImage,

    /// <summary>Anything else (PDF, DOCX, XLSX, ZIP…): a link with its type and size.</summary>
    Download,
}

/// <summary>One file of input/files/, as the build publishes it.</summary>
/// <param name="SourcePath">Path inside input/ ("files/chart.png"): the FileSet key.</param>
/// <param name="DisplayPath">Repo-relative path for diagnostics ("input/files/chart.png").</param>
/// <param name="SitePath">Path inside the built site ("files/chart.png").</param>
/// <param name="Size">Bytes.</param>
/// <param name="MediaType">The type a host should serve it with ("image/png", "application/pdf").</param>
/// <param name="Width">Pixels as displayed (after EXIF rotation) for raster images; CSS pixels for SVG; null when unknown.</param>
/// <param name="Hash">SHA-256 of the content, lowercase hex: what the variant cache is keyed by.</param>
/// <param name="Variants">Smaller copies made at build time (empty for small, animated and vector images).</param>
internal sealed record FileEntry(
    string SourcePath,
    string DisplayPath,
    string SitePath,
    long Size,
    string MediaType,
    FileKind Kind,
    int? Width,
    int? Height,
    string Hash,
    IReadOnlyList<ImageVariant> Variants)
{
    public bool IsImage => Kind is FileKind.RasterImage or FileKind.VectorImage;

    /// <summary>The file name's extension, lowercase, without the dot ("pdf"); "" when it has none.</summary>
    public string Extension => MediaTypes.Extension(SourcePath);
}
