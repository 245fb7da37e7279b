using Microsite.Config;

namespace Microsite.Files;

/// <param name="MaxSize">Bytes; larger files get MS0601.</param>
/// <param name="Widths">Widths of the responsive variants; only those smaller than the original are made.</param>
internal sealed record FilesOptions(long MaxSize, IReadOnlyList<int> Widths)
{
    /// <summary>
    /// A phone (about 400 CSS px at 2–3x), a phone at 2x or a laptop's text column, and a large screen
    /// at 2x: three steps cover the readers of a report without making a file per device.
    /// </summary>
    public static IReadOnlyList<int> DefaultWidths { get; } = [480, 960, 1600];

    public static FilesOptions Default { get; } = new(FilesConfig.Default.MaxSize, DefaultWidths);

    public static FilesOptions From(FilesConfig config) => Default with { MaxSize = config.MaxSize };
}
