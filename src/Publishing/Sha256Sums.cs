using System.Security.Cryptography;
using System.Text;

namespace Microsite.Publishing;

/// <summary>
/// A manifest in the format <c>sha256sum -c SHA256SUMS</c> verifies (GNU coreutils): one line per file,
/// "HASH  PATH", sorted by path. A path holding a backslash or a line break is written escaped, with a
/// backslash before the line, as sha256sum itself writes it.
/// </summary>
internal static class Sha256Sums
{
    public const string FileName = "SHA256SUMS";

    public static string Format(IEnumerable<KeyValuePair<string, byte[]>> files) =>
        Lines(files.Select(f => KeyValuePair.Create(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)))));

    /// <summary>The manifest of already computed hashes (path → lowercase hex).</summary>
    public static string Lines(IEnumerable<KeyValuePair<string, string>> hashes)
    {
        var text = new StringBuilder();
        foreach (var (path, hash) in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var escaped = path.Contains('\\') || path.Contains('\n') || path.Contains('\r');
            if (escaped)
            {
                text.Append('\\');
            }

            text.Append(hash).Append("  ")
                .Append(escaped ? path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) : path)
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The path → hash lines of a manifest written by <see cref="Lines"/> (others are skipped).</summary>
    public static Dictionary<string, string> Parse(string manifest)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in manifest.Split('\n'))
        {
            var escaped = line.StartsWith('\\');
            var body = escaped ? line[1..] : line;
            if (body.Length < 67 || body[64] != ' ' || body[65] is not (' ' or '*') || !body[..64].All(char.IsAsciiHexDigitLower))
            {
                continue;
            }

            var path = body[66..];
            if (escaped)
            {
                path = path.Replace("\\\\", "\0", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal)
                    .Replace("\\r", "\r", StringComparison.Ordinal).Replace("\0", "\\", StringComparison.Ordinal);
            }

            hashes[path] = body[..64];
        }

        return hashes;
    }
}
