using Bloomy.Client.Models;
using Bloomy.Client.Operations;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class GoalsClientTests
{
    private const string Active = """
        [{"Id": 6001, "Name": "Launch v2 pricing", "CreateTime": "2024-01-01T10:00:00Z",
          "DueDate": "2024-12-31", "Complete": false,
          "Owner": {"Id": 1001, "Name": "Ada Park"},
          "Origins": [{"Id": 2001, "Name": "Leadership L10"}]},
         {"Id": 6003, "Name": "Done rock", "CreateTime": "2024-01-01T10:00:00Z", "DueDate": null, "Complete": true,
          "Owner": {"Id": 1001, "Name": "Ada Park"}, "Origins": []}]
        """;

    private const string One = """
        {"Id": 6001, "Name": "Launch v2 pricing", "CreateTime": "2024-01-01T10:00:00Z", "DueDate": "2024-12-31",
         "Complete": false, "Owner": {"Id": 1001, "Name": "Ada Park"}, "Origins": [{"Id": 2001, "Name": "Leadership L10"}]}
        """;

    private const string Archived = """
        [{"Id": 6005, "Name": "Old rock", "CreateTime": "2023-01-01T10:00:00Z", "DueDate": "2023-03-31", "Complete": true},
         {"Id": 6006, "Name": "Dropped", "CreateTime": "2023-01-01T10:00:00Z", "DueDate": null, "Complete": null}]
        """;

    private const string Created = """
        {"Id": 6002, "Name": "Hire two AEs", "Owner": {"Id": 1001, "Name": "Ada Park"},
         "Origins": [{"Id": 2001, "Name": "Leadership L10"}], "CreateTime": "2024-06-01T10:00:00Z",
         "Completion": 1, "DueDate": "2024-09-30T00:00:00Z",
         "AccountableUserId": 1001, "AccountableUserName": "Ada Park"}
        """;

    [Fact]
    public async Task List_active_only()
    {
        var (client, h) = Create();
        h.On("GET", "rocks/user/1001?include_origin=true", Active);

        var goals = await client.Goals.ListAsync();

        AssertRequests(h, "GET users/mine", "GET rocks/user/1001?include_origin=true");
        var g = goals[0];
        Assert.Equal((6001L, "Launch v2 pricing", 1001L, "Ada Park"), (g.Id, g.Title, g.OwnerId!.Value, g.OwnerName));
        Assert.Equal(Local(2024, 12, 31), g.DueDate);
        Assert.Equal(Utc(2024, 1, 1, 10), g.CreateTime);
        Assert.Null(g.Status); // the fixture has no Completion and Complete: false: the state is not guessed
        Assert.False(g.Archived);
        Assert.Equal((2001L, "Leadership L10"), (g.MeetingId!.Value, g.MeetingName));
        Assert.Equal("Complete", goals[1].Status);
        Assert.Null(goals[1].MeetingId);
        Assert.Null(goals[1].DueDate);
        Assert.Equal("Goal 6001 'Launch v2 pricing' []", g.ToString());
    }

    [Fact]
    public async Task List_with_archived_reads_archived_after_active()
    {
        var (client, h) = Create();
        h.On("GET", "rocks/user/1002?include_origin=true", Active).On("GET", "archivedrocks/user/1002", Archived);

        var goals = await client.Goals.ListAsync(1002, includeArchived: true);

        AssertRequests(h, "GET rocks/user/1002?include_origin=true", "GET archivedrocks/user/1002");
        Assert.Equal(new long[] { 6001, 6003, 6005, 6006 }, goals.Select(x => x.Id));
        Assert.Equal(new[] { "Complete", null }, goals.Skip(2).Select(x => x.Status));
        Assert.All(goals.Skip(2), x => Assert.True(x.Archived));
    }

    [Fact]
    public async Task Get()
    {
        var (client, h) = Create();
        h.On("GET", "rocks/6001?include_origin=true", One);
        var goal = await client.Goals.GetAsync(6001);
        AssertRequests(h, "GET rocks/6001?include_origin=true");
        Assert.Equal("Launch v2 pricing", goal.Title);
    }

    [Theory]
    [InlineData("1", "OnTrack")]
    [InlineData("2", "Complete")]
    [InlineData("0", "AtRisk")]
    [InlineData("null", null)]
    [InlineData("\"OnTrack\"", "OnTrack")]
    [InlineData("\"AtRisk\"", "AtRisk")]
    public async Task Create_posts_title_and_owner_and_maps_completion(string completion, string? status)
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/rocks", Created.Replace("\"Completion\": 1", "\"Completion\": " + completion));

        var goal = await client.Goals.CreateAsync("Hire two AEs", 2001);

        AssertRequests(h, "GET users/mine", "POST L10/2001/rocks");
        Assert.Equal("""{"title":"Hire two AEs","accountableUserId":1001}""", BodyOf(h, "POST", "L10/2001/rocks"));
        Assert.Equal(status, goal.Status);
        Assert.Equal((6002L, "Hire two AEs", 1001L, "Ada Park"), (goal.Id, goal.Title, goal.OwnerId!.Value, goal.OwnerName));
        Assert.Equal((2001L, "Leadership L10"), (goal.MeetingId!.Value, goal.MeetingName));
        Assert.Equal(Utc(2024, 6, 1, 10), goal.CreateTime);
    }

    [Fact]
    public async Task Create_for_another_user_without_completion()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/rocks", """{"Id": 6007, "Name": "x", "Owner": {"Id": 1002, "Name": "Ben Ortiz"}, "CreateTime": "2024-06-01T10:00:00Z"}""");
        var goal = await client.Goals.CreateAsync("Hire", 2001, userId: 1002);
        AssertRequests(h, "POST L10/2001/rocks");
        Assert.Equal("""{"title":"Hire","accountableUserId":1002}""", BodyOf(h, "POST", "L10/2001/rocks"));
        Assert.Null(goal.Status); // no Completion in the answer: not guessed
        Assert.Equal("Hire", goal.Title);
        Assert.Null(goal.MeetingName);
    }

    [Fact]
    public async Task Update_sends_given_fields_in_order_then_reads_back()
    {
        var (client, h) = Create();
        h.OnEmpty("PUT", "rocks/6001").On("GET", "rocks/6001?include_origin=true", One);

        await client.Goals.UpdateAsync(6001, "Hire 3 AEs", 1002, GoalStatus.OnTrack);
        await client.Goals.UpdateAsync(6001, status: GoalStatus.AtRisk);
        await client.Goals.UpdateAsync(6001, status: GoalStatus.Complete);
        await client.Goals.UpdateAsync(6001, status: GoalStatus.OffTrack);
        var goal = await client.Goals.UpdateAsync(6001);

        Assert.Equal(new[]
        {
            """{"accountableUserId":1002,"title":"Hire 3 AEs","completion":"OnTrack"}""",
            """{"completion":"AtRisk"}""",
            """{"completion":"Complete"}""",
            """{"completion":"AtRisk"}""",
            "{}",
        }, h.Requests.Where(r => r.Method == "PUT").Select(r => r.Body));
        Assert.DoesNotContain(h.Requests, r => r.Path == "users/mine");
        Assert.Equal(10, h.Requests.Count);
        Assert.Equal(6001, goal.Id);
    }

    [Fact]
    public async Task Delete_archive_restore()
    {
        var (client, h) = Create();
        h.OnEmpty("DELETE", "rocks/6001").OnEmpty("PUT", "rocks/6001/archive").OnEmpty("PUT", "rocks/6001/restore");

        await client.Goals.DeleteAsync(6001);
        await client.Goals.ArchiveAsync(6001);
        await client.Goals.RestoreAsync(6001);

        AssertRequests(h, "DELETE rocks/6001", "PUT rocks/6001/archive", "PUT rocks/6001/restore");
        Assert.All(h.Requests, r => Assert.Null(r.Body));
    }

    [Fact]
    public async Task Attach_to_meeting_posts_to_the_meetings_rocks_with_no_body()
    {
        var (client, h) = Create();
        h.OnEmpty("POST", "L10/2002/rocks/6001");

        await client.Goals.AttachToMeetingAsync(2002, 6001);

        AssertRequests(h, "POST L10/2002/rocks/6001");
        Assert.Null(h.Requests.Single().Body);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.AttachToMeetingAsync(0, 6001); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.AttachToMeetingAsync(2002, 0); });
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Update_from_changes_sends_only_the_given_ones()
    {
        var (client, h) = Create();
        h.OnEmpty("PUT", "rocks/6001").On("GET", "rocks/6001?include_origin=true", One);

        await client.Goals.UpdateAsync(6001, new GoalUpdate { Title = "Hire 3 AEs", AccountableUserId = 1002, Status = GoalStatus.OnTrack });
        await client.Goals.SendUpdateAsync(6001, new GoalUpdate { Status = GoalStatus.AtRisk });

        Assert.Equal(new[] { """{"accountableUserId":1002,"title":"Hire 3 AEs","completion":"OnTrack"}""", """{"completion":"AtRisk"}""" },
            h.Requests.Where(r => r.Method == "PUT").Select(r => r.Body));
        Assert.Throws<ArgumentNullException>(() => { _ = client.Goals.UpdateAsync(6001, (GoalUpdate)null!); });
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => { _ = client.Goals.SendUpdateAsync(6001, new GoalUpdate { Title = " " }); }).ParamName);
    }

    [Fact]
    public async Task CreateMany()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/rocks", Created);

        var result = await client.Goals.CreateManyAsync(new[]
        {
            new GoalCreateItem { Title = "A", MeetingId = 2001 },
            new GoalCreateItem { MeetingId = 2001 },
            new GoalCreateItem { Title = "C" },
            new GoalCreateItem { Title = "D", MeetingId = 2001, UserId = 1003 },
        });

        Assert.Equal(new[] { "A", "D" }, result.Successful.Select(g => g.Title));
        Assert.Equal(new[] { "Title is required", "MeetingId is required" }, result.Failed.Select(f => f.Message));
        Assert.Equal(3, h.Requests.Count);
    }

    [Theory]
    [InlineData("on", GoalStatus.OnTrack)]
    [InlineData("On", GoalStatus.OnTrack)]
    [InlineData("OFF", GoalStatus.AtRisk)]
    [InlineData("complete", GoalStatus.Complete)]
    [InlineData("COMPLETE", GoalStatus.Complete)]
    [InlineData("OnTrack", GoalStatus.OnTrack)]
    [InlineData("atrisk", GoalStatus.AtRisk)]
    [InlineData("OffTrack", GoalStatus.AtRisk)]
    public void ParseStatus_accepts_sdk_words_and_names(string text, GoalStatus expected) =>
        Assert.Equal(expected, GoalsClient.ParseStatus(text));

    [Theory]
    [InlineData(" on")]
    [InlineData("done")]
    [InlineData("")]
    public void ParseStatus_rejects_others(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => GoalsClient.ParseStatus(text));
        Assert.StartsWith("Invalid status value. Must be 'on', 'off', or 'complete'.", ex.Message);
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        Assert.Throws<ArgumentException>(() => { _ = client.Goals.UpdateAsync(6001, status: (GoalStatus)9); });
        Assert.Throws<ArgumentException>(() => { _ = client.Goals.UpdateAsync(6001, title: ""); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.UpdateAsync(6001, accountableUserId: 0); });
        Assert.Throws<ArgumentException>(() => { _ = client.Goals.CreateAsync(" ", 2001); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.CreateAsync("x", 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.DeleteAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.ArchiveAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.RestoreAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.GetAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Goals.ListAsync(-1); });
        Assert.Empty(h.Requests);
    }
}
