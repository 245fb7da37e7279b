using System.Diagnostics;

namespace Microsite.Cli;

/// <summary>
/// On an interactive terminal, a build that takes longer than a moment shows which stage it is in, on one
/// line that is cleared when the build ends. When the output goes to a file or a CI log, nothing is shown
/// but the report's summary.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter _writer;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _lock = new();
    private string _stage = "";
    private bool _shown;

    private TerminalProgress(TextWriter writer, bool interactive)
    {
        _writer = writer;
        _timer = interactive ? new Timer(_ => Show(), null, Moment, TimeSpan.FromMilliseconds(200)) : null;
    }

    /// <summary>Progress on <paramref name="writer"/> when it is the terminal (not redirected), silence otherwise.</summary>
    public static TerminalProgress For(TextWriter writer) =>
        new(writer, ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected);

    public void Stage(string stage)
    {
        lock (_lock)
        {
            _stage = stage;
        }
    }

    private void Show()
    {
        lock (_lock)
        {
            _writer.Write($"\rbuilding… {_stage,-12} {_watch.Elapsed.TotalSeconds,5:0.0} s");
            _writer.Flush();
            _shown = true;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_shown)
            {
                _writer.Write("\r" + new string(' ', 40) + "\r");
                _writer.Flush();
            }
        }
    }
}
