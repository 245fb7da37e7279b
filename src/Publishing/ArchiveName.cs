using System.Globalization;
using System.Text.RegularExpressions;
using Microsite.Config;

namespace Microsite.Publishing;

/// <summary>
/// The archive's name, NAME-STAMP: the same for the same input, never today's clock (a rebuild of the
/// same commit tomorrow must give the same file, or a host cannot tell that nothing changed).
/// </summary>
internal static partial class ArchiveName
{
    /// <summary>
    /// NAME: <c>publish: name</c>, else the last folder of <c>base_url</c> (gzbg2023), else "site".
    /// STAMP: <c>publish: version</c>, else the date of the last git commit, else the report's date from site.yml.
    /// </summary>
    /// <param name="lastCommit">The date of the repository's last commit (<c>History.GitHistory.LastCommit</c>), or null outside git.</param>
    public static string For(SiteConfig config, DateTimeOffset? lastCommit)
    {
        var name = config.Publish.Name ?? FromBaseUrl(config.BaseUrl) ?? "site";
        var stamp = config.Publish.Version
            ?? lastCommit?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            ?? Clean(config.Default.Report.Date)
            ?? "unversioned";
        return $"{name}-{stamp}";
    }

    /// <summary>
    /// The time every file in the archive carries: the last commit's (its own clock time), else the report's
    /// date. Not 1980: hosts serve it as Last-Modified, and browsers cache a page for a tenth of its age
    /// when the host sends no Cache-Control, which for 1980 would be years.
    /// </summary>
    public static DateTime Timestamp(SiteConfig config, DateTimeOffset? lastCommit)
    {
        if (lastCommit is { } commit && commit.Year is >= 1980 and <= 2107)
        {
            return commit.DateTime;
        }

        return DateOnly.TryParseExact(config.Default.Report.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1980 and <= 2107
            ? date.ToDateTime(TimeOnly.MinValue)
            : new DateTime(1980, 1, 1);
    }

    private static string? FromBaseUrl(string? baseUrl)
    {
        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var folder = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return Clean(folder is null ? null : Uri.UnescapeDataString(folder));
    }

    /// <summary>Only what every file system and URL takes as it is.</summary>
    private static string? Clean(string? text)
    {
        var cleaned = text is null ? "" : Unsafe().Replace(text, "-").Trim('-', '.');
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();
}
