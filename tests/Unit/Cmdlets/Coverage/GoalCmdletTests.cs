using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>Get-, New-, Set-, Restore- and Remove-BloomyGoal inside the real engine against the emulator.</summary>
public sealed class GoalCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public GoalCmdletTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        Emulator.Latency = TimeSpan.Zero;
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.Stats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose()
    {
        Emulator.Latency = TimeSpan.Zero;
        _session.Dispose();
    }

    [Fact]
    public void Every_users_goals_come_out_in_user_order_four_users_at_a_time()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(30);

        var result = _session.Run("Get-BloomyUser -All | Get-BloomyGoal -ThrottleLimit 4").ThrowIfFailed();

        var goals = result.OutputOf<Goal>().ToList();
        var users = Emulator.Store.Users.Where(u => !u.IsPlaceholder).Select(u => u.Id).ToList();
        var expected = users.SelectMany(id => Emulator.Store.Goals.Where(g => g.OwnerId == id && !g.Archived).Select(g => g.Id)).ToList();
        Assert.Equal(expected, goals.Select(g => g.Id));
        Assert.All(goals, g => Assert.False(g.Archived));
        Assert.Equal(users.Count, Emulator.Stats.CountFor("GET", "rocks/user/{id}"));
        Assert.Equal(4, Emulator.Stats.PeakInFlight);
    }

    [Fact]
    public void Archived_goals_follow_the_active_ones_with_IncludeArchived()
    {
        var goals = _session.Run("Get-BloomyGoal -UserId 1002 -IncludeArchived").ThrowIfFailed().OutputOf<Goal>().ToList();

        Assert.Equal(3, goals.Count);
        Assert.Equal(new[] { false, false, true }, goals.Select(g => g.Archived));
        Assert.All(goals, g => Assert.Equal(1002L, g.OwnerId));
        Assert.Equal(1, Emulator.Stats.CountFor("GET", "archivedrocks/user/{id}"));
    }

    [Fact]
    public void Your_goals_piped_to_Set_BloomyGoal_are_completed_concurrently()
    {
        var mine = Emulator.Store.Goals.Where(g => g.OwnerId == Emulator.DemoUserId && !g.Archived).Select(g => g.Id).ToList();
        Assert.NotEmpty(mine);
        Emulator.Latency = TimeSpan.FromMilliseconds(30);

        var result = _session.Run("Get-BloomyGoal | Set-BloomyGoal -Status Complete -PassThru -ThrottleLimit 2").ThrowIfFailed();

        var goals = result.OutputOf<Goal>().ToList();
        Assert.Equal(mine, goals.Select(g => g.Id));
        Assert.All(goals, g => Assert.Equal("Complete", g.Status));
        Assert.All(mine, id => Assert.Equal("Complete", Emulator.Store.FindGoal(id)!.Completion));
        var puts = Emulator.Stats.Requests.Where(r => r.Method == "PUT").OrderBy(r => r.StartedAt).ToList();
        Assert.Equal(mine.Count, puts.Count);
        Assert.All(puts, p => Assert.Equal("{\"completion\":\"Complete\"}", p.Body));
        Assert.True(puts[1].StartedAt < puts[0].StartedAt + puts[0].Elapsed, "the two goals were updated at the same time");
    }

    [Theory]
    [InlineData("OffTrack", "AtRisk")]
    [InlineData("atrisk", "AtRisk")]
    [InlineData("on", "OnTrack")]
    [InlineData("OFF", "AtRisk")]
    [InlineData("complete", "Complete")]
    public void A_status_is_matched_without_regard_to_case_and_OffTrack_means_AtRisk(string status, string stored)
    {
        var goal = Emulator.Store.Goals.First(g => g.OwnerId == 1003 && !g.Archived);

        _session.Run($"Set-BloomyGoal -Id {goal.Id} -Status {status}").ThrowIfFailed();

        Assert.Equal(stored, Emulator.Store.FindGoal(goal.Id)!.Completion);
        var put = Assert.Single(Emulator.Stats.Requests, r => r.Method == "PUT");
        Assert.Equal($"{{\"completion\":\"{stored}\"}}", put.Body);
    }

    [Fact]
    public void Title_and_owner_change_together()
    {
        var goal = Emulator.Store.Goals.First(g => g.OwnerId == 1006 && !g.Archived);

        var result = _session.Run($"Set-BloomyGoal -Id {goal.Id} -Title 'Hire 3 AEs' -OwnerId 1007 -PassThru").ThrowIfFailed();

        var changed = Assert.IsType<Goal>(Assert.Single(result.Output));
        Assert.Equal(("Hire 3 AEs", 1007L), (changed.Title, changed.OwnerId!.Value));
        Assert.Equal(("Hire 3 AEs", 1007L), (Emulator.Store.FindGoal(goal.Id)!.Title, Emulator.Store.FindGoal(goal.Id)!.OwnerId));
    }

    [Fact]
    public void Archived_switch_archives_and_restores_and_Restore_BloomyGoal_restores()
    {
        var goals = Emulator.Store.Goals.Where(g => g.OwnerId == 1004 && !g.Archived).Select(g => g.Id).ToList();

        var archived = _session.Run("Get-BloomyGoal -UserId 1004 | Set-BloomyGoal -Archived -PassThru").ThrowIfFailed().OutputOf<Goal>().ToList();
        Assert.Equal(goals, archived.Select(g => g.Id));
        Assert.All(archived, g => Assert.True(g.Archived));
        Assert.All(goals, id => Assert.True(Emulator.Store.FindGoal(id)!.Archived));
        Assert.Equal(2, Emulator.Stats.CountFor("PUT", "rocks/{id}/archive"));

        _session.Run($"Set-BloomyGoal -Id {goals[0]} -Archived:$false").ThrowIfFailed();
        Assert.False(Emulator.Store.FindGoal(goals[0])!.Archived);

        var restored = _session.Run($"Restore-BloomyGoal -Id {goals[1]} -PassThru").ThrowIfFailed();
        Assert.False(Assert.IsType<Goal>(Assert.Single(restored.Output)).Archived);
        Assert.False(Emulator.Store.FindGoal(goals[1])!.Archived);
        Assert.Equal(2, Emulator.Stats.CountFor("PUT", "rocks/{id}/restore"));
    }

    [Fact]
    public void Goals_made_without_a_meeting_are_piped_into_a_meeting_and_a_missing_one_is_an_error_naming_it()
    {
        var result = _session.Run("""
            $made = 'Write the handbook', 'Hire 3 AEs' | ForEach-Object { New-BloomyGoal -Title $_ -OwnerId 1002 }
            $made | Add-BloomyMeetingGoal -MeetingId 2002 -PassThru
            Add-BloomyMeetingGoal -MeetingId 2002 -Id 999999
            """);

        Assert.Null(result.Terminating);
        var attached = result.OutputOf<Goal>().ToList();
        Assert.Equal(new[] { "Write the handbook", "Hire 3 AEs" }, attached.Select(g => g.Title));
        Assert.All(attached, g => Assert.Equal((long?)2002, g.MeetingId));
        Assert.All(attached, g => Assert.Equal((long?)2002, Emulator.Store.FindGoal(g.Id)!.MeetingId));
        AssertNotFound(Assert.Single(result.Errors), "goal 999999");

        Emulator.Stats.Reset();
        var whatIf = _session.Run("Add-BloomyMeetingGoal -MeetingId 2001 -Id $g -WhatIf", new() { ["g"] = attached[0].Id });
        Assert.Empty(whatIf.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Csv_like_rows_create_one_goal_each()
    {
        var result = _session.Run("""
            [pscustomobject]@{ Title = 'Launch v2 pricing'; MeetingId = 2001 },
            [pscustomobject]@{ Title = 'Hire 3 AEs'; MeetingId = 2002; OwnerId = 1002 } | New-BloomyGoal
            """).ThrowIfFailed();

        var goals = result.OutputOf<Goal>().ToList();
        Assert.Equal(new[] { "Launch v2 pricing", "Hire 3 AEs" }, goals.Select(g => g.Title));
        Assert.Equal(new long?[] { 2001, 2002 }, goals.Select(g => g.MeetingId));
        Assert.Equal(new long?[] { Emulator.DemoUserId, 1002 }, goals.Select(g => g.OwnerId));
        var stored = goals.Select(g => Emulator.Store.FindGoal(g.Id)!).ToList();
        Assert.Equal(new long[] { Emulator.DemoUserId, 1002 }, stored.Select(g => g.OwnerId));
        Assert.Equal(new long?[] { 2001, 2002 }, stored.Select(g => g.MeetingId));
        Assert.Equal(1, Emulator.Stats.CountPath("POST", "L10/2001/rocks"));
        Assert.Equal(1, Emulator.Stats.CountPath("POST", "L10/2002/rocks"));
    }

    [Fact]
    public void Remove_BloomyGoal_deletes_piped_goals()
    {
        var goals = Emulator.Store.Goals.Where(g => g.OwnerId == 1005).Select(g => g.Id).ToList();

        var result = _session.Run("Get-BloomyGoal -UserId 1005 -IncludeArchived | Remove-BloomyGoal -Confirm:$false").ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.All(goals, id => Assert.Null(Emulator.Store.FindGoal(id)));
        Assert.Equal(3, Emulator.Stats.CountFor("DELETE", "rocks/{id}"));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var goal = Emulator.Store.Goals.First(g => g.OwnerId == 1008);

        var result = _session.Run("""
            New-BloomyGoal -Title 'Nope' -MeetingId 2001 -WhatIf
            Set-BloomyGoal -Id $g -Status Complete -WhatIf
            Restore-BloomyGoal -Id $g -WhatIf
            Remove-BloomyGoal -Id $g -WhatIf
            """, new() { ["g"] = goal.Id });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(goal, Emulator.Store.FindGoal(goal.Id));
    }

    [Fact]
    public void An_unknown_goal_is_one_error_record_naming_it_while_the_others_are_processed()
    {
        var ids = Emulator.Store.Goals.Where(g => g.OwnerId == 1009 && !g.Archived).Select(g => g.Id).ToList();

        var got = _session.Run("$a, 999999, $b | Get-BloomyGoal", new() { ["a"] = ids[0], ["b"] = ids[1] });
        Assert.Equal(ids, got.OutputOf<Goal>().Select(g => g.Id));
        AssertNotFound(Assert.Single(got.Errors), "goal 999999");

        var set = _session.Run("$a, 999999, $b | Set-BloomyGoal -Status AtRisk -PassThru", new() { ["a"] = ids[0], ["b"] = ids[1] });
        Assert.Equal(ids, set.OutputOf<Goal>().Select(g => g.Id));
        AssertNotFound(Assert.Single(set.Errors), "goal 999999");

        var removed = _session.Run("Remove-BloomyGoal -Id $a, 999999 -Confirm:$false", new() { ["a"] = ids[0] });
        AssertNotFound(Assert.Single(removed.Errors), "goal 999999");
        Assert.Null(Emulator.Store.FindGoal(ids[0]));

        var restored = _session.Run("Restore-BloomyGoal -Id 999999, $b", new() { ["b"] = ids[1] });
        AssertNotFound(Assert.Single(restored.Errors), "goal 999999");
    }

    [Theory]
    [InlineData("Set-BloomyGoal -Id 6001", "At least one change")]
    [InlineData("Set-BloomyGoal -Id 6001 -Status Sideways", "Sideways")]
    [InlineData("Set-BloomyGoal -Id 6001 -Title ''", "Title")]
    [InlineData("New-BloomyGoal -Title '' -MeetingId 2001", "Title")]
    [InlineData("New-BloomyGoal -Title 'x' -MeetingId 0", "MeetingId")]
    [InlineData("Get-BloomyGoal -UserId 1002 -Id 6001", "parameter set")]
    [InlineData("Get-BloomyUser | Remove-BloomyGoal -Confirm:$false", "")]
    public void Bad_arguments_fail_before_any_request(string script, string message)
    {
        Emulator.Stats.Reset();
        var run = _session.Run(script);

        var error = run.TerminatingRecord ?? Assert.Single(run.Errors);
        Assert.Contains(message, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.RelativePath.Contains("rocks", StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertNotFound(ErrorRecord error, string label)
    {
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999999L, error.TargetObject);
        Assert.Contains(label, error.ToString());
    }
}
