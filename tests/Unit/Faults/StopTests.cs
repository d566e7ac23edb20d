using System.Diagnostics;
using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the stop suite.</summary>
public sealed class StopFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>Suite 6: PowerShell.Stop() (Ctrl+C) in the middle of a 1000-item pipeline.</summary>
public sealed class StopTests(StopFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<StopFixture>
{
    private const int Items = 1000;
    private const int Throttle = 10;

    [Fact]
    public void Stop_returns_within_a_second_and_no_request_starts_after_it()
    {
        Connect();
        Emulator.Stats.Reset();
        // Slow answers keep requests in flight at the server, so Stop lands while work is under way.
        Emulator.Faults.Slow(TimeSpan.FromMilliseconds(250), "POST", "todo/create");

        using var shell = PowerShell.Create();
        shell.Runspace = Session.Runspace;
        shell.AddScript("1..$n | ForEach-Object { [pscustomobject]@{ Title = \"stop $_\" } } | New-BloomyTodo -ThrottleLimit $t");
        Session.Set("n", Items);
        Session.Set("t", Throttle);
        var output = new PSDataCollection<PSObject>();
        var run = Stopwatch.StartNew();
        var (stopTook, posts) = StopMidway(shell, output);

        // Accounting: the server created one to-do per request it saw, none twice; every returned to-do is one of them,
        // and only the work in flight or waiting to be written when Stop came is unaccounted for.
        var returned = output.Select(o => o.BaseObject).OfType<Todo>().ToList();
        Assert.Equal(posts.Count, Emulator.Stats.Created.Todo);
        var stored = Emulator.Store.Todos.Where(t => t.Title.StartsWith("stop ", StringComparison.Ordinal)).Select(t => t.Title).ToList();
        Assert.Equal(posts.Count, stored.Distinct().Count());
        Assert.Subset(stored.ToHashSet(), returned.Select(t => t.Title).ToHashSet());
        Assert.InRange(posts.Count, returned.Count, returned.Count + 5 * Throttle);
        Assert.True(posts.Count < Items);

        Report("stop", Items, returned.Count, 0, 0, run.Elapsed,
            $"stop-took={stopTook.TotalMilliseconds:0}ms sent={posts.Count} created={Emulator.Stats.Created.Todo}");
    }

    [Fact]
    public void Stop_in_a_GraphQL_create_pipeline_returns_within_a_second_and_no_milestone_is_made_twice()
    {
        Connect();
        var goal = Emulator.Store.Goals.First(g => g.OwnerId == Emulator.DemoUserId).Id;
        Emulator.Stats.Reset();
        Emulator.GraphQLStats.Reset();
        Emulator.Faults.Slow(TimeSpan.FromMilliseconds(250), "POST", "graphql");

        using var shell = PowerShell.Create();
        shell.Runspace = Session.Runspace;
        shell.AddScript("1..$n | ForEach-Object { [pscustomobject]@{ GoalId = $g; Title = \"gql stop $_\"; DueDate = '2027-03-01' } } | New-BloomyMilestone -ThrottleLimit $t");
        Session.Set("n", Items);
        Session.Set("t", Throttle);
        Session.Set("g", goal);
        var output = new PSDataCollection<PSObject>();
        StopMidway(shell, output);

        // One milestone per CreateMilestone the server saw, none twice; every one returned is one of them.
        var creates = Emulator.GraphQLStats.CountFor("CreateMilestone");
        var stored = Emulator.Store.Milestones.Where(m => m.Title.StartsWith("gql stop ", StringComparison.Ordinal)).Select(m => m.Title).ToList();
        Assert.Equal(creates, stored.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        var returned = output.Select(o => o.BaseObject).OfType<Milestone>().Select(m => m.Title).ToList();
        Assert.Subset(stored.ToHashSet(), returned.ToHashSet());
        Assert.InRange(creates, returned.Count, returned.Count + 5 * Throttle);
        Assert.True(creates < Items);
    }

    // Starts the script, stops it once a few batches are done and a full batch sits at the server (so no request is on
    // the wire), checks that Stop returned within a second and that no request started after it; returns how long Stop
    // took and the POSTs the server saw.
    private (TimeSpan StopTook, List<EmulatorRequest> Posts) StopMidway(PowerShell shell, PSDataCollection<PSObject> output)
    {
        var invocation = shell.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(SpinWait.SpinUntil(
            () => Emulator.Stats.TotalRequests >= 3 * Throttle && Emulator.Stats.InFlight == Throttle, TimeSpan.FromSeconds(30)),
            "the pipeline never got going");
        var stopping = Stopwatch.StartNew();
        shell.Stop();
        var stopTook = stopping.Elapsed;
        var stoppedAt = DateTimeOffset.UtcNow;

        Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook.TotalMilliseconds:0} ms");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(invocation));

        WaitForEmulatorIdle(TimeSpan.FromSeconds(10));
        var posts = Emulator.Stats.Requests.Where(r => r.Method == "POST").ToList();
        var late = posts.Where(r => r.StartedAt > stoppedAt).ToList();
        Assert.True(late.Count == 0, $"{late.Count} requests started after Stop returned");
        return (stopTook, posts);
    }
}
