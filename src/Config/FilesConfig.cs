using System.Globalization;
using System.Text.RegularExpressions;
using Microsite.Core;

namespace Microsite.Config;

/// <summary>What site.yml says about input/files/ (<c>files: { max_size: 1MB }</c>).</summary>
/// <param name="MaxSize">Files larger than this many bytes get a warning: readers on phones pay for every byte.</param>
internal sealed record FilesConfig(long MaxSize)
{
    public static FilesConfig Default { get; } = new(1024 * 1024);
}

/// <summary>
/// What site.yml says about the publish archive (<c>publish: { name: gzbg2023, version: 2023.1 }</c>);
/// both optional. The archive is named NAME-VERSION.zip.
/// </summary>
internal sealed record PublishConfig(string? Name, string? Version)
{
    public static PublishConfig Default { get; } = new(null, null);
}

/// <summary>Reads the "files" and "publish" maps of site.yml.</summary>
internal static partial class FilesConfigReader
{
    public static FilesConfig ReadFiles(YamlFields root)
    {
        if (root.Map("files") is not { } files)
        {
            return FilesConfig.Default;
        }

        var maxSize = FilesConfig.Default.MaxSize;
        if (files.String("max_size") is { } text)
        {
            if (ParseSize(text) is { } bytes)
            {
                maxSize = bytes;
            }
            else
            {
                files.ReportAt(DiagnosticIds.ConfigWrongValue, "max_size", $"\"max_size\" must be a size like 1MB, 500KB or 2.5 MB, not \"{text}\"");
            }
        }

        files.RejectUnknown();
        return new FilesConfig(maxSize);
    }

    public static PublishConfig ReadPublish(YamlFields root)
    {
        if (root.Map("publish") is not { } publish)
        {
            return PublishConfig.Default;
        }

        var name = Checked(publish, "name");
        var version = Checked(publish, "version");
        publish.RejectUnknown();
        return new PublishConfig(name, version);
    }

    /// <summary>Bytes in "1MB", "1.5 MB", "500KB", "2048" (units count in 1024s, as file managers show them).</summary>
    public static long? ParseSize(string text)
    {
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var unit = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1L,
            "K" or "KB" or "KIB" => 1024L,
            "M" or "MB" or "MIB" => 1024L * 1024,
            "G" or "GB" or "GIB" => 1024L * 1024 * 1024,
            _ => 0L,
        };
        var bytes = number * unit;
        return unit == 0 || bytes < 1 || bytes > long.MaxValue / 2 ? null : (long)bytes;
    }

    // The name and version become a file name on every operating system the host's staff may use.
    private static string? Checked(YamlFields map, string key)
    {
        var value = map.String(key);
        if (value is not null && !FileNamePart().IsMatch(value))
        {
            map.ReportAt(DiagnosticIds.ConfigWrongValue, key,
                $"publish \"{key}\" becomes part of the archive's file name: use ASCII letters, digits, '.', '_' and '-' only, like \"gzbg2023\" or \"2023.1\", not \"{value}\"");
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$")]
    private static partial Regex SizePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex FileNamePart();
}
