namespace Microsite.Files;

/// <summary>The formats variants are written in: WebP for browsers that take it, the original's format for the rest.</summary>
internal enum VariantFormat
{
    Png,
    Jpeg,
    Webp,
}

/// <summary>A smaller (or WebP) copy of a raster image, made at build time and published beside it.</summary>
/// <param name="SitePath">"files/chart.960w.webp": the original's name, the width, the format's extension.</param>
internal sealed record ImageVariant(string SitePath, int Width, int Height, VariantFormat Format)
{
    public string MediaType => Format switch
    {
        VariantFormat.Png => "image/png",
        VariantFormat.Jpeg => "image/jpeg",
        _ => "image/webp",
    };
}
