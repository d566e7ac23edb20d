using Bloomy.Client.Models;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class TodosClientTests
{
    private const string Todo = """
        {"Id": 5001, "Name": "Send Q3 plan", "DetailsUrl": "https://app.bloomgrowth.com/Todo/Pad/5001",
         "DueDate": "2024-12-31T00:00:00", "CreateTime": "2024-01-01T10:00:00Z",
         "CompleteTime": null, "CloseTime": null, "Complete": false,
         "OriginId": 2001, "Origin": "Leadership L10", "Owner": {"Id": 1001, "Name": "Ada Park"}}
        """;

    private const string Closed = """
        {"Id": "5002", "Name": "Done thing", "DetailsUrl": null, "DueDate": "2024-06-01",
         "CreateTime": "2024-05-01T10:00:00.1234567+02:00", "CompleteTime": "2024-06-02T08:30:00.5Z",
         "CloseTime": "2024-06-02T08:30:00Z", "Complete": true, "OriginId": null, "Origin": "Individual"}
        """;

    [Fact]
    public async Task List_for_the_current_user()
    {
        var (client, h) = Create();
        h.On("GET", "todo/user/1001", $"[{Todo}, {Closed}]");
        h.On("GET", "todo/user/1001?INCLUDE_CLOSED=true", $"[{Todo}, {Closed}]");

        var openOnly = await client.Todos.ListAsync();
        var todos = await client.Todos.ListAsync(includeClosed: true);

        Assert.Equal(new long[] { 5001 }, openOnly.Select(t => t.Id));
        AssertRequests(h, "GET users/mine", "GET todo/user/1001", "GET todo/user/1001?INCLUDE_CLOSED=true");
        var open = todos[0];
        Assert.Equal(5001, open.Id);
        Assert.Equal("Send Q3 plan", open.Title);
        Assert.Equal("https://app.bloomgrowth.com/Todo/Pad/5001", open.DetailsUrl);
        Assert.Equal(Local(2024, 12, 31), open.DueDate);
        Assert.Equal(Utc(2024, 1, 1, 10), open.CreateTime);
        Assert.Null(open.CompleteTime);
        Assert.Equal((2001L, "Leadership L10"), (open.MeetingId!.Value, open.MeetingName));
        Assert.False(open.Complete);
        Assert.False(open.Archived);
        Assert.Equal((1001L, "Ada Park"), (open.OwnerId!.Value, open.OwnerName));
        Assert.Equal("Todo 5001 'Send Q3 plan'", open.ToString());

        var done = todos[1];
        Assert.Equal(5002, done.Id);
        Assert.True(done.Complete);
        Assert.True(done.Archived);
        Assert.Equal(Local(2024, 6, 1), done.DueDate);
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567), done.CreateTime);
        Assert.Equal(DateTimeKind.Utc, done.CreateTime!.Value.Kind);
        Assert.Equal(Utc(2024, 6, 2, 8, 30).AddMilliseconds(500), done.CompleteTime);
        Assert.Null(done.MeetingId);
        Assert.Null(done.OwnerId);
    }

    [Fact]
    public async Task List_for_a_user_does_not_ask_users_mine()
    {
        var (client, h) = Create();
        h.On("GET", "todo/user/1005", "[]");
        Assert.Empty(await client.Todos.ListAsync(userId: 1005));
        AssertRequests(h, "GET todo/user/1005");
    }

    [Fact]
    public async Task List_for_a_meeting_sends_no_query_unless_closed_wanted()
    {
        var (client, h) = Create();
        h.On("GET", "L10/2001/todos", $"[{Todo}]").On("GET", "L10/2001/todos?INCLUDE_CLOSED=true", $"[{Todo}, {Closed}]");

        Assert.Single(await client.Todos.ListAsync(meetingId: 2001));
        Assert.Equal(2, (await client.Todos.ListAsync(meetingId: 2001, includeClosed: true)).Count);

        AssertRequests(h, "GET L10/2001/todos", "GET L10/2001/todos?INCLUDE_CLOSED=true");
    }

    [Fact]
    public async Task List_from_a_query_sends_what_the_positional_call_sends()
    {
        var (client, h) = Create();
        h.On("GET", "todo/user/1005?INCLUDE_CLOSED=true", $"[{Todo}, {Closed}]").On("GET", "L10/2001/todos", $"[{Todo}, {Closed}]");

        Assert.Equal(2, (await client.Todos.ListAsync(new TodoListQuery { UserId = 1005, IncludeClosed = true })).Count);
        Assert.Single(await client.Todos.ListAsync(new TodoListQuery { MeetingId = 2001 }));

        AssertRequests(h, "GET todo/user/1005?INCLUDE_CLOSED=true", "GET L10/2001/todos");
        Assert.Throws<ArgumentNullException>(() => { _ = client.Todos.ListAsync((TodoListQuery)null!); });
        Assert.Throws<ArgumentException>(() => { _ = client.Todos.ListAsync(new TodoListQuery { UserId = 1, MeetingId = 2 }); });
    }

    [Fact]
    public async Task A_meetings_to_dos_follow_one_rule_from_both_clients()
    {
        // A server that lists completed to-dos whatever the query says: both ways of listing a meeting's to-dos
        // return the open ones only, unless closed ones are wanted; only the query differs, as the reference SDK's.
        var (client, h) = Create();
        h.On("GET", "L10/2001/todos", $"[{Todo}, {Closed}]")
         .On("GET", "L10/2001/todos?INCLUDE_CLOSED=false", $"[{Todo}, {Closed}]")
         .On("GET", "L10/2001/todos?INCLUDE_CLOSED=true", $"[{Todo}, {Closed}]");

        Assert.Equal(new long[] { 5001 }, (await client.Todos.ListAsync(meetingId: 2001)).Select(t => t.Id));
        Assert.Equal(new long[] { 5001 }, (await client.Meetings.GetTodosAsync(2001)).Select(t => t.Id));
        Assert.Equal(2, (await client.Todos.ListAsync(meetingId: 2001, includeClosed: true)).Count);
        Assert.Equal(2, (await client.Meetings.GetTodosAsync(2001, includeClosed: true)).Count);

        AssertRequests(h, "GET L10/2001/todos", "GET L10/2001/todos?INCLUDE_CLOSED=false",
            "GET L10/2001/todos?INCLUDE_CLOSED=true", "GET L10/2001/todos?INCLUDE_CLOSED=true");
    }

    [Fact]
    public async Task Get()
    {
        var (client, h) = Create();
        h.On("GET", "todo/5001", Todo);
        Assert.Equal("Send Q3 plan", (await client.Todos.GetAsync(5001)).Title);
        AssertRequests(h, "GET todo/5001");
    }

    [Fact]
    public async Task Create_meeting_todo_resolves_the_owner_first_and_sends_mixed_case_keys()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/todos", """{"Id": 5010, "Name": "Send Q3 plan", "DetailsUrl": "https://x/5010", "DueDate": "2024-12-31T00:00:00", "CreateTime": "2024-06-01T10:00:00Z"}""");

        var todo = await client.Todos.CreateAsync("Send Q3 plan", meetingId: 2001, dueDate: new DateTime(2024, 12, 31), notes: "n");

        AssertRequests(h, "GET users/mine", "POST L10/2001/todos");
        Assert.Equal("""{"Title":"Send Q3 plan","ForId":1001,"Notes":"n","dueDate":"2024-12-31"}""", BodyOf(h, "POST", "L10/2001/todos"));
        Assert.Equal(5010, todo.Id);
        Assert.Equal(2001, todo.MeetingId);
        Assert.Null(todo.MeetingName);
        Assert.False(todo.Complete);
        Assert.Equal(1001, todo.OwnerId);
        Assert.Equal(Utc(2024, 6, 1, 10), todo.CreateTime);
        Assert.Equal("https://x/5010", todo.DetailsUrl);
    }

    [Fact]
    public async Task Create_from_an_item_sends_what_the_positional_call_sends()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/todos", """{"Id": 5010, "Name": "Send Q3 plan"}""");

        var todo = await client.Todos.CreateAsync(new TodoCreateItem
        {
            Title = "Send Q3 plan", MeetingId = 2001, DueDate = new DateTime(2024, 12, 31), UserId = 1002, Notes = "n",
        });

        AssertRequests(h, "POST L10/2001/todos");
        Assert.Equal("""{"Title":"Send Q3 plan","ForId":1002,"Notes":"n","dueDate":"2024-12-31"}""", BodyOf(h, "POST", "L10/2001/todos"));
        Assert.Equal((5010L, 2001L, 1002L), (todo.Id, todo.MeetingId!.Value, todo.OwnerId!.Value));
    }

    [Fact]
    public async Task Create_personal_todo_omits_absent_optionals()
    {
        var (client, h) = Create();
        h.On("POST", "todo/create", """{"Id": 5011, "Name": "Call bank", "CreateTime": null}""");

        var todo = await client.Todos.CreateAsync("Call bank");

        AssertRequests(h, "GET users/mine", "POST todo/create");
        Assert.Equal("""{"title":"Call bank","accountableUserId":1001}""", BodyOf(h, "POST", "todo/create"));
        Assert.Null(todo.MeetingId);
        Assert.Null(todo.CreateTime); // present but null stays null
    }

    [Fact]
    public async Task Create_personal_with_owner_notes_and_timed_due_date()
    {
        var (client, h) = Create();
        h.On("POST", "todo/create", """{"Id": 5012, "Name": "Pay"}""");

        var before = DateTime.UtcNow.AddSeconds(-5);
        var todo = await client.Todos.CreateAsync("Pay", dueDate: Utc(2024, 11, 1, 9, 30), userId: 1002, notes: "Ünï \"q\"");

        AssertRequests(h, "POST todo/create");
        Assert.Equal("""{"title":"Pay","accountableUserId":1002,"notes":"Ünï \"q\"","dueDate":"2024-11-01T09:30:00Z"}""", BodyOf(h, "POST", "todo/create"));
        Assert.NotNull(todo.CreateTime); // key missing → now
        Assert.True(todo.CreateTime >= before);
    }

    [Fact]
    public async Task Complete_posts_status_true_then_reads_back()
    {
        var (client, h) = Create();
        h.On("POST", "todo/5001/complete?status=true", "true").On("GET", "todo/5001", Todo.Replace("\"Complete\": false", "\"Complete\": true"));

        var todo = await client.Todos.CompleteAsync(5001);

        AssertRequests(h, "POST todo/5001/complete?status=true", "GET todo/5001");
        Assert.Null(h.Requests.First().Body);
        Assert.True(todo.Complete);
    }

    [Fact]
    public async Task Update_sends_only_given_fields_in_order()
    {
        var (client, h) = Create();
        h.OnEmpty("PUT", "todo/5001").On("GET", "todo/5001", Todo);

        await client.Todos.UpdateAsync(5001, "Send Q4 plan", new DateTime(2024, 11, 1));
        await client.Todos.UpdateAsync(5001, dueDate: Local(2024, 11, 1, 17, 0, 5));
        await client.Todos.UpdateAsync(5001, title: "Only");

        AssertRequests(h, "PUT todo/5001", "GET todo/5001", "PUT todo/5001", "GET todo/5001", "PUT todo/5001", "GET todo/5001");
        var bodies = h.Requests.Where(r => r.Method == "PUT").Select(r => r.Body).ToArray();
        Assert.Equal(new[]
        {
            """{"title":"Send Q4 plan","dueDate":"2024-11-01"}""",
            """{"dueDate":"2024-11-01T17:00:05"}""",
            """{"title":"Only"}""",
        }, bodies);
        Assert.All(h.Requests.Where(r => r.Method == "PUT"), r => Assert.Equal("application/json", r.ContentType));
    }

    [Fact]
    public async Task CreateMany_checks_title_then_meeting_and_keeps_order()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/todos", """{"Id": 5020, "Name": "A"}""");

        var result = await client.Todos.CreateManyAsync(new[]
        {
            new TodoCreateItem { Title = "A", MeetingId = 2001 },
            new TodoCreateItem(),
            new TodoCreateItem { Title = "B" },
            new TodoCreateItem { Title = "A", MeetingId = 2001, UserId = 1002, Notes = "x", DueDate = new DateTime(2025, 1, 2) },
        }, maxConcurrent: 3);

        Assert.Equal(2, result.Successful.Count);
        Assert.Equal(new[] { 1, 2 }, result.Failed.Select(f => f.Index));
        Assert.Equal("Title is required", result.Failed[0].Message);
        Assert.Equal("MeetingId is required", result.Failed[1].Message);
        Assert.Equal(1, h.Requests.Count(r => r.Path == "users/mine"));
        Assert.Contains(h.Requests, r => r.Body == """{"Title":"A","ForId":1002,"Notes":"x","dueDate":"2025-01-02"}""");
        Assert.Contains(h.Requests, r => r.Body == """{"Title":"A","ForId":1001}""");
    }

    [Fact]
    public async Task CreateMany_empty_input_makes_no_request()
    {
        var (client, h) = Create();
        Assert.Empty((await client.Todos.CreateManyAsync(new List<TodoCreateItem>())).Failed);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        var both = Assert.Throws<ArgumentException>(() => { _ = client.Todos.ListAsync(1001, 2001); });
        Assert.Equal("Please provide either `user_id` or `meeting_id`, not both.", both.Message);
        var empty = Assert.Throws<ArgumentException>(() => { _ = client.Todos.UpdateAsync(5001); });
        Assert.Equal("At least one field must be provided", empty.Message);
        Assert.Throws<ArgumentException>(() => { _ = client.Todos.UpdateAsync(5001, title: " "); });
        Assert.Throws<ArgumentException>(() => { _ = client.Todos.CreateAsync(""); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.Todos.CreateAsync((string)null!); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.Todos.CreateAsync((TodoCreateItem)null!); });
        Assert.Equal("title", Assert.Throws<ArgumentNullException>(() => { _ = client.Todos.CreateAsync(new TodoCreateItem()); }).ParamName);
        Assert.Equal("userId", Assert.Throws<ArgumentOutOfRangeException>(
            () => { _ = client.Todos.CreateAsync(new TodoCreateItem { Title = "x", UserId = -1 }); }).ParamName);
        Assert.Equal("meetingId", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Todos.CreateAsync("x", meetingId: 0); }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Todos.GetAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Todos.CompleteAsync(-5); });
        Assert.Empty(h.Requests);
    }
}
