using System.Diagnostics;
using Bloomy.Bench.Infrastructure;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload `storm`: 1000 to-dos piped into New-BloomyTodo -ThrottleLimit 64 against a server that allows 30 requests
/// a second (the emulator's token bucket answers 429 with Retry-After beyond that), on a default connection (3 retries,
/// 64 requests at most in flight). Every item must be created once, none lost or doubled, and the wall time must
/// stay within 15 % of the least the server allows, 1000 / 30 s.
/// </summary>
internal static class StormWorkload
{
    private const int Items = 1000;
    private const int RequestsPerSecond = 30;
    private const int Throttle = 64;

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "Storm: 1000 creates against a 30 requests/s rate limit",
            "1..1000 | ForEach-Object { … } | New-BloomyTodo -ThrottleLimit 64",
            "1000 created, 0 errors, 0 duplicates, wall ≤ 1.15 × 1000/30 s")
        {
            Columns = ["items", "outputs", "errors", "created on the server", "duplicates", "429s", "POSTs", "wall s", "ideal s", "wall / ideal"],
        };

        await using var emulator = await Emulators.StartAsync(users: 5, TimeSpan.Zero, recordRequests: true);
        using var session = new EngineSession();
        session.Connect(emulator.BaseUri, emulator.DemoApiKey);
        session.Run("New-BloomyTodo -Title warm-up | Out-Null"); // JIT, before the bucket is armed
        emulator.Stats.Reset();
        emulator.Faults.RateLimit(RequestsPerSecond, "POST", "todo/create");

        IReadOnlyList<object?> summary = [];
        var watch = Stopwatch.StartNew();
        summary = session.Run(
            "$out = 1..$n | ForEach-Object { [pscustomobject]@{ Title = \"storm $_\" } } | " +
            "New-BloomyTodo -ThrottleLimit $t -ErrorVariable failures -ErrorAction SilentlyContinue; " +
            "@($out).Count; @($failures).Count",
            new() { ["n"] = Items, ["t"] = Throttle });
        var wall = watch.Elapsed.TotalSeconds;

        var outputs = Convert.ToInt32(summary[0], System.Globalization.CultureInfo.InvariantCulture);
        var errors = Convert.ToInt32(summary[1], System.Globalization.CultureInfo.InvariantCulture);
        var stored = emulator.Store.Todos.Where(t => t.Title.StartsWith("storm ", StringComparison.Ordinal)).Select(t => t.Title).ToList();
        var duplicates = stored.Count - stored.Distinct().Count();
        var posts = emulator.Stats.Requests.Where(r => r.Method == "POST").ToList();
        var limited = posts.Count(r => r.StatusCode == 429);
        var ideal = Items / (double)RequestsPerSecond;

        result.Row(Items, outputs, errors, stored.Count, duplicates, limited, posts.Count, wall, ideal, wall / ideal);
        result.Met = outputs == Items && errors == 0 && stored.Count == Items && duplicates == 0 && wall <= ideal * 1.15;
        result.Notes.Add("The server's bucket starts full (30 tokens) and refills at 30/s; every 429 carries Retry-After: 1, which " +
                         "pauses the whole connection. After a 429 the connection halves how many requests it lets out at once " +
                         "and grows back by one per round of successes; 429s are waited out within the total timeout, not counted " +
                         "against -MaxRetries.");
        return result;
    }
}
