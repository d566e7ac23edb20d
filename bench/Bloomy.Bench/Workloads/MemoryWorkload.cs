using Bloomy.Bench.Infrastructure;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload 4: 100 000 input objects, generated lazily by the pipeline itself, through New-BloomyTodo -WhatIf and
/// through a real Get-BloomyTodo pipeline (zero latency). Output is counted and dropped, so any growth of the heap
/// is what the cmdlets keep: back-pressure must hold it flat whatever the input length.
/// </summary>
internal static class MemoryWorkload
{
    private const int Items = 100_000;
    private const double TargetMb = 50;

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "4. Memory under 100 000 input objects",
            "1..100000 | ForEach-Object { … } | New-BloomyTodo -WhatIf   and   … | Get-BloomyTodo -ThrottleLimit 10",
            $"peak managed heap grows ≤ {TargetMb} MB")
        {
            Columns = ["pipeline", "items in", "objects out", "wall s", "peak heap growth after GC (MB)", "peak heap growth incl. garbage (MB)", "gen0 / gen2 GCs"],
        };

        await using var emulator = await Emulators.StartAsync(users: 200, TimeSpan.Zero);
        var ids = emulator.Store.Todos.Select(t => t.Id).ToArray();
        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);

        var pipelines = new (string Name, string Script, long ExpectedOut)[]
        {
            ("New-BloomyTodo -WhatIf",
             "1..$n | ForEach-Object { [pscustomobject]@{ Title = \"Bench to-do $_\"; MeetingId = 2001 } } | New-BloomyTodo -WhatIf", 0),
            ("Get-BloomyTodo (real requests)",
             "1..$n | ForEach-Object { $ids[$_ % $ids.Count] } | Get-BloomyTodo -ThrottleLimit 10", Items),
        };

        bool met = true;
        foreach (var (name, script, expectedOut) in pipelines)
        {
            var variables = new Dictionary<string, object?> { ["n"] = 1000, ["ids"] = ids };
            session.RunCounting(script, variables); // warm-up
            variables["n"] = Items;
            long count = 0;
            var sampler = HeapSampler.Start();
            double ms = Measure.Milliseconds(() => count = session.RunCounting(script, variables));
            sampler.Stop();
            if (count != expectedOut) throw new InvalidOperationException($"{name}: {count} objects out, {expectedOut} expected.");
            double afterGc = sampler.GrowthAfterGc / 1048576.0, total = sampler.GrowthTotal / 1048576.0;
            met &= afterGc <= TargetMb;
            result.Row(name, Items, count, ms / 1000, afterGc, total, $"{sampler.Gen0} / {sampler.Gen2}");
        }

        result.Met = met;
        result.Notes.Add("Growth after GC: the largest heap right after any collection during the run, minus the heap after a full " +
                         "collection before it (what the run keeps alive). Incl. garbage: the largest GC.GetTotalMemory(false) seen, an upper bound.");
        return result;
    }
}
