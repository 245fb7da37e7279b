using System.Text.Json;
using Microsite.Cli;
using Microsite.Core;

namespace Microsite.Tests.Robustness;

/// <summary>The report opens with what to fix first: errors before warnings, causes before their consequences.</summary>
public sealed class ReportOrderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-order-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static Diagnostic Error(string id, string path, int line = 1) => new(id, Severity.Error, path, line, 1, "x");

    private static Diagnostic Warning(string id, string path, int line = 1) => new(id, Severity.Warning, path, line, 1, "x");

    [Fact]
    public void Errors_come_before_warnings_and_causes_before_consequences_whatever_the_file_names()
    {
        var bag = new DiagnosticBag();
        bag.Add(Warning(DiagnosticIds.TermUnused, "input/a/glossary/x.md"));
        bag.Add(Error(DiagnosticIds.PageAnchorMissing, "output/a.html"));
        bag.Add(Error(DiagnosticIds.SectionsDiffer, "input/en/a.md"));
        bag.Add(Error(DiagnosticIds.HeadingIdRepeated, "input/zh/a.md", 16));
        bag.Add(Error(DiagnosticIds.LayoutMissing, "theme/layouts/page.liquid"));
        bag.Add(Error(DiagnosticIds.FrontMatterUnknownKey, "input/zh/z.md", 4));

        Assert.Equal(
            [DiagnosticIds.FrontMatterUnknownKey, DiagnosticIds.LayoutMissing, DiagnosticIds.HeadingIdRepeated, DiagnosticIds.SectionsDiffer, DiagnosticIds.PageAnchorMissing, DiagnosticIds.TermUnused],
            bag.Snapshot().Select(d => d.Id));
    }

    [Fact]
    public void A_file_is_one_group_per_level_placed_by_its_most_basic_finding()
    {
        var ordered = DiagnosticBag.Order([
            Error(DiagnosticIds.LinkTargetMissing, "input/zh/a.md", 30),
            Error(DiagnosticIds.SectionsDiffer, "input/en/a.md"),
            Error(DiagnosticIds.PairDiffers, "input/zh/a.md", 2),
            Error(DiagnosticIds.FrontMatterWrongType, "input/en/b.md", 5),
            Warning(DiagnosticIds.ParagraphUnterminated, "input/zh/a.md", 12),
        ]);

        Assert.Equal(
            ["input/en/b.md:5", "input/zh/a.md:30", "input/zh/a.md:2", "input/en/a.md:1", "input/zh/a.md:12"],
            ordered.Select(d => $"{d.Path}:{d.Line}"));
    }

    [Fact]
    public void Every_id_has_a_rank_and_the_ranks_follow_the_stages()
    {
        var ids = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.All(ids, id => Assert.NotEqual(DiagnosticRank.Unknown, DiagnosticRank.Of(id)));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.FileRefused) < DiagnosticRank.Of(DiagnosticIds.TemplateInvalid));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.TemplateInvalid) < DiagnosticRank.Of(DiagnosticIds.LinkTargetMissing));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.HeadingIdRepeated) < DiagnosticRank.Of(DiagnosticIds.SectionsDiffer));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.SectionsDiffer) < DiagnosticRank.Of(DiagnosticIds.PageLinkBroken));
        Assert.Equal(DiagnosticRank.Files, DiagnosticRank.Of(DiagnosticIds.TerminologyInvalid));

        // The figures file is a file; what figures and numbers say against the text of both languages comes after the text's own mistakes.
        Assert.Equal(DiagnosticRank.Files, DiagnosticRank.Of(DiagnosticIds.DataInvalid));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.HeadingIdRepeated) < DiagnosticRank.Of(DiagnosticIds.FigureSourceUnknown));
        Assert.True(DiagnosticRank.Of(DiagnosticIds.LinkTargetMissing) < DiagnosticRank.Of(DiagnosticIds.NumberDiffers));
    }

    [Fact]
    public void The_json_report_lists_the_findings_in_the_order_the_text_report_numbers_them()
    {
        var site = TestSite.Build($$"""
            -- site.yml --
            {{TestSite.Config}}
            {{TestSite.Homes}}
            -- zh/a.md --
            ---
            kind: chapter
            title: 甲
            short_title: 甲
            order: 1
            slug: a
            description: 甲。
            ---

            甲, 乙

            ## 一 {#one}

            见[乙](b.md)。

            ## 二 {#one}

            丙。
            -- en/a.md --
            ---
            kind: chapter
            title: A
            short_title: A
            order: 1
            slug: a
            description: A.
            ---

            A.
            """);
        var text = new StringWriter();
        var json = new StringWriter();
        DiagnosticReport.WriteText(text, site.Diagnostics, 0);
        DiagnosticReport.WriteJson(json, site.Diagnostics, 0);

        var numbered = text.ToString().Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && char.IsDigit(l.TrimStart()[0]))
            .Select(l => l[(l.IndexOf(". ", StringComparison.Ordinal) + 2)..]).ToList();
        var listed = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => new Diagnostic(d.GetProperty("id").GetString()!, Severity.Error, d.GetProperty("path").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), "").Location
                + $": {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()}").ToList();

        Assert.True(numbered.Count > 3);
        Assert.Equal(numbered.Select(l => l[..l.IndexOf(": ", l.IndexOf(" MS0", StringComparison.Ordinal), StringComparison.Ordinal)]), listed);
        Assert.StartsWith("input/zh/a.md:", numbered[0], StringComparison.Ordinal);
        Assert.Contains("warning", numbered[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TDO", "TOD")]
    [InlineData("tod", "TOD")]
    [InlineData("shorttitle", "short_title")]
    [InlineData("alias", "aliases")]
    [InlineData("Desciption", "description")]
    [InlineData("双中新", "双中心")]
    public void Did_you_mean_finds_swapped_letters_case_and_words_cut_short(string wrong, string meant) =>
        Assert.Equal(meant, DidYouMean.Suggest(wrong, ["TOD", "short_title", "aliases", "description", "双中心", "order", "slug"]));

    [Theory]
    [InlineData("author")]
    [InlineData("xyz")]
    public void Did_you_mean_stays_quiet_for_words_that_are_not_near(string wrong) =>
        Assert.Null(DidYouMean.Suggest(wrong, ["TOD", "short_title", "aliases", "description", "order", "slug"]));

    [Fact]
    public void Check_on_a_folder_that_is_not_a_built_site_says_so_and_exits_1()
    {
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a site");
        foreach (var format in new[] { "text", "json" })
        {
            var stdout = new StringWriter();
            var exit = Commands.Create(stdout, new StringWriter()).Parse(["check", _root, "--format", format]).Invoke();

            Assert.Equal(ExitCodes.ContentErrors, exit);
            Assert.Contains(DiagnosticIds.CheckNotASite, stdout.ToString());
            Assert.Contains($"{Invocation.Command} build && {Invocation.Command} check output", stdout.ToString());
        }

        // A copy fetched from the web host has no mark, but it has a home page: it is checked.
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!DOCTYPE html><html lang=\"zh-Hans\"><head><title>x</title></head><body></body></html>");
        var checkedCopy = new StringWriter();
        Commands.Create(checkedCopy, new StringWriter()).Parse(["check", _root]).Invoke();
        Assert.DoesNotContain(DiagnosticIds.CheckNotASite, checkedCopy.ToString());
    }

    [Fact]
    public void Hints_name_a_command_that_runs_never_a_bare_program_name()
    {
        var site = TestSite.Build($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}");
        var hints = site.Diagnostics.Where(d => d.Message.Contains(" run: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(hints);
        Assert.All(hints, d => Assert.Contains("run: bin/microsite translations --mark input/en/index.md", d.Message));
        Assert.DoesNotContain(site.Diagnostics, d => d.Message.Contains("run: microsite", StringComparison.Ordinal));
    }

    [Fact]
    public void The_mark_command_names_the_content_folder_when_it_is_not_the_default_and_quotes_what_a_shell_would_split()
    {
        var report = new Translations.TranslationReport("my input/zh/a.md", "my input/en/a.md", Translations.TranslationState.Stale, [], "my input");
        Assert.Equal("bin/microsite translations --input 'my input' --mark 'my input/en/a.md'", Translations.TranslationStatus.MarkCommand("bin/microsite", report));
        Assert.Equal("bin/microsite translations --mark input/en/a.md",
            Translations.TranslationStatus.MarkCommand("bin/microsite", report with { Translation = "input/en/a.md", InputFolder = "input" }));
    }
}
