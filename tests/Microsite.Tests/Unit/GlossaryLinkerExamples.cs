using System.Text.RegularExpressions;
using Microsite.Config;
using Microsite.Core;
using Microsite.Markdown;
using Microsite.Markdown.Glossary;

namespace Microsite.Tests.Unit;

/// <summary>
/// The glossary linker's edge cases, one example file each in Examples/glossary: Markdown in, HTML out.
/// Adding a case is adding a file. In the expected HTML, &lt;term ID&gt;text&lt;/term&gt; stands for a
/// linked term (its full markup is checked by the integration tests).
/// </summary>
public partial class GlossaryLinkerExamples
{
    public static TheoryData<string> Files() =>
        new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Examples", "glossary"), "*.txt").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Example(string file)
    {
        var (header, sections) = Read(Path.Combine(AppContext.BaseDirectory, "Examples", "glossary", file));
        var patterns = header["terms"].Split(',', StringSplitOptions.TrimEntries)
            .Select(t => t.Split('='))
            .SelectMany(t => t[0].Split('|').Select(name => (Name: name, Id: t[1])))
            .ToList();
        var lookup = new GlossaryLookup(
            new TermMatcher(patterns.Select(p => (p.Name, p.Id))),
            patterns.GroupBy(p => p.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Id),
            patterns.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Name));
        var policy = Enum.Parse<GlossaryLinking>(header["policy"], ignoreCase: true);

        var document = Markdig.Markdown.Parse(sections["markdown"], MarkdownPipelines.Content);
        var context = new RenderContext
        {
            Terms = TermPlanner.Plan(document, lookup, policy, "页"),
            TermLink = id => new TermLink("g.html#" + id, "释义：" + lookup.TermById[id]),
        };
        var html = Simplify(SiteHtmlRenderer.Render(document, context));
        var diagnostics = TermPlanner.UnknownReferences(document, lookup)
            .Select(u => $"{u.Reference.Line + 1}:{u.Reference.Column + 1}: error {DiagnosticIds.TermUnknown}: {u.Message}");

        Assert.Equal(sections["html"].Trim(), html.Trim());
        var expectedDiagnostics = sections.GetValueOrDefault("diagnostics")?.Trim() ?? "";
        Assert.Equal(expectedDiagnostics, string.Join("\n", diagnostics));
    }

    private static string Simplify(string html) => TermMarkup().Replace(html, m => $"<term {m.Groups[1].Value}>{m.Groups[2].Value}</term>");

    private static (Dictionary<string, string> Header, Dictionary<string, string> Sections) Read(string path)
    {
        var header = new Dictionary<string, string>();
        var sections = new Dictionary<string, string>();
        string? current = null;
        var lines = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("~~~ ", StringComparison.Ordinal))
            {
                Flush();
                current = line[4..].Trim();
            }
            else if (current is null)
            {
                if (!line.StartsWith('#') && line.Contains(':'))
                {
                    header[line[..line.IndexOf(':')].Trim()] = line[(line.IndexOf(':') + 1)..].Trim();
                }
            }
            else
            {
                lines.Add(line);
            }
        }

        Flush();
        return (header, sections);

        void Flush()
        {
            if (current is not null)
            {
                sections[current] = string.Join('\n', lines);
            }

            lines.Clear();
        }
    }

    [GeneratedRegex("""<a class="term" href="g\.html#([^"]+)" aria-describedby="gloss-[^"]+-def" data-term="[^"]+">(.*?)</a>\u2060<button type="button" class="term-toggle" popovertarget="gloss-[^"]+" aria-label="释义：[^"]*"></button>""")]
    private static partial Regex TermMarkup();
}
