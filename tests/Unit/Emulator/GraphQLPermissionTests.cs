using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>
/// The emulator's "forbidden" setting (bloom-graphql §3): the F-response mutations answer success:false with a FORBIDDEN
/// detail, every other root field a top-level PermissionsException error; the fields not listed are untouched.
/// </summary>
public sealed class GraphQLPermissionTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private const string EditTodo =
        "mutation($input: TodoEditModelInput!) { EditTodo(input: $input) { success message errorDetails { message type } } }";

    [Fact]
    public async Task A_forbidden_F_response_mutation_answers_success_false_with_a_FORBIDDEN_detail_and_changes_nothing()
    {
        var todo = Emulator.Store.Todos.First(t => t.OwnerId == Emulator.DemoUserId);
        await Control("_emulator/graphql", new { forbidden = new[] { "EditTodo" } });

        var a = await Post(EditTodo, new { input = new JsonObject { ["todoId"] = todo.Id, ["title"] = "Not mine to change" } });

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Null(a.Errors);
        var result = a.Data!["EditTodo"]!;
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal("Not able to perform the action.", result["message"]!.GetValue<string>());
        Assert.Equal("User not allowed to perform this action", result["errorDetails"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", result["errorDetails"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(todo.Title, Emulator.Store.FindTodo(todo.Id)!.Title);
    }

    [Fact]
    public async Task A_forbidden_query_or_id_mutation_is_a_PermissionsException_error_and_other_fields_still_answer()
    {
        var todo = Emulator.Store.Todos.First(t => t.OwnerId == Emulator.DemoUserId);
        await Control("_emulator/graphql", new { forbidden = new[] { "todo", "EditHeadline" } });

        var read = await Post("query($id: Long!) { todo(id: $id) { id } user(id: 1001) { id } }", new { id = todo.Id });
        var edit = await Post("mutation($input: HeadlineEditModelInput!) { EditHeadline(input: $input) { id } }",
            new { input = new JsonObject { ["headlineId"] = 1, ["title"] = "x" } });

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("PermissionsException: User not allowed to perform this action", read.FirstError);
        Assert.Null(read.Data!["todo"]);
        Assert.Equal(1001, read.Data!["user"]!["id"]!.GetValue<long>());
        Assert.Equal("PermissionsException: User not allowed to perform this action", edit.FirstError);
        Assert.Null(edit.Data!["EditHeadline"]);
    }

    [Fact]
    public async Task The_setting_is_listed_refused_when_not_a_list_of_names_and_cleared_by_reset()
    {
        await Control("_emulator/graphql", new { forbidden = new[] { "EditIssue" } });
        var settings = JsonNode.Parse(await Http.GetStringAsync(new Uri(Emulator.RootUri, "_emulator/graphql/requests")))!["Settings"]!;
        Assert.Equal("EditIssue", settings["Forbidden"]![0]!.GetValue<string>());

        using (var refused = await Http.PutAsync(new Uri(Emulator.RootUri, "_emulator/graphql"),
                   new StringContent("{\"forbidden\":\"EditIssue\"}", System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using (var reset = await Http.PostAsync(new Uri(Emulator.RootUri, "_emulator/reset"), null))
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Empty(Emulator.GraphQLSettings.Forbidden);
    }
}
