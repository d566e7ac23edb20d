using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>
/// The emulator's to-do and headline root fields over raw HTTP (bloom-graphql §11, §12, §17.5): the state rules, the
/// omitted-versus-null rule of EditTodo, the failure shapes, and one state shared with REST.
/// </summary>
public sealed class GraphQLTodosHeadlinesTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private const string Fields = "id title completed completedTimestamp archived archivedTimestamp dueDate dateCreated assignee { id } meeting { id }";

    private async Task<JsonNode> CreateTodo(JsonObject input)
    {
        var answer = await Post($"mutation($input: TodoCreateModelInput!) {{ CreateTodo(input: $input) {{ {Fields} }} }}", new { input });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Errors);
        return answer.Data!["CreateTodo"]!;
    }

    private async Task<JsonNode?> EditTodo(JsonObject input) =>
        (await Post("mutation($input: TodoEditModelInput!) { EditTodo(input: $input) { success message errorDetails { message } } }", new { input }))
            .Data?["EditTodo"];

    [Fact]
    public async Task A_personal_to_do_belongs_to_the_caller_whatever_assigneeId_says_and_REST_sees_it()
    {
        var todo = await CreateTodo(new JsonObject { ["title"] = "Mine", ["meetingRecurrenceId"] = null, ["assigneeId"] = 1002, ["dueDate"] = 1798675200.0 });

        Assert.Null(todo["meeting"]);
        Assert.Equal(Emulator.DemoUserId, todo["assignee"]!["id"]!.GetValue<long>());
        Assert.Equal(1798675200.0, todo["dueDate"]!.GetValue<double>());
        var stored = Emulator.Store.FindTodo(todo["id"]!.GetValue<long>())!;
        Assert.Equal((null, Emulator.DemoUserId), (stored.MeetingId, stored.OwnerId));
    }

    [Fact]
    public async Task EditTodo_leaves_omitted_keys_alone_and_clears_on_an_explicit_null()
    {
        var id = (await CreateTodo(new JsonObject { ["title"] = "Edit me", ["meetingRecurrenceId"] = 2001 }))["id"]!.GetValue<long>();

        await EditTodo(new JsonObject { ["todoId"] = id, ["completedTimestamp"] = 1798675200.0, ["archivedTimestamp"] = 1798675300.0 });
        await EditTodo(new JsonObject { ["todoId"] = id, ["title"] = "Edited" });
        var kept = Emulator.Store.FindTodo(id)!;
        await EditTodo(new JsonObject { ["todoId"] = id, ["completedTimestamp"] = null, ["archivedTimestamp"] = null });
        var cleared = Emulator.Store.FindTodo(id)!;

        Assert.Equal(("Edited", true, true), (kept.Title, kept.Complete, kept.ArchiveTime is not null));
        Assert.Equal((false, null, null), (cleared.Complete, cleared.CompleteTime, cleared.ArchiveTime));
    }

    [Fact]
    public async Task EditTodo_on_an_unknown_id_is_success_false_with_the_server_texts()
    {
        var result = await EditTodo(new JsonObject { ["todoId"] = 999999, ["title"] = "x" });

        Assert.False(result!["success"]!.GetValue<bool>());
        Assert.Equal("Not able to perform the action.", result["message"]!.GetValue<string>());
        Assert.Equal("An error has ocurred.", result["errorDetails"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Todo_lists_follow_the_server_rules_for_archived_and_completed()
    {
        var open = (await CreateTodo(new JsonObject { ["title"] = "Open", ["meetingRecurrenceId"] = 2001 }))["id"]!.GetValue<long>();
        var archived = (await CreateTodo(new JsonObject { ["title"] = "Archived", ["meetingRecurrenceId"] = 2001 }))["id"]!.GetValue<long>();
        var done = (await CreateTodo(new JsonObject { ["title"] = "Done", ["meetingRecurrenceId"] = 2001 }))["id"]!.GetValue<long>();
        await EditTodo(new JsonObject { ["todoId"] = archived, ["archivedTimestamp"] = 1798675300.0 });
        await EditTodo(new JsonObject { ["todoId"] = done, ["completedTimestamp"] = 1798675300.0 });
        Emulator.GraphQLSettings.Unbounded = true;

        var meeting = await Post("query { meeting(id: 2001) { todosActives { nodes { id } } todos { nodes { id } } } }");
        var user = await Post("query($w: TodoQueryModelFilterInput) { todos(userId: " + Emulator.DemoUserId + ", where: $w) { nodes { id } } }",
            new { w = new JsonObject { ["archived"] = new JsonObject { ["eq"] = true } } });

        long[] Ids(JsonNode? connection) => connection!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()).ToArray();
        var actives = Ids(meeting.Data!["meeting"]!["todosActives"]);
        var all = Ids(meeting.Data!["meeting"]!["todos"]);
        Assert.Contains(open, actives);
        Assert.Contains(done, actives);
        Assert.DoesNotContain(archived, actives);
        Assert.Contains(archived, all);
        Assert.DoesNotContain(archived, Ids(user.Data!["todos"]));
    }

    [Fact]
    public async Task Headlines_archive_by_flag_list_apart_and_an_unknown_id_is_a_top_level_error()
    {
        var created = await Post("mutation($input: HeadlineCreateModelInput!) { CreateHeadline(input: $input) { id } }",
            new { input = new JsonObject { ["title"] = "News", ["meetings"] = new JsonArray(2001), ["assignee"] = 1002 } });
        var id = created.Data!["CreateHeadline"]!["id"]!.GetValue<long>();
        await Post("mutation($input: HeadlineEditModelInput!) { EditHeadline(input: $input) { id } }",
            new { input = new JsonObject { ["headlineId"] = id, ["archived"] = true } });
        Emulator.GraphQLSettings.Unbounded = true;

        var meeting = await Post("query { meeting(id: 2001) { headlines { nodes { id } } archivedHeadlines { nodes { id archived archivedTimestamp assignee { id } } } } }");
        var unknown = await Post("mutation($input: HeadlineEditModelInput!) { EditHeadline(input: $input) { id } }",
            new { input = new JsonObject { ["headlineId"] = 999999, ["archived"] = true } });

        Assert.DoesNotContain(meeting.Data!["meeting"]!["headlines"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<long>() == id);
        var archived = meeting.Data!["meeting"]!["archivedHeadlines"]!["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<long>() == id)!;
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.NotNull(archived["archivedTimestamp"]);
        Assert.Equal(1002, archived["assignee"]!["id"]!.GetValue<long>());
        Assert.NotNull(Emulator.Store.FindHeadline(id)!.CloseTime);
        Assert.Equal("Unexpected Execution Error", unknown.FirstError);
        Assert.Null(unknown.Data!["EditHeadline"]);
    }
}
