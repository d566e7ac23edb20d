using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>
/// MilestonesClient and the goal notes helpers against the emulator's /graphql/ (bloom-graphql.md §13, §14, §6): the
/// documents and variables sent (as the emulator recorded them, compared structurally), the mapping, the error families.
/// </summary>
public sealed class MilestonesEmulatorTests : EmulatorClientTests
{
    private static readonly DateTimeOffset Oct30 = new(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);

    public MilestonesEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        Emulator.GraphQLStats.Reset();
        Emulator.GraphQLSettings.Reset();
    }

    private long MyMeeting => Store.Meetings.First(m => m.AttendeeIds.Contains(Me)).Id;

    // A new goal made over REST: milestones live over the same goal records.
    private async Task<long> NewGoalAsync(string title = "Launch v2 pricing") =>
        (await Client.Goals.CreateAsync(title, MyMeeting)).Id;

    private IReadOnlyList<GraphQLRequestRecord> Sent(string rootField) =>
        Emulator.GraphQLStats.Requests.Where(r => r.RootFields.Contains(rootField)).ToList();

    private static double Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();

    private static void AssertVariables(object expected, GraphQLRequestRecord record) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(expected)), JsonNode.Parse(record.Variables)),
            "variables sent: " + record.Variables);

    [Fact]
    public async Task Create_sends_the_documented_input_and_reads_the_milestone_back_through_its_goal()
    {
        var goalId = await NewGoalAsync();
        Emulator.GraphQLStats.Reset();

        var milestone = await Client.Milestones.CreateAsync(goalId, "Draft spec", Oct30);

        var create = Assert.Single(Sent("CreateMilestone"));
        Assert.Equal(GraphQLDocuments.CreateMilestone.Text, create.Query);
        AssertVariables(new { input = new { rockId = goalId, title = "Draft spec", dueDate = Unix(Oct30), completed = false } }, create);
        var read = Assert.Single(Sent("goal"));
        Assert.Equal(GraphQLDocuments.GoalMilestone.Text, read.Query);
        AssertVariables(new { goalId, milestoneId = milestone.Id }, read);
        Assert.Equal((goalId, "Draft spec", Oct30, false), (milestone.GoalId, milestone.Title, milestone.DueDate, milestone.Completed));
        Assert.NotNull(milestone.CreatedDate);
        Assert.Null(milestone.Status);
    }

    [Fact]
    public async Task A_list_longer_than_a_page_is_read_to_the_end_in_due_date_order()
    {
        var goalId = await NewGoalAsync();
        for (var i = 7; i >= 1; i--)
        {
            await Client.Milestones.CreateAsync(goalId, $"Step {i}", Oct30.AddDays(i));
        }
        Emulator.GraphQLSettings.DefaultPageSize = 3;
        Emulator.GraphQLStats.Reset();

        var list = await Client.Milestones.ListAsync(goalId);

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"Step {i}"), list.Select(m => m.Title));
        var pages = Sent("goal");
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(GraphQLDocuments.GoalMilestones.Text, p.Query));
        AssertVariables(new { goalId }, pages[0]);
        Assert.NotNull(JsonNode.Parse(pages[1].Variables)!["after"]);
    }

    [Fact]
    public async Task A_REST_goal_has_milestones_and_a_deleted_one_is_never_listed_again()
    {
        var goalId = await NewGoalAsync();
        var keep = await Client.Milestones.CreateAsync(goalId, "Keep", Oct30);
        var drop = await Client.Milestones.CreateAsync(goalId, "Drop", Oct30.AddDays(1));
        Emulator.GraphQLStats.Reset();

        await Client.Milestones.DeleteAsync(drop.Id);

        var delete = Assert.Single(Sent("DeleteMilestone"));
        Assert.Equal(GraphQLDocuments.DeleteMilestone.Text, delete.Query);
        AssertVariables(new { milestoneId = drop.Id }, delete);
        Assert.Equal(new[] { keep.Id }, (await Client.Milestones.ListAsync(goalId)).Select(m => m.Id));
        Assert.NotNull(Store.Milestones.Single(m => m.Id == drop.Id).DateDeleted);
        // F-response: deleting it again is success:false → an API error naming the server's reason.
        var again = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Milestones.DeleteAsync(drop.Id));
        Assert.Contains("Not able to perform the action", again.Message);
        await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Milestones.GetAsync(goalId, drop.Id));
    }

    [Fact]
    public async Task Update_reads_before_sends_only_the_given_keys_and_reads_after()
    {
        var goalId = await NewGoalAsync();
        var milestone = await Client.Milestones.CreateAsync(goalId, "Draft spec", Oct30);
        Emulator.GraphQLStats.Reset();

        var changed = await Client.Milestones.UpdateAsync(goalId, milestone.Id, new MilestoneUpdate { DueDate = Oct30.AddDays(14) });

        Assert.Equal(new[] { "goal", "EditMilestone", "goal" }, Emulator.GraphQLStats.Requests.Select(r => r.RootFields.Single()));
        var edit = Assert.Single(Sent("EditMilestone"));
        Assert.Equal(GraphQLDocuments.EditMilestone.Text, edit.Query);
        AssertVariables(new { input = new { milestoneId = milestone.Id, dueDate = Unix(Oct30.AddDays(14)) } }, edit);
        Assert.Equal(("Draft spec", Oct30.AddDays(14)), (changed.Title, changed.DueDate));
    }

    [Fact]
    public async Task Complete_and_reopen_flip_completed()
    {
        var goalId = await NewGoalAsync();
        var milestone = await Client.Milestones.CreateAsync(goalId, "Ship", Oct30);

        Assert.True((await Client.Milestones.CompleteAsync(goalId, milestone.Id)).Completed);
        AssertVariables(new { input = new { milestoneId = milestone.Id, completed = true } }, Sent("EditMilestone").Last());
        Assert.False((await Client.Milestones.ReopenAsync(goalId, milestone.Id)).Completed);
        AssertVariables(new { input = new { milestoneId = milestone.Id, completed = false } }, Sent("EditMilestone").Last());
        Assert.False(Store.Milestones.Single(m => m.Id == milestone.Id).Completed);
    }

    [Fact]
    public async Task A_milestone_under_another_goal_is_not_found_and_nothing_is_written()
    {
        var goalA = await NewGoalAsync("A");
        var goalB = await NewGoalAsync("B");
        var milestone = await Client.Milestones.CreateAsync(goalA, "Under A", Oct30);
        Emulator.GraphQLStats.Reset();

        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Milestones.CompleteAsync(goalB, milestone.Id));

        Assert.Contains($"milestone {milestone.Id} under goal {goalB}", ex.Message);
        Assert.Empty(Sent("EditMilestone"));
        Assert.False(Store.Milestones.Single(m => m.Id == milestone.Id).Completed);
    }

    [Fact]
    public async Task An_unknown_goal_is_not_found_for_a_list_and_an_api_error_for_a_create()
    {
        var list = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Milestones.ListAsync(999999));
        Assert.Contains("goal 999999", list.Message);

        var create = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Milestones.CreateAsync(999999, "Orphan", Oct30));
        Assert.Contains("Rock 999999 does not exist", create.Message);
        Assert.False(create.DocumentRefused);
    }

    [Fact]
    public async Task Bad_input_throws_before_any_request()
    {
        Emulator.GraphQLStats.Reset();

        Assert.Throws<ArgumentException>(() => { _ = Client.Milestones.CreateAsync(6001, " ", Oct30); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Client.Milestones.ListAsync(0); });
        Assert.Throws<ArgumentException>(() => { _ = Client.Milestones.UpdateAsync(6001, 9001, new MilestoneUpdate()); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Client.Milestones.DeleteAsync(-1); });

        Assert.Empty(Emulator.GraphQLStats.Requests);
    }

    [Fact]
    public async Task Goal_notes_round_trip_multi_line_through_CreateNote_and_EditGoal()
    {
        var goalId = await NewGoalAsync();
        Emulator.GraphQLStats.Reset();

        await Client.Goals.SetNotesAsync(goalId, "line one\nline two & <b>");

        Assert.Equal(new[] { "CreateNote", "EditGoal" }, Emulator.GraphQLStats.Requests.Select(r => r.RootFields.Single()));
        AssertVariables(new { text = "line one<br>line two &amp; &lt;b&gt;" }, Sent("CreateNote")[0]);
        var pad = Store.FindGoal(goalId)!.NotesId;
        AssertVariables(new { input = new { goalId, notesId = pad, collaborationEnabled = true } }, Sent("EditGoal")[0]);
        Assert.Equal("line one\nline two & <b>", await Client.Goals.GetNotesAsync(goalId));
        Assert.Equal(GraphQLDocuments.GoalNotes.Text, Sent("goal")[0].Query);
    }

    [Fact]
    public async Task A_failed_CreateNote_sends_no_EditGoal_and_an_unknown_goal_has_no_notes_to_read()
    {
        var goalId = await NewGoalAsync();
        Emulator.GraphQLSettings.CreateNoteFails = true;
        Emulator.GraphQLStats.Reset();

        await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Goals.SetNotesAsync(goalId, "never"));

        Assert.Empty(Sent("EditGoal"));
        Assert.Null(Store.FindGoal(goalId)!.NotesId);
        Assert.Null(await Client.Goals.GetNotesAsync(goalId));
        await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Goals.GetNotesAsync(999999));
    }
}
