using Bloomy.Bench.Infrastructure;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload "milestones" (issue 12), the shape of workload 1 over GraphQL: Get-BloomyGoal | Get-BloomyMilestone
/// -ThrottleLimit 10 for 200 goals at 50 ms latency. The ideal wall time is one round trip for the goal list (REST)
/// plus 200/10 rounds of milestone lists (one GraphQL document per goal: 3 milestones fit the default page). The raw
/// client does the same requests (alternating runs) to separate the cmdlet layer from the machine.
/// </summary>
internal static class MilestonesWorkload
{
    private const int Goals = 200;
    private const int MilestonesPerGoal = 3;
    private const int ThrottleLimit = 10;
    private const double LatencyMs = 50;
    private const int Runs = 5;

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "milestones. Milestones of 200 goals over GraphQL (50 ms latency)",
            "Get-BloomyGoal | Get-BloomyMilestone -ThrottleLimit 10",
            "efficiency = ideal / wall ≥ 0.97, ideal = (1 + 200/10) × 50 ms; peak in flight = 10")
        {
            Columns = ["K", "runs", "ideal ms", "cmdlet wall ms", "efficiency", "peak in flight", "requests",
                       "raw-client wall ms", "raw-client efficiency", "cmdlet / raw", "server ms/request"],
        };

        await using var emulator = await Emulators.StartAsync(20, TimeSpan.Zero, recordRequests: true);
        using var client = Emulators.ClientFor(emulator);
        await SeedAsync(client, emulator);
        var expected = Goals * MilestonesPerGoal;

        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);
        // Warm-up at zero latency until tiered compilation has settled on both paths (see JitWarmup).
        var warmup = await JitWarmup.UntilSettledAsync(async () =>
        {
            session.Run("Get-BloomyGoal | Get-BloomyMilestone -ThrottleLimit 10");
            await RawAsync(client, ThrottleLimit);
        }, minRounds: 5, maxRounds: 250);
        emulator.Latency = TimeSpan.FromMilliseconds(LatencyMs);
        // Then one run at the measured latency, so the connection pool holds as many connections as a run uses.
        session.Run("Get-BloomyGoal | Get-BloomyMilestone -ThrottleLimit 10");
        await RawAsync(client, ThrottleLimit);

        var cmdlet = new List<double>();
        var raw = new List<double>();
        int peak = 0, requests = 0;
        double serverMs = 0;
        for (int run = 0; run < Runs; run++)
        {
            emulator.Stats.Reset();
            IReadOnlyList<object?> output = [];
            cmdlet.Add(Measure.Milliseconds(() =>
                output = session.Run("Get-BloomyGoal | Get-BloomyMilestone -ThrottleLimit $k", new() { ["k"] = ThrottleLimit })));
            if (output.OfType<Milestone>().Count() != expected)
                throw new InvalidOperationException($"{output.Count} objects out, {expected} milestones expected.");
            peak = Math.Max(peak, emulator.Stats.PeakInFlight);
            requests = (int)emulator.Stats.TotalRequests;
            serverMs = Emulators.MeanServerMilliseconds(emulator);

            emulator.Stats.Reset();
            int count = 0;
            raw.Add(await Measure.MillisecondsAsync(async () => count = await RawAsync(client, ThrottleLimit)));
            if (count != expected) throw new InvalidOperationException($"raw client got {count} milestones.");
        }

        double ideal = (1 + Math.Ceiling((double)Goals / ThrottleLimit)) * LatencyMs;
        double wall = Measure.Median(cmdlet), rawWall = Measure.Median(raw);
        double efficiency = ideal / wall;
        result.Met = efficiency >= 0.97 && peak == ThrottleLimit;
        result.Row(ThrottleLimit, Runs, ideal, wall, efficiency, peak, requests, rawWall, ideal / rawWall, wall / rawWall, serverMs);
        double serverIdeal = (1 + Math.Ceiling((double)Goals / ThrottleLimit)) * serverMs;
        result.Notes.Add($"Against the server's own time per request ({serverMs:F1} ms, i.e. the 50 ms latency plus the emulator's " +
                         $"GraphQL execution): ideal {serverIdeal:F0} ms, cmdlet efficiency {serverIdeal / wall:F3}, raw client {serverIdeal / rawWall:F3}.");
        result.Notes.Add($"Warm-up at zero latency: {warmup}.");
        result.Notes.Add($"The demo user owns exactly {Goals} active goals with {MilestonesPerGoal} milestones each (seeded at zero latency, " +
                         "then 50 ms per request); the milestone lists are GraphQL documents through the same pipeline as REST.");
        result.Notes.Add("Raw client: client.Goals.ListAsync(), then client.Milestones.ListAsync(goalId) for each goal through " +
                         "Parallel.ForEachAsync with 10 in flight.");
        return result;
    }

    // Tops the demo user up to 200 active goals (REST) and gives each 3 milestones (GraphQL), at zero latency.
    private static async Task SeedAsync(BloomyClient client, BloomEmulator emulator)
    {
        var meeting = emulator.Store.Meetings.First(m => m.AttendeeIds.Contains(emulator.DemoUserId)).Id;
        var existing = (await client.Goals.ListAsync()).Count;
        var created = await client.Goals.CreateManyAsync(
            Enumerable.Range(existing + 1, Goals - existing).Select(i => new GoalCreateItem { Title = $"Goal {i}", MeetingId = meeting }), 16);
        if (created.Failed.Count > 0) throw new InvalidOperationException("Seeding goals failed: " + created.Failed[0]);
        var goals = await client.Goals.ListAsync();
        if (goals.Count != Goals) throw new InvalidOperationException($"{goals.Count} goals seeded, {Goals} expected.");
        var due = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        await Parallel.ForEachAsync(goals, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (goal, ct) =>
        {
            for (int i = 0; i < MilestonesPerGoal; i++)
                await client.Milestones.CreateAsync(goal.Id, $"Step {i + 1}", due.AddDays(7 * i), cancellationToken: ct);
        });
    }

    /// <summary>The same work on the raw client: the goal list, then every goal's milestones, K at a time.</summary>
    private static async Task<int> RawAsync(BloomyClient client, int k)
    {
        var goals = await client.Goals.ListAsync(cancellationToken: CancellationToken.None);
        var milestones = new IReadOnlyList<Milestone>[goals.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, goals.Count), new ParallelOptions { MaxDegreeOfParallelism = k },
            async (i, ct) => milestones[i] = await client.Milestones.ListAsync(goals[i].Id, ct));
        return milestones.Sum(m => m.Count);
    }
}
