namespace Microsite.Core;

internal enum Severity
{
    Warning,
    Error,
}

/// <summary>One finding about the input or the output, located as precisely as we know.</summary>
/// <param name="Path">Repo-relative path with '/' (input/zh/x.md) or an output path (output/x.html).</param>
/// <param name="Line">1-based; 0 when the finding is about the whole file.</param>
/// <param name="Column">1-based; 0 when unknown.</param>
/// <param name="Source">For output-page findings: the source file the page was built from.</param>
internal sealed record Diagnostic(
    string Id,
    Severity Severity,
    string Path,
    int Line,
    int Column,
    string Message,
    string? Source = null)
{
    public string Location => Line <= 0 ? Path : Column <= 0 ? $"{Path}:{Line}" : $"{Path}:{Line}:{Column}";

    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Id}: {Message}";
}
