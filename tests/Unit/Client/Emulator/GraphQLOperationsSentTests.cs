using System.Reflection;
using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using GraphQLParser;
using GraphQLParser.Visitors;
using Document = Bloomy.Client.GraphQL.GraphQLDocument;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>
/// Per operation (issue 12, "Tests and numbers"): each document of the table is sent by a client operation against the
/// emulator over loopback, and what the emulator received is compared with what the operation should send: the
/// document parsed and compared structurally with the table's (printed back by GraphQL-Parser, so whitespace does not
/// count), and the variables compared as JSON trees. Every document of the table has its case here.
/// </summary>
public sealed class GraphQLOperationsSentTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    private const long Meeting = 2001;
    private static readonly DateTimeOffset Due = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private const double DueSeconds = 1803859200; // 2027-03-01 00:00 UTC

    /// <summary>What one case does and what the document named should have carried.</summary>
    private sealed record Case(Func<GraphQLOperationsSentTests, Task<Func<JsonNode>>> Act);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["GoalNotes"] = new(async t =>
        {
            var goal = t.MyGoal();
            await t.Client.Goals.GetNotesAsync(goal);
            return () => new JsonObject { ["id"] = goal };
        }),
        ["EditGoal"] = new(async t =>
        {
            var goal = t.MyGoal();
            await t.Client.Goals.SetNotesAsync(goal, "Goal notes");
            return () => new JsonObject { ["input"] = new JsonObject { ["goalId"] = goal, ["notesId"] = t.Store.FindGoal(goal)!.NotesId, ["collaborationEnabled"] = true } };
        }),
        ["CreateNote"] = new(async t =>
        {
            await t.Client.Goals.SetNotesAsync(t.MyGoal(), "one <two> & \"three\"\nfour");
            return () => new JsonObject { ["text"] = "one &lt;two&gt; &amp; &quot;three&quot;<br>four" };
        }),
        ["Headline"] = new(async t =>
        {
            var id = t.MyHeadline();
            await t.Client.Headlines.GetWithNotesAsync(id);
            return () => new JsonObject { ["id"] = id };
        }),
        ["MeetingHeadlines"] = new(async t =>
        {
            await t.Client.Headlines.ListOverGraphQLAsync(meetingId: Meeting, includeArchived: false);
            return () => new JsonObject { ["meetingId"] = Meeting };
        }),
        ["MeetingArchivedHeadlines"] = new(async t =>
        {
            await t.Client.Headlines.ListOverGraphQLAsync(meetingId: Meeting, includeArchived: true);
            return () => new JsonObject { ["meetingId"] = Meeting };
        }),
        ["UserHeadlines"] = new(async t =>
        {
            await t.Client.Headlines.ListOverGraphQLAsync(userId: 1002);
            return () => new JsonObject { ["userId"] = 1002, ["where"] = null };
        }),
        ["CreateHeadline"] = new(async t =>
        {
            await t.Client.Headlines.CreateWithNotesAsync(Meeting, "Sent headline", "Headline notes", ownerId: 1002);
            return () => new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["title"] = "Sent headline", ["meetings"] = new JsonArray(Meeting), ["assignee"] = 1002,
                    ["notesId"] = t.Store.Headlines.Single(h => h.Title == "Sent headline").NotesId, ["collaborationEnabled"] = true,
                },
            };
        }),
        ["EditHeadline"] = new(async t =>
        {
            var id = t.MyHeadline();
            await t.Client.Headlines.SendChangeAsync(id, new HeadlineChange { Title = "Renamed headline", OwnerId = 1002, Archived = true });
            return () => new JsonObject { ["input"] = new JsonObject { ["headlineId"] = id, ["title"] = "Renamed headline", ["assignee"] = 1002, ["archived"] = true } };
        }),
        ["Issue"] = new(async t =>
        {
            var id = t.MyIssue();
            await t.Client.Issues.GetDetailsAsync(id);
            return () => new JsonObject { ["id"] = id };
        }),
        ["IssueNotes"] = new(async t =>
        {
            var id = t.MyIssue();
            await t.Client.Issues.GetNotesAsync(id);
            return () => new JsonObject { ["id"] = id };
        }),
        ["MeetingLongTermIssues"] = new(async t =>
        {
            await t.Client.Issues.ListLongTermAsync(Meeting);
            return () => new JsonObject { ["meetingId"] = Meeting, ["where"] = Where(("addToDepartmentPlan", new JsonObject { ["eq"] = true })) };
        }),
        ["MeetingArchivedIssues"] = new(async t =>
        {
            await t.Client.Issues.ListArchivedAsync(Meeting);
            return () => new JsonObject { ["meetingId"] = Meeting, ["where"] = Where(("addToDepartmentPlan", new JsonObject { ["eq"] = false })) };
        }),
        ["CreateIssue"] = new(async t =>
        {
            await t.Client.Issues.CreateOverGraphQLAsync(Meeting, "Sent issue", longTerm: true, userId: 1002);
            return () => new JsonObject { ["input"] = new JsonObject { ["title"] = "Sent issue", ["recurrenceId"] = Meeting, ["addToDepartmentPlan"] = true, ["ownerId"] = 1002 } };
        }),
        ["EditIssue"] = new(async t =>
        {
            var id = t.MyIssue();
            await t.Client.Issues.SendEditAsync(id, new IssueChange { Title = "Renamed issue", OwnerId = 1002, MeetingId = 2002, LongTerm = true });
            return () => new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["title"] = "Renamed issue", ["assigneeId"] = 1002, ["meetingId"] = 2002, ["addToDepartmentPlan"] = true } };
        }),
        ["Metric"] = new(async t =>
        {
            var id = t.MyMetric();
            await t.Client.Metrics.GetAsync(id);
            return () => new JsonObject { ["id"] = id };
        }),
        ["MeetingMetrics"] = new(async t =>
        {
            await t.Client.Metrics.ListAsync(meetingId: Meeting, frequency: MetricFrequency.Monthly);
            return () => new JsonObject
            {
                ["meetingId"] = Meeting,
                ["where"] = Where(("archived", new JsonObject { ["eq"] = false }), ("metricType", new JsonObject { ["eq"] = "METRIC" }), ("frequency", new JsonObject { ["eq"] = "MONTHLY" })),
            };
        }),
        ["UserMetrics"] = new(async t =>
        {
            await t.Client.Metrics.ListAsync(userId: 1002);
            return () => new JsonObject
            {
                ["userId"] = 1002, ["where"] = Where(("archived", new JsonObject { ["eq"] = false }), ("metricType", new JsonObject { ["eq"] = "METRIC" })),
            };
        }),
        ["CreateMetric"] = new(async t =>
        {
            await t.Client.Metrics.CreateAsync(new MetricCreateRequest
            {
                MeetingId = Meeting, Title = "Sent metric", OwnerId = 1002, Units = MetricUnit.Dollar, Rule = MetricRule.Between,
                Frequency = MetricFrequency.Monthly, MinGoal = 1.5m, MaxGoal = 20m,
            });
            return () => new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["title"] = "Sent metric", ["units"] = "DOLLAR", ["rule"] = "BETWEEN", ["frequency"] = "MONTHLY", ["averageOverrideType"] = "NONE",
                    ["meetings"] = new JsonArray(Meeting), ["customGoals"] = new JsonArray(), ["minGoalValue"] = "1.5", ["maxGoalValue"] = "20", ["assignee"] = 1002,
                },
            };
        }),
        ["EditMetric"] = new(async t =>
        {
            var id = t.MyMetric();
            await t.Client.Metrics.UpdateAsync(id, new MetricUpdate { Title = "Renamed metric", Rule = MetricRule.Less, Goal = 7.25m });
            return () => new JsonObject { ["input"] = new JsonObject { ["metricId"] = id, ["title"] = "Renamed metric", ["rule"] = "LESS_THAN", ["singleGoalValue"] = "7.25" } };
        }),
        ["MetricScores"] = new(async t =>
        {
            var id = t.MyMetric();
            await t.Client.Metrics.GetScoresAsync(id, new DateTimeOffset(2026, 1, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
            return () => new JsonObject
            {
                // 2026-01-04 and 2026-03-01, 00:00 UTC.
                ["metricId"] = id, ["where"] = Where(("timestamp", new JsonObject { ["gte"] = 1767484800 }), ("timestamp", new JsonObject { ["lte"] = 1772323200 })),
            };
        }),
        ["CreateMetricScore"] = new(async t =>
        {
            var id = t.MyMetric();
            await t.Client.Metrics.SetScoreAsync(id, 42.5m, new DateTimeOffset(2026, 2, 11, 0, 0, 0, TimeSpan.Zero));
            // The instant as given (2026-02-11 00:00 UTC): the server picks the period holding it (§15.7).
            return () => new JsonObject { ["input"] = new JsonObject { ["metricId"] = id, ["value"] = "42.5", ["timestamp"] = 1770768000 } };
        }),
        ["EditMetricScore"] = new(async t =>
        {
            var metric = t.MyMetric();
            var score = await t.Client.Metrics.SetScoreAsync(metric, 1m, new DateTimeOffset(2026, 2, 18, 0, 0, 0, TimeSpan.Zero));
            await t.Client.Metrics.UpdateScoreAsync(score, 3.75m, "Score note");
            return () => new JsonObject { ["input"] = new JsonObject { ["id"] = score, ["value"] = "3.75", ["notesText"] = "Score note" } };
        }),
        ["GoalMilestones"] = new(async t =>
        {
            var goal = t.MyGoal();
            await t.Client.Milestones.ListAsync(goal);
            return () => new JsonObject { ["goalId"] = goal };
        }),
        ["CreateMilestone"] = new(async t =>
        {
            var goal = t.MyGoal();
            await t.Client.Milestones.CreateAsync(goal, "Sent milestone", Due);
            return () => new JsonObject { ["input"] = new JsonObject { ["rockId"] = goal, ["title"] = "Sent milestone", ["dueDate"] = DueSeconds, ["completed"] = false } };
        }),
        ["GoalMilestone"] = new(async t =>
        {
            var goal = t.MyGoal();
            var made = await t.Client.Milestones.CreateAsync(goal, "Read back", Due);
            return () => new JsonObject { ["goalId"] = goal, ["milestoneId"] = made.Id };
        }),
        ["EditMilestone"] = new(async t =>
        {
            var goal = t.MyGoal();
            var made = await t.Client.Milestones.CreateAsync(goal, "To complete", Due);
            await t.Client.Milestones.SendUpdateAsync(goal, made.Id, new MilestoneUpdate { Title = "Completed", Completed = true });
            return () => new JsonObject { ["input"] = new JsonObject { ["milestoneId"] = made.Id, ["title"] = "Completed", ["completed"] = true } };
        }),
        ["DeleteMilestone"] = new(async t =>
        {
            var made = await t.Client.Milestones.CreateAsync(t.MyGoal(), "To delete", Due);
            await t.Client.Milestones.DeleteAsync(made.Id);
            return () => new JsonObject { ["milestoneId"] = made.Id };
        }),
        ["Todo"] = new(async t =>
        {
            var id = t.MyTodo();
            await t.Client.Todos.GetWithNotesAsync(id);
            return () => new JsonObject { ["id"] = id };
        }),
        ["MeetingTodos"] = new(async t =>
        {
            await t.Client.Todos.ListMeetingTodosAsync(Meeting, includeClosed: false, includeArchived: true);
            return () => new JsonObject { ["meetingId"] = Meeting, ["where"] = new JsonObject { ["completed"] = new JsonObject { ["eq"] = false } }, ["includeArchived"] = true };
        }),
        ["CreateTodo"] = new(async t =>
        {
            await t.Client.Todos.CreateWithNotesAsync("Sent to-do", "To-do notes", Meeting, new DateTime(2027, 3, 1));
            return () => new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["title"] = "Sent to-do", ["meetingRecurrenceId"] = Meeting, ["dueDate"] = DueSeconds,
                    ["notesId"] = t.Store.Todos.Single(x => x.Title == "Sent to-do").NotesId, ["collaborationEnabled"] = true,
                },
            };
        }),
        ["EditTodo"] = new(async t =>
        {
            var id = t.MyTodo();
            await t.Client.Todos.SendChangeAsync(id, new TodoChange { Title = "Renamed to-do", OwnerId = 1002, DueDate = new DateTime(2027, 3, 1) });
            return () => new JsonObject { ["input"] = new JsonObject { ["todoId"] = id, ["title"] = "Renamed to-do", ["assigneeId"] = 1002, ["dueDate"] = DueSeconds } };
        }),
    };

    public static TheoryData<string> DocumentNames()
    {
        var data = new TheoryData<string>();
        foreach (var field in TableFields()) data.Add(field.Name);
        return data;
    }

    private static IEnumerable<FieldInfo> TableFields() =>
        typeof(GraphQLDocuments).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Document));

    [Fact]
    public void Every_document_of_the_table_has_a_case_and_every_case_a_document()
    {
        Assert.Equal(TableFields().Select(f => f.Name).Order(), Cases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public async Task The_operation_sends_the_tables_document_with_the_expected_variables(string documentField)
    {
        var document = (Document)typeof(GraphQLDocuments).GetField(documentField, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.True(Cases.TryGetValue(documentField, out var @case), $"no case for {documentField}");
        Emulator.GraphQLSettings.Reset();
        Emulator.GraphQLStats.Reset();

        var expected = await @case.Act(this);

        var wanted = await Printed(document.Text);
        var sent = new List<GraphQLRequestRecord>();
        foreach (var r in Emulator.GraphQLStats.Requests)
            if (await Printed(r.Query) == wanted) sent.Add(r);
        Assert.True(sent.Count > 0, $"{documentField} was not sent; sent: {string.Join(", ", Emulator.GraphQLStats.Requests.SelectMany(r => r.RootFields))}");
        var actual = JsonNode.Parse(sent[0].Variables);
        Assert.True(JsonNode.DeepEquals(expected(), actual), $"{documentField} variables: expected {expected().ToJsonString()}, sent {actual?.ToJsonString()}");
    }

    private static async Task<string> Printed(string text)
    {
        using var writer = new StringWriter();
        await new SDLPrinter().PrintAsync(Parser.Parse(text), writer);
        return writer.ToString();
    }

    // {"and": [{field: condition}, ...]}: the where filters the client builds (bloom-graphql.md §4.1).
    private static JsonObject Where(params (string Field, JsonNode Condition)[] conditions) =>
        new() { ["and"] = new JsonArray(conditions.Select(c => (JsonNode)new JsonObject { [c.Field] = c.Condition }).ToArray()) };

    private long MyGoal() => Store.Goals.First(g => g.OwnerId == Me && !g.Archived).Id;
    private long MyHeadline() => Store.Headlines.First(h => h.MeetingId == Meeting && h.CloseTime is null).Id;
    private long MyIssue() => Store.Issues.First(i => i.MeetingId == Meeting && !i.Complete && !i.Archived).Id;
    private long MyMetric() => Store.Measurables.First(m => m.MeetingId == Meeting && !m.Archived).Id;
    private long MyTodo() => Store.Todos.First(t => t.OwnerId == Me && !t.Complete && t.ArchiveTime is null).Id;
}
