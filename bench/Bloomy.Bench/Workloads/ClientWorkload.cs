using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Bloomy.Bench.Infrastructure;

namespace Bloomy.Bench.Workloads;

/// <summary>Workload 6: runs <see cref="ClientBenchmarks"/> with a short in-process BenchmarkDotNet job.</summary>
internal static class ClientWorkload
{
    public static Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "6. Client alone (BenchmarkDotNet, 64 in flight, zero latency)",
            "64 × client.Todos.GetAsync(id) started together, awaited with Task.WhenAll",
            "none set by the issue: requests/s and allocations per request are the baseline to keep")
        {
            Columns = ["benchmark", "mean µs/request", "requests/s", "allocated bytes/request", "gen0 per 1000 requests"],
        };

        // In-process (no child build, works offline), few iterations: the figures are a mean of short runs, enough
        // for requests/s and an exact allocation count (allocations do not vary with noise).
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8).WithInvocationCount(64).WithUnrollFactor(1);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(new ConsoleLogger())
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(RepoPaths.ResultsFolder, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<ClientBenchmarks>(config);

        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
            var meanNs = report.ResultStatistics?.Mean
                ?? throw new InvalidOperationException($"{name} produced no measurements: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            var gen0 = report.GcStats.Gen0Collections * 1000.0 / report.GcStats.TotalOperations;
            result.Row(name, meanNs / 1000, 1e9 / meanNs, bytes, gen0);
        }

        result.Met = summary.Reports.Length == 2 && summary.Reports.All(r => r.Success);
        result.Notes.Add("Allocated bytes are counted process-wide by BenchmarkDotNet, so the loopback row includes the in-process " +
                         "emulator's (Kestrel's) allocations; the in-memory row is the client alone.");
        return Task.FromResult(result);
    }
}
