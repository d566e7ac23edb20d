using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

// The to-do operations over GraphQL (bloom-graphql.md §12) against the emulator: the document and variables as the
// emulator recorded them, the state they leave (shared with REST), the mapping and the error families.
public sealed class TodosGraphQLEmulatorTests : EmulatorClientTests
{
    public TodosGraphQLEmulatorTests(EmulatorFixture fixture) : base(fixture)
    {
        Emulator.GraphQLSettings.Reset();
        Emulator.GraphQLStats.Reset();
    }

    private async Task<Todo> NewMeetingTodoAsync(string title) => await Client.Todos.CreateAsync(title, meetingId: 2001);

    private JsonNode? VariablesOf(string rootField, int index = 0) =>
        JsonNode.Parse(Emulator.GraphQLStats.Requests.Where(r => r.RootFields.Contains(rootField)).ElementAt(index).Variables);

    [Fact]
    public async Task Archive_sends_archivedTimestamp_now_and_restore_an_explicit_null_over_the_same_to_do_REST_sees()
    {
        var todo = await NewMeetingTodoAsync("Archive me");
        Emulator.GraphQLStats.Reset();

        await Client.Todos.ArchiveAsync(todo.Id);

        var archived = VariablesOf("EditTodo")!["input"]!.AsObject();
        Assert.Equal(["todoId", "archivedTimestamp"], archived.Select(p => p.Key));
        Assert.Equal(todo.Id, archived["todoId"]!.GetValue<long>());
        Assert.InRange(archived["archivedTimestamp"]!.GetValue<double>(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.NotNull(Store.FindTodo(todo.Id)!.ArchiveTime);
        Assert.DoesNotContain(await Client.Todos.ListAsync(meetingId: 2001), t => t.Id == todo.Id);
        var read = await Client.Todos.GetWithNotesAsync(todo.Id);
        Assert.True(read.Archived);
        Assert.NotNull(read.ArchiveTime);

        await Client.Todos.RestoreAsync(todo.Id);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["input"] = new JsonObject { ["todoId"] = todo.Id, ["archivedTimestamp"] = null } },
            VariablesOf("EditTodo", 1)));
        Assert.Null(Store.FindTodo(todo.Id)!.ArchiveTime);
        Assert.Contains(await Client.Todos.ListAsync(meetingId: 2001), t => t.Id == todo.Id);
    }

    [Fact]
    public async Task Owner_change_sends_assigneeId_only()
    {
        var todo = await NewMeetingTodoAsync("Hand me over");
        Emulator.GraphQLStats.Reset();

        await Client.Todos.SetOwnerAsync(todo.Id, 1002);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["input"] = new JsonObject { ["todoId"] = todo.Id, ["assigneeId"] = 1002 } },
            VariablesOf("EditTodo")));
        Assert.Equal(1002, Store.FindTodo(todo.Id)!.OwnerId);
        Assert.Equal(1002, (await Client.Todos.GetAsync(todo.Id)).OwnerId);
    }

    [Fact]
    public async Task Notes_go_to_a_new_pad_first_and_multi_line_text_survives_the_round_trip()
    {
        var todo = await NewMeetingTodoAsync("Take notes");
        Emulator.GraphQLStats.Reset();
        const string notes = "line one\nline two & <b>";

        await Client.Todos.SetNotesAsync(todo.Id, notes);
        var read = await Client.Todos.GetWithNotesAsync(todo.Id);

        Assert.Equal(["CreateNote", "EditTodo", "todo"], Emulator.GraphQLStats.Requests.Select(r => r.RootFields.Single()));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["text"] = "line one<br>line two &amp; &lt;b&gt;" }, VariablesOf("CreateNote")));
        var input = VariablesOf("EditTodo")!["input"]!;
        Assert.Equal(Store.FindTodo(todo.Id)!.NotesId, input["notesId"]!.GetValue<string>());
        Assert.True(input["collaborationEnabled"]!.GetValue<bool>());
        Assert.Equal(notes, read.Notes);
        Assert.Equal(todo.Title, read.Title);
        Assert.Equal(2001, read.MeetingId);
        Assert.Equal(Me, read.OwnerId);
    }

    [Fact]
    public async Task A_CreateNote_failure_stops_before_the_edit()
    {
        var todo = await NewMeetingTodoAsync("No notes for me");
        Emulator.GraphQLSettings.CreateNoteFails = true;
        Emulator.GraphQLStats.Reset();

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() =>
            Client.Todos.SendChangeAsync(todo.Id, new TodoChange { Notes = "x", Archived = true }));

        Assert.Contains("pad could not be created", ex.Message);
        Assert.Equal(0, Emulator.GraphQLStats.CountFor("EditTodo"));
        Assert.Null(Store.FindTodo(todo.Id)!.ArchiveTime);
    }

    [Fact]
    public async Task An_unknown_to_do_is_success_false_on_edit_and_not_found_on_read()
    {
        var edit = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Todos.ArchiveAsync(999999));
        var read = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Todos.GetWithNotesAsync(999999));

        Assert.Contains("Not able to perform the action", edit.Message);
        Assert.Contains("to-do 999999", read.Message);
    }

    [Fact]
    public void Bad_input_fails_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => { _ = Client.Todos.SendChangeAsync(5001, new TodoChange()); });
        Assert.Throws<ArgumentException>(() => { _ = Client.Todos.SendChangeAsync(5001, new TodoChange { Title = "  " }); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Client.Todos.SetOwnerAsync(5001, 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Client.Todos.ArchiveAsync(0); });
        Assert.Throws<ArgumentNullException>(() => { _ = Client.Todos.SetNotesAsync(5001, null!); });
        Assert.Empty(Emulator.GraphQLStats.Requests);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task A_meeting_list_with_archived_reads_every_page_of_meeting_todos()
    {
        var archived = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var todo = await NewMeetingTodoAsync($"Archived {i}");
            await Client.Todos.ArchiveAsync(todo.Id);
            archived.Add(todo.Id);
        }
        Emulator.GraphQLSettings.DefaultPageSize = 3;
        Emulator.GraphQLStats.Reset();

        var all = await Client.Todos.ListMeetingTodosAsync(2001, includeClosed: true, includeArchived: true);
        var open = await Client.Todos.ListMeetingTodosAsync(2001, includeClosed: false, includeArchived: false);

        var stored = Store.Todos.Where(t => t.MeetingId == 2001).ToList();
        Assert.Equal(stored.Select(t => t.Id).Order(), all.Select(t => t.Id).Order());
        Assert.Equal(stored.Where(t => t.ArchiveTime is null && !t.Complete).Select(t => t.Id).Order(), open.Select(t => t.Id).Order());
        Assert.All(archived, id => Assert.True(all.Single(t => t.Id == id).Archived));
        var pages = Emulator.GraphQLStats.Requests;
        Assert.Equal((stored.Count + 2) / 3 + (open.Count + 2) / 3 + (open.Count % 3 == 0 ? 1 : 0), pages.Count);
        var first = JsonNode.Parse(pages[0].Variables)!;
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["meetingId"] = 2001, ["where"] = null, ["includeArchived"] = true }, first));
        Assert.Equal("{\"completed\":{\"eq\":false}}", JsonNode.Parse(pages.Last().Variables)!["where"]!.ToJsonString());
        Assert.NotNull(JsonNode.Parse(pages[1].Variables)!["after"]);
    }

    [Fact]
    public async Task Create_with_notes_sends_a_personal_to_do_with_an_explicit_null_meeting_and_maps_the_answer()
    {
        Emulator.GraphQLStats.Reset();

        var todo = await Client.Todos.CreateWithNotesAsync("Personal with notes", "a\nb", dueDate: new DateTime(2026, 12, 24));

        var input = VariablesOf("CreateTodo")!["input"]!.AsObject();
        Assert.Equal(["title", "meetingRecurrenceId", "dueDate", "notesId", "collaborationEnabled"], input.Select(p => p.Key));
        Assert.Null(input["meetingRecurrenceId"]);
        Assert.Equal(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), input["dueDate"]!.GetValue<double>());
        Assert.Equal(("Personal with notes", (long?)null, "Individual", Me, "a\nb"), (todo.Title, todo.MeetingId, todo.MeetingName, todo.OwnerId!.Value, todo.Notes));
        Assert.Equal(new DateTime(2026, 12, 24, 0, 0, 0, DateTimeKind.Utc), todo.DueDate);
        Assert.False(todo.Complete);
        Assert.False(todo.Archived);
        var stored = Store.FindTodo(todo.Id)!;
        Assert.Null(stored.MeetingId);
        Assert.Equal(Me, stored.OwnerId);
    }

    [Fact]
    public async Task Create_into_an_unknown_meeting_is_a_top_level_error_carrying_the_servers_reason()
    {
        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Todos.CreateWithNotesAsync("Nowhere", "n", meetingId: 999999));

        Assert.Contains("Meeting 999999 does not exist", ex.Message);
        Assert.Equal("CreateTodo", ex.OperationName);
        Assert.Equal(1, Emulator.GraphQLStats.CountFor("CreateTodo"));
    }
}
