using Bloomy.Bench.Infrastructure;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload 1: Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit K for 200 users at 50 ms latency. The ideal
/// wall time is one round trip for the user list plus 200/K rounds of to-do requests. The same calls on the raw
/// client (same K, alternating runs) show how much of any gap is the cmdlet layer and how much the machine.
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
            Columns = ["K", "runs", "ideal ms", "cmdlet wall ms", "efficiency", "peak in flight", "requests",
                       "raw-client wall ms", "raw-client efficiency", "cmdlet / raw", "server ms/request"],
        };

        await using var emulator = await Emulators.StartAsync(Users, TimeSpan.FromMilliseconds(LatencyMs), recordRequests: true);
        using var client = Emulators.ClientFor(emulator);
        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);
        var expectedTodos = emulator.Store.Todos.Count(t => !t.Complete && t.OwnerId <= 1000 + Users);

        // Warm-up: JIT, and as many pooled connections as the widest run uses.
        session.Run("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 20");
        await RawAsync(client, 20);

        bool met = true;
        foreach (var k in ThrottleLimits)
        {
            int runs = k == 1 ? 2 : 3;
            var cmdlet = new List<double>();
            var raw = new List<double>();
            int peak = 0, requests = 0;
            double serverMs = 0;
            for (int run = 0; run < runs; run++)
            {
                emulator.Stats.Reset();
                IReadOnlyList<object?> output = [];
                cmdlet.Add(Measure.Milliseconds(() =>
                    output = session.Run("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit $k", new() { ["k"] = k })));
                if (output.OfType<Todo>().Count() != expectedTodos)
                    throw new InvalidOperationException($"K={k}: {output.Count} to-dos out, {expectedTodos} expected.");
                peak = Math.Max(peak, emulator.Stats.PeakInFlight);
                requests = (int)emulator.Stats.TotalRequests;
                serverMs = Emulators.MeanServerMilliseconds(emulator);
                if (k == 1 && run == 0) result.Notes.Add($"K = 1, cmdlet: {GapNote(emulator)}");

                emulator.Stats.Reset();
                int count = 0;
                raw.Add(await Measure.MillisecondsAsync(async () => count = await RawAsync(client, k)));
                if (count != expectedTodos) throw new InvalidOperationException($"K={k}: raw client got {count} to-dos.");
                if (k == 1 && run == 0) result.Notes.Add($"K = 1, raw client: {GapNote(emulator)}");
            }

            double ideal = (1 + Math.Ceiling((double)Users / k)) * LatencyMs;
            double wall = Measure.Median(cmdlet), rawWall = Measure.Median(raw);
            double efficiency = ideal / wall;
            met &= efficiency >= 0.97 && peak == k;
            result.Row(k, runs, ideal, wall, efficiency, peak, requests, rawWall, ideal / rawWall, wall / rawWall, serverMs);
        }

        result.Met = met;
        result.Notes.Add("Raw client: client.Users.ListAsync(), then client.Todos.ListAsync(userId) for each user through " +
                         "Parallel.ForEachAsync with K in flight: the same requests, without the engine or the bridge.");
        result.Notes.Add("Server ms/request: the emulator's own time per request (arrival to answer), the 50 ms latency plus its overshoot.");
        return result;
    }

    /// <summary>The same work on the raw client: the user list, then every user's open to-dos, K at a time.</summary>
    private static async Task<int> RawAsync(BloomyClient client, int k)
    {
        var users = await client.Users.ListAsync(cancellationToken: CancellationToken.None);
        var todos = new IReadOnlyList<Todo>[users.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), new ParallelOptions { MaxDegreeOfParallelism = k },
            async (i, ct) => todos[i] = await client.Todos.ListAsync(userId: users[i].Id, cancellationToken: ct));
        return todos.Sum(t => t.Count);
    }

    /// <summary>
    /// For a sequential run: the time between the emulator answering one request and the next one arriving, which is
    /// everything outside the server (client, bridge, engine, loopback, thread wake-ups).
    /// </summary>
    private static string GapNote(BloomEmulator emulator)
    {
        var requests = emulator.Stats.Requests.OrderBy(r => r.StartedAt).ToList();
        var gaps = requests.Zip(requests.Skip(1), (a, b) => (b.StartedAt - (a.StartedAt + a.Elapsed)).TotalMilliseconds).ToList();
        var overshoot = requests.Select(r => r.Elapsed.TotalMilliseconds - LatencyMs).ToList();
        gaps.Sort();
        return $"gap between one answer and the next request: median {Measure.Median(gaps):F2} ms, mean {gaps.Average():F2} ms, " +
               $"p95 {gaps[(int)(gaps.Count * 0.95)]:F2} ms, max {gaps[^1]:F1} ms; " +
               $"server overshoot over the 50 ms latency: median {Measure.Median(overshoot):F2} ms, mean {overshoot.Average():F2} ms";
    }
}
