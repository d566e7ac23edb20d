using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class GoalsEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task List_defaults_to_the_current_user_with_origins()
    {
        var goals = await Client.Goals.ListAsync();

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"rocks/user/{Me}", "include_origin=true"));
        var active = Store.Goals.Where(g => g.OwnerId == Me && !g.Archived).ToList();
        Assert.Equal(active.Select(g => g.Id), goals.Select(g => g.Id));
        var first = goals[0];
        var stored = active[0];
        Assert.Equal((stored.Title, (long?)Me, "Ada Park", stored.DueDate, Seconds(stored.CreateTime)),
            (first.Title, first.OwnerId, first.OwnerName, first.DueDate, first.CreateTime!.Value));
        Assert.Equal((stored.MeetingId, Store.FindMeeting(stored.MeetingId!.Value)!.Name), (first.MeetingId, first.MeetingName));
        Assert.All(goals, g => Assert.Equal((Store.FindGoal(g.Id)!.Completion, false), (g.Status, g.Archived)));
    }

    [Fact]
    public async Task List_with_archived_reads_the_archive_after_the_active_ones()
    {
        var goals = await Client.Goals.ListAsync(userId: 1002, includeArchived: true);

        AssertCalls(new Call("GET", "rocks/user/1002", "include_origin=true"), new Call("GET", "archivedrocks/user/1002"));
        var stored = Store.Goals.Where(g => g.OwnerId == 1002).ToList();
        Assert.Equal(stored.Where(g => !g.Archived).Concat(stored.Where(g => g.Archived)).Select(g => (g.Id, g.Archived)),
            goals.Select(g => (g.Id, g.Archived)));
        var archived = Assert.Single(goals, g => g.Archived);
        Assert.Equal("Complete", archived.Status);
    }

    [Fact]
    public async Task Get_reads_one_goal_with_its_origin()
    {
        var stored = Store.Goals.First(g => g.OwnerId == 1003 && !g.Archived);

        var goal = await Client.Goals.GetAsync(stored.Id);

        AssertCalls(new Call("GET", $"rocks/{stored.Id}", "include_origin=true"));
        Assert.Equal((stored.Id, stored.Title, (long?)1003, stored.MeetingId), (goal.Id, goal.Title, goal.OwnerId, goal.MeetingId));
    }

    [Fact]
    public async Task Create_attaches_the_goal_to_the_meeting()
    {
        var goal = await Client.Goals.CreateAsync("Hire two AEs", 2001);

        AssertCalls(new Call("GET", "users/mine"),
            new Call("POST", "L10/2001/rocks", Body: $$"""{"title":"Hire two AEs","accountableUserId":{{Me}}}"""));
        var stored = Store.FindGoal(goal.Id)!;
        Assert.Equal(("Hire two AEs", Me, (long?)2001, "OnTrack"), (stored.Title, stored.OwnerId, stored.MeetingId, stored.Completion));
        Assert.Equal(("Hire two AEs", "OnTrack", (long?)2001, "Leadership L10", (long?)Me, "Ada Park"),
            (goal.Title, goal.Status, goal.MeetingId, goal.MeetingName, goal.OwnerId, goal.OwnerName));
        Assert.Contains(await Client.Goals.ListAsync(), g => g.Id == goal.Id && g.MeetingId == 2001);
    }

    [Fact]
    public async Task Update_sends_only_the_given_fields_and_reads_back()
    {
        var goal = await Client.Goals.CreateAsync("Hire two AEs", 2001);
        ForgetCalls();

        var updated = await Client.Goals.UpdateAsync(goal.Id, title: "Hire 3 AEs", accountableUserId: 1002, status: GoalStatus.Complete);
        var atRisk = await Client.Goals.UpdateAsync(goal.Id, status: GoalStatus.AtRisk);

        AssertCalls(
            new Call("PUT", $"rocks/{goal.Id}", Body: """{"accountableUserId":1002,"title":"Hire 3 AEs","completion":"Complete"}"""),
            new Call("GET", $"rocks/{goal.Id}", "include_origin=true"),
            new Call("PUT", $"rocks/{goal.Id}", Body: """{"completion":"AtRisk"}"""),
            new Call("GET", $"rocks/{goal.Id}", "include_origin=true"));
        Assert.Equal(("Hire 3 AEs", (long?)1002, "Complete"), (updated.Title, updated.OwnerId, updated.Status));
        Assert.Equal(("Hire 3 AEs", (long?)1002, "AtRisk"), (atRisk.Title, atRisk.OwnerId, atRisk.Status));
        var stored = Store.FindGoal(goal.Id)!;
        Assert.Equal(("Hire 3 AEs", 1002L, "AtRisk"), (stored.Title, stored.OwnerId, stored.Completion));
    }

    [Fact]
    public async Task Archive_and_restore_move_the_goal_between_the_lists()
    {
        var goal = await Client.Goals.CreateAsync("Open Berlin", 2001);
        ForgetCalls();

        await Client.Goals.ArchiveAsync(goal.Id);
        var afterArchive = await Client.Goals.ListAsync(includeArchived: true);
        await Client.Goals.RestoreAsync(goal.Id);
        var afterRestore = await Client.Goals.ListAsync(includeArchived: true);

        Assert.Equal(new Call("PUT", $"rocks/{goal.Id}/archive"), Calls()[0]);
        Assert.Equal(new Call("PUT", $"rocks/{goal.Id}/restore"), Calls()[3]);
        AssertAllCallsSucceeded();
        Assert.True(Assert.Single(afterArchive, g => g.Id == goal.Id).Archived);
        Assert.False(Assert.Single(afterRestore, g => g.Id == goal.Id).Archived);
        Assert.False(Store.FindGoal(goal.Id)!.Archived);
    }

    [Fact]
    public async Task Delete_removes_the_goal()
    {
        var goal = await Client.Goals.CreateAsync("Short lived", 2001);
        ForgetCalls();

        await Client.Goals.DeleteAsync(goal.Id);

        AssertCalls(new Call("DELETE", $"rocks/{goal.Id}"));
        Assert.Null(Store.FindGoal(goal.Id));
        Assert.DoesNotContain(await Client.Goals.ListAsync(includeArchived: true), g => g.Id == goal.Id);
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Goals.GetAsync(goal.Id));
        Assert.Equal((404, "GET", $"rocks/{goal.Id}?include_origin=true"), (error.StatusCode!.Value, error.Method, error.Path));
    }

    [Fact]
    public async Task Creating_in_an_unknown_meeting_is_a_404()
    {
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Goals.CreateAsync("Nowhere", 999999, userId: Me));

        Assert.Equal((404, "POST", "L10/999999/rocks"), (error.StatusCode!.Value, error.Method, error.Path));
        Assert.DoesNotContain(Store.Goals, g => g.Title == "Nowhere");
    }
}
