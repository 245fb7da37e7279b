namespace Microsite.Files;

/// <summary>What reading an image's header found.</summary>
/// <param name="Width">As displayed: EXIF rotation applied for JPEG, CSS pixels for SVG.</param>
/// <param name="Format">The format the bytes really are in, when variants can be made from it (null for GIF and SVG).</param>
/// <param name="Animated">More than one frame: resizing would keep only the first, so no variants.</param>
/// <param name="Problem">Why the image cannot be published (damaged, not the format its name says); null when it can.</param>
internal sealed record ImageFacts(int? Width, int? Height, VariantFormat? Format, bool Animated, string? Problem)
{
    public static ImageFacts Unreadable(string problem) => new(null, null, null, false, problem);
}
