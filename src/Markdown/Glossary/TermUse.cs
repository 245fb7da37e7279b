namespace Microsite.Markdown.Glossary;

/// <summary>Where a glossary term is used: a section (h2) of a page, or the page top when SectionId is null.</summary>
internal sealed record TermUse(string EntryId, string? SectionId, string SectionTitle);
