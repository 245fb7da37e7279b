using Microsite.Core;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsite.Core;

/// <summary>Prints diagnostics for people (grouped by file, numbered) or for machines (JSON).</summary>
internal static class DiagnosticReport
{
    /// <summary>
    /// In the order of <see cref="DiagnosticBag.Order"/>: errors first, causes before their consequences, so
    /// the first line says what to fix first. A file heads each run of its findings (once for its errors,
    /// once for its warnings); numbers run through the whole report.
    /// </summary>
    public static void WriteText(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, int pageCount)
    {
        var number = 0;
        var ordered = DiagnosticBag.Order(diagnostics);
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end < ordered.Count && ordered[end].Path == ordered[start].Path && ordered[end].Severity == ordered[start].Severity)
            {
                end++;
            }

            var group = ordered.Skip(start).Take(end - start).ToList();
            var source = group.Select(d => d.Source).FirstOrDefault(s => s is not null);
            writer.WriteLine(source is null ? group[0].Path : $"{group[0].Path} (from {source})");
            foreach (var d in group)
            {
                writer.WriteLine($"  {++number}. {d}");
            }

            start = end;
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
            DiagnosticBag.Order(diagnostics).Select(d => new JsonDiagnostic(d.Id, d.Severity == Severity.Error ? "error" : "warning", d.Path, d.Line, d.Column, d.Message, d.Source)).ToList());
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
