using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the 429 storm, so no other suite's rules or to-dos interfere.</summary>
public sealed class RateLimitStormFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>
/// Suite 1: a thousand to-dos piped into New-BloomyTodo at -ThrottleLimit 64 against a server that allows 30 requests
/// a second, with the default 3 retries. The connection adapts (fewer requests at once after a 429, more as they
/// succeed) and 429s are waited out within the total timeout rather than counted, so nothing is lost.
/// </summary>
public sealed class RateLimitStormTests(RateLimitStormFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<RateLimitStormFixture>
{
    private const int Items = 1000;
    private const int RequestsPerSecond = 30;
    private const int Throttle = 64;

    [Fact]
    public void Every_todo_is_created_exactly_once_and_returned_under_a_429_storm()
    {
        // Retry-After (1 s) is honoured in full, so the bucket is full again when the connection resumes.
        Connect(maxRetries: 3, maxRetryDelaySec: 2);
        Emulator.Stats.Reset();
        Emulator.Faults.RateLimit(RequestsPerSecond, "POST", "todo/create");

        var (result, elapsed) = Timed(
            "1..$n | ForEach-Object { [pscustomobject]@{ Title = \"storm $_\" } } | New-BloomyTodo -ThrottleLimit $t -Verbose",
            new() { ["n"] = Items, ["t"] = Throttle });

        AssertAccounted(Items, result);
        Assert.Empty(result.Errors);
        var titles = Enumerable.Range(1, Items).Select(i => $"storm {i}").ToList();
        Assert.Equal(titles, result.OutputOf<Todo>().Select(t => t.Title));

        var posts = Emulator.Stats.Requests.Where(r => r.Method == "POST").ToList();
        var limited = posts.Count(r => r.StatusCode == 429);
        Assert.Equal(Items, posts.Count(r => r.StatusCode == 200));
        Assert.Equal(Items, posts.Count - limited);
        Assert.Equal(Items, Emulator.Stats.Created.Todo);
        var stored = Emulator.Store.Todos.Where(t => t.Title.StartsWith("storm ", StringComparison.Ordinal)).Select(t => t.Title).ToList();
        Assert.Equal(titles.OrderBy(t => t, StringComparer.Ordinal), stored.OrderBy(t => t, StringComparer.Ordinal));

        // The storm really happened, each 429 was announced as a retry, and the waits were shown.
        Assert.True(limited > 0, "the server never rate-limited");
        var retries = RetriesSeen(result);
        Assert.Equal(limited, retries);
        var pauses = result.Verbose.Count(v => v.Contains("rate-limited this connection (429)", StringComparison.Ordinal));
        Assert.True(pauses > 0, "no rate-limit pause was shown in -Verbose");
        // Each pause is started by a 429 and shown once to each request waiting on it, not once per wake-up: at most
        // one line per 429 per request in flight. (A bound per second of wall time flaked: with the adaptive window,
        // pauses overlap, and a request waiting through two overlapping pauses rightly shows both.)
        Assert.True(pauses <= limited * Throttle, $"{pauses} pauses shown for {limited} refusals");
        // One 429 pauses the whole connection and halves how many requests it lets out at once, so the refusals
        // stay far below one per item (without adapting, every pause ended with 64 requests at once).
        Assert.True(limited <= Items / 4,
            $"{limited} refusals in {elapsed.TotalSeconds:0.0} s: the connection did not adapt to the rate limit");
        // Items / rate is the least time the server allows (its bucket starts full), and adapting must not cost
        // more than 15 % over it.
        var ideal = TimeSpan.FromSeconds(Items / (double)RequestsPerSecond);
        Assert.True(elapsed >= TimeSpan.FromSeconds((Items - RequestsPerSecond) / (double)RequestsPerSecond) * 0.9);
        Assert.True(elapsed <= ideal * 1.15, $"{elapsed.TotalSeconds:0.0} s against an ideal of {ideal.TotalSeconds:0.0} s");

        Report("429 storm", Items, result.Output.Count, result.Errors.Count, retries, elapsed,
            $"429s={limited} pauses-shown={pauses} created={Emulator.Stats.Created.Todo} ideal={ideal.TotalSeconds:0.0}s " +
            $"wall/ideal={elapsed / ideal:0.000}");
    }
}
