using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Microsite.Benchmarks;

/// <summary>
/// Times a whole command as the operating system sees it (start-up included), several runs after a
/// warm-up, through /usr/bin/time: wall seconds and the peak resident memory of the process.
/// </summary>
internal static partial class Whole
{
    public static int Run(int runs, string label, string[] command)
    {
        var walls = new List<double>();
        var peaks = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        for (var i = 0; i <= runs; i++)
        {
            var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-f", "BENCH %e %M" }.Concat(command))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var measured = Measured().Match(stderr);
            if (!measured.Success)
            {
                Console.Error.WriteLine($"{label}: no measurement (exit {process.ExitCode}):\n{stderr}");
                return 1;
            }

            if (i == 0)
            {
                continue; // warm-up: file caches, the first start of the runtime
            }

            walls.Add(double.Parse(measured.Groups[1].Value, CultureInfo.InvariantCulture));
            peaks.Add(double.Parse(measured.Groups[2].Value, CultureInfo.InvariantCulture) / 1024);
            foreach (Match stage in Stage().Matches(stdout.Result))
            {
                (stages.TryGetValue(stage.Groups[1].Value, out var list) ? list : stages[stage.Groups[1].Value] = []).Add(double.Parse(stage.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"{label}: {runs} runs; wall s min {walls.Min():0.000} median {Median(walls):0.000} max {walls.Max():0.000}; peak MiB median {Median(peaks):0}");
        if (stages.Count > 0)
        {
            Console.WriteLine($"{label}: stage medians ms: {string.Join(" · ", stages.Select(s => $"{s.Key} {Median(s.Value):0}"))}");
        }

        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex(@"BENCH ([0-9.]+) ([0-9]+)")]
    private static partial Regex Measured();

    [GeneratedRegex(@"(?:time: |· )([a-z]+) ([0-9]+) ms")]
    private static partial Regex Stage();
}
