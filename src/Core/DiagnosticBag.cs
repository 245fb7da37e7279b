namespace Microsite.Core;

/// <summary>Collects diagnostics from every stage (thread-safe: per-page work runs in parallel).</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public void Add(Diagnostic diagnostic)
    {
        lock (_lock)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (_lock)
        {
            _items.AddRange(diagnostics);
        }
    }

    /// <summary>Everything added, in the order it was added (for a memo to keep with the result that raised it).</summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_lock)
            {
                return _items.ToList();
            }
        }
    }

    public void Error(string id, string path, int line, int column, string message) =>
        Add(new Diagnostic(id, Severity.Error, path, line, column, message));

    public void Warning(string id, string path, int line, int column, string message) =>
        Add(new Diagnostic(id, Severity.Warning, path, line, column, message));

    /// <summary>How many errors so far: a stage compares it before and after to know whether it found any.</summary>
    public int ErrorCount
    {
        get
        {
            lock (_lock)
            {
                return _items.Count(d => d.Severity == Severity.Error);
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_lock)
            {
                return _items.Any(d => d.Severity == Severity.Error);
            }
        }
    }

    /// <summary>
    /// The findings in the order an editor should read them, with the levels configured in site.yml applied
    /// (a rule set to "off" disappears): errors before warnings; within each, files by their most basic
    /// finding (see <see cref="DiagnosticRank"/>: a broken file before the pair it leaves alone, a repeated
    /// heading id before the sections that then differ), and each file's findings by rank and line. A file
    /// is one run of lines per level, so the report can group by file. Parallel stages add in any order;
    /// the sort keeps reports deterministic.
    /// </summary>
    public IReadOnlyList<Diagnostic> Snapshot(IReadOnlyDictionary<string, RuleLevel>? levels = null)
    {
        List<Diagnostic> items;
        lock (_lock)
        {
            items = _items
                .Select(d => levels is not null && levels.TryGetValue(d.Id, out var level) ? level.Apply(d) : d)
                .OfType<Diagnostic>()
                .Distinct()
                .ToList();
        }

        return Order(items);
    }

    /// <summary>The report's order (see <see cref="Snapshot"/>) of any list of findings.</summary>
    public static IReadOnlyList<Diagnostic> Order(IEnumerable<Diagnostic> diagnostics)
    {
        var items = diagnostics.ToList();
        var fileRank = items.GroupBy(d => (d.Severity, d.Path))
            .ToDictionary(g => g.Key, g => g.Min(d => DiagnosticRank.Of(d.Id)));
        return items
            .OrderByDescending(d => d.Severity)
            .ThenBy(d => fileRank[(d.Severity, d.Path)])
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => DiagnosticRank.Of(d.Id))
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A level set in site.yml for one diagnostic id.</summary>
internal enum RuleLevel
{
    Off,
    Warning,
    Error,
}

internal static class RuleLevelExtensions
{
    public static Diagnostic? Apply(this RuleLevel level, Diagnostic d) => level switch
    {
        RuleLevel.Off => null,
        RuleLevel.Warning => d with { Severity = Severity.Warning },
        _ => d with { Severity = Severity.Error },
    };
}
