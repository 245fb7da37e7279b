namespace Microsite.Core;

/// <summary>A file of the finished site, in memory: what the build writes and what the checks read.</summary>
/// <param name="Path">Path inside the site, with '/' ("en/review-2022.html").</param>
/// <param name="Content">The text of a text file; empty for a binary one.</param>
/// <param name="Lang">For a page, the language it must be in (its html lang); null when not known.</param>
/// <param name="Source">The input file the page was built from, for diagnostics ("input/zh/review-2022.md").</param>
/// <param name="Binary">The bytes of a file that is not text (an image, a font); Content is empty then.</param>
internal sealed record SiteFile(string Path, string Content, string? Lang, string? Source, byte[]? Binary = null)
{
    public bool IsText => Binary is null;

    public byte[] Bytes => Binary ?? System.Text.Encoding.UTF8.GetBytes(Content);
}
