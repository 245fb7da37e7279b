using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsite.Content;

namespace Microsite.Indexing;

/// <summary>
/// The fingerprints a translation records of its source when it is marked: the whole Markdown and each
/// section. One definition, read by the index (which sections to show in the source language) and by
/// the translations stage (what is stale).
/// </summary>
internal static class TranslationHashes
{
    public static string Hash(string text)
    {
        // The text's UTF-8 in a rented buffer and the first 6 bytes of the hash as hex: every page's and every
        // section's text is hashed at each build, and a new byte array for each (and the hash's 64 hex
        // characters, cut to 12) was garbage the size of the site's Markdown.
        var normal = text.Replace("\r\n", "\n").AsSpan().Trim();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(normal.Length));
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, Encoding.UTF8.GetBytes(normal, buffer)), hash);
            return Convert.ToHexStringLower(hash[..6]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Every section's hash by its key: the id, and for the second and later sections with the same id
    /// (an error of its own, MS0204) "id#2", "id#3": every section counts, so a change in any of them
    /// makes the translation stale. '#' never occurs in a heading id, so a key never collides with one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Sections(IReadOnlyList<PageSection> sections)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var n = seen[section.Id] = seen.GetValueOrDefault(section.Id) + 1;
            hashes[n == 1 ? section.Id : $"{section.Id}#{n}"] = Hash(section.Markdown());
        }

        return hashes;
    }

    public static TranslationStamp StampOf(SourcePage source, IReadOnlyList<PageSection> sections) => new(Hash(source.Body), Sections(sections));

    /// <summary>The keys of the source's sections that differ from what the translation recorded, added ones included, removed ones too.</summary>
    public static IReadOnlyList<string> Changed(TranslationStamp recorded, TranslationStamp now) =>
        now.Hash == recorded.Hash ? [] :
        now.Sections.Where(s => recorded.Sections.GetValueOrDefault(s.Key) != s.Value).Select(s => s.Key)
            .Concat(recorded.Sections.Keys.Where(k => !now.Sections.ContainsKey(k)))
            .ToList();
}
