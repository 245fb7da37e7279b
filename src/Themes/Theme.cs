using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;
using Microsite.Core;

namespace Microsite.Themes;

/// <summary>
/// theme/: Liquid layouts (parsed once), typed UI strings per language, and static assets copied to
/// output/assets/. Every problem with it is a diagnostic at its file (and line and column where Fluid
/// or YAML says), reported when the theme loads, before any page is written.
/// </summary>
internal sealed partial class Theme
{
    private static readonly FluidParser Parser = new();

    private readonly Dictionary<string, IFluidTemplate> _layouts;
    private readonly Dictionary<string, UiStrings> _strings;

    private Theme(Dictionary<string, IFluidTemplate> layouts, Dictionary<string, UiStrings> strings, IReadOnlyDictionary<string, byte[]> assets, FileSet files)
    {
        _layouts = layouts;
        _strings = strings;
        Assets = assets;
        Files = files;
    }

    /// <summary>Files under theme/assets/ as they are (images and fonts are not text), by path relative to it.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets { get; }

    /// <summary>A digest of every file of the theme, for the preview server's memo of laid-out pages.</summary>
    public string Digest { get; private init; } = "";

    /// <summary>The theme's files, to name them in diagnostics.</summary>
    public FileSet Files { get; }

    public static readonly string[] RequiredLayouts = ["base", "home", "chapter", "page", "glossary", "contents", "figures", "full", "404", "search", "parallel"];

    /// <returns>The theme, or null when it has errors (they are in <paramref name="diagnostics"/>).</returns>
    public static Theme? Load(FileSet files, IEnumerable<string> languages, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        foreach (var problem in files.Problems)
        {
            diagnostics.Error(problem.Id, files.Display(problem.Path), 0, 0, problem.Message);
        }

        var layouts = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var path in files.Paths.Where(p => p.StartsWith("layouts/", StringComparison.Ordinal) && p.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            if (files.Read(path) is not { } source)
            {
                files.ReportNotUtf8(path, DiagnosticIds.TemplateInvalid, diagnostics);
                continue;
            }

            if (TooDeep(source) is { } deep)
            {
                diagnostics.Error(DiagnosticIds.TemplateInvalid, files.Display(path), deep.Line, deep.Column,
                    $"Liquid syntax error: tags or parentheses nest {deep.Depth} deep here, more than a template may (is an end tag missing again and again?)");
                continue;
            }

            if (!Parser.TryParse(source, out var template, out var error))
            {
                // Fluid says where: "… at (12:5)".
                var message = (error ?? "").Split("\nSource:")[0]; // Fluid appends the template's text
                var at = Position().Match(message);
                var (line, column) = at.Success ? (int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)) : (1, 1);
                diagnostics.Error(DiagnosticIds.TemplateInvalid, files.Display(path), line, column,
                    $"Liquid syntax error: {Position().Replace(message, "").Trim().TrimEnd('.')} (is a {{% tag %}} or {{{{ value }}}} left open, or an end tag missing?)");
                continue;
            }

            layouts[Path.GetFileNameWithoutExtension(path)] = template;
        }

        foreach (var missing in RequiredLayouts.Where(l => !layouts.ContainsKey(l) && !files.Paths.Contains($"layouts/{l}.liquid") && files.Problem($"layouts/{l}.liquid") is null))
        {
            diagnostics.Error(DiagnosticIds.LayoutMissing, files.Display($"layouts/{missing}.liquid"), 0, 0,
                $"the layout \"{missing}.liquid\" is missing; every theme needs {string.Join(", ", RequiredLayouts.Select(l => l + ".liquid"))}");
        }

        var strings = new Dictionary<string, UiStrings>(StringComparer.Ordinal);
        foreach (var lang in languages)
        {
            var path = $"i18n/{lang}.yml";
            if (ReadStrings(files, path, diagnostics) is { } bound)
            {
                strings[lang] = bound;
            }
        }

        var assets = files.Paths.Where(p => p.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(p => p["assets/".Length..], p => files.ReadBytes(p)!, StringComparer.Ordinal);
        return diagnostics.ErrorCount > errors ? null : new Theme(layouts, strings, assets, files)
        {
            Digest = Core.Digest.Of(files.Paths.Select(p => p + ":" + Core.Digest.Of(files.ReadBytes(p)))),
        };
    }

    /// <summary>Deeper than any layout nests, and far below where Fluid's parser overflows the stack.</summary>
    private const int NestingLimit = 32;

    /// <summary>
    /// Where a template nests block tags ({% if %} … {% endif %}) or parentheses deeper than any layout
    /// would, or null. Fluid's parser recurses for each level: thousands of levels overflow the stack, which
    /// ends the process without a word, so such a template is refused before it is parsed.
    /// </summary>
    private static (int Line, int Column, int Depth)? TooDeep(string source)
    {
        var (tags, brackets) = (0, 0);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c is '(' or '[')
            {
                brackets++;
            }
            else if (c is ')' or ']')
            {
                brackets = Math.Max(0, brackets - 1);
            }
            else if (c == '{' && i + 1 < source.Length && source[i + 1] == '%' && BlockTag().Match(source, i) is { Success: true } tag)
            {
                tags = tag.Groups[1].Value.StartsWith("end", StringComparison.Ordinal) ? Math.Max(0, tags - 1) : tags + 1;
            }

            if (Math.Max(tags, brackets) > NestingLimit)
            {
                var line = 1 + source.AsSpan(0, i).Count('\n');
                return (line, i - source.LastIndexOf('\n', Math.Max(0, i - 1)), Math.Max(tags, brackets));
            }
        }

        return null;
    }

    [GeneratedRegex(@"\G\{%-?\s*(if|unless|for|case|capture|tablerow|comment|raw|endif|endunless|endfor|endcase|endcapture|endtablerow|endcomment|endraw)\b")]
    private static partial Regex BlockTag();

    public IFluidTemplate Layout(string name) => _layouts[name];

    public UiStrings Strings(string lang) => _strings[lang];

    /// <summary>Where a layout lives, for diagnostics about it.</summary>
    public string LayoutPath(string name) => Files.Display($"layouts/{name}.liquid");

    private static readonly PropertyInfo[] StringProperties = typeof(UiStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Binds every key of the file to a property of <see cref="UiStrings"/>; each must be there, none other.</summary>
    private static UiStrings? ReadStrings(FileSet files, string path, DiagnosticBag diagnostics)
    {
        var display = files.Display(path);
        if (files.Problem(path) is not null)
        {
            return null; // reported with the theme's other unreadable files
        }

        if (files.ReadBytes(path) is null)
        {
            diagnostics.Error(DiagnosticIds.UiStringMissing, display, 0, 0, $"the UI strings of this language are missing: add {display} (copy another language's file and translate it)");
            return null;
        }

        if (files.Read(path) is not { } text)
        {
            files.ReportNotUtf8(path, DiagnosticIds.UiStringsInvalid, diagnostics);
            return null;
        }

        var errors = diagnostics.ErrorCount;
        var fields = YamlFields.Parse(text.TrimStart('\uFEFF').Replace("\r\n", "\n"), display, 0, diagnostics, YamlIds.UiStrings);
        if (fields is null)
        {
            return null;
        }

        var strings = new UiStrings();
        foreach (var property in StringProperties)
        {
            var key = SnakeCase(property.Name);
            var present = fields.Has(key);
            var value = fields.Text(key); // asked even when absent, so a misspelt key gets a did-you-mean
            if (!present)
            {
                var (line, column) = fields.Start;
                diagnostics.Error(DiagnosticIds.UiStringMissing, display, line, column, $"missing UI string \"{key}\" (every language file has the same keys; an empty one is written \"{key}: \\\"\\\"\")");
                continue;
            }

            property.SetValue(strings, value);
        }

        fields.RejectUnknown();
        return diagnostics.ErrorCount > errors ? null : strings;
    }

    /// <summary>"SkipToContent" is written skip_to_content in the YAML and in templates (Fluid's snake case).</summary>
    public static string SnakeCase(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    [GeneratedRegex(@"\s*at \((\d+):(\d+)\)")]
    private static partial Regex Position();
}
