using System.Net;
using Bloomy.Client;
using Bloomy.Client.Models;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class MeetingsClientTests
{
    internal const string MeetingList = """
        [{"Id": 2001, "Type": "NameId", "Key": "NameId_2001", "Name": "Leadership L10"},
         {"Id": 2002, "Type": "NameId", "Key": "NameId_2002", "Name": "Sales Weekly"}]
        """;
    internal const string Attendees = """[{"Id": 1001, "Name": "Ada Park", "ImageUrl": "https://s3.example/u/ada.png"}, {"Id": 1002, "Name": "Ben Ortiz"}]""";
    internal const string Issues = """
        [{"Id": 3001, "Name": "Churn is rising", "DetailsUrl": "https://app.bloomgrowth.com/Issues/Pad/3001",
          "CreateTime": "2024-06-01T10:00:00Z", "CloseTime": null, "CompleteTime": null,
          "OriginId": 9999, "Origin": "Leadership L10",
          "Owner": {"Id": 1001, "Name": "Ada Park", "ImageUrl": "https://s3.example/u/ada.png"}},
         {"Id": 3003, "Name": "Old one", "DetailsUrl": "u", "CreateTime": "2024-05-01T10:00:00Z", "CloseTime": "",
          "Origin": "Leadership L10"}]
        """;
    internal const string Todos = """
        [{"Id": 5001, "Name": "Send Q3 plan", "DetailsUrl": "https://app.bloomgrowth.com/Todo/Pad/5001",
          "DueDate": "2024-12-31T00:00:00", "CreateTime": "2024-01-01T10:00:00Z",
          "CompleteTime": null, "CloseTime": null, "Complete": false,
          "OriginId": 2001, "Origin": "Leadership L10", "Owner": {"Id": 1001, "Name": "Ada Park"}}]
        """;
    internal const string Measurables = """
        [{"Id": 4001, "Name": "Weekly revenue", "Target": 100000, "Direction": ">=",
          "Modifiers": "Dollar", "Owner": {"Id": 1001, "Name": "Ada Park"},
          "Admin": {"Id": 1002, "Name": "Ben Ortiz"}},
         {"Id": 4002, "Name": " New logos ", "Target": null, "Direction": 1, "Modifiers": null},
         {"Id": null, "Name": "no id"}, {"Id": 4003, "Name": ""}, {"Id": 4004}, 42, "x",
         {"Id": "4005", "Name": "String id", "Target": "99.5", "Owner": "not an object"},
         {"Id": 4006, "Name": "No target"}]
        """;
    internal const string Meeting = """
        {"Id": 2001, "Basics": {"Name": "Leadership L10"}, "CreateTime": "2024-06-01T10:00:00Z",
         "StartDateUtc": null, "OrganizationId": 7001, "Extra": {"Deep": [1, 2]}}
        """;

    [Fact]
    public async Task List_defaults_to_current_user()
    {
        var (client, h) = Create();
        h.On("GET", "L10/1001/list", MeetingList);

        var meetings = await client.Meetings.ListAsync();

        AssertRequests(h, "GET users/mine", "GET L10/1001/list");
        Assert.Equal(new long[] { 2001, 2002 }, meetings.Select(m => m.Id));
        Assert.Equal("Meeting 2001 'Leadership L10'", meetings[0].ToString());
    }

    [Fact]
    public async Task Attendees_map_with_empty_image_default()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001/attendees", Attendees);

        var users = await client.Meetings.GetAttendeesAsync(2001);

        AssertRequests(h, "GET L10/2001/attendees");
        Assert.Equal("https://s3.example/u/ada.png", users[0].ImageUrl);
        Assert.Equal("", users[1].ImageUrl);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Issues_always_send_include_resolved_and_use_the_argument_meeting_id(bool closed)
    {
        var (client, h) = Create(withMe: false);
        var path = "L10/2001/issues?include_resolved=" + (closed ? "true" : "false");
        h.On("GET", path, Issues);

        var issues = await client.Meetings.GetIssuesAsync(2001, closed);

        AssertRequests(h, "GET " + path);
        var first = issues[0];
        Assert.Equal(3001, first.Id);
        Assert.Equal("Churn is rising", first.Title);
        Assert.Equal(2001, first.MeetingId);
        Assert.Equal("Leadership L10", first.MeetingName);
        Assert.Equal(Utc(2024, 6, 1, 10), first.CreateTime);
        Assert.Equal(DateTimeKind.Utc, first.CreateTime!.Value.Kind);
        Assert.Null(first.CloseTime);
        Assert.False(first.Complete);
        Assert.Equal((1001L, "Ada Park", "https://s3.example/u/ada.png"), (first.OwnerId!.Value, first.OwnerName, first.OwnerImageUrl));
        Assert.Null(issues[1].CloseTime); // "" → null
        Assert.Null(issues[1].OwnerId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Todos_always_send_INCLUDE_CLOSED(bool closed)
    {
        var (client, h) = Create(withMe: false);
        var path = "L10/2001/todos?INCLUDE_CLOSED=" + (closed ? "true" : "false");
        h.On("GET", path, Todos);

        var todos = await client.Meetings.GetTodosAsync(2001, closed);

        AssertRequests(h, "GET " + path);
        var todo = Assert.Single(todos);
        Assert.Equal(Local(2024, 12, 31), todo.DueDate);
        Assert.Equal(DateTimeKind.Unspecified, todo.DueDate!.Value.Kind);
    }

    [Fact]
    public async Task Measurables_transform_is_tolerant()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001/measurables", Measurables);

        var items = await client.Meetings.GetMeasurablesAsync(2001);

        AssertRequests(h, "GET L10/2001/measurables");
        Assert.Equal(new long[] { 4001, 4002, 4005, 4006 }, items.Select(m => m.Id));
        var revenue = items[0];
        Assert.Equal(("Weekly revenue", 100000d, "Dollar", ">="), (revenue.Title, revenue.Target!.Value, revenue.Unit, revenue.Direction));
        Assert.Equal((1001L, "Ada Park", 1002L, "Ben Ortiz"), (revenue.OwnerId!.Value, revenue.OwnerName, revenue.AdminId!.Value, revenue.AdminName));
        var logos = items[1];
        Assert.Equal("New logos", logos.Title);
        Assert.Null(logos.Target);
        Assert.Null(logos.Unit);
        Assert.Equal("1", logos.Direction);
        Assert.Null(logos.OwnerId);
        Assert.Null(logos.AdminName);
        Assert.Equal(99.5, items[2].Target);
        Assert.Null(items[2].OwnerId);
        Assert.Equal(0d, items[3].Target);
        Assert.Null(items[3].Unit); // missing, like null: not given
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    public async Task Measurables_non_list_body_is_empty(string body)
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001/measurables", body);
        Assert.Empty(await client.Meetings.GetMeasurablesAsync(2001));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Details_reads_the_meeting_then_four_lists_with_the_argument_id(bool closed)
    {
        var (client, h) = Create(withMe: false);
        var flag = closed ? "true" : "false";
        h.On("GET", "L10/2001", Meeting.Replace("\"Id\": 2001", "\"Id\": 2999"))
         .On("GET", "L10/2001/attendees", Attendees)
         .On("GET", "L10/2001/issues?include_resolved=" + flag, Issues)
         .On("GET", "L10/2001/todos?INCLUDE_CLOSED=" + flag, Todos)
         .On("GET", "L10/2001/measurables", Measurables);

        var details = await client.Meetings.GetDetailsAsync(2001, closed);

        var lines = h.Lines();
        Assert.Equal("GET L10/2001", lines[0]);
        Assert.Equal(
            new[] { "GET L10/2001/attendees", "GET L10/2001/issues?include_resolved=" + flag, "GET L10/2001/measurables", "GET L10/2001/todos?INCLUDE_CLOSED=" + flag },
            lines.Skip(1).OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(2999, details.Id);
        Assert.Equal("Leadership L10", details.Name);
        Assert.Equal(Utc(2024, 6, 1, 10), details.CreateTime);
        Assert.Null(details.StartDateUtc);
        Assert.Equal(7001, details.OrganizationId);
        Assert.Equal(2, details.Attendees.Count);
        Assert.Equal(2, details.Issues.Count);
        Assert.Single(details.Todos);
        Assert.Equal(4, details.Measurables.Count);
        Assert.IsAssignableFrom<Meeting>(details);
    }

    [Fact]
    public async Task Get_reads_only_the_meeting()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001", Meeting);

        var meeting = await client.Meetings.GetAsync(2001);

        AssertRequests(h, "GET L10/2001");
        Assert.Equal((2001L, "Leadership L10"), (meeting.Id, meeting.Name));
        Assert.IsType<Meeting>(meeting);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetAsync(0); });
    }

    [Fact]
    public async Task Details_sub_requests_run_concurrently()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001", Meeting)
         .On("GET", "L10/2001/attendees", "[]")
         .On("GET", "L10/2001/issues?include_resolved=false", "[]")
         .On("GET", "L10/2001/todos?INCLUDE_CLOSED=false", "[]")
         .On("GET", "L10/2001/measurables", "[]");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        h.BeforeAnswer = async path =>
        {
            if (path == "L10/2001")
            {
                return;
            }

            if (Interlocked.Increment(ref arrived) == 4)
            {
                gate.TrySetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };

        var details = await client.Meetings.GetDetailsAsync(2001);

        Assert.Equal(4, arrived);
        Assert.Empty(details.Todos);
    }

    [Fact]
    public async Task Details_without_basics_has_empty_name_and_failure_of_first_get_stops()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "L10/2001", """{"Id": 2001}""")
         .On("GET", "L10/2001/attendees", "[]")
         .On("GET", "L10/2001/issues?include_resolved=false", "[]")
         .On("GET", "L10/2001/todos?INCLUDE_CLOSED=false", "[]")
         .On("GET", "L10/2001/measurables", "[]");
        Assert.Equal("", (await client.Meetings.GetDetailsAsync(2001)).Name);

        var (client2, h2) = Create(withMe: false);
        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client2.Meetings.GetDetailsAsync(2001));
        Assert.Equal(404, ex.StatusCode);
        AssertRequests(h2, "GET L10/2001");
    }

    [Fact]
    public async Task Create_posts_title_and_addSelf_then_attendees()
    {
        var (client, h) = Create(withMe: false);
        h.On("POST", "L10/create", """{"meetingId": 2010}""")
         .OnEmpty("POST", "L10/2010/attendees/1002")
         .OnEmpty("POST", "L10/2010/attendees/1003");

        var created = await client.Meetings.CreateAsync("Leadership L10 – Ünïcode", attendeeIds: new long[] { 1002, 1003 });

        var lines = h.Lines();
        Assert.Equal("POST L10/create", lines[0]);
        Assert.Equal(new[] { "POST L10/2010/attendees/1002", "POST L10/2010/attendees/1003" }, lines.Skip(1).OrderBy(x => x));
        Assert.Equal("""{"title":"Leadership L10 – Ünïcode","addSelf":true}""", BodyOf(h, "POST", "L10/create"));
        Assert.Null(BodyOf(h, "POST", "L10/2010/attendees/1002"));
        Assert.Equal(2010, created.Id);
        Assert.Equal("Leadership L10 – Ünïcode", created.Name);
        Assert.Equal(new long[] { 1002, 1003 }, created.AttendeeIds);
        Assert.IsAssignableFrom<Meeting>(created);
    }

    [Fact]
    public async Task Create_without_self_or_attendees()
    {
        var (client, h) = Create(withMe: false);
        h.On("POST", "L10/create", """{"meetingId": "2011"}""");

        var created = await client.Meetings.CreateAsync("Solo", addSelf: false);

        AssertRequests(h, "POST L10/create");
        Assert.Equal("""{"title":"Solo","addSelf":false}""", BodyOf(h, "POST", "L10/create"));
        Assert.Equal(2011, created.Id);
        Assert.Empty(created.AttendeeIds);
    }

    [Fact]
    public async Task Create_reports_the_first_failing_attendee_in_list_order_after_sending_all()
    {
        var (client, h) = Create(withMe: false);
        h.On("POST", "L10/create", """{"meetingId": 2012}""")
         .OnEmpty("POST", "L10/2012/attendees/1002")
         .OnEmpty("POST", "L10/2012/attendees/1003", HttpStatusCode.BadRequest)
         .OnEmpty("POST", "L10/2012/attendees/1004", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.Meetings.CreateAsync("M", true, new long[] { 1002, 1003, 1004 }));

        Assert.StartsWith("Meeting 2012 was created, but adding attendee 1003 failed", ex.Message);
        Assert.Equal(400, ex.StatusCode);
        Assert.IsType<BloomyApiException>(ex.InnerException);
        Assert.Equal(4, h.Requests.Count);
    }

    [Fact]
    public async Task AddAttendee_and_Delete()
    {
        var (client, h) = Create(withMe: false);
        h.OnEmpty("POST", "L10/2001/attendees/1002").OnEmpty("DELETE", "L10/2001");

        await client.Meetings.AddAttendeeAsync(2001, 1002);
        await client.Meetings.DeleteAsync(2001);

        AssertRequests(h, "POST L10/2001/attendees/1002", "DELETE L10/2001");
        Assert.All(h.Requests, r => Assert.Null(r.Body));
    }

    [Fact]
    public async Task GetMany_keeps_input_order_and_collects_failures()
    {
        var (client, h) = Create(withMe: false);
        foreach (var id in new[] { 2001, 2002 })
        {
            h.On("GET", $"L10/{id}", Meeting.Replace("2001", id.ToString()))
             .On("GET", $"L10/{id}/attendees", "[]")
             .On("GET", $"L10/{id}/issues?include_resolved=false", "[]")
             .On("GET", $"L10/{id}/todos?INCLUDE_CLOSED=false", "[]")
             .On("GET", $"L10/{id}/measurables", "[]");
        }

        var result = await client.Meetings.GetManyAsync(new long[] { 2002, 404, 2001, 0, 2002 }, maxConcurrent: 2);

        Assert.Equal(new long[] { 2002, 2001, 2002 }, result.Successful.Select(m => m.Id));
        Assert.Equal(new[] { 1, 3 }, result.Failed.Select(f => f.Index));
        Assert.Equal(404L, result.Failed[0].Input);
        Assert.IsType<BloomyApiException>(result.Failed[0].Error);
        Assert.IsType<ArgumentOutOfRangeException>(result.Failed[1].Error);
        Assert.Equal(1 + 3 * 5, h.Requests.Count);
    }

    [Fact]
    public async Task CreateMany_validates_each_item_and_sends_nothing_for_invalid_ones()
    {
        var (client, h) = Create(withMe: false);
        h.On("POST", "L10/create", """{"meetingId": 2020}""").OnEmpty("POST", "L10/2020/attendees/1002");

        var result = await client.Meetings.CreateManyAsync(new[]
        {
            new MeetingCreateItem { Title = "A", AttendeeIds = new long[] { 1002 } },
            new MeetingCreateItem(),
            new MeetingCreateItem { Title = "B", AddSelf = false },
        });

        Assert.Equal(2, result.Successful.Count);
        var failure = Assert.Single(result.Failed);
        Assert.Equal(1, failure.Index);
        Assert.Equal("Title is required", failure.Message);
        Assert.Equal(3, h.Requests.Count);
        Assert.Contains(h.Requests, r => r.Body == """{"title":"B","addSelf":false}""");
    }

    [Fact]
    public async Task Bulk_with_empty_input_sends_nothing_and_bad_maxConcurrent_throws()
    {
        var (client, h) = Create();
        var result = await client.Meetings.GetManyAsync(Array.Empty<long>());
        Assert.Empty(result.Successful);
        Assert.Empty(result.Failed);
        Assert.Empty((await client.Meetings.CreateManyAsync(Array.Empty<MeetingCreateItem>())).Successful);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetManyAsync(new long[] { 1 }, 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetManyAsync(new long[] { 1 }, 65); });
        Assert.Empty(h.Requests);
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        Assert.Equal("meetingId", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetDetailsAsync(0); }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetAttendeesAsync(-1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetIssuesAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetTodosAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.GetMeasurablesAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.ListAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.DeleteAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.AddAttendeeAsync(2001, 0); });
        var ex = Assert.Throws<ArgumentException>(() => { _ = client.Meetings.CreateAsync("   "); });
        Assert.Equal("title", ex.ParamName);
        Assert.StartsWith("title cannot be empty", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Meetings.CreateAsync("T", attendeeIds: new long[] { 5, 0 }); });
        Assert.Empty(h.Requests);
    }
}
