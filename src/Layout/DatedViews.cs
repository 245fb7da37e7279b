using System.Globalization;

namespace Microsite.Layout;

internal static class DatedViews
{
    /// <summary>The page with its last-updated date, written as its language writes dates.</summary>
    public static PageView Dated(this PageView page, DateOnly? date) => date is not { } d ? page : page with
    {
        Updated = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        UpdatedText = page.HtmlLang.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? $"{d.Year}年{d.Month}月{d.Day}日"
            : d.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
    };
}
