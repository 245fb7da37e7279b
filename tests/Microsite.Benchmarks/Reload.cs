using System.Diagnostics;
using Microsite.Build;
using Microsite.Serve;

namespace Microsite.Benchmarks;

/// <summary>
/// The editor's loop, timed: the preview server runs on a copy of the real input; each run saves one chapter
/// (one character changed, alternately added and removed) and waits for the "reload" event that open pages
/// receive once the new site is served. The figure is save to reload, debounce included (what an editor sees).
/// </summary>
internal static class Reload
{
    public static async Task<int> RunAsync(int runs, string inputDir, string themeDir, string chapter)
    {
        var root = Directory.CreateTempSubdirectory("microsite-reload-").FullName;
        try
        {
            var input = Path.Combine(root, "input");
            Copy(inputDir, input);
            var file = Path.Combine(input, chapter);
            var original = await File.ReadAllTextAsync(file);

            using var stop = new CancellationTokenSource();
            await using var server = new PreviewServer(new PreviewOptions(input, Path.GetFullPath(themeDir), "127.0.0.1", 0, new BuildOptions()), TextWriter.Null);
            await server.StartAsync(stop.Token);
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var response = await http.GetAsync(server.Address + PreviewServer.OwnFolder + "events", HttpCompletionOption.ResponseHeadersRead);
            using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
            await NextAsync(events); // the version the page was served with

            var times = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                var text = i % 2 == 0 ? original.TrimEnd() + "\n\n" : original;
                var watch = Stopwatch.StartNew();
                await File.WriteAllTextAsync(file, text);
                var name = await NextAsync(events);
                watch.Stop();
                if (name != "reload")
                {
                    Console.Error.WriteLine($"expected a reload, got \"{name}\"");
                    return 1;
                }

                if (i >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first two warm the server's memos and the JIT
                }

                await Task.Delay(300); // an editor does not save twice within the debounce
            }

            times.Sort();
            Console.WriteLine($"save of {chapter} to reload event, {runs} runs: min {times[0]:0} ms, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms; {times.Count(t => t >= 1000)} of {times.Count} at a second or more (the bound)");
            await stop.CancelAsync();
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> NextAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? name = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.Length == 0 && name is not null)
            {
                return name;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }

    private static void Copy(string from, string to)
    {
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
        }
    }
}
