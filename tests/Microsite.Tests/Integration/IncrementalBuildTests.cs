using Microsite.Build;
using Microsite.Core;

namespace Microsite.Tests.Integration;

/// <summary>A build session (the preview server's) redoes only what a change affects, and makes what a fresh build makes.</summary>
public class IncrementalBuildTests
{
    [Fact]
    public void Editing_one_chapter_redoes_that_chapter_and_the_pages_that_show_it_and_matches_a_fresh_build()
    {
        var session = new BuildSession();
        var input = TestSite.RepoInput();
        var first = SiteBuilder.Build(input, TestSite.RepoTheme(), session: session);
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var pages = first.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        Assert.All(session.LastWork, w => Assert.Equal(w.Total, w.Redone)); // nothing to reuse yet

        var text = input.Read("zh/closing.md")!;
        var edited = input.With("zh/closing.md", text.Replace("各位代表！", "各位代表：", StringComparison.Ordinal));
        var second = SiteBuilder.Build(edited, TestSite.RepoTheme(), session: session);
        var fresh = SiteBuilder.Build(edited, TestSite.RepoTheme());

        Assert.Equal(fresh.Diagnostics, second.Diagnostics); // the edit makes the translation stale: the same warning both ways
        Assert.Equal(fresh.Files.Select(f => (f.Path, f.Content)), second.Files.Select(f => (f.Path, f.Content)));
        var work = session.LastWork.ToDictionary(w => w.Stage);
        Assert.Equal(1, work["load"].Redone);
        // The chapter, and its English page: the edited section is now shown there in Chinese until translated (MS0405).
        Assert.Equal(2, work["render"].Redone);
        Assert.Equal(0, work["definitions"].Redone);
        Assert.Equal(2, work["layout"].Redone); // the two chapter pages; contents, glossary, full report and 404 are always laid out
        Assert.Equal(2, work["report"].Redone); // the same two as parts of the full reports; every other part is reused
        // Every home page and chapter (the Markdown files directly in a language's folder) is a part.
        Assert.Equal(input.Paths.Count(p => p.EndsWith(".md", StringComparison.Ordinal) && p.Count(c => c == '/') == 1), work["report"].Total);
        // The pages whose HTML changed: the two chapter pages, the two full reports (their text) and the
        // side-by-side page; every other page is the same bytes and keeps its findings.
        Assert.Equal(5, work["validate"].Redone);
        Assert.Equal(pages, work["validate"].Total);
    }

    [Fact]
    public void The_findings_on_built_pages_kept_by_the_session_are_placed_as_a_fresh_build_places_them()
    {
        // A theme defect on every page: an image from another host (MS0550) without a text alternative (MS0540).
        var theme = TestSite.RepoTheme();
        var broken = FileSet.FromMap(theme.Paths.ToDictionary(p => p, p => p == "layouts/base.liquid"
            ? theme.Read(p)!.Replace("<main id=\"main\" tabindex=\"-1\">", "<main id=\"main\" tabindex=\"-1\"><img src=\"https://example.com/logo.png\">", StringComparison.Ordinal)
            : theme.Read(p)!), "theme");
        var session = new BuildSession();
        var input = TestSite.RepoInput();
        SiteBuilder.Build(input, broken, session: session);
        var edited = input.With("zh/index.md", input.Read("zh/index.md")! + "\n各位代表，补充一段。\n");

        var second = SiteBuilder.Build(edited, broken, session: session);
        var fresh = SiteBuilder.Build(edited, broken);

        Assert.Contains(fresh.Diagnostics, d => d.Id == "MS0550" && d.Line > 0 && d.Column > 0);
        Assert.Equal(fresh.Diagnostics, second.Diagnostics);
        var validate = session.LastWork.Single(w => w.Stage == "validate");
        Assert.True(validate.Redone < validate.Total, "most pages' findings were kept from the first build");
    }

    [Fact]
    public void Renaming_a_chapter_lays_out_again_every_page_that_lists_it()
    {
        var session = new BuildSession();
        var input = TestSite.RepoInput();
        SiteBuilder.Build(input, TestSite.RepoTheme(), session: session);

        var edited = input.With("en/closing.md", input.Read("en/closing.md")!.Replace("\ntitle: ", "\ntitle: In Closing — ", StringComparison.Ordinal));
        var second = SiteBuilder.Build(edited, TestSite.RepoTheme(), session: session);
        var fresh = SiteBuilder.Build(edited, TestSite.RepoTheme());

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.Equal(fresh.Files.Select(f => (f.Path, f.Content)), second.Files.Select(f => (f.Path, f.Content)));
        Assert.Contains(second.Files, f => f.Path == "en/index.html" && f.Content.Contains("In Closing — ", StringComparison.Ordinal));
        Assert.True(session.LastWork.Single(w => w.Stage == "layout").Redone > 10, "a title shows in every page's navigation");
    }

    [Fact]
    public void A_page_broken_and_restored_builds_again_as_before()
    {
        var session = new BuildSession();
        var input = TestSite.RepoInput();
        var first = SiteBuilder.Build(input, TestSite.RepoTheme(), session: session);
        var broken = input.With("zh/closing.md", input.Read("zh/closing.md")!.Replace("order: 8", "order: [8", StringComparison.Ordinal));
        var other = input.With("zh/index.md", input.Read("zh/index.md")! + "\n各位代表，补充一段。\n");

        Assert.False(SiteBuilder.Build(broken, TestSite.RepoTheme(), session: session).Succeeded);
        Assert.False(SiteBuilder.Build(broken.With("zh/index.md", other.Read("zh/index.md")), TestSite.RepoTheme(), session: session).Succeeded);
        var restored = SiteBuilder.Build(input, TestSite.RepoTheme(), session: session);

        Assert.True(restored.Succeeded, string.Join("\n", restored.Diagnostics));
        Assert.Equal(first.Files.Select(f => (f.Path, f.Content)), restored.Files.Select(f => (f.Path, f.Content)));
    }
}
