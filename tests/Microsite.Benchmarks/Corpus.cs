using System.Globalization;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsite.Config;
using Microsite.Content;
using Microsite.Core;
using Microsite.Indexing;
using Microsite.Translations;

namespace Microsite.Benchmarks;

/// <summary>
/// Writes a synthetic two-language report site of a given size, made of the real report's text: each
/// chapter is a few sections of real Chinese paragraphs with their real English translations (so the
/// pairs, numbers, terminology and typography checks pass as they do on the real site), 500 glossary
/// terms used across the chapters, and links between chapters and sections. Beside it, the same
/// Markdown as a Hugo site, for a side-by-side comparison of the same work.
/// </summary>
internal static class Corpus
{
    private const int GlossaryTerms = 500;

    public static void Write(int pages, string realInput, string outDir)
    {
        var random = new Random(20230103); // fixed: the same corpus on every machine
        var real = FileSet.FromDirectory(realInput, "input");
        var pool = ParagraphPairs(real);
        var chapters = Math.Max(1, (pages - 8) / 2); // each language also has home, glossary, contents, full report
        var terms = Terms(random, GlossaryTerms);

        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        var input = Path.Combine(outDir, "input");
        Directory.CreateDirectory(Path.Combine(input, "zh", "glossary"));
        Directory.CreateDirectory(Path.Combine(input, "en", "glossary"));
        File.Copy(Path.Combine(realInput, "site.yml"), Path.Combine(input, "site.yml"));
        File.Copy(Path.Combine(realInput, "terminology.yml"), Path.Combine(input, "terminology.yml"));
        var hugo = Path.Combine(outDir, "hugo");
        HugoSite.WriteSkeleton(hugo);

        Write(input, hugo, "index.md",
            Front("zh", "政府工作报告", "合成的报告首页，用于测量构建速度。", null),
            Front("en", "Report on the Work of the Government", "The home page of a synthetic report, for measuring build speed.", null),
            [("top", [(pool[0].Zh, pool[0].En)])]);

        var termUses = new int[terms.Count];
        for (var c = 1; c <= chapters; c++)
        {
            var slug = Slug(c);
            var sections = new List<(string Id, List<(string Zh, string En)> Paragraphs)>();
            var count = 2 + random.Next(2);
            for (var s = 1; s <= count; s++)
            {
                var paragraphs = Enumerable.Range(0, s == 1 ? 2 : 1).Select(_ => pool[random.Next(pool.Count)]).ToList();
                if (s == 1)
                {
                    var t = random.Next(terms.Count);
                    termUses[t]++;
                    var target = 1 + random.Next(chapters);
                    var (zh, en) = paragraphs[0];
                    paragraphs[0] = (
                        $"{zh}持续推进{terms[t].Zh}，详见[相关章节]({Slug(target)}.md#s1)。",
                        $"{en} We will keep advancing the {terms[t].En}; see [a related chapter]({Slug(target)}.md#s1).");
                }

                sections.Add(($"s{s}", paragraphs));
            }

            Write(input, hugo, slug + ".md",
                Front("zh", $"第{c}章 合成章节", $"合成章节{c}，用于测量构建速度。", (c, slug)),
                Front("en", $"Chapter {c} — a synthetic chapter", $"Synthetic chapter {c}, for measuring build speed.", (c, slug)),
                sections.Select(s => (s.Id, s.Paragraphs)).ToList());
        }

        var glossaryZh = new StringBuilder();
        var glossaryEn = new StringBuilder();
        for (var t = 0; t < terms.Count; t++)
        {
            var id = $"term-{t + 1:000}";
            var zh = $"---\nnumber: {t + 1}\nterm: {terms[t].Zh}\n{(termUses[t] == 0 ? "unused: 合成语料中未用到。\n" : "")}---\n\n指合成语料中的第{t + 1}个名词，用于测量构建速度。\n";
            var enBody = $"The {Ordinal(t + 1)} term of the synthetic corpus, for measuring build speed.";
            var en = $"---\nnumber: {t + 1}\nterm: {terms[t].En}\n{(termUses[t] == 0 ? "unused: not used in the synthetic corpus.\n" : "")}"
                + $"translated_from:\n  hash: {TranslationStatus.Hash(zh[(zh.IndexOf("---\n\n", 4, StringComparison.Ordinal) + 5)..])}\n---\n\n{enBody}\n";
            File.WriteAllText(Path.Combine(input, "zh", "glossary", id + ".md"), zh);
            File.WriteAllText(Path.Combine(input, "en", "glossary", id + ".md"), StampSections($"glossary/{id}.md", zh, en));
            glossaryZh.Append($"## {terms[t].Zh} {{#{id}}}\n\n{zh[(zh.IndexOf("---\n\n", 4, StringComparison.Ordinal) + 5)..]}\n");
            glossaryEn.Append($"## {terms[t].En} {{#{id}}}\n\n{enBody}\n\n");
        }

        // Like the site's own glossary page: one page per language with every entry.
        HugoSite.WritePage(hugo, "zh", "glossary.md", "名词解释", glossaryZh.ToString());
        HugoSite.WritePage(hugo, "en", "glossary.md", "Glossary", glossaryEn.ToString());

        Console.WriteLine($"wrote {chapters} chapters and {terms.Count} glossary terms per language into {input} (and {hugo})");
    }

    /// <summary>The real report as a Hugo site: every page in both languages, and one glossary page per language.</summary>
    public static void HugoOf(string realInput, string outDir)
    {
        if (Directory.Exists(outDir))
        {
            Directory.Delete(outDir, recursive: true);
        }

        var hugo = Path.Combine(outDir, "hugo");
        HugoSite.WriteSkeleton(hugo);
        var real = FileSet.FromDirectory(realInput, "input");
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(real, bag)!;
        var pages = ContentLoader.Load(real, config, bag);
        foreach (var page in pages.Where(p => p.Kind != PageKind.GlossaryEntry))
        {
            HugoSite.WritePage(hugo, page.Lang, page.Kind == PageKind.Home ? "index.md" : page.Meta.Slug + ".md", page.Meta.Title, page.Body);
        }

        foreach (var lang in new[] { "zh", "en" })
        {
            var entries = pages.Where(p => p.Lang == lang && p.Kind == PageKind.GlossaryEntry).OrderBy(p => p.Glossary!.Number)
                .Select(p => $"## {p.Glossary!.Term} {{#{p.Meta.Slug}}}\n\n{p.Body.Trim()}\n\n");
            HugoSite.WritePage(hugo, lang, "glossary.md", lang == "zh" ? "名词解释" : "Glossary", string.Concat(entries));
        }

        Console.WriteLine($"wrote the real report as a Hugo site into {hugo}");
    }

    private static string Slug(int chapter) => $"chapter-{chapter:00000}";

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    private static string Front(string lang, string title, string description, (int Order, string Slug)? chapter) =>
        chapter is { } c
            ? $"---\nkind: chapter\ntitle: {title}\nshort_title: {(lang == "zh" ? $"第{c.Order}章" : $"Chapter {c.Order}")}\norder: {c.Order}\nslug: {c.Slug}\ndescription: {description}\n---\n"
            : $"---\ntitle: {title}\ndescription: {description}\n---\n";

    /// <summary>Writes a page in both languages (the English marked as translated from the Chinese) and its Hugo twin.</summary>
    private static void Write(string input, string hugo, string file, string zhFront, string enFront, List<(string Id, List<(string Zh, string En)> Paragraphs)> sections)
    {
        string Body(Func<(string Zh, string En), string> pick, Func<string, string> heading) =>
            string.Concat(sections.Select(s => (s.Id == "top" ? "" : heading(s.Id)) + string.Concat(s.Paragraphs.Select(p => pick(p) + "\n\n"))));
        // Headings without numbers: "第2节" against "Section 2" would be a (true) finding of the numbers check.
        string[] zhHeadings = ["总体要求", "重点任务", "保障措施"];
        string[] enHeadings = ["General Requirements", "Key Tasks", "Safeguards"];
        var zhBody = Body(p => p.Zh, id => $"## {zhHeadings[int.Parse(id[1..], CultureInfo.InvariantCulture) - 1]} {{#{id}}}\n\n");
        var enBody = Body(p => p.En, id => $"## {enHeadings[int.Parse(id[1..], CultureInfo.InvariantCulture) - 1]} {{#{id}}}\n\n");
        var zh = zhFront + "\n" + zhBody;
        File.WriteAllText(Path.Combine(input, "zh", file), zh);
        File.WriteAllText(Path.Combine(input, "en", file), StampSections(file, zh, enFront + "\n" + enBody));
        var title = zhFront.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal))[6..].Trim();
        var enTitle = enFront.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal))[6..].Trim();
        HugoSite.WritePage(hugo, "zh", file, title, zhBody);
        HugoSite.WritePage(hugo, "en", file, enTitle, enBody);
    }

    /// <summary>The English file with the stamp "translations --mark" would write (hashes of the Chinese, whole and per section).</summary>
    private static string StampSections(string relPath, string zhFile, string enFile)
    {
        var page = ContentLoader.LoadOne("zh", relPath, relPath, zhFile, new DiagnosticBag())!;
        var sections = PageSections.Of(page);
        var stamp = new TranslationStamp(TranslationStatus.Hash(page.Body), sections.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => TranslationStatus.Hash(g.First().Markdown())));
        return Cli.TranslationsCommand.WithStamp(enFile, stamp);
    }

    /// <summary>Every real paragraph with its translation: same page, same section, same place in it.</summary>
    private static List<(string Zh, string En)> ParagraphPairs(FileSet real)
    {
        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(real, bag)!;
        var pages = ContentLoader.Load(real, config, bag).Where(p => p.Kind == PageKind.Chapter).ToList();
        var pairs = new List<(string, string)>();
        foreach (var zh in pages.Where(p => p.Lang == "zh"))
        {
            var en = pages.First(p => p.Lang == "en" && p.RelPath == zh.RelPath);
            foreach (var (a, b) in Paragraphs(zh).Zip(Paragraphs(en)))
            {
                if (a.Section == b.Section)
                {
                    pairs.Add((a.Text, b.Text));
                }
            }
        }

        return pairs;

        static IEnumerable<(string Section, string Text)> Paragraphs(SourcePage page)
        {
            var section = "top";
            foreach (var block in page.Ast)
            {
                if (block is HeadingBlock heading)
                {
                    section = heading.TryGetAttributes()?.Id ?? "";
                }
                else if (block is ParagraphBlock paragraph)
                {
                    yield return (section, page.Text.Substring(paragraph.Span.Start, paragraph.Span.Length).Trim());
                }
            }
        }
    }

    /// <summary>Invented terms: Han syllables with a policy suffix, and a pinyin-like English name.</summary>
    private static List<(string Zh, string En)> Terms(Random random, int count)
    {
        const string han = "振兴协同融合创新集聚枢纽数智绿色共享开放品质安澜惠民强基固本";
        string[] zhSuffix = ["工程", "计划", "行动", "平台", "机制", "体系"];
        string[] enSuffix = ["Project", "Plan", "Campaign", "Platform", "Mechanism", "System"];
        string[] syllables = ["xin", "hua", "long", "ming", "an", "kang", "rui", "tai", "feng", "yuan", "jia", "he", "lan", "qing", "shan", "bo"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenEn = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<(string, string)>();
        while (terms.Count < count)
        {
            var kind = random.Next(zhSuffix.Length);
            var zh = $"{han[random.Next(han.Length)]}{han[random.Next(han.Length)]}{han[random.Next(han.Length)]}{zhSuffix[kind]}";
            var word = string.Concat(Enumerable.Range(0, 3).Select(_ => syllables[random.Next(syllables.Length)]));
            var en = $"{char.ToUpperInvariant(word[0])}{word[1..]} {enSuffix[kind]}";
            if (seen.Add(zh) && seenEn.Add(en))
            {
                terms.Add((zh, en));
            }
        }

        return terms;
    }
}

/// <summary>The same pages as a Hugo site: two languages, a base template with header, navigation and footer.</summary>
internal static class HugoSite
{
    public static void WriteSkeleton(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "layouts", "_default"));
        File.WriteAllText(Path.Combine(root, "hugo.toml"), """
            baseURL = "https://www.szxc.gov.cn/gzbg2023/"
            defaultContentLanguage = "zh"
            disableKinds = ["taxonomy", "term", "RSS"]
            [languages.zh]
            contentDir = "content/zh"
            languageName = "中文"
            weight = 1
            [languages.en]
            contentDir = "content/en"
            languageName = "English"
            weight = 2
            [markup.goldmark.parser.attribute]
            title = true
            """);
        File.WriteAllText(Path.Combine(root, "layouts", "_default", "baseof.html"), """
            <!DOCTYPE html>
            <html lang="{{ .Site.Language.Lang }}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title><meta name="description" content="{{ .Summary | plainify | truncate 120 }}"><link rel="stylesheet" href="{{ "site.css" | relURL }}"></head>
            <body><a class="skip-link" href="#main">skip</a><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
            <nav><ul><li><a href="{{ .Site.Home.RelPermalink }}">home</a></li>{{ range .Translations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul></nav></header>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer><p>footer</p></footer></body></html>
            """);
        File.WriteAllText(Path.Combine(root, "layouts", "_default", "single.html"), """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><nav>{{ .TableOfContents }}</nav>{{ .Content }}</article>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
            """);
        File.WriteAllText(Path.Combine(root, "layouts", "_default", "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
            """);
    }

    public static void WritePage(string root, string lang, string file, string title, string body)
    {
        var path = Path.Combine(root, "content", lang, file == "index.md" ? "_index.md" : file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var front = new StringBuilder().Append("---\ntitle: \"").Append(title.Replace("\"", "\\\"")).Append("\"\n---\n\n");
        File.WriteAllText(path, front.Append(body).ToString());
    }
}
