using Bloomy.Client.Models;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class IssuesClientTests
{
    private const string Issue = """
        {"Id": 3001, "Name": "Churn is rising", "DetailsUrl": "https://app.bloomgrowth.com/Issues/Pad/3001",
         "CreateTime": "2024-06-01T10:00:00Z", "CloseTime": null, "Complete": false, "Archived": false,
         "Owner": {"Id": 1001, "Name": "Ada Park"}, "Origin": "Leadership L10", "OriginId": 2001}
        """;

    private const string Created = """
        {"Id": 3002, "OriginId": 2001, "Origin": "Leadership L10", "Name": "Hiring is slow",
         "Owner": {"Id": 1001}, "DetailsUrl": "https://app.bloomgrowth.com/Issues/Pad/3002"}
        """;

    [Fact]
    public async Task Get_maps_close_time_as_completion()
    {
        var (client, h) = Create();
        h.On("GET", "issues/3001", Issue.Replace("\"CloseTime\": null", "\"CloseTime\": \"2024-06-08T09:00:00Z\""));

        var issue = await client.Issues.GetAsync(3001);

        AssertRequests(h, "GET issues/3001");
        Assert.Equal((3001L, "Churn is rising"), (issue.Id, issue.Title));
        Assert.Equal("https://app.bloomgrowth.com/Issues/Pad/3001", issue.DetailsUrl);
        Assert.Equal(Utc(2024, 6, 8, 9), issue.CloseTime);
        Assert.True(issue.Complete);
        Assert.False(issue.Archived);
        Assert.Equal((2001L, "Leadership L10"), (issue.MeetingId!.Value, issue.MeetingName));
        Assert.Equal((1001L, "Ada Park"), (issue.OwnerId!.Value, issue.OwnerName));
        Assert.Equal("Issue 3001 'Churn is rising' (solved)", issue.ToString());
    }

    [Fact]
    public async Task List_paths()
    {
        var (client, h) = Create();
        h.On("GET", "issues/users/1001", $"[{Issue}]").On("GET", "l10/2001/issues", $"[{Issue}]").On("GET", "issues/users/1002", "[]");

        Assert.Single(await client.Issues.ListAsync());
        Assert.Single(await client.Issues.ListAsync(meetingId: 2001));
        Assert.Empty(await client.Issues.ListAsync(userId: 1002));

        AssertRequests(h, "GET users/mine", "GET issues/users/1001", "GET l10/2001/issues", "GET issues/users/1002");
    }

    [Fact]
    public async Task A_meetings_issues_follow_one_rule_from_both_clients()
    {
        // A server that lists solved issues whatever the query says: both ways of listing a meeting's issues return
        // the open ones only, unless solved ones are wanted; the paths and queries stay the reference SDK's.
        var solved = Issue.Replace("3001", "3009").Replace("\"CloseTime\": null", "\"CloseTime\": \"2024-06-08T09:00:00Z\"");
        var (client, h) = Create();
        h.On("GET", "l10/2001/issues", $"[{Issue}, {solved}]")
         .On("GET", "L10/2001/issues?include_resolved=false", $"[{Issue}, {solved}]")
         .On("GET", "L10/2001/issues?include_resolved=true", $"[{Issue}, {solved}]");

        Assert.Equal(new long[] { 3001 }, (await client.Issues.ListAsync(meetingId: 2001)).Select(i => i.Id));
        Assert.Equal(new long[] { 3001 }, (await client.Meetings.GetIssuesAsync(2001)).Select(i => i.Id));
        Assert.Equal(new long[] { 3001, 3009 }, (await client.Meetings.GetIssuesAsync(2001, includeClosed: true)).Select(i => i.Id));

        AssertRequests(h, "GET l10/2001/issues", "GET L10/2001/issues?include_resolved=false", "GET L10/2001/issues?include_resolved=true");
    }

    [Fact]
    public async Task Create_sends_lower_case_keys_and_maps_the_answer()
    {
        var (client, h) = Create();
        h.On("POST", "issues/create", Created);

        var issue = await client.Issues.CreateAsync(2001, "Hiring is slow", notes: "see Q3");
        var other = await client.Issues.CreateAsync(2005, "Hiring is slow", userId: 1002);

        AssertRequests(h, "GET users/mine", "POST issues/create", "POST issues/create");
        Assert.Equal(new[]
        {
            """{"title":"Hiring is slow","meetingid":2001,"ownerid":1001,"notes":"see Q3"}""",
            """{"title":"Hiring is slow","meetingid":2005,"ownerid":1002}""",
        }, h.Requests.Where(r => r.Method == "POST").Select(r => r.Body));
        Assert.Equal((3002L, 2001L, "Leadership L10", 1001L), (issue.Id, issue.MeetingId!.Value, issue.MeetingName, issue.OwnerId!.Value));
        Assert.Equal("https://app.bloomgrowth.com/Issues/Pad/3002", issue.DetailsUrl);
        Assert.Equal(2001, other.MeetingId); // from the answer, not the argument
    }

    [Fact]
    public async Task Complete_posts_complete_true_then_reads_back()
    {
        var (client, h) = Create();
        h.OnEmpty("POST", "issues/3001/complete").On("GET", "issues/3001", Issue);

        await client.Issues.CompleteAsync(3001);

        AssertRequests(h, "POST issues/3001/complete", "GET issues/3001");
        Assert.Equal("""{"complete":true}""", BodyOf(h, "POST", "issues/3001/complete"));
    }

    [Fact]
    public async Task Update_sends_given_fields_then_reads_back()
    {
        var (client, h) = Create();
        h.OnEmpty("PUT", "issues/3001").On("GET", "issues/3001", Issue);

        await client.Issues.UpdateAsync(3001, title: "Churn is rising fast");
        await client.Issues.UpdateAsync(3001, notes: "");
        await client.Issues.UpdateAsync(3001, "T", "N");

        Assert.Equal(new[] { """{"title":"Churn is rising fast"}""", """{"notes":""}""", """{"title":"T","notes":"N"}""" },
            h.Requests.Where(r => r.Method == "PUT").Select(r => r.Body));
        Assert.Equal(6, h.Requests.Count);
    }

    [Fact]
    public async Task CreateMany_checks_meeting_first()
    {
        var (client, h) = Create();
        h.On("POST", "issues/create", Created);

        var result = await client.Issues.CreateManyAsync(new[]
        {
            new IssueCreateItem(),
            new IssueCreateItem { MeetingId = 2001 },
            new IssueCreateItem { MeetingId = 2001, Title = "A", UserId = 1002, Notes = "n" },
        });

        Assert.Equal(new[] { "MeetingId is required", "Title is required" }, result.Failed.Select(f => f.Message));
        Assert.Single(result.Successful);
        AssertRequests(h, "POST issues/create");
        Assert.Equal("""{"title":"A","meetingid":2001,"ownerid":1002,"notes":"n"}""", h.Requests.Single().Body);
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        Assert.Equal("Please provide either `user_id` or `meeting_id`, not both.",
            Assert.Throws<ArgumentException>(() => { _ = client.Issues.ListAsync(1, 2); }).Message);
        Assert.Equal("At least one field (title or notes) must be provided for update",
            Assert.Throws<ArgumentException>(() => { _ = client.Issues.UpdateAsync(3001); }).Message);
        Assert.Throws<ArgumentException>(() => { _ = client.Issues.CreateAsync(2001, "\t"); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Issues.CreateAsync(0, "x"); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Issues.CompleteAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Issues.GetAsync(0); });
        Assert.Empty(h.Requests);
    }
}
