using Microsite.Core;
using Markdig.Syntax;

namespace Microsite.Content;

internal enum PageKind
{
    Home,
    Chapter,
    Page,
    GlossaryEntry,
}

/// <summary>One Markdown file of input/, parsed. Everything the later stages need about it, typed.</summary>
/// <param name="Lang">Language code: the first folder under input/.</param>
/// <param name="RelPath">Path inside the language folder (review-2022.md, glossary/tod.md): pairs share it.</param>
/// <param name="DisplayPath">Repo-relative path for diagnostics (input/zh/review-2022.md).</param>
/// <param name="Text">The whole file, normalised to LF.</param>
/// <param name="BodyStart">Where the Markdown after the front matter starts in <paramref name="Text"/>.</param>
/// <param name="Ast">Markdig's tree of the whole file; its line numbers are the file's.</param>
internal sealed record SourcePage(
    string Lang,
    string RelPath,
    string DisplayPath,
    PageKind Kind,
    PageMeta Meta,
    string Text,
    int BodyStart,
    MarkdownDocument Ast,
    GlossaryMeta? Glossary,
    TranslationStamp? Stamp)
{
    /// <summary>Set on a page built from the other language because its translation is missing.</summary>
    public string? FallbackFrom { get; init; }

    /// <summary>The language of the text itself (differs from <see cref="Lang"/> on fallback pages).</summary>
    public string ContentLang => FallbackFrom ?? Lang;

    public string Key => $"{Lang}/{RelPath}";

    /// <summary>The Markdown after the front matter, cut from <see cref="Text"/> when asked (a new string each time).</summary>
    public string Body => Text[BodyStart..];

    /// <summary>A digest of the file's text: with <see cref="Key"/>, what a memo of this page's results is keyed by.</summary>
    public string Hash => _hash ??= Digest.Of(Text);

    private string? _hash;

    /// <summary>
    /// The text a node was parsed from. Markdig's spans can reach past the end of the text (a code fence
    /// left open at the end of a file, found by the fuzz run), so the span is clamped to the text.
    /// </summary>
    public string TextAt(SourceSpan span) => SpanAt(span).ToString();

    /// <summary>The source text of <paramref name="span"/>, in place (clamped to the text).</summary>
    public ReadOnlySpan<char> SpanAt(SourceSpan span)
    {
        var start = Math.Clamp(span.Start, 0, Text.Length);
        return Text.AsSpan(start, Math.Clamp(span.Start + span.Length, start, Text.Length) - start);
    }
}

/// <param name="Slug">Output file name without .html; for glossary entries the entry id (its anchor).</param>
/// <param name="Positions">Line and column of each front matter field's value.</param>
internal sealed record PageMeta(
    string Title,
    string? ShortTitle,
    string? Description,
    int Order,
    string Slug,
    string? Parent,
    IReadOnlyDictionary<string, (int Line, int Column)>? Positions = null)
{
    /// <summary>Where a front matter field's value is, for diagnostics found after loading (1:1 when unknown).</summary>
    public (int Line, int Column) At(string key) => Positions?.GetValueOrDefault(key) is { Line: > 0 } p ? p : (1, 1);
}

/// <param name="Unused">Why the term may never occur in the text (silences the unused-term warning).</param>
internal sealed record GlossaryMeta(int Number, string Term, IReadOnlyList<string> Aliases, string? Unused, int Line);

/// <summary>What an English file records of the Chinese source it was translated from.</summary>
internal sealed record TranslationStamp(string Hash, IReadOnlyDictionary<string, string> Sections);
