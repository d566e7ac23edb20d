using Bloomy.Bench.Infrastructure;
using Bloomy.Client.Models;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload 1: Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit K for 200 users at 50 ms latency. The ideal
/// wall time is one round trip for the user list plus 200/K rounds of to-do requests.
/// </summary>
internal static class BatchingWorkload
{
    private const int Users = 200;
    private const double LatencyMs = 50;
    private static readonly int[] ThrottleLimits = [1, 5, 10, 20];

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "1. Pipeline batching (200 users, 50 ms latency)",
            "Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit K",
            "efficiency = ideal / wall ≥ 0.97 at every K, ideal = (1 + 200/K) × 50 ms; peak in flight = K")
        {
            Columns = ["K", "runs", "ideal ms", "wall ms (median)", "efficiency", "peak in flight", "requests", "to-dos out",
                       "server ms/request", "server-bound efficiency"],
        };

        await using var emulator = await Emulators.StartAsync(Users, TimeSpan.FromMilliseconds(LatencyMs), recordRequests: true);
        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);
        var expectedTodos = emulator.Store.Todos.Count(t => !t.Complete && t.OwnerId <= 1000 + Users);

        // Warm-up: JIT, and as many pooled connections as the widest run uses.
        session.Run("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 20");

        bool met = true;
        foreach (var k in ThrottleLimits)
        {
            int runs = k == 1 ? 2 : 3;
            var walls = new List<double>();
            int peak = 0, requests = 0;
            double serverMs = 0;
            for (int run = 0; run < runs; run++)
            {
                emulator.Stats.Reset();
                IReadOnlyList<object?> output = [];
                walls.Add(Measure.Milliseconds(() =>
                    output = session.Run("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit $k", new() { ["k"] = k })));
                if (output.OfType<Todo>().Count() != expectedTodos)
                    throw new InvalidOperationException($"K={k}: {output.Count} to-dos out, {expectedTodos} expected.");
                peak = Math.Max(peak, emulator.Stats.PeakInFlight);
                requests = (int)emulator.Stats.TotalRequests;
                serverMs = Emulators.MeanServerMilliseconds(emulator);
            }

            double rounds = 1 + Math.Ceiling((double)Users / k);
            double ideal = rounds * LatencyMs;
            double wall = Measure.Median(walls);
            double efficiency = ideal / wall;
            met &= efficiency >= 0.97 && peak == k;
            result.Row(k, runs, ideal, wall, efficiency, peak, requests, expectedTodos, serverMs, rounds * serverMs / wall);
        }

        result.Met = met;
        result.Notes.Add("server ms/request is the emulator's own time per request (arrival to answer: the 50 ms latency plus its overshoot); " +
                         "server-bound efficiency = (1 + 200/K) × that / wall, i.e. the efficiency with the emulator's overshoot taken out.");
        return result;
    }
}
