using Microsite.Indexing;

namespace Microsite.Search;

/// <summary>The search stage in one call: the site's documents and terms, written as one index file per language.</summary>
internal static class SearchFiles
{
    /// <summary>The search page of each language: search.html, en/search.html.</summary>
    public const string PageFile = "search.html";

    public static IReadOnlyList<SearchIndexFile> Create(SiteIndex index, Func<string, string> glossaryTitle)
    {
        return SearchIndexBuilder.Build(lang => SearchSources.Documents(index, lang, glossaryTitle), SearchSources.Terms(index),
            index.Config.Languages.ToDictionary(l => l.Code, l => index.OutputPath(l.Code, PageFile), StringComparer.Ordinal));
    }
}
