using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsite.Core;

namespace Microsite.Search;

/// <summary>
/// Writes the search index of each language as a classic script that sets a global (a script loads from
/// file://, fetch does not). The index holds the documents' text (for snippets and for telling phrases
/// from scattered words in the browser) and an inverted index: each token of
/// <see cref="Tokenizer"/> and the documents that hold it. Both grow linearly with the site.
/// </summary>
internal static class SearchIndexBuilder
{
    public const string GlobalName = "MicrositeSearchIndex";

    /// <summary>Bumped when the format changes, so a stale cached index is told apart by search.js.</summary>
    public const int FormatVersion = 1;

    // JSON inside a .js file served as a script: no HTML context, so Han characters and quotes stay as
    // they are (the default encoder would write every Han character as \uXXXX, tripling the file).
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FilePath(string lang) => $"assets/search-index.{lang}.js";

    /// <summary>The index of documents given in any order (tests; the site's come in order, see the overload).</summary>
    /// <param name="searchPages">Per language, the site path of the search page: the index's links are relative to it.</param>
    public static IReadOnlyList<SearchIndexFile> Build(
        IReadOnlyList<SearchDocument> documents, IReadOnlyList<SearchTerm> terms, IReadOnlyDictionary<string, string> searchPages) =>
        Build(lang => documents.Where(d => d.Lang == lang).OrderBy(d => d.Order).ThenBy(d => d.Url, StringComparer.Ordinal), terms, searchPages);

    /// <param name="documents">
    /// A language's documents in report order. Each is written and scanned as it comes and then dropped:
    /// only the postings and the file grow while the index is made.
    /// </param>
    /// <param name="searchPages">Per language, the site path of the search page: the index's links are relative to it.</param>
    public static IReadOnlyList<SearchIndexFile> Build(
        Func<string, IEnumerable<SearchDocument>> documents, IReadOnlyList<SearchTerm> terms, IReadOnlyDictionary<string, string> searchPages)
    {
        // One index per language, each on its own thread: they share nothing.
        var languages = searchPages.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var files = new SearchIndexFile[languages.Count];
        Parallelism.ForEach(Enumerable.Range(0, languages.Count).ToList(), i =>
        {
            var (lang, searchPage) = languages[i];
            files[i] = new SearchIndexFile(lang, FilePath(lang), Write(lang, documents(lang), terms, searchPage));
        });
        return files;
    }

    private static ChunkedBuffer Write(string lang, IEnumerable<SearchDocument> docs, IReadOnlyList<SearchTerm> terms, string searchPage)
    {
        var pages = new List<(string Href, string Title)>();
        var pageIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new Postings();
        var termDocs = new Dictionary<string, int>(StringComparer.Ordinal);

        var output = new ChunkedBuffer();
        output.Write(Encoding.UTF8.GetBytes($"window.{GlobalName} = "));
        using (var writer = new Utf8JsonWriter((IBufferWriter<byte>)output, Json))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("lang", lang);

            // Documents: [kind, page, anchor, title, text]; the title is empty for a page (its page's title).
            writer.WriteStartArray("docs");
            foreach (var doc in docs)
            {
                var hash = doc.Url.IndexOf('#');
                var path = hash < 0 ? doc.Url : doc.Url[..hash];
                if (!pageIndex.TryGetValue(path, out var page))
                {
                    page = pageIndex[path] = pages.Count;
                    pages.Add((Urls.Relative(searchPage, path), doc.PageTitle));
                }

                var title = doc.Kind == SearchKind.Page ? "" : doc.SectionTitle;
                writer.WriteStartArray();
                writer.WriteNumberValue((int)doc.Kind);
                writer.WriteNumberValue(page);
                writer.WriteStringValue(hash < 0 ? "" : doc.Url[(hash + 1)..]);
                writer.WriteStringValue(title);
                writer.WriteStringValue(doc.Text);
                writer.WriteEndArray();

                var number = postings.StartDocument();
                var sink = new Postings.Sink(postings);
                Tokenizer.Scan(doc.Kind == SearchKind.Page ? doc.PageTitle : title, sink);
                Tokenizer.Scan(doc.Text, sink);

                if (doc.TermKey is { } key)
                {
                    termDocs.TryAdd(key, number);
                }
            }

            writer.WriteEndArray();

            writer.WriteStartArray("pages");
            foreach (var (href, title) in pages)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(href);
                writer.WriteStringValue(title);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();

            // "token ids|token ids|…", tokens in ordinal order (search.js finds a character's bigrams by
            // binary search), ids in base 36 as gaps from the previous id: a third of the size of JSON.
            // Written a token at a time: at 10,000 pages this one string is tens of megabytes.
            writer.WritePropertyName("terms");
            var line = new StringBuilder();
            var first = true;
            foreach (var (token, ids) in postings.ByToken())
            {
                line.Clear();
                if (!first)
                {
                    line.Append('|');
                }

                first = false;
                line.Append(token).Append(' ');
                AppendGaps(line, ids.Span);
                foreach (var chunk in line.GetChunks())
                {
                    writer.WriteStringValueSegment(chunk.Span, isFinalSegment: false);
                }
            }

            writer.WriteStringValueSegment(ReadOnlySpan<char>.Empty, isFinalSegment: true);

            // Glossary entries that are synonyms: [document, [every form of the term, in every language]].
            writer.WriteStartArray("synonyms");
            foreach (var term in terms.Where(t => termDocs.ContainsKey(t.Key)).OrderBy(t => termDocs[t.Key]))
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(termDocs[term.Key]);
                writer.WriteStartArray();
                foreach (var form in term.Forms.DistinctBy(f => string.Join(' ', Tokenizer.Terms(f))).Where(f => Tokenizer.Tokenize(f).Count > 0))
                {
                    writer.WriteStringValue(form);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Write(";\n"u8);
        return output;
    }

    private static void AppendGaps(StringBuilder builder, ReadOnlySpan<int> ids)
    {
        Span<char> digits = stackalloc char[8];
        var previous = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var value = ids[i] - previous;
            var at = digits.Length;
            do
            {
                digits[--at] = Base36Digits[value % 36];
                value /= 36;
            }
            while (value > 0);

            builder.Append(digits[at..]);
            previous = ids[i];
        }
    }

    private const string Base36Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
}
