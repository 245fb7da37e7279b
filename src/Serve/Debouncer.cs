namespace Microsite.Serve;

/// <summary>Runs an action once a burst of triggers has been quiet for a while.</summary>
internal sealed class Debouncer(TimeSpan quiet, Action action) : IDisposable
{
    private readonly Timer _timer = new(_ => action());

    public void Trigger() => _timer.Change(quiet, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();
}
