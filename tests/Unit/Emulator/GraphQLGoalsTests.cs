using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>
/// The emulator's goal and milestone fields over raw /graphql/ (bloom-graphql §13, §14, §17.5): the shared goal records,
/// status words, the root goals(userId) dropping archived goals, archive detaching from the meeting and restore
/// re-attaching, and the fault flags (archive that does not stick, CreateGoal answering id 0).
/// </summary>
public sealed class GraphQLGoalsTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private const string GoalFields = "id title status archived archivedTimestamp dateCreated assignee { id fullName } meetings { nodes { id } pageInfo { hasNextPage endCursor } } milestones { nodes { id title } pageInfo { hasNextPage endCursor } }";

    private async Task<long> CreateGoal(object input)
    {
        var answer = await Post("mutation($input: GoalCreateModelInput!) { CreateGoal(input: $input) { id } }", new { input });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Errors);
        return answer.Data!["CreateGoal"]!["id"]!.GetValue<long>();
    }

    private async Task<JsonNode> Goal(long id) =>
        (await Post($"query($id: Long!) {{ goal(id: $id) {{ {GoalFields} }} }}", new { id })).Data!["goal"]!;

    private Task<Answer> Edit(object input) =>
        Post("mutation($input: GoalEditModelInput!) { EditGoal(input: $input) { id } }", new { input });

    private long Meeting => Emulator.Store.Meetings.First(m => m.AttendeeIds.Contains(Emulator.DemoUserId)).Id;

    [Fact]
    public async Task CreateGoal_with_milestones_is_one_goal_record_with_its_milestones_and_status_words()
    {
        var id = await CreateGoal(new
        {
            title = "Open Berlin office", status = "OFF_TRACK", dueDate = 1793318400.0,
            meetingsAndPlans = new[] { new { meetingId = Meeting, addToDepartmentPlan = false } },
            milestones = new[] { new { title = "Lease", dueDate = 1790000000.0, completed = true } },
        });

        var goal = await Goal(id);
        Assert.Equal("OFF_TRACK", goal["status"]!.GetValue<string>());
        Assert.Equal("AtRisk", Emulator.Store.FindGoal(id)!.Completion);
        Assert.Equal(Meeting, goal["meetings"]!["nodes"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("Lease", goal["milestones"]!["nodes"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(Emulator.DemoUserId, goal["assignee"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Archive_detaches_from_the_meeting_and_restore_re_attaches_it()
    {
        var id = await CreateGoal(new { title = "Archive me", meetingsAndPlans = new[] { new { meetingId = Meeting, addToDepartmentPlan = false } } });

        Assert.Null((await Edit(new { goalId = id, archived = true })).Errors);
        var archived = await Goal(id);
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.NotNull(archived["archivedTimestamp"]);
        Assert.Empty(archived["meetings"]!["nodes"]!.AsArray());
        var mine = await Post("query($u: Long!) { goals(userId: $u) { nodes { id } pageInfo { hasNextPage endCursor } } }", new { u = Emulator.DemoUserId });
        Assert.DoesNotContain(mine.Data!["goals"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<long>() == id);

        Assert.Null((await Edit(new { goalId = id, archived = false })).Errors);
        var restored = await Goal(id);
        Assert.False(restored["archived"]!.GetValue<bool>());
        Assert.Equal(Meeting, restored["meetings"]!["nodes"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task With_the_fault_flag_archive_answers_the_id_and_archives_nothing()
    {
        var id = await CreateGoal(new { title = "Sticky" });
        Emulator.GraphQLSettings.GoalArchiveDoesNotStick = true;

        var answer = await Edit(new { goalId = id, archived = true });

        Assert.Equal(id, answer.Data!["EditGoal"]!["id"]!.GetValue<long>());
        Assert.False(Emulator.Store.FindGoal(id)!.Archived);
    }

    [Fact]
    public async Task Failures_follow_the_families_rejected_create_unknown_goal_bad_status_and_unknown_delete()
    {
        Emulator.GraphQLSettings.CreateGoalRejected = true;
        var rejected = await Post("mutation($input: GoalCreateModelInput!) { CreateGoal(input: $input) { id } }", new { input = new { title = "No" } });
        Assert.Equal(0L, rejected.Data!["CreateGoal"]!["id"]!.GetValue<long>());
        Emulator.GraphQLSettings.CreateGoalRejected = false;

        var unknown = await Edit(new { goalId = 999999, title = "x" });
        Assert.Equal("Unexpected Execution Error", unknown.FirstError);
        Assert.Contains("999999", unknown.Errors![0]!["extensions"]!["message"]!.GetValue<string>());

        var id = await CreateGoal(new { title = "Status" });
        var status = await Edit(new { goalId = id, status = "DONE" });
        Assert.NotNull(status.Errors);

        var delete = await Post("mutation($id: Long!) { DeleteMilestone(milestoneId: $id) { success message errorDetails { message } } }", new { id = 999999 });
        Assert.False(delete.Data!["DeleteMilestone"]!["success"]!.GetValue<bool>());
        Assert.Null((await Post("query($id: Long!) { goal(id: $id) { id } }", new { id = 999999 })).Data!["goal"]);
    }

    [Fact]
    public async Task User_goals_filter_and_meeting_goals_list_the_REST_goals()
    {
        var meetingGoals = await Post("query($m: Long!) { meeting(id: $m) { goals(where: { archived: { eq: false } }) { nodes { id archived } pageInfo { hasNextPage endCursor } totalCount } } }", new { m = Meeting });
        var expected = Emulator.Store.Goals.Count(g => g.MeetingId == Meeting && !g.Archived);
        Assert.Equal(expected, meetingGoals.Data!["meeting"]!["goals"]!["totalCount"]!.GetValue<int>());

        var userGoals = await Post("query($u: Long!, $where: GoalQueryModelFilterInput) { user(id: $u) { goals(where: $where) { totalCount } } }",
            new { u = 1002L, where = (object?)null });
        Assert.Equal(Emulator.Store.Goals.Count(g => g.OwnerId == 1002), userGoals.Data!["user"]!["goals"]!["totalCount"]!.GetValue<int>());
    }
}
