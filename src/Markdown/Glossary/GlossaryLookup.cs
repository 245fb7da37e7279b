namespace Microsite.Markdown.Glossary;

/// <summary>What the term planner needs to know about one language's glossary.</summary>
/// <param name="EntryByName">Term or alias, lower-cased, to its entry id.</param>
/// <param name="TermById">Entry id to its term as written.</param>
internal sealed record GlossaryLookup(
    TermMatcher Matcher,
    IReadOnlyDictionary<string, string> EntryByName,
    IReadOnlyDictionary<string, string> TermById);
