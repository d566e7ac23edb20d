using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>A 500-user organisation for the flaky-reads suite.</summary>
public sealed class FlakyReadsFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 500 };
}

/// <summary>Suite 2: 5 % of GETs answer 503 and 2 % lose their connection, over every user's to-dos.</summary>
public sealed class FlakyReadsTests(FlakyReadsFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<FlakyReadsFixture>
{
    [Fact]
    public void Every_users_todos_come_back_despite_503s_and_dropped_connections()
    {
        Connect(maxRetries: 6);
        var users = Session.Run("Get-BloomyUser -All").ThrowIfFailed().OutputOf<User>().ToList();
        Assert.Equal(500, users.Count);
        Emulator.Stats.Reset();
        Emulator.Faults.FailFraction(0.05, 503, "GET");
        Emulator.Faults.DropConnections(0.02, DropTiming.AfterAction, "GET");

        var (result, elapsed) = Timed("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 16 -Verbose");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var expected = users.SelectMany(u => Emulator.Store.Todos.Where(t => t.OwnerId == u.Id && !t.Complete))
            .Select(t => t.Id).OrderBy(id => id).ToList();
        var todos = result.OutputOf<Todo>().ToList();
        Assert.Equal(expected, todos.Select(t => t.Id).OrderBy(id => id));

        // The accounting check: each user was answered exactly once, and every failed attempt was retried.
        var gets = Emulator.Stats.Requests.Where(r => r.Method == "GET").ToList();
        var perUserOk = gets.Where(r => r.RelativePath.StartsWith("todo/user/", StringComparison.OrdinalIgnoreCase) && r.StatusCode == 200).GroupBy(r => r.RelativePath).ToList();
        Assert.Equal(users.Count, perUserOk.Count);
        Assert.All(perUserOk, g => Assert.Single(g));
        var failed = gets.Count(r => r.StatusCode != 200);
        var served503 = gets.Count(r => r.StatusCode == 503);
        var dropped = gets.Count(r => r.Dropped is not null);
        Assert.True(served503 > 0 && dropped > 0, "the faults did not fire");
        var retries = RetriesSeen(result);
        Assert.Equal(failed, retries);
        Assert.Contains(result.Verbose, v => IsRetryLine(v) && v.Contains("→ 503; retry", StringComparison.Ordinal));

        Report("flaky reads", users.Count, todos.Count, result.Errors.Count, retries, elapsed,
            $"503s={served503} dropped={dropped} gets={gets.Count}");
    }
}
