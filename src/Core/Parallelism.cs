namespace Microsite.Core;

/// <summary>
/// How many threads the per-page stages use (the CLI's --threads). Every stage collects its results by
/// position, never in completion order, so the output is the same whatever the number.
/// </summary>
internal static class Parallelism
{
    /// <summary>-1: as many as the machine has.</summary>
    public static int MaxThreads { get; set; } = -1;

    // One worker a core. Unbounded (-1), Parallel.For took every thread the pool had: a perf profile of the
    // 10,000-page build found the checks on 5 threads and load on 4 on this 2-core machine, each thread with a
    // page in progress and buffers of its own, the three largest pages started at once.
    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = MaxThreads == -1 ? Environment.ProcessorCount : MaxThreads };

    /// <summary>f applied to every item, in parallel; the results in the items' order.</summary>
    public static TResult[] Map<T, TResult>(IReadOnlyList<T> items, Func<T, TResult> f)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, Options, i => results[i] = f(items[i]));
        return results;
    }

    public static void ForEach<T>(IReadOnlyList<T> items, Action<T> action) =>
        Parallel.For(0, items.Count, Options, i => action(items[i]));

    /// <summary>
    /// Starts work that needs nothing the next stages make on a thread of its own, so that it runs beside
    /// them; on one thread (--threads 1) it is done at once, before they start.
    /// </summary>
    public static Task<T> Beside<T>(Func<T> work) =>
        MaxThreads == 1 ? Task.FromResult(work()) : Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
