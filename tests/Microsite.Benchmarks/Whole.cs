using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Microsite.Benchmarks;

/// <summary>
/// Times whole commands as the operating system sees them (start-up included), several runs after a
/// warm-up, through /usr/bin/time: wall seconds and the peak resident memory of the process. Several
/// commands are run in turn, one run of each per round: this machine's speed drifts by a fifth within
/// minutes, and three runs of one command and then three of the other put the drift between them.
/// </summary>
internal static partial class Whole
{
    /// <summary>The arguments after "whole RUNS": LABEL -- COMMAND [ARGS…], then --and LABEL -- COMMAND [ARGS…] for each further command.</summary>
    public static IReadOnlyList<(string Label, string[] Command)>? Commands(string[] args)
    {
        var commands = new List<(string, string[])>();
        var at = 0;
        while (at < args.Length)
        {
            var end = Array.IndexOf(args, "--and", at);
            var part = args[at..(end < 0 ? args.Length : end)];
            if (part.Length < 3 || part[1] != "--")
            {
                return null;
            }

            commands.Add((part[0], part[2..]));
            at = end < 0 ? args.Length : end + 1;
        }

        return commands.Count > 0 ? commands : null;
    }

    public static int Run(int runs, IReadOnlyList<(string Label, string[] Command)> commands)
    {
        var walls = commands.Select(_ => new List<double>()).ToList();
        var peaks = commands.Select(_ => new List<double>()).ToList();
        var stages = commands.Select(_ => new Dictionary<string, List<double>>()).ToList();
        for (var i = 0; i <= runs; i++)
        {
            for (var c = 0; c < commands.Count; c++)
            {
                var (label, command) = commands[c];
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

                walls[c].Add(double.Parse(measured.Groups[1].Value, CultureInfo.InvariantCulture));
                peaks[c].Add(double.Parse(measured.Groups[2].Value, CultureInfo.InvariantCulture) / 1024);
                foreach (Match stage in Stage().Matches(stdout.Result))
                {
                    (stages[c].TryGetValue(stage.Groups[1].Value, out var list) ? list : stages[c][stage.Groups[1].Value] = []).Add(double.Parse(stage.Groups[2].Value, CultureInfo.InvariantCulture));
                }
            }
        }

        for (var c = 0; c < commands.Count; c++)
        {
            var label = commands[c].Label;
            Console.WriteLine($"{label}: {runs} runs; wall s min {walls[c].Min():0.000} median {Median(walls[c]):0.000} max {walls[c].Max():0.000}; peak MiB median {Median(peaks[c]):0}");
            if (stages[c].Count > 0)
            {
                Console.WriteLine($"{label}: stage medians ms: {string.Join(" · ", stages[c].Select(s => $"{s.Key} {Median(s.Value):0}"))}");
            }
        }

        if (commands.Count == 2)
        {
            // The two runs of a round are seconds apart: their ratio is the figure the drift moves least.
            var ratios = walls[0].Zip(walls[1], (a, b) => a / b).ToList();
            Console.WriteLine($"{commands[0].Label} / {commands[1].Label}: time ratio per round {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}; median {Median(ratios):0.00}");
        }

        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex(@"BENCH ([0-9.]+) ([0-9]+)")]
    private static partial Regex Measured();

    [GeneratedRegex(@"(?:time: |· )([a-z]+) ([0-9]+) ms")]
    private static partial Regex Stage();
}
