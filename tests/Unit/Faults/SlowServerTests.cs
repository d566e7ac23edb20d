using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the slow-server suite.</summary>
public sealed class SlowServerFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>Suite 5: a server slower than the per-attempt timeout.</summary>
public sealed class SlowServerTests(SlowServerFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<SlowServerFixture>
{
    private const int Items = 8;

    [Fact]
    public void Each_item_times_out_with_its_own_error_in_bounded_time()
    {
        Connect(maxRetries: 1, extra: "-TimeoutSec 1");
        var ids = Emulator.Store.Todos.Take(Items).Select(t => t.Id).ToArray();
        Emulator.Stats.Reset();
        Emulator.Faults.Slow(TimeSpan.FromSeconds(4), "GET", "todo/{id}");

        var (result, elapsed) = Timed("$ids | Get-BloomyTodo -ThrottleLimit $n -Verbose", new() { ["ids"] = ids, ["n"] = Items });

        AssertAccounted(Items, result);
        Assert.Empty(result.Output);
        Assert.Equal(ids.Cast<object>(), result.Errors.Select(e => e.TargetObject));
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("Bloomy.Timeout", ErrorId(e));
            Assert.Matches("^to-do \\d+: GET todo/\\d+ timed out after 1 s \\(2 attempts\\)", e.ToString());
        });
        var retries = RetriesSeen(result);
        Assert.Equal(Items, retries);
        Assert.All(result.Verbose.Where(IsRetryLine), v => Assert.Contains("timed out after 1 s; retry 1/1", v));
        // Two attempts of one second each, all items at once: well under the four seconds the server takes.
        Assert.True(elapsed < TimeSpan.FromSeconds(3.5), $"took {elapsed.TotalSeconds:0.0} s");

        WaitForEmulatorIdle(TimeSpan.FromSeconds(15));
        Assert.Equal(2 * Items, Emulator.Stats.CountFor("GET", "todo/{id}"));
        Report("slow server", Items, result.Output.Count, result.Errors.Count, retries, elapsed, "timeout=1s server-delay=4s");
    }
}
