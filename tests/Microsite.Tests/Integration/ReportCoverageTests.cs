using Microsite.Build;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using YamlDotNet.RepresentationModel;

namespace Microsite.Tests.Integration;

/// <summary>
/// The Chinese site holds the government's text: every sentence of the raw PDF text (the fixture),
/// once the repairs listed in input/repairs.yml are applied, appears on the built pages in order.
/// </summary>
public partial class ReportCoverageTests
{
    private static readonly Lazy<BuildResult> Real = new(() => SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme()));

    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Every_repair_applies_to_exactly_one_place_of_the_seed()
    {
        var seed = Seed();
        foreach (var (find, _) in Repairs())
        {
            Assert.True(Count(seed, find) == 1, $"\"{find}\" occurs {Count(seed, find)} times in the seed, not once");
        }
    }

    [Fact]
    public void Every_sentence_of_the_report_is_on_the_chinese_pages_in_order()
    {
        var (body, _) = SplitGlossary(RepairedSeed());
        var sentences = Sentences(body).ToList();
        Assert.True(sentences.Count > 200, $"only {sentences.Count} sentences: is the fixture complete?");

        var site = Text(PagesInReportOrder());
        var position = 0;
        foreach (var sentence in sentences)
        {
            var at = site.IndexOf(sentence, position, StringComparison.Ordinal);
            Assert.True(at >= 0, $"not found after position {position}: \"{sentence}\"\n(next on the site: \"{site[position..Math.Min(site.Length, position + 60)]}\")");
            position = at + sentence.Length;
        }
    }

    [Fact]
    public void The_glossary_has_the_reports_33_entries_numbered_1_to_33_word_for_word()
    {
        var (_, glossary) = SplitGlossary(RepairedSeed());
        var seedEntries = EntryLine().Matches(glossary)
            .Select(m => (Number: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Term: Squash(m.Groups[2].Value), Definition: Squash(m.Groups[3].Value)))
            .ToList();
        Assert.Equal(Enumerable.Range(1, 33), seedEntries.Select(e => e.Number));

        var page = Parser.ParseDocument(File("glossary.html"));
        var siteEntries = page.QuerySelectorAll("[data-glossary-entry]")
            .Select(e => (
                Number: int.Parse(e.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture),
                Term: Squash(e.QuerySelector(".glossary-term")!.TextContent).Split('.', 2)[1],
                Definition: Squash(e.QuerySelector(".glossary-definition")!.TextContent)))
            .ToList();
        Assert.Equal(seedEntries, siteEntries);
    }

    /// <summary>The home page, then the chapters in the order the home page lists them.</summary>
    private static IEnumerable<IElement> PagesInReportOrder()
    {
        var home = Parser.ParseDocument(File("index.html"));
        yield return home.QuerySelector(".report-cover")!;
        yield return home.QuerySelector("main .prose")!;
        foreach (var href in home.QuerySelectorAll(".chapter-list a").Select(a => a.GetAttribute("href")!))
        {
            var page = Parser.ParseDocument(File(href));
            yield return page.QuerySelector("main h1")!;
            yield return page.QuerySelector("main .prose")!;
        }
    }

    private static string File(string path)
    {
        Assert.True(Real.Value.Succeeded, string.Join("\n", Real.Value.Diagnostics));
        return Real.Value.Files.Single(f => f.Path == path).Content;
    }

    private static string Text(IEnumerable<IElement> parts) => string.Concat(parts.Select(p => Squash(p.TextContent)));

    private static string Seed() => System.IO.File.ReadAllText(Path.Combine(TestSite.RepoRoot, "tests", "fixtures", "seed.txt"));

    private static List<(string Find, string Replace)> Repairs()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(System.IO.File.ReadAllText(Path.Combine(TestSite.RepoRoot, "input", "repairs.yml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlSequenceNode)root["repairs"]).Children.Cast<YamlMappingNode>()
            .Select(r => (((YamlScalarNode)r["find"]).Value!, ((YamlScalarNode)r["replace"]).Value!))
            .ToList();
    }

    private static string RepairedSeed()
    {
        var text = Seed();
        foreach (var (find, replace) in Repairs())
        {
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }

        return HanDigitSpace().Replace(text, "");
    }

    private static (string Body, string Glossary) SplitGlossary(string text)
    {
        var at = text.IndexOf("名 词 解 释", StringComparison.Ordinal);
        Assert.True(at > 0, "the seed has no 名词解释");
        return (text[..at], text[(at + "名 词 解 释".Length)..]);
    }

    /// <summary>
    /// Sentences split at 。；！？ and at paragraph breaks (after the repairs, a blank line in the seed is a
    /// real paragraph break: a heading stands alone), without their closing mark: headings drop it.
    /// </summary>
    private static IEnumerable<string> Sentences(string text) =>
        ParagraphBreak().Split(text).SelectMany(p => SentenceEnd().Split(Squash(p))).Where(s => s.Length > 0);

    /// <summary>
    /// Whitespace carries no text here: PDF line breaks and spaces kept for Latin runs (TOD 综合) alike;
    /// nor does the invisible word joiner that keeps a term's "?" button on the term's line.
    /// </summary>
    private static string Squash(string text) => Whitespace().Replace(text, "");

    private static int Count(string text, string find) => Regex.Matches(text, Regex.Escape(find)).Count;

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})[ \t]+(?=[0-9])|(?<=[0-9%])[ \t]+(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex HanDigitSpace();

    [GeneratedRegex(@"[。；！？]")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\s\u2060]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"^(\d+)\.\s*([^：\n]+)：(.+)$", RegexOptions.Multiline)]
    private static partial Regex EntryLine();
}
