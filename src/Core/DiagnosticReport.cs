using Microsite.Core;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsite.Core;

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
        var report = new JsonReport(
            diagnostics.Count(d => d.Severity == Severity.Error),
            diagnostics.Count(d => d.Severity == Severity.Warning),
            pageCount,
            diagnostics.Select(d => new JsonDiagnostic(d.Id, d.Severity == Severity.Error ? "error" : "warning", d.Path, d.Line, d.Column, d.Message, d.Source)).ToList());
        writer.WriteLine(JsonSerializer.Serialize(report, Json.JsonReport));
    }

    // Han characters stay readable in the JSON instead of \uXXXX escapes.
    private static readonly ReportJson Json = new(new JsonSerializerOptions(ReportJson.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";
}

internal sealed record JsonReport(int Errors, int Warnings, int Pages, IReadOnlyList<JsonDiagnostic> Diagnostics);

internal sealed record JsonDiagnostic(string Id, string Severity, string Path, int Line, int Column, string Message, string? Source);

/// <summary>Serialisation made at compile time: no reflection, so the published binary can be compiled ahead of time.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class ReportJson : JsonSerializerContext;
