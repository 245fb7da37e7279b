using System.Text;
using AngleSharp.Html.Parser;
using Microsite.Build;
using Microsite.Cli;
using Microsite.Core;

namespace Microsite.Tests.Robustness;

/// <summary>
/// Input no editor should be able to turn into a crash, a leak or a half-written site: one small site per
/// case, built through the CLI on disk (and in memory where the case is only text). A case either fails with
/// exit 1, the finding that names it first (its id, file, line and column where it has one), no stack trace,
/// and the previous output/ untouched; or it builds, and its check says what must (not) be in the site.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("microsite-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Zh = """
        ---
        kind: chapter
        title: 一、总结
        short_title: 总结
        order: 1
        slug: review
        description: 回顾。
        ---

        开头，建设双中心。

        ## 经济 {#economy}

        经济段落。
        """;

    private const string En = """
        ---
        kind: chapter
        title: I. Review
        short_title: Review
        order: 1
        slug: review
        description: Review.
        ---

        Opening: the Dual Centres.

        ## Economy {#economy}

        Economy paragraph.
        """;

    private const string ZhEntry = """
        ---
        number: 1
        term: 双中心
        ---

        指两个中心。
        """;

    private const string EnEntry = """
        ---
        number: 1
        term: Dual Centres
        ---

        Two centres.
        """;

    private static Dictionary<string, string> BaseInput()
    {
        var files = TestSite.Parse($"-- site.yml --\n{TestSite.Config}\n{TestSite.Homes}");
        files["zh/a.md"] = Zh + "\n";
        files["en/a.md"] = En + "\n";
        files["zh/glossary/dual-centre.md"] = ZhEntry + "\n";
        files["en/glossary/dual-centre.md"] = EnEntry + "\n";
        return files;
    }

    /// <summary>A case's site on disk: input/ and theme/ copied fresh, then the case's mistake made in them.</summary>
    private sealed class Site(string input, string theme)
    {
        public string Input { get; } = input;

        public string Theme { get; } = theme;

        /// <summary>Set by anything only a disk can hold (bytes, links): the case is then not also built in memory.</summary>
        public bool DiskOnly { get; private set; }

        public Dictionary<string, string> Text { get; } = BaseInput();

        public void Write(string path, string text)
        {
            Text[path] = text;
            WriteFile(Path.Combine(Input, path), Encoding.UTF8.GetBytes(text));
        }

        public void Edit(string path, Func<string, string> edit) => Write(path, edit(Text[path]));

        public void Delete(string path)
        {
            Text.Remove(path);
            File.Delete(Path.Combine(Input, path));
        }

        public void WriteBytes(string path, byte[] bytes)
        {
            DiskOnly = true;
            WriteFile(Path.Combine(Input, path), bytes);
        }

        public void Link(string path, string target)
        {
            DiskOnly = true;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, target);
        }

        public void EditTheme(string path, Func<string, string> edit)
        {
            DiskOnly = true;
            var full = Path.Combine(Theme, path);
            File.WriteAllText(full, edit(File.ReadAllText(full)));
        }

        private static void WriteFile(string path, byte[] bytes)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    /// <summary>What a case must come to.</summary>
    /// <param name="Location">"path:line:column", "path:line" or "path" of the first finding; null when the site builds.</param>
    private sealed record Expect(string? Id, string? Location, Action<string>? Check = null)
    {
        public static Expect Fails(string id, string location) => new(id, location);

        public static Expect Builds(Action<string> check) => new(null, null, check);
    }

    private static readonly Dictionary<string, (Action<Site> Make, Expect Expect)> Cases = new()
    {
        // Front matter
        ["front matter never closed"] = (s => s.Edit("zh/a.md", t => t.Replace("description: 回顾。\n---\n", "description: 回顾。\n")), Expect.Fails("MS0020", "input/zh/a.md:1:1")),
        ["no front matter"] = (s => s.Write("zh/a.md", "开头。\n"), Expect.Fails("MS0020", "input/zh/a.md:1:1")),
        ["empty file"] = (s => s.Write("zh/a.md", ""), Expect.Fails("MS0020", "input/zh/a.md:1:1")),
        ["a tab as indentation"] = (s => s.Edit("en/a.md", t => t.Replace("title: I. Review", "\ttitle: I. Review")), Expect.Fails("MS0020", "input/en/a.md:3:1")),
        ["a bracket left open"] = (s => s.Edit("zh/a.md", t => t.Replace("title: 一、总结", "title: [一、总结")), Expect.Fails("MS0020", "input/zh/a.md:3:1")),
        ["a colon inside a value"] = (s => s.Edit("en/a.md", t => t.Replace("description: Review.", "description: Review: the year.")), Expect.Fails("MS0020", "input/en/a.md:7:20")),
        ["a key twice"] = (s => s.Edit("zh/a.md", t => t.Replace("slug: review\n", "slug: review\ntitle: 又一个标题\n")), Expect.Fails("MS0020", "input/zh/a.md:7:1")),
        ["an unknown key"] = (s => s.Edit("zh/a.md", t => t.Replace("slug: review\n", "slug: review\nauthor: 某某\n")), Expect.Fails("MS0021", "input/zh/a.md:7:1")),
        ["a misspelt required key"] = (s => s.Edit("zh/a.md", t => t.Replace("short_title:", "shorttitle:")), Expect.Fails("MS0021", "input/zh/a.md:4:1")),
        ["a number that is text"] = (s => s.Edit("zh/a.md", t => t.Replace("order: 1", "order: first")), Expect.Fails("MS0023", "input/zh/a.md:5:8")),
        ["a title that is a list"] = (s => s.Edit("en/a.md", t => t.Replace("title: I. Review", "title: [I., Review]")), Expect.Fails("MS0023", "input/en/a.md:3:8")),
        ["a kind that does not exist"] = (s => s.Edit("zh/a.md", t => t.Replace("kind: chapter", "kind: chpater")), Expect.Fails("MS0023", "input/zh/a.md:2:7")),

        // Bytes and names
        ["bytes that are not UTF-8"] = (s => s.WriteBytes("zh/a.md", GbkLike(Zh)), Expect.Fails("MS0020", "input/zh/a.md:3:8")),
        ["a byte order mark and Windows line endings"] = (s => s.WriteBytes("zh/a.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Zh.Replace("\n", "\r\n"))]),
            Expect.Builds(output => Assert.Contains("经济段落。", File.ReadAllText(Path.Combine(output, "review.html"))))),
        ["two names that differ only in case"] = (s => s.Write("zh/A.md", Zh.Replace("slug: review", "slug: review-upper")), Expect.Fails("MS0015", "input/zh/a.md")),
        ["a file name that is not ASCII"] = (s =>
        {
            s.Write("zh/回顾.md", Zh.Replace("slug: review", "slug: look-back").Replace("order: 1", "order: 2").Replace("一、总结", "二、回顾"));
            s.Write("en/回顾.md", En.Replace("slug: review", "slug: look-back").Replace("order: 1", "order: 2").Replace("I. Review", "II. Looking back"));
            s.Edit("zh/a.md", t => t + "\n见[回顾](回顾.md)。\n");
        }, Expect.Builds(output => Assert.Contains("href=\"look-back.html\"", File.ReadAllText(Path.Combine(output, "review.html"))))),
        ["a link out of input/"] = (s => s.Link(Path.Combine(s.Input, "zh", "b.md"), Outside(s, "secret.md", Zh)), Expect.Fails("MS0014", "input/zh/b.md")),
        ["a link to nothing"] = (s => s.Link(Path.Combine(s.Input, "zh", "b.md"), Path.Combine(s.Input, "zh", "gone.md")), Expect.Fails("MS0014", "input/zh/b.md")),
        ["a link out of theme/"] = (s =>
        {
            File.Delete(Path.Combine(s.Theme, "layouts", "page.liquid"));
            s.Link(Path.Combine(s.Theme, "layouts", "page.liquid"), Outside(s, "page.liquid", "<p>{{ page.title }}</p>"));
        }, Expect.Fails("MS0014", "theme/layouts/page.liquid")),

        // Markdown
        ["raw script, iframe and event handlers"] = (s => s.Edit("zh/a.md", t => t + "\n<script>alert(1)</script>\n\n<iframe src=\"https://example.com\"></iframe>\n\n见<img src=x onerror=alert(1)>图。\n"),
            Expect.Builds(output =>
            {
                var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "review.html")));
                Assert.Equal(["assets/site.js"], page.QuerySelectorAll("script").Select(e => e.GetAttribute("src")));
                Assert.Empty(page.QuerySelectorAll("iframe, main img"));
                Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
                Assert.Contains("&lt;script&gt;", page.QuerySelector("main")!.InnerHtml);
            })),
        ["a javascript: link"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](javascript:alert(1))。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a data: link"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](data:text/html;base64,PHNjcmlwdD4=)。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a file: link to the editor's disk"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](file:///etc/passwd)。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a link to a page that does not exist"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](b.md)。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a link to a section that does not exist"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](a.md#economics)。")), Expect.Fails("MS0202", "input/zh/a.md:14:3")),
        ["a link out of the site"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](../../../../etc/passwd.md)。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a link from the host's root"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[段落](/etc/passwd)。")), Expect.Fails("MS0201", "input/zh/a.md:14:3")),
        ["a slug that climbs out of output/"] = (s => s.Edit("zh/a.md", t => t.Replace("slug: review", "slug: ../../etc/review")), Expect.Fails("MS0025", "input/zh/a.md:6:7")),
        ["a slug with markup"] = (s => s.Edit("en/a.md", t => t.Replace("slug: review", "slug: \"\\\"><script>alert(1)</script>\"")), Expect.Fails("MS0025", "input/en/a.md:6:7")),
        ["quotes nested 10,000 deep"] = (s => s.Edit("zh/a.md", t => t + "\n" + new string('>', 10000) + " 深。\n"), Expect.Fails("MS0208", "input/zh/a.md:16:1")),
        ["lists nested 10,000 deep"] = (s => s.Edit("en/a.md", t => t + "\n" + string.Concat(Enumerable.Repeat("- ", 10000)) + "deep\n"), Expect.Fails("MS0208", "input/en/a.md:16:1")),
        ["emphasis nested 10,000 deep"] = (s => s.Edit("en/a.md", t => t + "\n" + new string('*', 10000) + "deep" + new string('*', 10000) + "\n"), Expect.Fails("MS0208", "input/en/a.md:16:1")),
        ["brackets nested 10,000 deep"] = (s => s.Edit("en/a.md", t => t + "\n" + new string('[', 10000) + "deep" + new string(']', 10000) + "\n"), Expect.Fails("MS0208", "input/en/a.md:16:1")),
        ["emphasis nested 100,000 deep (a stack overflow once)"] = (s => s.Edit("zh/a.md", t => t + "\n" + new string('*', 100000) + "深" + new string('*', 100000) + "\n"), Expect.Fails("MS0208", "input/zh/a.md:16:1")),
        ["ordered lists nested 20,000 deep"] = (s => s.Edit("zh/a.md", t => t + "\n" + string.Concat(Enumerable.Repeat("1. ", 20000)) + "深\n"), Expect.Fails("MS0208", "input/zh/a.md:16:1")),
        ["front matter brackets nested 100,000 deep (a stack overflow once)"] = (s => s.Edit("zh/a.md", t => t.Replace("title: 一、总结", "title: " + new string('[', 100000) + new string(']', 100000))), Expect.Fails("MS0020", "input/zh/a.md:3:40")),
        ["front matter lists nested 20,000 deep (found by the fuzz run: a stack overflow)"] = (s => s.Edit("zh/a.md", t => t.Replace("slug: review\n", "slug: review\nx:\n  " + string.Concat(Enumerable.Repeat("- ", 20000)) + "a\n")), Expect.Fails("MS0020", "input/zh/a.md:8:45")),
        ["front matter indented 2,500 levels deep"] = (s => s.Edit("zh/a.md", t => t.Replace("slug: review\n", "slug: review\nx:\n" + string.Concat(Enumerable.Range(1, 2500).Select(i => new string(' ', i) + "a:\n")))), Expect.Fails("MS0020", "input/zh/a.md:73:66")),
        ["a 5 MB chapter"] = (s => s.Edit("zh/a.md", t => t + string.Concat(Enumerable.Range(0, 5 * 1024 * 1024 / 60).Select(i => $"\n第{i}段，相城区建设双中心，推进高质量发展。\n"))),
            Expect.Builds(output => Assert.True(new FileInfo(Path.Combine(output, "review.html")).Length > 5 * 1024 * 1024))),
        ["a code fence opened on the last line (found by the fuzz run: exit 2)"] = (s => s.Write("zh/glossary/dual-centre.md", ZhEntry + "\n```"),
            Expect.Builds(output => Assert.Contains("指两个中心。", File.ReadAllText(Path.Combine(output, "glossary.html"))))),
        ["a heading id used twice"] = (s => s.Edit("zh/a.md", t => t + "\n## 又一节 {#economy}\n\n又一段。\n"), Expect.Fails("MS0204", "input/zh/a.md:16:1")),
        ["a misspelt glossary reference"] = (s => s.Edit("zh/a.md", t => t.Replace("经济段落。", "经济[[双中新]]段落。")), Expect.Fails("MS0102", "input/zh/a.md:14:3")),
        ["two chapters in one place"] = (s =>
        {
            s.Write("zh/b.md", Zh.Replace("slug: review", "slug: other"));
            s.Write("en/b.md", En.Replace("slug: review", "slug: other"));
        }, Expect.Fails("MS0029", "input/en/b.md:5:8")),
        ["hostile strings in every front-matter field"] = (s =>
        {
            const string Hostile = "\"<script>alert(1)</script><img src=x onerror=alert(2)> & \\\"quoted\\\" {{ page.title }} {% raw %}\"";
            s.Edit("zh/a.md", t => t.Replace("title: 一、总结", $"title: {Hostile}").Replace("short_title: 总结", $"short_title: {Hostile}").Replace("description: 回顾。", $"description: {Hostile}"));
            s.Edit("zh/glossary/dual-centre.md", t => t.Replace("term: 双中心", $"term: {Hostile}\naliases: [双中心, {Hostile}]\nunused: {Hostile}"));
        }, Expect.Builds(output =>
        {
            foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
            {
                var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
                // Only the site's own scripts (the search page adds its script and index), none inline.
                Assert.All(page.QuerySelectorAll("script"), e => Assert.Matches(@"^(\.\./)*assets/(site|search|search-index\.[a-z-]+)\.js$", e.GetAttribute("src") ?? "inline"));
                Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
                Assert.Empty(page.QuerySelectorAll("img[src=x]"));
            }

            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", File.ReadAllText(Path.Combine(output, "review.html")));
            Assert.Contains("{{ page.title }}", new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "review.html"))).Title);
        })),

        // site.yml and other data files
        ["no site.yml"] = (s => s.Delete("site.yml"), Expect.Fails("MS0012", "input/site.yml")),
        ["site.yml that is not YAML"] = (s => s.Edit("site.yml", t => t.Replace("  zh:\n", "  zh: [\n")), Expect.Fails("MS0010", "input/site.yml:2:7")),
        ["a language code that is not one"] = (s => s.Edit("site.yml", t => t.Replace("  en:\n", "  English:\n")), Expect.Fails("MS0013", "input/site.yml:7:3")),
        ["a folder of a language site.yml does not have"] = (s => s.Write("fr/a.md", En),
            Expect.Builds(output => Assert.False(Directory.Exists(Path.Combine(output, "fr"))))),
        ["a translations policy that does not exist"] = (s => s.Edit("site.yml", t => t + "\ntranslations: maybe\n"), Expect.Fails("MS0013", "input/site.yml:13:15")),
        ["terminology.yml that is not a list"] = (s => s.Write("terminology.yml", "阳澄湖: Yangcheng Lake\n"), Expect.Fails("MS0410", "input/terminology.yml:1:1")),

        // The theme
        ["a missing layout"] = (s => File.Delete(Path.Combine(s.Theme, "layouts", "chapter.liquid")), Expect.Fails("MS0031", "theme/layouts/chapter.liquid")),
        ["a Liquid syntax error"] = (s => s.EditTheme("layouts/chapter.liquid", t => t.Replace("<h1>{{ page.title }}</h1>", "<h1>{% if %}</h1>")), Expect.Fails("MS0030", "theme/layouts/chapter.liquid:2:")),
        ["a layout that fails while a page is written"] = (s => s.EditTheme("layouts/chapter.liquid", t => t.Replace("<h1>{{ page.title }}</h1>", "<h1>{% include 'nowhere' %}</h1>")), Expect.Fails("MS0030", "theme/layouts/chapter.liquid")),
        ["Liquid tags nested 20,000 deep (a stack overflow once)"] = (s => s.EditTheme("layouts/page.liquid", t => string.Concat(Enumerable.Repeat("{% if true %}", 20000)) + string.Concat(Enumerable.Repeat("{% endif %}", 20000)) + t), Expect.Fails("MS0030", "theme/layouts/page.liquid:1:417")),
        ["Liquid parentheses nested 20,000 deep (a stack overflow once)"] = (s => s.EditTheme("layouts/page.liquid", t => "{{ " + new string('(', 20000) + "1" + new string(')', 20000) + " }}" + t), Expect.Fails("MS0030", "theme/layouts/page.liquid:1:36")),
        ["a missing UI string"] = (s => s.EditTheme("i18n/en.yml", t => t.Replace("home: Home\n", "")), Expect.Fails("MS0032", "theme/i18n/en.yml:2:1")),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_cases()
    {
        Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");
        Assert.True(Cases.Values.Count(c => c.Expect.Id is not null) >= 30, "at least thirty that must fail");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_never_breaks_the_build(string name)
    {
        var (make, expect) = Cases[name];
        var site = NewSite();
        var output = Path.Combine(_root, "output");
        Assert.Equal(0, Cli("build", "--input", site.Input, "--theme", site.Theme, "--output", output).Exit);
        var before = Snapshot(output);

        make(site);
        var (exit, stdout, stderr) = Cli("build", "--input", site.Input, "--theme", site.Theme, "--output", output);
        var report = $"{name}:\n{stdout}\n{stderr}";

        Assert.DoesNotContain("   at ", stdout + stderr); // never a stack trace
        Assert.DoesNotContain("internal error", stdout + stderr);
        Assert.True(stderr.Length == 0, report);
        if (expect.Id is null)
        {
            Assert.True(exit == ExitCodes.Built, report);
            expect.Check!(output);
            return;
        }

        Assert.True(exit == ExitCodes.ContentErrors, report);
        var first = stdout.Split('\n').First(l => l.StartsWith("  1. ", StringComparison.Ordinal));
        Assert.True(first.StartsWith($"  1. {Display(expect.Location!)}", StringComparison.Ordinal) && first.Contains($" error {expect.Id}: ", StringComparison.Ordinal),
            $"expected {expect.Id} at {expect.Location} first; {report}");
        var after = Snapshot(output);
        Assert.True(before.Count == after.Count && before.All(f => after.TryGetValue(f.Key, out var bytes) && bytes.SequenceEqual(f.Value)), $"output/ changed; {report}");

        // Text-only mistakes are built in memory too, to the same first finding.
        if (!site.DiskOnly)
        {
            var result = SiteBuilder.Build(FileSet.FromMap(site.Text, "input"), FileSet.FromDirectory(site.Theme, "theme"));
            var firstInMemory = result.Diagnostics[0];
            Assert.False(result.Succeeded);
            Assert.Equal(expect.Id, firstInMemory.Id);
            Assert.StartsWith(expect.Location!, firstInMemory.Location, StringComparison.Ordinal);
        }
    }

    /// <summary>The case's location as the CLI prints it: the case's folders, named as given.</summary>
    private string Display(string location) =>
        location.StartsWith("input/", StringComparison.Ordinal) ? Options.Display(Path.Combine(_root, "site", "input")) + location["input".Length..]
        : Options.Display(Path.Combine(_root, "site", "theme")) + location["theme".Length..];

    private Site NewSite()
    {
        var input = Path.Combine(_root, "site", "input");
        var theme = Path.Combine(_root, "site", "theme");
        foreach (var (path, text) in BaseInput())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(input, path))!);
            File.WriteAllText(Path.Combine(input, path), text);
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepoRoot, "theme"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(theme, Path.GetRelativePath(Path.Combine(TestSite.RepoRoot, "theme"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new Site(input, theme);
    }

    /// <summary>A file outside the case's folders, for links to point at.</summary>
    private static string Outside(Site site, string name, string text)
    {
        var path = Path.Combine(Path.GetDirectoryName(site.Input)!, "..", "elsewhere", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return Path.GetFullPath(path);
    }

    /// <summary>The text saved as GBK, as Chinese Windows editors do.</summary>
    private static byte[] GbkLike(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK").GetBytes(text);
    }

    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Commands.Create(stdout, stderr).Parse(args).Invoke();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}
