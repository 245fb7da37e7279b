using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Microsite.Core;

/// <summary>
/// Reads a YAML mapping into typed values, reporting every problem at the exact line and column of the
/// file it came from. Keys that were never asked for are reported as unknown by <see cref="RejectUnknown"/>.
/// We bind by hand instead of with YamlDotNet's deserializer because the deserializer stops at the
/// first problem and loses positions; editors want every mistake at once, each with its place.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _asked = [];

    // Required keys that are missing while a near miss of them is present ("shorttitle" for "short_title"):
    // reported once, as that unknown key with its did-you-mean, by RejectUnknown, instead of twice.
    private readonly Dictionary<string, string> _missingNearMiss = new(StringComparer.Ordinal);
    private readonly YamlIds _ids;

    private readonly (int Line, int Column)? _start;

    public YamlFields(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics, YamlIds ids, (int Line, int Column)? start = null)
    {
        _start = start;
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
        _ids = ids;
    }

    public string Path => _path;

    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>Parses YAML text whose first line is line <paramref name="lineOffset"/> + 1 of the file.</summary>
    public static YamlFields? Parse(string yaml, string path, int lineOffset, DiagnosticBag diagnostics, YamlIds ids)
    {
        if (TooDeep(yaml) is { } deep)
        {
            diagnostics.Error(ids.Invalid, path, deep.Line + lineOffset, deep.Column,
                $"invalid YAML: nested {deep.Depth} deep here (brackets left open, lists inside lists, or lines indented ever further?); these files need a few levels at most");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return new YamlFields(new YamlMappingNode(), path, lineOffset, diagnostics, ids);
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                var root = stream.Documents[0].RootNode;
                diagnostics.Error(ids.Invalid, path, (int)root.Start.Line + lineOffset, (int)root.Start.Column,
                    "expected \"key: value\" lines");
                return null;
            }

            return new YamlFields(map, path, lineOffset, diagnostics, ids);
        }
        catch (YamlException e)
        {
            // YAML allows only spaces for indentation, and YamlDotNet names the tab at odd places (or not at all).
            var lines = yaml.Split('\n');
            var tabbed = Array.FindIndex(lines, l => l.Length > l.TrimStart().Length && l[..(l.Length - l.TrimStart().Length)].Contains('\t'));
            if (tabbed >= 0)
            {
                diagnostics.Error(ids.Invalid, path, tabbed + 1 + lineOffset, lines[tabbed].IndexOf('\t') + 1,
                    "invalid YAML: a tab is used to indent this line; YAML indents with spaces only (replace the tab with spaces)");
                return null;
            }

            // An unclosed bracket or quote is noticed only further down, or at the end of the text: point at
            // the line that opened it when there is one before, else at the last line that has something on it.
            var lastLine = yaml.TrimEnd().Split('\n').Length;
            var noticed = (int)Math.Min(e.Start.Line, lastLine);
            var open = Array.FindIndex(lines, Unbalanced);
            if (open >= 0 && open + 1 < noticed)
            {
                diagnostics.Error(ids.Invalid, path, open + 1 + lineOffset, OpenerColumn(lines[open]),
                    $"invalid YAML: a bracket or quote opened here is never closed ({FirstSentence(e.InnerException?.Message ?? e.Message)} on line {noticed + lineOffset})");
                return null;
            }

            diagnostics.Error(ids.Invalid, path, Math.Max(noticed + lineOffset, 1), (int)e.Start.Column,
                $"invalid YAML: {FirstSentence(e.InnerException?.Message ?? e.Message)} (is a quote or bracket left open, or a value with \": \" unquoted?)");
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet throws other exceptions on some bad input (e.g. an unclosed '[' at the end).
        catch (Exception)
#pragma warning restore CA1031
        {
            // Its message ("Operation is not valid due to the current state of the object") helps nobody:
            // point at the first line whose brackets or quotes do not close.
            var lines = yaml.TrimEnd().Split('\n');
            var open = Array.FindIndex(lines, Unbalanced);
            diagnostics.Error(ids.Invalid, path, (open >= 0 ? open + 1 : lines.Length) + lineOffset, 1,
                "invalid YAML: a bracket or quote is opened and never closed");
            return null;
        }
    }

    /// <summary>Deeper than any of our YAML files nest, and far below where YamlDotNet's parser overflows the stack.</summary>
    public const int NestingLimit = 32;

    /// <summary>
    /// Where YAML text nests deeper than <see cref="NestingLimit"/> (brackets, or indentation), or null.
    /// YamlDotNet recurses for each level: thousands of levels overflow the stack, and a stack overflow
    /// ends the process without a word, so such text is refused before it is parsed.
    /// </summary>
    public static (int Line, int Column, int Depth)? TooDeep(string yaml)
    {
        // Levels: brackets opened and not yet closed, and at the start of each line its indentation (two
        // spaces a level) and its "- " and "? " markers, each a block nested in the one before.
        var (line, column, flow, block, spaces, start) = (1, 0, 0, 0, 0, true);
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            column++;
            if (c == '\n')
            {
                (line, column, block, spaces, start) = (line + 1, 0, 0, 0, true);
                continue;
            }

            if (start && c == ' ')
            {
                spaces++;
            }
            else if (start && c is '-' or '?' && (i + 1 == yaml.Length || yaml[i + 1] is ' ' or '\t' or '\n'))
            {
                block++;
            }
            else if (c is '[' or '{')
            {
                (flow, start) = (flow + 1, false);
            }
            else if (c is ']' or '}')
            {
                (flow, start) = (Math.Max(0, flow - 1), false);
            }
            else
            {
                start = false;
            }

            var depth = Math.Max(flow, block + (spaces / 2));
            if (depth > NestingLimit)
            {
                return (line, column, depth);
            }
        }

        return null;
    }

    public (int Line, int Column) Position(YamlNode node) => ((int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    public (int Line, int Column) Start => _node.Children.Count > 0 ? Position(_node.Children.First().Key) : _start ?? (Math.Max(_lineOffset, 1), 1);

    /// <summary>Line and column of every key's value.</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> Positions() =>
        _node.Children.Where(c => c.Key is YamlScalarNode { Value: not null })
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => Position(c.Value), StringComparer.Ordinal);

    public (int Line, int Column) PositionOf(string key) => Find(key) is { } node ? Position(node) : Start;

    public bool Has(string key) => Find(key) is not null;

    /// <summary>True when the key's value is a mapping (for keys that take a single value or a map).</summary>
    public bool IsMap(string key) => Find(key) is YamlMappingNode;

    public string? String(string key, bool required = false)
    {
        var node = Ask(key, required);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when IsNull(scalar):
                if (required)
                {
                    Report(_ids.Missing, node, $"\"{key}\" is empty");
                }

                return null;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return scalar.Value!.Trim();
            case YamlScalarNode:
                if (required)
                {
                    Report(_ids.Missing, node, $"\"{key}\" is empty");
                }

                return null;
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be a single text value, not a list or a map");
                return null;
        }
    }

    /// <summary>A text value that may be empty (""), or null when the key is absent or not a single text.</summary>
    public string? Text(string key)
    {
        var node = Ask(key, required: false);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return IsNull(scalar) ? "" : scalar.Value ?? "";
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be a single text value, not a list or a map");
                return null;
        }
    }

    public int? Int(string key, bool required = false, int min = int.MinValue)
    {
        var node = Ask(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return value;
        }

        Report(_ids.WrongType, node, $"\"{key}\" must be a whole number{(min > int.MinValue ? $" of at least {min}" : "")}, not \"{Describe(node)}\"");
        return null;
    }

    /// <summary>A number written the YAML way (1100, 145.7, -2.5): invariant, never "1,100" or "1 100".</summary>
    public decimal? Decimal(string key, bool required = false)
    {
        var node = Ask(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && decimal.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(_ids.WrongType, node, $"\"{key}\" must be a number like 1100 or 145.7 (no separators, no unit), not \"{Describe(node)}\"");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Ask(key, required: false);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "yes" }:
                return true;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "no" }:
                return false;
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be true or false, not \"{Describe(node)}\"");
                return null;
        }
    }

    /// <summary>A list of mappings ("- key: value" items), each read with its own positions.</summary>
    public IReadOnlyList<YamlFields> MapList(string key, bool required = false)
    {
        var node = Ask(key, required);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode { Value: null or "" } when !required:
                return [];
            case YamlSequenceNode sequence:
                var list = new List<YamlFields>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode map)
                    {
                        list.Add(new YamlFields(map, _path, _lineOffset, _diagnostics, _ids, Position(item)));
                    }
                    else
                    {
                        Report(_ids.WrongType, item, $"every item of \"{key}\" must be a map of \"key: value\" lines");
                    }
                }

                if (list.Count == 0 && required && sequence.Children.Count == 0)
                {
                    Report(_ids.Missing, node, $"\"{key}\" is empty");
                }

                return list;
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be a list of items, each starting with \"- \"");
                return [];
        }
    }

    public T? Enum<T>(string key, T fallback, params (string Name, T Value)[] values)
    {
        var text = String(key);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (name, value) in values)
        {
            if (name == text)
            {
                return value;
            }
        }

        Report(_ids.WrongType, Find(key)!, $"\"{key}\" must be one of {string.Join(", ", values.Select(v => v.Name))}, not \"{text}\"");
        return fallback;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var node = Ask(key, required: false);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value!.Trim()];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v })
                    {
                        list.Add(v.Trim());
                    }
                    else
                    {
                        Report(_ids.WrongType, item, $"every item of \"{key}\" must be a text value");
                    }
                }

                return list;
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be a list of text values");
                return [];
        }
    }

    /// <summary>A nested mapping, or null (with an error when it is present but not a mapping).</summary>
    public YamlFields? Map(string key, bool required = false)
    {
        var node = Ask(key, required);
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode map:
                return new YamlFields(map, _path, _lineOffset, _diagnostics, _ids);
            case YamlScalarNode { Value: null or "" }:
                return new YamlFields(new YamlMappingNode(), _path, _lineOffset, _diagnostics, _ids, Position(Find(key)!));
            default:
                Report(_ids.WrongType, node, $"\"{key}\" must be a map of \"key: value\" lines");
                return null;
        }
    }

    /// <summary>The keys of this mapping, for maps keyed by data (language codes, rule ids).</summary>
    public IEnumerable<string> Keys() =>
        _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>().ToList();

    /// <summary>
    /// Reports every key that was never asked for. A required key that was missing while a near miss of
    /// it is present is reported here, once, as that unknown key with its did-you-mean: the one mistake
    /// an editor made. Every mapping that has required keys must end with this call.
    /// </summary>
    public void RejectUnknown()
    {
        foreach (var (k, _) in _node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!_asked.Contains(key))
            {
                Report(_ids.UnknownKey, k, $"unknown key \"{key}\"{DidYouMean.Hint(key, _asked)}");
            }
        }

        foreach (var (missing, nearMiss) in _missingNearMiss)
        {
            if (_asked.Contains(nearMiss))
            {
                // The near miss is a key of its own after all: the required one is simply missing.
                var (line, column) = Start;
                _diagnostics.Error(_ids.Missing, _path, line, column, $"missing required \"{missing}\"");
            }
        }

        _missingNearMiss.Clear();
    }

    /// <summary>The ids this kind of file reports with (site.yml, front matter, a data file).</summary>
    public YamlIds Ids => _ids;

    public void Report(string id, YamlNode node, string message)
    {
        var (line, column) = Position(node);
        _diagnostics.Error(id, _path, line, column, message);
    }

    /// <summary>Reports at the key itself (for a key that is wrong as a key, like a language code).</summary>
    public void ReportAtKey(string id, string key, string message)
    {
        var node = _node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);
        var (line, column) = node is null ? Start : Position(node);
        _diagnostics.Error(id, _path, line, column, message);
    }

    /// <summary>Reports at the value of <paramref name="key"/>, or at the start of the mapping when it is absent.</summary>
    public void ReportAt(string id, string key, string message)
    {
        var node = Find(key);
        var (line, column) = node is null ? Start : Position(node);
        _diagnostics.Error(id, _path, line, column, message);
    }

    /// <summary>YAML's null (~, null) means "no value", not the text "~".</summary>
    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL";

    private YamlNode? Ask(string key, bool required)
    {
        _asked.Add(key);
        var node = Find(key);
        if (node is null && required)
        {
            var nearMiss = Keys().FirstOrDefault(k => !_asked.Contains(k) && DidYouMean.Suggest(k, [key]) is not null);
            if (nearMiss is not null)
            {
                _missingNearMiss[key] = nearMiss;
                return null;
            }

            var (line, column) = Start;
            _diagnostics.Error(_ids.Missing, _path, line, column, $"missing required \"{key}\"");
        }

        return node;
    }

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Describe(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : node.NodeType.ToString().ToLowerInvariant();

    /// <summary>The column of the bracket or quote that an unbalanced line leaves open (1 when unclear).</summary>
    private static int OpenerColumn(string line)
    {
        var at = line.LastIndexOfAny(['[', '{', '"']);
        return at < 0 ? 1 : at + 1;
    }

    private static bool Unbalanced(string line) =>
        line.Count(c => c == '[') != line.Count(c => c == ']') || line.Count(c => c == '{') != line.Count(c => c == '}')
        || line.Count(c => c == '"') % 2 == 1;

    private static string FirstSentence(string message)
    {
        var text = message.Trim();
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.');
    }
}

/// <summary>The diagnostic ids one kind of YAML file reports its problems with.</summary>
internal sealed record YamlIds(string Invalid, string UnknownKey, string Missing, string WrongType)
{
    public static YamlIds SiteConfig { get; } = new(DiagnosticIds.ConfigInvalid, DiagnosticIds.ConfigUnknownKey, DiagnosticIds.ConfigMissing, DiagnosticIds.ConfigWrongValue);

    public static YamlIds UiStrings { get; } = new(DiagnosticIds.UiStringsInvalid, DiagnosticIds.UiStringUnknown, DiagnosticIds.UiStringMissing, DiagnosticIds.UiStringsInvalid);

    public static YamlIds FrontMatter { get; } = new(DiagnosticIds.FrontMatterInvalid, DiagnosticIds.FrontMatterUnknownKey, DiagnosticIds.FrontMatterMissing, DiagnosticIds.FrontMatterWrongType);

    /// <summary>Data files of input/data/ (figures.yml).</summary>
    public static YamlIds DataFile { get; } = new(DiagnosticIds.DataInvalid, DiagnosticIds.DataUnknownKey, DiagnosticIds.DataMissing, DiagnosticIds.DataWrongType);
}
