using System.Diagnostics;
using Bloomy.Bench.Infrastructure;
using Bloomy.Bench.Workloads;

// Bloomy benchmarks: `dotnet run -c Release --project bench/Bloomy.Bench -- all` (or one or more workload names).
// Writes the markdown table to stdout and to bench/results/latest.md.

var workloads = new (string Name, Func<Task<WorkloadResult>> Run)[]
{
    ("batching", BatchingWorkload.RunAsync),
    ("detailed", DetailedMeetingWorkload.RunAsync),
    ("overhead", CmdletOverheadWorkload.RunAsync),
    ("memory", MemoryWorkload.RunAsync),
    ("import", ImportWorkload.RunAsync),
    ("client", ClientWorkload.RunAsync),
    ("fresh", FreshShellWorkload.RunAsync),
    ("storm", StormWorkload.RunAsync),
    ("sessions", SessionsWorkload.RunAsync),
    ("milestones", MilestonesWorkload.RunAsync),
};

if (args.Length > 0 && args[0] == ImportWorkload.ProbeCommand) return ImportWorkload.RunProbeProcess(args);

var names = args.Length == 0 || args.Contains("all") ? workloads.Select(w => w.Name).ToArray() : args;
var unknown = names.Where(n => workloads.All(w => w.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown workload(s): {string.Join(", ", unknown)}. Use: all, {string.Join(", ", workloads.Select(w => w.Name))}.");
    return 2;
}

var total = Stopwatch.StartNew();
var results = new List<WorkloadResult>();
foreach (var (name, run) in workloads.Where(w => names.Contains(w.Name)))
{
    var one = Stopwatch.StartNew();
    Console.Error.WriteLine($"== {name} ...");
    results.Add(await run());
    Console.Error.WriteLine($"== {name} done in {one.Elapsed.TotalSeconds:F1} s");
}

var markdown = Report.Render(results, total.Elapsed, string.Join(" ", args.Length == 0 ? ["all"] : args));
Console.WriteLine(markdown);
Directory.CreateDirectory(RepoPaths.ResultsFolder);
var file = Path.Combine(RepoPaths.ResultsFolder, "latest.md");
File.WriteAllText(file, markdown);
Console.Error.WriteLine($"Written to {file}");
return results.All(r => r.Met) ? 0 : 1;
