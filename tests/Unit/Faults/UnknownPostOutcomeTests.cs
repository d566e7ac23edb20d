using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the dropped-POST suite.</summary>
public sealed class UnknownPostOutcomeFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>Suite 3: connections dropped after the server created the to-do, on 5 % of POSTs.</summary>
public sealed class UnknownPostOutcomeTests(UnknownPostOutcomeFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<UnknownPostOutcomeFixture>
{
    private const int Items = 400;

    [Fact]
    public void A_post_dropped_after_the_server_acted_is_an_error_record_and_never_a_duplicate()
    {
        Connect(maxRetries: 5);
        Emulator.Stats.Reset();
        Emulator.Faults.DropConnections(0.05, DropTiming.AfterAction, "POST", "todo/create");

        var (result, elapsed) = Timed(
            "1..$n | ForEach-Object { [pscustomobject]@{ Title = \"drop $_\" } } | New-BloomyTodo -ThrottleLimit 10 -Verbose",
            new() { ["n"] = Items });

        AssertAccounted(Items, result);
        var dropped = (int)Emulator.Stats.DroppedAfterAction;
        Assert.True(dropped > 0, "no connection was dropped");
        Assert.Equal(dropped, result.Errors.Count);
        foreach (var error in result.Errors)
        {
            Assert.Equal("Bloomy.OutcomeUnknown", ErrorId(error));
            Assert.Equal(BloomyFailureKind.OutcomeUnknown, Assert.IsType<BloomyApiException>(error.Exception).Kind);
            Assert.Matches("^to-do 'drop \\d+': POST todo/create ", error.ToString());
            Assert.Contains("may or may not have been created", error.ToString());
        }

        // Nothing was sent twice and the server holds each title exactly once: the ones returned plus the
        // ones reported as unknown.
        Assert.Equal(Items, Emulator.Stats.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(0, RetriesSeen(result));
        Assert.Equal(Items, Emulator.Stats.Created.Todo);
        var stored = Emulator.Store.Todos.Where(t => t.Title.StartsWith("drop ", StringComparison.Ordinal)).Select(t => t.Title).ToList();
        Assert.Equal(Items, stored.Count);
        Assert.Equal(Items, stored.Distinct().Count());
        var unknownTitles = result.Errors.Select(e => (string)((System.Management.Automation.PSObject)e.TargetObject).Properties["Title"].Value);
        Assert.Equal(stored.OrderBy(t => t, StringComparer.Ordinal),
            result.OutputOf<Todo>().Select(t => t.Title).Concat(unknownTitles).OrderBy(t => t, StringComparer.Ordinal));

        Report("dropped POSTs", Items, result.Output.Count, result.Errors.Count, 0, elapsed,
            $"dropped-after-create={dropped} created={Emulator.Stats.Created.Todo}");
    }
}
