using System.Globalization;
using System.Text;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;

namespace Microsite.Scaffolding;

/// <summary>A page already in input/, as far as a new one must know it.</summary>
/// <param name="Path">Inside input/ ("zh/review-2022.md").</param>
/// <param name="Order">A chapter's order (0 for other pages); a glossary entry's number.</param>
/// <param name="Slug">A page's slug; a glossary entry's id (its file name).</param>
internal sealed record ExistingPage(string Path, string Lang, PageKind Kind, string Slug, int Order);

/// <summary>A file to create: its path inside input/ ("zh/new-chapter.md") and its text.</summary>
internal sealed record NewFile(string Path, string Text);

/// <summary>The files of a new page in every language, or why there are none.</summary>
internal sealed record ScaffoldResult(IReadOnlyList<NewFile> Files, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static ScaffoldResult Refused(string problem) => new([], problem);
}

/// <summary>
/// The files <c>new chapter SLUG</c> and <c>new term ID</c> create: the default language's file and its
/// translation in every other language, with valid front matter (a chapter after the last one, a term with
/// the next number). Pure: the caller writes the files and builds. The translations are left unmarked, so
/// the build keeps reminding the editor (MS0408) until they are translated and marked.
/// </summary>
internal static class Scaffold
{
    /// <summary>A chapter "SLUG.md" in every language, ordered after the last chapter.</summary>
    /// <param name="languages">Language codes of site.yml, the default first.</param>
    /// <param name="existingFiles">Every path of input/ (a file that did not load still blocks its name).</param>
    /// <param name="title">The chapter's title in the default language; a placeholder naming the slug when null.</param>
    public static ScaffoldResult Chapter(string slug, IReadOnlyList<string> languages, IEnumerable<ExistingPage> pages, IReadOnlySet<string> existingFiles, string? title = null)
    {
        var known = pages.ToList();
        if (Invalid(slug, "slug", "review-2022") is { } problem)
        {
            return ScaffoldResult.Refused(problem);
        }

        if (ContentLoader.ReservedSlugs.Contains(slug))
        {
            return ScaffoldResult.Refused($"\"{slug}\" is the name of a page the generator writes itself; choose another slug");
        }

        if (known.FirstOrDefault(p => p.Kind is PageKind.Chapter or PageKind.Page && p.Slug == slug) is { } taken)
        {
            return ScaffoldResult.Refused($"slug \"{slug}\" is already used by input/{taken.Path}; choose another");
        }

        var files = languages.Select(lang => $"{lang}/{slug}.md").ToList();
        if (files.FirstOrDefault(existingFiles.Contains) is { } existing)
        {
            return ScaffoldResult.Refused($"input/{existing} already exists");
        }

        var order = known.Where(p => p.Kind == PageKind.Chapter && p.Lang == languages[0]).Select(p => p.Order).DefaultIfEmpty(0).Max() + 1;
        return new ScaffoldResult(
            languages.Select((lang, i) => new NewFile(files[i], ChapterText(lang, slug, order, i == 0 ? title : null))).ToList(),
            null);
    }

    /// <summary>A glossary entry "glossary/ID.md" in every language, numbered after the last entry.</summary>
    /// <param name="term">The term in the default language (what the text says, e.g. 双中心); a placeholder when null.</param>
    public static ScaffoldResult Term(string id, IReadOnlyList<string> languages, IEnumerable<ExistingPage> pages, IReadOnlySet<string> existingFiles, string? term = null)
    {
        var known = pages.ToList();
        if (Invalid(id, "glossary id", "dual-centre") is { } problem)
        {
            return ScaffoldResult.Refused(problem);
        }

        if (known.FirstOrDefault(p => p.Kind == PageKind.GlossaryEntry && p.Slug == id) is { } taken)
        {
            return ScaffoldResult.Refused($"glossary id \"{id}\" is already used by input/{taken.Path}; choose another");
        }

        var files = languages.Select(lang => $"{lang}/glossary/{id}.md").ToList();
        if (files.FirstOrDefault(existingFiles.Contains) is { } existing)
        {
            return ScaffoldResult.Refused($"input/{existing} already exists");
        }

        var number = known.Where(p => p.Kind == PageKind.GlossaryEntry && p.Lang == languages[0]).Select(p => p.Order).DefaultIfEmpty(0).Max() + 1;
        return new ScaffoldResult(
            languages.Select((lang, i) => new NewFile(files[i], TermText(lang, id, number, i == 0 ? term : null))).ToList(),
            null);
    }

    /// <summary>The pages as <see cref="ContentLoader.Load"/> returns them.</summary>
    public static IEnumerable<ExistingPage> From(IEnumerable<SourcePage> pages) =>
        pages.Select(p => new ExistingPage($"{p.Lang}/{p.RelPath}", p.Lang, p.Kind, p.Meta.Slug, p.Kind == PageKind.GlossaryEntry ? p.Glossary!.Number : p.Meta.Order));

    /// <summary>Languages of site.yml, the default first.</summary>
    public static IReadOnlyList<string> Languages(SiteConfig config) => config.Languages.Select(l => l.Code).ToList();

    private static string? Invalid(string name, string what, string example) =>
        ContentLoader.SlugPattern().IsMatch(name)
            ? null
            : $"\"{name}\" is not a valid {what}: use lowercase ASCII letters and digits, words joined by hyphens, like \"{example}\" (it becomes the address of the page in both languages)";

    private static string ChapterText(string lang, string slug, int order, string? title)
    {
        var chinese = lang.StartsWith("zh", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append("---\n")
            .Append("kind: chapter\n")
            .Append("title: ").Append(Quote(title ?? (chinese ? $"待定标题（{slug}）" : $"Untitled chapter ({slug})"))).Append('\n')
            .Append("short_title: ").Append(Quote(title ?? (chinese ? $"待定（{slug}）" : $"Untitled ({slug})"))).Append('\n')
            .Append("order: ").Append(order.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("slug: ").Append(slug).Append('\n')
            .Append("description: ").Append(Quote(chinese ? "一句话介绍本章。" : "One sentence on what this chapter says.")).Append('\n')
            .Append("---\n\n")
            .Append(chinese ? "在这里撰写正文。\n" : "The translation follows.\n");
        return text.ToString();
    }

    private static string TermText(string lang, string id, int number, string? term)
    {
        var chinese = lang.StartsWith("zh", StringComparison.Ordinal);
        var text = new StringBuilder();
        text.Append("---\n")
            .Append("number: ").Append(number.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("term: ").Append(Quote(term ?? (chinese ? $"待定术语{number}" : id.Replace('-', ' ')))).Append('\n')
            .Append("---\n\n")
            .Append(chinese ? "在这里撰写释义。\n" : "The translation of the definition follows.\n");
        return text.ToString();
    }

    /// <summary>A YAML scalar that stays text whatever the editor typed (": ", "#", a leading "[" or quote).</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
