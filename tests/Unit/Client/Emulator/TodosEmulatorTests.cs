using Bloomy.Client;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class TodosEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task List_defaults_to_the_current_user_and_hides_completed_ones_unless_asked()
    {
        var open = await Client.Todos.ListAsync();
        var all = await Client.Todos.ListAsync(includeClosed: true);
        var bens = await Client.Todos.ListAsync(userId: 1002);

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"todo/user/{Me}"),
            new Call("GET", $"todo/user/{Me}", "INCLUDE_CLOSED=true"), new Call("GET", "todo/user/1002"));
        var mine = Store.Todos.Where(t => t.OwnerId == Me).ToList();
        Assert.Equal(mine.Where(t => !t.Complete).Select(t => t.Id), open.Select(t => t.Id));
        Assert.Equal(mine.Select(t => t.Id), all.Select(t => t.Id));
        Assert.Equal(Store.Todos.Where(t => t.OwnerId == 1002 && !t.Complete).Select(t => t.Id), bens.Select(t => t.Id));
        var personal = Assert.Single(all, t => t.MeetingId is null);
        Assert.Equal("Individual", personal.MeetingName);
    }

    [Fact]
    public async Task List_for_a_meeting_asks_for_closed_ones_only_when_wanted()
    {
        var open = await Client.Todos.ListAsync(meetingId: 2001);
        var all = await Client.Todos.ListAsync(meetingId: 2001, includeClosed: true);

        AssertCalls(new Call("GET", "L10/2001/todos"), new Call("GET", "L10/2001/todos", "INCLUDE_CLOSED=true"));
        var stored = Store.Todos.Where(t => t.MeetingId == 2001).ToList();
        Assert.Equal(stored.Where(t => !t.Complete).Select(t => t.Id), open.Select(t => t.Id));
        Assert.Equal(stored.Select(t => t.Id), all.Select(t => t.Id));
    }

    [Fact]
    public async Task Get_maps_every_field()
    {
        var stored = Store.Todos.First(t => t.OwnerId == Me && t.MeetingId is not null && !t.Complete);

        var todo = await Client.Todos.GetAsync(stored.Id);

        AssertCalls(new Call("GET", $"todo/{stored.Id}"));
        Assert.Equal((stored.Id, stored.Title, $"https://app.bloomgrowth.com/Todo/Pad/{stored.Id}"), (todo.Id, todo.Title, todo.DetailsUrl));
        Assert.Equal((stored.DueDate, Seconds(stored.CreateTime), (DateTime?)null), (todo.DueDate, todo.CreateTime, todo.CompleteTime));
        Assert.Equal((stored.MeetingId, Store.FindMeeting(stored.MeetingId!.Value)!.Name), (todo.MeetingId, todo.MeetingName));
        Assert.Equal((false, false, (long?)Me, "Ada Park"), (todo.Complete, todo.Archived, todo.OwnerId, todo.OwnerName));
    }

    [Fact]
    public async Task Create_personal_sends_the_owner_and_shows_in_the_list()
    {
        var todo = await Client.Todos.CreateAsync("Call bank");

        AssertCalls(new Call("GET", "users/mine"),
            new Call("POST", "todo/create", Body: $$"""{"title":"Call bank","accountableUserId":{{Me}}}"""));
        var stored = Store.FindTodo(todo.Id)!;
        Assert.Equal(("Call bank", Me, (long?)null, false), (stored.Title, stored.OwnerId, stored.MeetingId, stored.Complete));
        Assert.Equal(("Call bank", (long?)null, (long?)Me, Seconds(stored.DueDate)), (todo.Title, todo.MeetingId, todo.OwnerId, todo.DueDate));
        Assert.Equal(Seconds(stored.CreateTime), todo.CreateTime);
        Assert.Contains(await Client.Todos.ListAsync(), t => t.Id == todo.Id);
    }

    [Fact]
    public async Task Create_in_a_meeting_sends_the_sdk_body_and_the_server_keeps_owner_notes_and_due_date()
    {
        var todo = await Client.Todos.CreateAsync("Send Q3 plan", meetingId: 2001, dueDate: new DateTime(2031, 12, 31), userId: 1002, notes: "n");

        AssertCalls(new Call("POST", "L10/2001/todos",
            Body: """{"Title":"Send Q3 plan","ForId":1002,"Notes":"n","dueDate":"2031-12-31"}"""));
        var stored = Store.FindTodo(todo.Id)!;
        Assert.Equal((1002L, (long?)2001, "n", (DateTime?)new DateTime(2031, 12, 31)), (stored.OwnerId, stored.MeetingId, stored.Notes, stored.DueDate));
        Assert.Equal(((long?)2001, (long?)1002, (DateTime?)new DateTime(2031, 12, 31)), (todo.MeetingId, todo.OwnerId, todo.DueDate));
        Assert.Contains(await Client.Meetings.GetTodosAsync(2001), t => t.Id == todo.Id);
        Assert.Contains(await Client.Todos.ListAsync(userId: 1002), t => t.Id == todo.Id);
    }

    [Fact]
    public async Task Complete_moves_the_todo_to_the_closed_ones()
    {
        var created = await Client.Todos.CreateAsync("Finish me", meetingId: 2001);
        ForgetCalls();

        var done = await Client.Todos.CompleteAsync(created.Id);

        AssertCalls(new Call("POST", $"todo/{created.Id}/complete", "status=true"), new Call("GET", $"todo/{created.Id}"));
        var stored = Store.FindTodo(created.Id)!;
        Assert.True(stored.Complete);
        Assert.Equal((true, Seconds(stored.CompleteTime)), (done.Complete, done.CompleteTime));
        Assert.DoesNotContain(await Client.Todos.ListAsync(), t => t.Id == created.Id);
        Assert.DoesNotContain(await Client.Meetings.GetTodosAsync(2001), t => t.Id == created.Id);
        Assert.Contains(await Client.Todos.ListAsync(includeClosed: true), t => t.Id == created.Id && t.Complete);
        Assert.Contains(await Client.Todos.ListAsync(meetingId: 2001, includeClosed: true), t => t.Id == created.Id && t.Complete);
    }

    [Fact]
    public async Task Update_sends_only_the_given_fields_and_reads_back()
    {
        var created = await Client.Todos.CreateAsync("Send Q3 plan");
        ForgetCalls();

        var renamed = await Client.Todos.UpdateAsync(created.Id, title: "Send Q4 plan", dueDate: new DateTime(2031, 11, 1));
        var moved = await Client.Todos.UpdateAsync(created.Id, dueDate: new DateTime(2031, 11, 2));

        AssertCalls(
            new Call("PUT", $"todo/{created.Id}", Body: """{"title":"Send Q4 plan","dueDate":"2031-11-01"}"""),
            new Call("GET", $"todo/{created.Id}"),
            new Call("PUT", $"todo/{created.Id}", Body: """{"dueDate":"2031-11-02"}"""),
            new Call("GET", $"todo/{created.Id}"));
        Assert.Equal(("Send Q4 plan", (DateTime?)new DateTime(2031, 11, 1)), (renamed.Title, renamed.DueDate));
        Assert.Equal(("Send Q4 plan", (DateTime?)new DateTime(2031, 11, 2)), (moved.Title, moved.DueDate));
        var stored = Store.FindTodo(created.Id)!;
        Assert.Equal(("Send Q4 plan", (DateTime?)new DateTime(2031, 11, 2)), (stored.Title, stored.DueDate));
    }

    [Fact]
    public async Task An_unknown_todo_is_a_404_naming_the_request()
    {
        var read = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Todos.GetAsync(999999));
        var complete = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Todos.CompleteAsync(999999));

        Assert.Equal((404, "GET", "todo/999999"), (read.StatusCode!.Value, read.Method, read.Path));
        Assert.Equal((404, "POST", "todo/999999/complete?status=true"), (complete.StatusCode!.Value, complete.Method, complete.Path));
        Assert.Equal(2, Calls().Count);
    }
}
