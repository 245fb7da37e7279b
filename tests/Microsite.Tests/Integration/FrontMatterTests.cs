namespace Microsite.Tests.Integration;

public class FrontMatterTests
{
    private static string Site(string zhChapter, string? enChapter = null) => $"""
        -- site.yml --
        {TestSite.Config}
        {TestSite.Homes}
        -- zh/a.md --
        {zhChapter}
        -- en/a.md --
        {enChapter ?? "---\nkind: chapter\ntitle: A\nshort_title: A\norder: 1\nslug: a\ndescription: A.\n---\n\nText."}
        """;

    [Fact]
    public void Reports_unknown_key_at_its_line_and_column_with_a_hint()
    {
        var site = TestSite.Build(Site("""
            ---
            kind: chapter
            title: 一、总结
            short_title: 总结
            order: 1
            slug: a
            descripton: 一句话。
            ---

            正文。
            """));

        var d = site.Single("MS0021");
        Assert.Equal("input/zh/a.md", d.Path);
        Assert.Equal((7, 1), (d.Line, d.Column));
        Assert.Contains("\"descripton\"", d.Message);
        Assert.Contains("did you mean \"description\"", d.Message);
        Assert.False(site.Result.Succeeded);
    }

    [Fact]
    public void Reports_wrong_type_at_the_value()
    {
        var site = TestSite.Build(Site("""
            ---
            kind: chapter
            title: 一、总结
            short_title: 总结
            order: first
            slug: a
            description: 一句话。
            ---

            正文。
            """));

        var d = site.Single("MS0023");
        Assert.Equal((5, 8), (d.Line, d.Column));
        Assert.Contains("whole number", d.Message);
    }

    [Fact]
    public void Reports_missing_required_field()
    {
        var site = TestSite.Build(Site("""
            ---
            kind: chapter
            title: 一、总结
            order: 1
            slug: a
            description: 一句话。
            ---

            正文。
            """));

        var d = site.Single("MS0022");
        Assert.Equal("input/zh/a.md", d.Path);
        Assert.Contains("short_title", d.Message);
        Assert.True(d.Line >= 1);
    }

    [Fact]
    public void Reports_duplicate_slug_at_the_second_files_slug()
    {
        var site = TestSite.Build($"""
            -- site.yml --
            {TestSite.Config}
            {TestSite.Homes}
            -- zh/a.md --
            ---
            kind: page
            title: 甲
            slug: same
            description: 甲。
            ---
            -- zh/b.md --
            ---
            kind: page
            title: 乙
            description: 乙。
            slug: same
            ---
            """);

        var d = site.Diagnostics.Single(x => x.Id == "MS0024");
        Assert.Equal(("input/zh/b.md", 5, 7), (d.Path, d.Line, d.Column));
        Assert.Contains("input/zh/a.md", d.Message);
    }

    [Fact]
    public void Reports_a_file_without_front_matter()
    {
        var site = TestSite.Build(Site("# 标题\n\n正文。"));
        var d = site.Single("MS0020");
        Assert.Equal(("input/zh/a.md", 1, 1), (d.Path, d.Line, d.Column));
        Assert.Contains("did you forget the opening \"---\"", d.Message);
    }

    [Fact]
    public void Reports_unclosed_front_matter()
    {
        var site = TestSite.Build(Site("---\nkind: chapter\ntitle: 甲\n\n正文。"));
        Assert.Contains("never closed", site.Single("MS0020").Message);
    }

    [Theory]
    [InlineData("tags: [a, b", 2)] // YamlDotNet throws InvalidOperationException-like errors here, not YamlException
    [InlineData("title: \"unclosed", 2)]
    [InlineData("title: a: b", 2)]
    public void Turns_any_yaml_failure_into_a_diagnostic_at_the_file(string badLine, int line)
    {
        var site = TestSite.Build(Site($"---\n{badLine}\n---\n\n正文。"));
        var d = site.Single("MS0020");
        Assert.Equal("input/zh/a.md", d.Path);
        Assert.Equal(line, d.Line);
        Assert.StartsWith("invalid YAML", d.Message);
    }

    [Fact]
    public void Reports_a_slug_that_is_not_ascii_words()
    {
        var site = TestSite.Build(Site("---\nkind: chapter\ntitle: 甲\nshort_title: 甲\norder: 1\nslug: 总结\ndescription: 甲。\n---\n\n正文。"));
        var d = site.Single("MS0025");
        Assert.Equal((6, 7), (d.Line, d.Column));
    }

    [Fact]
    public void Reports_unknown_key_in_site_yml_with_its_position()
    {
        var site = TestSite.Build($"""
            -- site.yml --
            {TestSite.Config}
            baseurl: https://example.org/
            {TestSite.Homes}
            """);

        var d = site.Single("MS0011");
        Assert.Equal("input/site.yml", d.Path);
        Assert.Equal((12, 1), (d.Line, d.Column));
        Assert.Contains("did you mean \"base_url\"", d.Message);
    }

    [Fact]
    public void Windows_line_endings_and_a_bom_change_nothing()
    {
        var site = TestSite.Build(Site("\uFEFF---\r\nkind: chapter\r\ntitle: 一、总结\r\nshort_title: 总结\r\norder: 1\r\nslug: a\r\ndescription: 一句话。\r\n---\r\n\r\n正文。\r\n"));
        site.AssertBuilt();
        Assert.Equal("正文。", site.Html("a.html").QuerySelector("main .prose p")!.TextContent);
    }
}
