using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Microsite.Core;

/// <summary>
/// The results of one pure function kept from a build to the next (the preview server's rebuilds): a
/// result is reused when its key, which names every input it depends on, is the same. What a build does
/// not ask for is dropped after it, so the memo holds one site's worth at most.
/// </summary>
internal sealed class Memo<TValue>
{
    private ConcurrentDictionary<string, TValue> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, TValue> _current = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;

    public TValue Get(string key, Func<TValue> compute)
    {
        if (_current.TryGetValue(key, out var value))
        {
            return value;
        }

        if (_previous.TryGetValue(key, out value))
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            Interlocked.Increment(ref _misses);
            value = compute();
        }

        _current[key] = value;
        return value;
    }

    /// <summary>
    /// How many results this build reused and computed; then starts the next build. A build that stopped
    /// before this stage (content errors) asked for nothing: what the memo holds is kept for the next one.
    /// </summary>
    public (int Reused, int Computed) EndBuild()
    {
        var counts = (_hits, _misses);
        if (!_current.IsEmpty)
        {
            (_previous, _current) = (_current, new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal));
        }

        (_hits, _misses) = (0, 0);
        return counts;
    }
}

/// <summary>Short, stable digests of text for memo keys.</summary>
internal static class Digest
{
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..24];

    /// <summary>One digest of many parts (each part delimited, so ["ab","c"] and ["a","bc"] differ).</summary>
    public static string Of(IEnumerable<string?> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part ?? "\u0000null"));
            hash.AppendData([0xFF]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }
}
