namespace Microsite.Search;

/// <summary>
/// The inverted index of one language while it is made: each token gets a number the first time it is seen,
/// and each document adds the numbers of its tokens, once each, to one list of ints. Grouped by token only
/// when the index is written. A list per token (a Dictionary of List&lt;int&gt;) made hundreds of thousands of
/// objects at 10,000 pages, each array copied as it grew, all of them marked by every collection while layout
/// ran beside.
/// </summary>
internal sealed class Postings
{
    // 64 K ints a chunk (256 KB): allocated once each, never copied as the list grows.
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Tokens of two UTF-16 units (a Han bigram, most of a Chinese report's tokens) looked up by one int
    // made of the two, not by hashing and comparing characters.
    private readonly Dictionary<int, int> _pairs = [];
    private readonly List<string> _tokens = [];
    private readonly List<int[]> _chunks = [];
    private readonly List<long> _documentStarts = [];
    private int[] _lastDocument = new int[1024];
    private long _count;

    public Postings() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Starts the next document and returns its number (from 0): the tokens given until the next call are its.</summary>
    public int StartDocument()
    {
        _documentStarts.Add(_count);
        return _documentStarts.Count - 1;
    }

    /// <summary>A token of the current document; a string is made only for a token not seen before.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        var document = _documentStarts.Count - 1;
        if (document < 0)
        {
            throw new InvalidOperationException("a token before the first document");
        }

        var pair = text.Length == 2;
        var key = pair ? (text[0] << 16) | text[1] : 0;
        if (!(pair ? _pairs.TryGetValue(key, out var id) : _lookup.TryGetValue(text, out id)))
        {
            id = _tokens.Count;
            _tokens.Add(text.ToString());
            if (pair)
            {
                _pairs[key] = id;
            }
            else
            {
                _lookup[text] = id;
            }

            if (id == _lastDocument.Length)
            {
                Array.Resize(ref _lastDocument, id * 2);
            }

            _lastDocument[id] = -1;
        }

        if (_lastDocument[id] == document)
        {
            return;
        }

        _lastDocument[id] = document;
        var at = (int)(_count & (ChunkSize - 1));
        if (at == 0)
        {
            _chunks.Add(new int[ChunkSize]);
        }

        _chunks[^1][at] = id;
        _count++;
    }

    /// <summary>
    /// Each token, in ordinal order, with the documents that hold it, in the order they were added. Found by
    /// counting: every pair is read twice, and only one array of the pairs' size is made.
    /// </summary>
    public IEnumerable<(string Token, ReadOnlyMemory<int> Documents)> ByToken()
    {
        var ends = new long[_documentStarts.Count];
        for (var d = 0; d < ends.Length; d++)
        {
            ends[d] = d + 1 < ends.Length ? _documentStarts[d + 1] : _count;
        }

        var starts = new int[_tokens.Count + 1];
        for (long i = 0; i < _count; i++)
        {
            starts[At(i) + 1]++;
        }

        for (var t = 0; t < _tokens.Count; t++)
        {
            starts[t + 1] += starts[t];
        }

        var next = starts[..^1];
        var documents = new int[_count];
        long pair = 0;
        for (var d = 0; d < ends.Length; d++)
        {
            for (; pair < ends[d]; pair++)
            {
                documents[next[At(pair)]++] = d;
            }
        }

        var tokens = _tokens.ToArray();
        var ids = Enumerable.Range(0, tokens.Length).ToArray();
        Array.Sort(tokens, ids, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = ids[i];
            yield return (tokens[i], documents.AsMemory(starts[id], starts[id + 1] - starts[id]));
        }
    }

    /// <summary>The tokenizer's sink: a struct, so that the tokenizer is compiled for it and calls Add directly.</summary>
    public readonly struct Sink(Postings postings) : ITokenSink
    {
        public void Add(ReadOnlySpan<char> text, int start, int end) => postings.Add(text);
    }

    private int At(long pair) => _chunks[(int)(pair >> ChunkBits)][pair & (ChunkSize - 1)];
}
