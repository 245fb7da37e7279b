using Microsite.Content;

namespace Microsite.Indexing;

/// <summary>
/// When each page's source last changed (from git): a chapter its own file; the glossary page its
/// language's entries; the contents and the full report every page of their language. No history
/// (outside a repository): no dates, and the output stays the same on every machine.
/// </summary>
internal sealed class PageDates(SiteIndex index, Func<string, DateTimeOffset?>? lastChanged)
{
    public DateOnly? Of(SourcePage page) => Date(page.Key);

    public DateOnly? OfGlossary(string lang) => Latest(index.Glossary.GetValueOrDefault(lang, []).Select(e => e.Source.Key));

    public DateOnly? OfReport(string lang) => Latest(index.Pages.Where(p => p.Lang == lang && p.FallbackFrom is null).Select(p => p.Key));

    private DateOnly? Latest(IEnumerable<string> keys) => keys.Select(Date).Max();

    private DateOnly? Date(string key) => lastChanged?.Invoke(key) is { } when ? DateOnly.FromDateTime(when.Date) : null;
}
