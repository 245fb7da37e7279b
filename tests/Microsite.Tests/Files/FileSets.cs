using Microsite.Core;

namespace Microsite.Tests.Files;

internal static class FileSets
{
    public static FileSet Input(params (string Path, byte[] Bytes)[] files) =>
        FileSet.FromBytes(files.Select(f => KeyValuePair.Create(f.Path, f.Bytes)), "input");

    public static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
