using Microsite.Content;
using Microsite.Core;
using Microsite.Files;
using Microsite.Layout;
using Microsite.Rendering;
using Microsite.Validation;

namespace Microsite.Build;

/// <summary>
/// What one build made, kept for the next (the preview server rebuilds on every save). Each stage's
/// results are remembered by everything they depend on: editing one chapter parses, renders, lays out
/// and checks that chapter again, and the pages that show something of it (its pair's notice, the
/// contents, the glossary's "used in", the full report); every other page is reused as it was.
/// </summary>
internal sealed class BuildSession
{
    public Memo<LoadedFile> Files { get; } = new();

    /// <summary>Smaller copies of images, kept in memory between rebuilds.</summary>
    public VariantCache Images { get; init; } = VariantCache.InMemory();

    public Memo<RenderedPage> Pages { get; } = new();

    public Memo<string> Definitions { get; } = new();

    public Memo<LaidOutPage> LaidOut { get; } = new();

    /// <summary>The full report's parts (made where the report is laid out).</summary>
    public Memo<string> ReportParts { get; } = new();

    public Memo<CheckedPage> Checked { get; } = new();

    /// <summary>What the last build redid, stage by stage ("render 1 of 26").</summary>
    public IReadOnlyList<(string Stage, int Redone, int Total)> LastWork { get; private set; } = [];

    internal void EndBuild()
    {
        var work = new List<(string, int, int)>();
        foreach (var (stage, memo) in new (string, Func<(int Reused, int Computed)>)[]
        {
            ("load", Files.EndBuild), ("render", Pages.EndBuild), ("definitions", Definitions.EndBuild), ("layout", LaidOut.EndBuild), ("report", ReportParts.EndBuild), ("validate", Checked.EndBuild),
        })
        {
            var (reused, computed) = memo();
            work.Add((stage, computed, reused + computed));
        }

        LastWork = work;
    }
}
