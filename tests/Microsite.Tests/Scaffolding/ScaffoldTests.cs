using Microsite.Build;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Scaffolding;

namespace Microsite.Tests.Scaffolding;

public sealed class ScaffoldTests
{
    private static readonly string[] Languages = ["zh", "en"];

    private const string Site = $"""
        -- site.yml --
        {TestSite.Config}
        {TestSite.Homes}
        -- zh/review-2022.md --
        ---
        kind: chapter
        title: 一、2022年工作总结
        short_title: 2022年工作总结
        order: 1
        slug: review-2022
        description: 回顾过去一年。
        ---

        过去一年，我们团结奋斗。
        -- en/review-2022.md --
        ---
        kind: chapter
        title: I. Review of 2022
        short_title: Review of 2022
        order: 1
        slug: review-2022
        description: The year in review.
        ---

        Over the past year we worked together.
        -- zh/glossary/dual-centre.md --
        ---
        number: 1
        term: 双中心
        ---

        指枢纽中心和高科技中心城区。
        -- en/glossary/dual-centre.md --
        ---
        number: 1
        term: Dual Centres
        ---

        Refers to the hub centre and the high-tech central urban area.
        """;

    private static readonly ExistingPage[] Pages =
    [
        new("zh/review-2022.md", "zh", PageKind.Chapter, "review-2022", 1),
        new("zh/tasks-2023.md", "zh", PageKind.Chapter, "tasks-2023", 7),
        new("zh/about.md", "zh", PageKind.Page, "about", 0),
        new("en/review-2022.md", "en", PageKind.Chapter, "review-2022", 1),
        new("zh/glossary/dual-centre.md", "zh", PageKind.GlossaryEntry, "dual-centre", 33),
        new("en/glossary/dual-centre.md", "en", PageKind.GlossaryEntry, "dual-centre", 33),
    ];

    private static readonly HashSet<string> Files = new(Pages.Select(p => p.Path).Append("zh/draft.md"), StringComparer.Ordinal);

    [Fact]
    public void A_new_chapter_goes_after_the_last_one_in_both_languages()
    {
        var result = Scaffold.Chapter("open-economy", Languages, Pages, Files);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(["zh/open-economy.md", "en/open-economy.md"], result.Files.Select(f => f.Path));
        Assert.All(result.Files, f => Assert.Contains("\norder: 8\nslug: open-economy\n", f.Text));
        Assert.All(result.Files, f => Assert.StartsWith("---\nkind: chapter\n", f.Text));
        Assert.Contains("在这里撰写正文。", result.Files[0].Text);
    }

    [Fact]
    public void The_first_chapter_of_a_site_is_number_one()
    {
        var result = Scaffold.Chapter("first", Languages, [], new HashSet<string>());

        Assert.All(result.Files, f => Assert.Contains("\norder: 1\n", f.Text));
    }

    [Fact]
    public void A_new_term_takes_the_next_number()
    {
        var result = Scaffold.Term("zero-waste-city", Languages, Pages, Files, term: "无废城市");

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(["zh/glossary/zero-waste-city.md", "en/glossary/zero-waste-city.md"], result.Files.Select(f => f.Path));
        Assert.Equal("---\nnumber: 34\nterm: \"无废城市\"\n---\n\n在这里撰写释义。\n", result.Files[0].Text);
        Assert.StartsWith("---\nnumber: 34\nterm: \"zero waste city\"\n---\n", result.Files[1].Text);
    }

    [Theory]
    [InlineData("Open-Economy", "is not a valid slug")]
    [InlineData("open economy", "is not a valid slug")]
    [InlineData("开放", "is not a valid slug")]
    [InlineData("open--economy", "is not a valid slug")]
    [InlineData("-open", "is not a valid slug")]
    [InlineData("", "is not a valid slug")]
    [InlineData("glossary", "the generator writes itself")]
    [InlineData("review-2022", "already used by input/zh/review-2022.md")]
    [InlineData("about", "already used by input/zh/about.md")]
    [InlineData("draft", "input/zh/draft.md already exists")]
    public void Refuses_a_bad_or_taken_slug(string slug, string problem)
    {
        var result = Scaffold.Chapter(slug, Languages, Pages, Files);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
        Assert.Contains(problem, result.Problem);
    }

    [Theory]
    [InlineData("Dual_Centre", "is not a valid glossary id")]
    [InlineData("dual-centre", "already used by input/zh/glossary/dual-centre.md")]
    public void Refuses_a_bad_or_taken_term_id(string id, string problem)
    {
        var result = Scaffold.Term(id, Languages, Pages, Files);

        Assert.False(result.Succeeded);
        Assert.Contains(problem, result.Problem);
    }

    [Fact]
    public void A_title_with_yaml_syntax_stays_text()
    {
        var result = Scaffold.Chapter("open-economy", Languages, Pages, Files, title: "三、开放: \"双循环\" #1");

        var loaded = ContentLoader.LoadOne("zh", "open-economy.md", "input/zh/open-economy.md", result.Files[0].Text, new DiagnosticBag());
        Assert.Equal("三、开放: \"双循环\" #1", loaded!.Meta.Title);
    }

    [Fact]
    public void New_pairs_build_without_errors_and_take_their_place()
    {
        var map = TestSite.Parse(Site);
        var input = TestSite.Input(Site);
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(input, diagnostics)!;
        var pages = ContentLoader.Load(input, config, diagnostics).ToList();
        var existing = Scaffold.From(pages).ToList();
        var paths = input.Paths.ToHashSet(StringComparer.Ordinal);

        var chapter = Scaffold.Chapter("open-economy", Scaffold.Languages(config), existing, paths);
        var term = Scaffold.Term("zero-waste-city", Scaffold.Languages(config), existing, paths);
        foreach (var file in chapter.Files.Concat(term.Files))
        {
            map.Add(file.Path, file.Text);
        }

        var before = SiteBuilder.Build(input, TestSite.RepoTheme());
        var site = SiteBuilder.Build(FileSet.FromMap(map, "input"), TestSite.RepoTheme());

        Assert.True(site.Succeeded, string.Join("\n", site.Diagnostics));
        Assert.DoesNotContain(site.Diagnostics, d => d.Severity == Severity.Error);

        // What the editor is still asked to do: translate and mark both pages, and use the term somewhere.
        Assert.Equal(
            [
                (DiagnosticIds.TermUnused, "input/en/glossary/zero-waste-city.md"),
                (DiagnosticIds.TermUnused, "input/zh/glossary/zero-waste-city.md"),
                (DiagnosticIds.TranslationUnmarked, "input/en/glossary/zero-waste-city.md"),
                (DiagnosticIds.TranslationUnmarked, "input/en/open-economy.md"),
            ],
            site.Diagnostics.Except(before.Diagnostics).Select(d => (d.Id, d.Path)).Order().ToList());
        Assert.Contains(site.Files, f => f.Path == "open-economy.html");
        Assert.Contains(site.Files, f => f.Path == "en/open-economy.html");
        Assert.Contains("order: 2", chapter.Files[0].Text);
        Assert.Contains("number: 2", term.Files[0].Text);
    }
}
