using Microsite.Core;
using Fluid;
using Microsite.Content;
using YamlDotNet.RepresentationModel;

namespace Microsite.Layout;

/// <summary>A problem with the theme itself: not the editors' content, so it is a usage failure (exit 2).</summary>
internal sealed class ThemeException(string message) : Exception(message);

/// <summary>
/// theme/: Liquid layouts (parsed once), UI strings per language, and static assets copied to output/assets/.
/// </summary>
internal sealed class Theme
{
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, IFluidTemplate> _layouts;
    private readonly Dictionary<string, Dictionary<string, string>> _strings;

    private Theme(Dictionary<string, IFluidTemplate> layouts, Dictionary<string, Dictionary<string, string>> strings, IReadOnlyDictionary<string, byte[]> assets)
    {
        _layouts = layouts;
        _strings = strings;
        Assets = assets;
    }

    /// <summary>Files under theme/assets/ as they are (images and fonts are not text), by path relative to it.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; }

    public static readonly string[] RequiredLayouts = ["base", "home", "chapter", "page", "glossary", "contents", "full", "404", "search"];

    public static Theme Load(FileSet files, IEnumerable<string> languages)
    {
        var layouts = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var path in files.Paths.Where(p => p.StartsWith("layouts/", StringComparison.Ordinal) && p.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            var source = files.Read(path) ?? throw new ThemeException($"{files.Display(path)}: not UTF-8 text");
            if (!Parser.TryParse(source, out var template, out var error))
            {
                throw new ThemeException($"{files.Display(path)}: {error}");
            }

            layouts[Path.GetFileNameWithoutExtension(path)] = template;
        }

        var missing = RequiredLayouts.Where(l => !layouts.ContainsKey(l)).ToList();
        if (missing.Count > 0)
        {
            throw new ThemeException($"{files.Display("layouts")}: missing layout(s) {string.Join(", ", missing.Select(m => m + ".liquid"))}");
        }

        var strings = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var lang in languages)
        {
            var path = $"i18n/{lang}.yml";
            var text = files.Read(path) ?? throw new ThemeException($"{files.Display(path)}: missing UI strings for language \"{lang}\"");
            strings[lang] = ReadStrings(text, files.Display(path));
        }

        var reference = strings.Values.First();
        foreach (var (lang, map) in strings)
        {
            var absent = reference.Keys.Where(k => !map.ContainsKey(k)).Concat(map.Keys.Where(k => !reference.ContainsKey(k))).ToList();
            if (absent.Count > 0)
            {
                throw new ThemeException($"{files.Display($"i18n/{lang}.yml")}: keys not in every language: {string.Join(", ", absent)}");
            }
        }

        var assets = files.Paths.Where(p => p.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(p => p["assets/".Length..], p => files.ReadBytes(p)!, StringComparer.Ordinal);
        return new Theme(layouts, strings, assets);
    }

    public IFluidTemplate Layout(string name) => _layouts[name];

    public IReadOnlyDictionary<string, string> Strings(string lang) => _strings[lang];

    public string Text(string lang, string key) =>
        _strings[lang].TryGetValue(key, out var value) ? value : throw new ThemeException($"theme/i18n/{lang}.yml: missing \"{key}\"");

    private static Dictionary<string, string> ReadStrings(string text, string display)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                throw new ThemeException($"{display}: expected \"key: text\" lines");
            }

            return map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? "", StringComparer.Ordinal);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ThemeException($"{display}:{e.Start.Line}:{e.Start.Column}: invalid YAML");
        }
    }
}
