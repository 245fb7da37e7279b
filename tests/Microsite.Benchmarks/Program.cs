using System.Diagnostics;
using Microsite.Benchmarks;
using Microsite.Build;
using Microsite.Core;

// The benchmark's in-process parts; tests/benchmark runs whole processes side by side with Hugo.
//   dotnet run -c Release --project tests/Microsite.Benchmarks -- warm [runs] [input] [theme]
//       the whole pipeline in one warm process: median time of every stage (what a preview server pays)
//   dotnet run -c Release --project tests/Microsite.Benchmarks -- corpus PAGES OUT [real-input]
//       writes a synthetic two-language site of about PAGES pages into OUT/input (and OUT/hugo)
//   dotnet run -c Release --project tests/Microsite.Benchmarks -- reload [runs] [input] [theme] [chapter]
//       the preview server on a copy of the input: from saving one chapter to the reload event (min, median, max)
//   dotnet run -c Release --project tests/Microsite.Benchmarks -- whole RUNS LABEL -- COMMAND [ARGS…] [--and LABEL -- COMMAND [ARGS…]]…
//       runs whole commands RUNS times after one warm-up each, in turn (one run of each per round), through
//       /usr/bin/time: wall time and peak memory (min, median, max), the median of each stage time the command
//       prints ("time: load 12 ms · …"), and for two commands the ratio of their times in each round
var command = args.Length > 0 ? args[0] : "warm";
switch (command)
{
    case "whole" when args.Length >= 5 && Whole.Commands(args[2..]) is { } commands:
        return Whole.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), commands);
    case "hugo-of" when args.Length >= 3:
        Corpus.HugoOf(args[1], args[2]);
        return 0;
    case "corpus" when args.Length >= 3:
        Corpus.Write(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : "input", args[2]);
        return 0;
    case "warm":
        return Warm(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 2 ? args[2] : "input", args.Length > 3 ? args[3] : "theme");
    case "reload":
        return await Reload.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
            args.Length > 2 ? args[2] : "input", args.Length > 3 ? args[3] : "theme", args.Length > 4 ? args[4] : "zh/review-2022.md");
    default:
        Console.Error.WriteLine("usage: warm [runs] [input] [theme] | reload [runs] [input] [theme] [chapter] | corpus PAGES OUT [real-input] | whole RUNS LABEL -- COMMAND [ARGS…] [--and LABEL -- COMMAND [ARGS…]]…");
        return 2;
}

static int Warm(int runs, string inputDir, string themeDir)
{
    var input = FileSet.FromDirectory(inputDir, "input");
    var theme = FileSet.FromDirectory(themeDir, "theme");
    var stages = new Dictionary<string, List<double>>();
    var totals = new List<double>();
    for (var i = 0; i < runs + 3; i++)
    {
        var watch = Stopwatch.StartNew();
        var result = SiteBuilder.Build(input, theme);
        watch.Stop();
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join("\n", result.Diagnostics.Take(20)));
            return 1;
        }

        if (i < 3)
        {
            continue; // warm-up: JIT and caches
        }

        totals.Add(watch.Elapsed.TotalMilliseconds);
        foreach (var (stage, time) in result.Timings)
        {
            (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(time.TotalMilliseconds);
        }
    }

    Console.WriteLine($"{runs} warm builds of {input.Paths.Count()} input files; median ms per stage:");
    foreach (var (stage, times) in stages)
    {
        Console.WriteLine($"  {stage,-14} {Median(times),8:0.0}");
    }

    Console.WriteLine($"  {"total",-14} {Median(totals),8:0.0}");
    return 0;
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
