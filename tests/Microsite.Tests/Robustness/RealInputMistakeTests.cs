using System.Text;
using Microsite.Build;
using Microsite.Cli;
using Microsite.Core;

namespace Microsite.Tests.Robustness;

/// <summary>
/// One mistake made in the real report, as a new editor would make it: the first line printed names it (its
/// id, file and line), and nothing false is printed after it. "Allowed" lists what else may truly follow
/// (a translation that is now behind its changed Chinese source, for one).
/// </summary>
public class RealInputMistakeTests
{
    /// <param name="First">The start of the first printed finding: "input/zh/x.md:4:1: error MS0021".</param>
    /// <param name="Allowed">Ids that may appear besides the first one's, because they are true too.</param>
    public sealed record Mistake(Func<Dictionary<string, byte[]>, string> Make, string First, string[] Allowed, string? Hint = null);

    private static string Edit(Dictionary<string, byte[]> files, string path, Func<string, string> edit)
    {
        var before = Encoding.UTF8.GetString(files[path]);
        var after = edit(before);
        Assert.NotEqual(before, after); // the mistake was made
        files[path] = Encoding.UTF8.GetBytes(after);
        return path;
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replace + text[(at + find.Length)..];
    }

    private static readonly string[] Stale = ["MS0405", "MS0403"];

    public static readonly Dictionary<string, Mistake> Mistakes = new()
    {
        ["a misspelt front-matter key"] = new(f => Edit(f, "zh/review-2022.md", t => t.Replace("short_title:", "shorttitle:")),
            "input/zh/review-2022.md:4:1: error MS0021", [], "unknown key \"shorttitle\" (did you mean \"short_title\"?)"),
        ["a tab used as indentation"] = new(f => Edit(f, "zh/review-2022.md", t => t.Replace("\ntitle:", "\n\ttitle:")),
            "input/zh/review-2022.md:3:1: error MS0020", [], "a tab is used to indent this line"),
        ["a chapter saved as GBK"] = new(f =>
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            f["zh/review-2022.md"] = Encoding.GetEncoding("GBK").GetBytes(Encoding.UTF8.GetString(f["zh/review-2022.md"]));
            return "zh/review-2022.md";
        }, "input/zh/review-2022.md:3:8: error MS0020", [], "not UTF-8"),
        ["a front matter left open"] = new(f => Edit(f, "en/integrity.md", t => ReplaceFirst(t[4..], "\n---\n", "\n\n").Insert(0, "---\n")),
            "input/en/integrity.md:1:1: error MS0020", [], "never closed"),
        ["two headings with one id"] = new(f => Edit(f, "zh/review-2022.md", t => t.Replace("{#economy}", "{#mission}")),
            // The figures of the economy section now cite a section that is gone: true, and after the cause.
            "input/zh/review-2022.md:16:1: error MS0204", [.. Stale, "MS0710"], "\"mission\" is already used"),
        ["two chapters in one place"] = new(f =>
        {
            Edit(f, "en/tasks-2023.md", t => t.Replace("order: 2", "order: 1"));
            return Edit(f, "zh/tasks-2023.md", t => t.Replace("order: 2", "order: 1"));
        }, "input/en/tasks-2023.md:5:8: error MS0029", [], "also the order of input/en/review-2022.md"),
        ["a glossary reference with two letters swapped"] = new(f => Edit(f, "zh/dual-centre.md", t => ReplaceFirst(t, "TOD", "[[TDO]]")),
            "input/zh/dual-centre.md:17:218: error MS0102", Stale, "(did you mean \"TOD\"?)"),
        ["a link to a misspelt section"] = new(f => Edit(f, "zh/closing.md", t => ReplaceFirst(t, "发展永无止境，奋斗未有穷期。", "发展永无止境，[奋斗](tasks-2023.md#target)未有穷期。")),
            "input/zh/closing.md:10:13: error MS0202", Stale, "(did you mean \"targets\"?)"),
        ["a link to a misspelt page"] = new(f => Edit(f, "en/closing.md", t => ReplaceFirst(t, "Fellow Deputies", "[Fellow](task-2023.md) Deputies")),
            "input/en/closing.md:14:1: error MS0201", [], "did you mean \"tasks-2023.md\"?"),
        ["a half-width comma in Chinese"] = new(f => Edit(f, "zh/closing.md", t => ReplaceFirst(t, "各位代表！发展永无止境，奋斗", "各位代表！发展永无止境,奋斗")),
            "input/zh/closing.md:10:12: error MS0303", Stale, "use the full-width \"，\""),
        ["a space inside Chinese text"] = new(f => Edit(f, "zh/closing.md", t => ReplaceFirst(t, "各位代表！发展永无止境", "各位代表！发展永无 止境")),
            "input/zh/closing.md:10:10: error MS0302", Stale),
        ["a parent that is misspelt"] = new(f => Edit(f, "zh/wellbeing.md", t => t.Replace("parent: tasks-2023", "parent: task-2023")),
            "input/zh/wellbeing.md:8:9: error MS0026", ["MS0402"], "(did you mean \"tasks-2023\"?)"),
        ["a slug that differs from the other language's"] = new(f => Edit(f, "en/wellbeing.md", t => t.Replace("slug: wellbeing", "slug: well-being")),
            "input/en/wellbeing.md:6:7: error MS0402", []),
        ["a required field left empty"] = new(f => Edit(f, "en/index.md", t => ReplaceFirst(t, "description:", "description: ~\nold_description:")),
            "input/en/index.md:3:14: error MS0022", ["MS0021"], "\"description\" is empty"),
        ["a glossary number used twice"] = new(f => Edit(f, "zh/glossary/bim.md", t => t.Replace("number: 30", "number: 20")),
            "input/zh/glossary/bim.md:2:1: error MS0105", ["MS0106", "MS0405", "MS0403"], "also used by input/zh/glossary/tod.md"),
        ["a misspelt key in a glossary entry"] = new(f => Edit(f, "en/glossary/tod.md", t => t.Replace("aliases:", "alias:")),
            "input/en/glossary/tod.md:4:1: error MS0021", [], "(did you mean \"aliases\"?)"),
        ["a base_url without its scheme"] = new(f => Edit(f, "site.yml", t => t.Replace("base_url: https://www.szxc.gov.cn/gzbg2023/", "base_url: www.szxc.gov.cn/gzbg2023/")),
            "input/site.yml:37:11: error MS0013", []),
        ["a javascript: link"] = new(f => Edit(f, "zh/closing.md", t => ReplaceFirst(t, "发展永无止境，奋斗未有穷期。", "发展永无止境，[奋斗](javascript:void(0))未有穷期。")),
            "input/zh/closing.md:10:13: error MS0201", Stale, "runs code"),
        ["a section added to a Chinese chapter"] = new(f => Edit(f, "zh/closing.md", t => t + "\n## 新增一节 {#new-part}\n\n这是新增的一节。\n"),
            "input/en/closing.md: warning MS0405", [], "sections new-part of input/zh/closing.md"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Mistakes.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_table_has_at_least_fifteen_mistakes() => Assert.True(Mistakes.Count >= 15, $"{Mistakes.Count} mistakes");

    [Fact]
    public void The_real_input_itself_has_no_findings()
    {
        var result = SiteBuilder.Build(TestSite.RepoInput(), TestSite.RepoTheme());
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void One_mistake_in_the_real_report_is_named_on_the_first_line_and_nothing_false_follows(string name)
    {
        var mistake = Mistakes[name];
        var real = TestSite.RepoInput();
        var files = real.Paths.ToDictionary(p => p, p => real.ReadBytes(p)!);
        mistake.Make(files);

        var result = SiteBuilder.Build(FileSet.FromBytes(files, "input"), TestSite.RepoTheme(), new BuildOptions(Command: "bin/microsite"));
        var printed = new StringWriter();
        DiagnosticReport.WriteText(printed, result.Diagnostics, result.PagesChecked);
        var lines = printed.ToString().Split('\n');
        var first = lines.First(l => l.StartsWith("  1. ", StringComparison.Ordinal))[5..];
        var report = $"{name}:\n{printed}";

        Assert.True(first.StartsWith(mistake.First, StringComparison.Ordinal), report);
        if (mistake.Hint is not null)
        {
            Assert.True(first.Contains(mistake.Hint, StringComparison.Ordinal), report);
        }

        var firstId = result.Diagnostics[0].Id;
        var others = result.Diagnostics.Skip(1).Where(d => d.Id != firstId && !mistake.Allowed.Contains(d.Id)).ToList();
        Assert.True(others.Count == 0, $"false findings after the first: {string.Join("; ", others)}\n{report}");
        Assert.Equal(mistake.First.Contains(" error ", StringComparison.Ordinal), !result.Succeeded);
    }
}
