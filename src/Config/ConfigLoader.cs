using System.Text.RegularExpressions;
using Microsite.Core;

namespace Microsite.Config;

/// <summary>Reads input/site.yml (MS001x diagnostics).</summary>
internal static partial class ConfigLoader
{
    public const string FileName = "site.yml";

    public static SiteConfig? Load(FileSet input, DiagnosticBag diagnostics)
    {
        if (input.Problem(FileName) is { } problem)
        {
            diagnostics.Error(problem.Id, input.Display(FileName), 0, 0, problem.Message);
            return null;
        }

        if (input.ReadBytes(FileName) is not null && input.Read(FileName) is null)
        {
            input.ReportNotUtf8(FileName, DiagnosticIds.ConfigInvalid, diagnostics);
            return null;
        }

        return Load(input.Read(FileName), input.Display(FileName), diagnostics, present: input.ReadBytes(FileName) is not null);
    }

    public static SiteConfig? Load(string? text, string displayPath, DiagnosticBag diagnostics, bool present = true)
    {
        if (text is null)
        {
            diagnostics.Error(present ? DiagnosticIds.ConfigInvalid : DiagnosticIds.ConfigMissing, displayPath, 0, 0, present
                ? FileSet.NotUtf8Message
                : "site.yml is missing; every site needs one (see README, \"site.yml\")");
            return null;
        }

        var root = YamlFields.Parse(text, displayPath, 0, diagnostics, YamlIds.SiteConfig);
        if (root is null)
        {
            return null;
        }

        var languages = new List<LanguageConfig>();
        var langMap = root.Map("languages", required: true);
        if (langMap is not null)
        {
            foreach (var code in langMap.Keys())
            {
                var fields = langMap.Map(code)!;
                if (!LanguageCode().IsMatch(code))
                {
                    langMap.ReportAtKey(DiagnosticIds.ConfigWrongValue, code, $"language code \"{code}\" must be lowercase letters, like zh or en");
                    continue;
                }

                var language = ReadLanguage(code, fields, isDefault: languages.Count == 0);
                if (language is not null)
                {
                    languages.Add(language);
                }
            }

            langMap.RejectUnknown();
            if (languages.Count == 0)
            {
                root.ReportAt(DiagnosticIds.ConfigMissing, "languages", "\"languages\" must list at least one language (the first is the default)");
            }
        }

        var baseUrl = root.String("base_url");
        if (baseUrl is not null)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            {
                root.ReportAt(DiagnosticIds.ConfigWrongValue, "base_url", $"\"base_url\" must be an absolute http(s) address, not \"{baseUrl}\"");
                baseUrl = null;
            }
            else if (!baseUrl.EndsWith('/'))
            {
                baseUrl += "/";
            }
        }

        var linking = GlossaryLinking.Section;
        if (root.Map("glossary") is { } glossary)
        {
            linking = glossary.Enum("link", GlossaryLinking.Section,
                ("page", GlossaryLinking.Page), ("section", GlossaryLinking.Section), ("all", GlossaryLinking.All));
            glossary.RejectUnknown();
        }

        var (translations, sections) = ReadTranslations(root);

        var numbers = root.Enum("numbers", NumberPolicy.Warn, ("warn", NumberPolicy.Warn), ("strict", NumberPolicy.Strict));

        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        if (root.Map("rules") is { } rules)
        {
            foreach (var id in rules.Keys())
            {
                var level = rules.Enum(id, RuleLevel.Error, ("off", RuleLevel.Off), ("warning", RuleLevel.Warning), ("error", RuleLevel.Error));
                if (!RuleId().IsMatch(id))
                {
                    rules.ReportAt(DiagnosticIds.ConfigWrongValue, id, $"\"{id}\" is not a diagnostic id (like MS0301)");
                }
                else
                {
                    levels[id] = level;
                }
            }
        }

        var files = FilesConfigReader.ReadFiles(root);
        var publish = FilesConfigReader.ReadPublish(root);
        root.RejectUnknown();
        return languages.Count == 0 ? null : new SiteConfig(languages, baseUrl, linking, translations, levels)
        {
            Sections = sections,
            Files = files,
            Publish = publish,
            Numbers = numbers,
            Digest = Core.Digest.Of(text),
        };
    }

    /// <summary>
    /// "translations:" is one policy for everything (strict or fallback), or one for pages and one for
    /// sections. By default a missing page is an error but a section the source is ahead in is shown
    /// in the source language (with a warning): the Chinese is written first, and adding a section to it
    /// must not stop the build.
    /// </summary>
    private static (TranslationPolicy Pages, TranslationPolicy Sections) ReadTranslations(YamlFields root)
    {
        (string, TranslationPolicy)[] values = [("strict", TranslationPolicy.Strict), ("fallback", TranslationPolicy.Fallback)];
        if (root.IsMap("translations") && root.Map("translations") is { } map)
        {
            var pages = map.Enum("pages", TranslationPolicy.Strict, values);
            var sections = map.Enum("sections", TranslationPolicy.Fallback, values);
            map.RejectUnknown();
            return (pages, sections);
        }

        var both = root.Enum<TranslationPolicy?>("translations", null, ("strict", TranslationPolicy.Strict), ("fallback", TranslationPolicy.Fallback));
        return both is { } policy ? (policy, policy) : (TranslationPolicy.Strict, TranslationPolicy.Fallback);
    }

    private static LanguageConfig? ReadLanguage(string code, YamlFields f, bool isDefault)
    {
        var htmlLang = f.String("html_lang") ?? code;
        var name = f.String("name", required: true);
        var title = f.String("site_title", required: true);
        ReportInfo? report = null;
        if (f.Map("report", required: true) is { } r)
        {
            report = new ReportInfo(
                r.String("title", required: true) ?? "",
                r.String("date", required: true) ?? "",
                r.String("occasion", required: true) ?? "",
                r.String("speaker", required: true) ?? "");
            r.RejectUnknown();
        }

        var footer = new FooterInfo(null, null, null, null, null);
        if (f.Map("footer") is { } ft)
        {
            footer = new FooterInfo(
                ft.String("host"),
                ft.String("contact"),
                ft.String("icp"),
                ft.String("public_security"),
                ft.String("site_code"));
            ft.RejectUnknown();
        }

        f.RejectUnknown();
        if (name is null || title is null || report is null)
        {
            return null;
        }

        return new LanguageConfig(code, htmlLang, name, isDefault ? "" : code + "/", title, report, footer);
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^MS[0-9]{4}$")]
    private static partial Regex RuleId();
}
