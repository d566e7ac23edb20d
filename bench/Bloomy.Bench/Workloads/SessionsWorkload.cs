using System.Diagnostics;
using System.Management.Automation;
using System.Security;
using Bloomy.Bench.Infrastructure;
using Bloomy.Emulator;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload "sessions" (issue 13): a -Credential connection under a 10 s pipeline of 500 items at -ThrottleLimit 10
/// (200 ms latency) while tokens live 2 s. Run twice: with the lifetime announced by /Token (the client renews a
/// tenth of the life early) and with it left out (the client learns of each expiry from 401s and renews once for the
/// whole wave). The emulator counts the exchanges, the requests refused for an expired token, and those sent with a
/// token the server had already refused.
/// </summary>
internal static class SessionsWorkload
{
    private const int Users = 50;
    private const int Items = 500;
    private const int ThrottleLimit = 10;
    private const double LatencyMs = 200;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private const string Pipeline = """
        $out = 0
        $failures = $null
        0..499 | ForEach-Object { 5001 + $_ % 150 } |
            Get-BloomyTodo -ThrottleLimit 10 -ErrorVariable failures -ErrorAction SilentlyContinue | ForEach-Object { $out++ }
        $out
        @($failures).Count
        """;

    public static async Task<WorkloadResult> RunAsync()
    {
        var result = new WorkloadResult(
            "Sessions: 2 s tokens under a 10 s pipeline (500 items, -ThrottleLimit 10, 200 ms latency)",
            "Connect-Bloomy -Credential …; 0..499 | ForEach-Object { 5001 + $_ % 150 } | Get-BloomyTodo -ThrottleLimit 10",
            "0 errors; token exchanges ≤ 1 + one per token lifetime of wall time; no request sent with a token after the server refused it")
        {
            Columns = ["lifetime in /Token", "wall s", "items out", "errors", "token exchanges", "lifetimes in wall time",
                       "401 for an expired token", "sent after a 401 with that token", "met"],
        };

        await using var emulator = await Emulators.StartAsync(Users, TimeSpan.Zero);
        emulator.Tokens.Lifetime = Lifetime;
        bool met = true;
        foreach (var announce in new[] { true, false })
        {
            emulator.Tokens.AnnounceLifetime = announce;
            using var session = new EngineSession();
            session.Run("Connect-Bloomy -BaseUri $base -Credential $credential",
                new() { ["base"] = emulator.BaseUri, ["credential"] = new PSCredential(emulator.DemoEmail, Secure(BloomEmulator.DemoPassword)) });
            // Warm-up (JIT, pooled connections) without latency, then the measured run from a fresh token.
            session.Run("5001..5020 | Get-BloomyTodo -ThrottleLimit 10");
            emulator.Tokens.ExpireAll(DateTimeOffset.UtcNow);
            if (announce) session.Run("Get-BloomyTodo -Id 5001");
            emulator.Latency = TimeSpan.FromMilliseconds(LatencyMs);
            emulator.Stats.Reset();

            var clock = Stopwatch.StartNew();
            var output = session.Run(Pipeline);
            var wall = clock.Elapsed.TotalSeconds;
            emulator.Latency = TimeSpan.Zero;

            int items = Convert.ToInt32(output[0]), errors = Convert.ToInt32(output[1]);
            long exchanges = emulator.Stats.TokenExchanges;
            double lifetimes = wall / Lifetime.TotalSeconds;
            long allowed = 1 + (long)Math.Ceiling(lifetimes);
            bool ok = items == Items && errors == 0 && exchanges <= allowed && emulator.Stats.ExpiredTokenRequestsAfterRejection == 0;
            met &= ok;
            result.Row(announce ? "announced (expires_in)" : "not announced (401s)", wall, items, errors, exchanges, lifetimes,
                emulator.Stats.ExpiredTokenRejections, emulator.Stats.ExpiredTokenRequestsAfterRejection, ok);
        }

        result.Met = met;
        result.Notes.Add("Announced: the session renews when a tenth of the token's life is left (at most a minute early for production's 14 days), " +
                         "so requests should never meet an expired token; the few 401s a busy machine may cause are renewed and sent again.");
        result.Notes.Add("Not announced: every request in flight when the token expires is refused (at most -ThrottleLimit), all of them wait for " +
                         "one shared exchange and are sent once more; 'sent after a 401' counts requests that reached the emulator with a token " +
                         "after it had already answered 401 to that token.");
        return result;
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
