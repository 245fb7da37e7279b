using System.Text;
using Microsite.Layout;

namespace Microsite.Output;

/// <summary>
/// Stage 7: writes the site into a temporary folder beside output/ and swaps it in whole, so a reader of
/// output/ (or a sync to the web host) never sees half a site, and files from earlier builds disappear.
/// </summary>
internal static class SiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string outputDirectory, IReadOnlyList<OutputFile> files)
    {
        var target = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
        DeleteIfExists(retired);

        try
        {
            foreach (var file in files)
            {
                var path = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content, Utf8);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, retired);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            // Put the last good site back if the swap got half way.
            if (!Directory.Exists(target) && Directory.Exists(retired))
            {
                Directory.Move(retired, target);
            }

            DeleteIfExists(staging);
            throw;
        }

        DeleteIfExists(retired);
    }

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
