using Bloomy.Bench.Infrastructure;
using Bloomy.Client.Models;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload 2: 20 meeting ids piped into Get-BloomyMeeting -Detailed -ThrottleLimit 5 at 50 ms latency. Each meeting
/// costs two round trips (the meeting, then its four lists at once), so the ideal is 20/5 × 2 × 50 ms.
/// </summary>
internal static class DetailedMeetingWorkload
{
    private const int Meetings = 20;
    private const int ThrottleLimit = 5;
    private const double LatencyMs = 50;
    private const int Runs = 5;

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "2. Meeting details through the pipeline (20 meetings, K = 5, 50 ms)",
            "$ids | Get-BloomyMeeting -Detailed -ThrottleLimit 5",
            "wall ≤ 1.1 × ideal, ideal = 20/5 × 2 round trips × 50 ms = 400 ms")
        {
            Columns = ["runs", "ideal ms", "wall ms (median)", "wall / ideal", "peak in flight", "requests", "server ms/request"],
        };

        await using var emulator = await Emulators.StartAsync(users: 60, TimeSpan.Zero, recordRequests: true);
        using (var client = Emulators.ClientFor(emulator))
        {
            // The seed has 12 meetings; add the rest so that every pipeline item is a distinct meeting.
            for (int i = emulator.Store.Meetings.Count; i < Meetings; i++)
                await client.Meetings.CreateAsync($"Bench meeting {i}", cancellationToken: CancellationToken.None);
        }
        var ids = emulator.Store.Meetings.Take(Meetings).Select(m => m.Id).ToArray();
        emulator.Latency = TimeSpan.FromMilliseconds(LatencyMs);

        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);
        var variables = new Dictionary<string, object?> { ["ids"] = ids, ["k"] = ThrottleLimit };
        const string script = "$ids | Get-BloomyMeeting -Detailed -ThrottleLimit $k";
        session.Run(script, variables);

        var walls = new List<double>();
        int peak = 0, requests = 0;
        double serverMs = 0;
        for (int run = 0; run < Runs; run++)
        {
            emulator.Stats.Reset();
            IReadOnlyList<object?> output = [];
            walls.Add(Measure.Milliseconds(() => output = session.Run(script, variables)));
            if (!output.OfType<MeetingDetails>().Select(m => m.Id).SequenceEqual(ids))
                throw new InvalidOperationException("The meetings did not come out once each, in input order.");
            peak = Math.Max(peak, emulator.Stats.PeakInFlight);
            requests = (int)emulator.Stats.TotalRequests;
            serverMs = Emulators.MeanServerMilliseconds(emulator);
        }

        double ideal = Math.Ceiling((double)Meetings / ThrottleLimit) * 2 * LatencyMs;
        double wall = Measure.Median(walls);
        result.Row(Runs, ideal, wall, wall / ideal, peak, requests, serverMs);
        result.Met = wall <= 1.1 * ideal;
        return result;
    }
}
