using Microsite.Core;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsite.Cli;

/// <summary>Prints diagnostics for people (grouped by file, numbered) or for machines (JSON).</summary>
internal static class DiagnosticReport
{
    public static void WriteText(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, int pageCount)
    {
        var number = 0;
        foreach (var group in diagnostics.GroupBy(d => d.Path))
        {
            var source = group.Select(d => d.Source).FirstOrDefault(s => s is not null);
            writer.WriteLine(source is null ? group.Key : $"{group.Key} (from {source})");
            foreach (var d in group)
            {
                writer.WriteLine($"  {++number}. {d}");
            }
        }

        writer.WriteLine(Summary(diagnostics, pageCount));
    }

    public static string Summary(IReadOnlyList<Diagnostic> diagnostics, int pageCount)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        return $"{errors} {Plural(errors, "error")}, {warnings} {Plural(warnings, "warning")} in {pageCount} {Plural(pageCount, "page")}";
    }

    public static void WriteJson(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, int pageCount)
    {
        var payload = new
        {
            errors = diagnostics.Count(d => d.Severity == Severity.Error),
            warnings = diagnostics.Count(d => d.Severity == Severity.Warning),
            pages = pageCount,
            diagnostics = diagnostics.Select(d => new
            {
                id = d.Id,
                severity = d.Severity == Severity.Error ? "error" : "warning",
                path = d.Path,
                line = d.Line,
                column = d.Column,
                message = d.Message,
                source = d.Source,
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(payload, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}
