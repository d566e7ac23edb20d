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

/// <summary>Suite 1: a thousand to-dos piped into New-BloomyTodo against a server that allows 50 requests a second.</summary>
public sealed class RateLimitStormTests(RateLimitStormFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<RateLimitStormFixture>
{
    private const int Items = 1000;
    private const int RequestsPerSecond = 50;
    private const int Throttle = 10;

    [Fact]
    public void Every_todo_is_created_exactly_once_and_returned_under_a_429_storm()
    {
        // Retry-After (1 s) is honoured in full, so the bucket is full again when the connection resumes.
        Connect(maxRetries: 10, maxRetryDelaySec: 2);
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
        Assert.True(pauses <= Items, "a pause is shown once per waiting request, not once per wake-up");
        // One 429 pauses the whole connection: at most the requests already in flight are refused with it,
        // so the refusals stay within the throttle for each second of the run.
        Assert.True(limited <= Throttle * (Math.Ceiling(elapsed.TotalSeconds) + 1),
            $"{limited} refusals in {elapsed.TotalSeconds:0.0} s: workers kept sending while the connection was paused");
        // Items / rate is the least time the server allows.
        Assert.True(elapsed >= TimeSpan.FromSeconds((Items - RequestsPerSecond) / (double)RequestsPerSecond) * 0.9);

        Report("429 storm", Items, result.Output.Count, result.Errors.Count, retries, elapsed,
            $"429s={limited} pauses-shown={pauses} created={Emulator.Stats.Created.Todo}");
    }
}
