using Microsite.Build;
using Microsite.Core;
using System.Diagnostics;
using Microsite;
using Microsite.Content;

// Times the whole pipeline in one warm process: the stage timings a build prints include start-up
// (JIT) costs that a preview server or a build of many pages pays once. Usage:
//   dotnet run -c Release --project tests/Microsite.Benchmarks -- [runs] [input] [theme]
var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var input = FileSet.FromDirectory(args.Length > 1 ? args[1] : "input", "input");
var theme = FileSet.FromDirectory(args.Length > 2 ? args[2] : "theme", "theme");

var stages = new Dictionary<string, List<double>>();
var totals = new List<double>();
for (var i = 0; i < runs + 3; i++)
{
    var watch = Stopwatch.StartNew();
    var result = SiteBuilder.Build(input, theme);
    watch.Stop();
    if (!result.Succeeded)
    {
        Console.Error.WriteLine(string.Join("\n", result.Diagnostics));
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

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

Console.WriteLine($"{runs} warm builds of {input.Paths.Count()} input files; median ms per stage:");
foreach (var (stage, times) in stages)
{
    Console.WriteLine($"  {stage,-14} {Median(times),8:0.0}");
}

Console.WriteLine($"  {"total",-14} {Median(totals),8:0.0}");
return 0;
