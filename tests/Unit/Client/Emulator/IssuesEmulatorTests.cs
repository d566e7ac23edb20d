using Bloomy.Client;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class IssuesEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task Get_maps_every_field()
    {
        var stored = Store.Issues.First(i => i.Complete);

        var issue = await Client.Issues.GetAsync(stored.Id);

        AssertCalls(new Call("GET", $"issues/{stored.Id}"));
        var owner = Store.FindUser(stored.OwnerId)!;
        Assert.Equal((stored.Id, stored.Title, $"https://app.bloomgrowth.com/Issues/Pad/{stored.Id}"), (issue.Id, issue.Title, issue.DetailsUrl));
        Assert.Equal((Seconds(stored.CreateTime), Seconds(stored.CloseTime), true, false),
            (issue.CreateTime!.Value, issue.CloseTime, issue.Complete, issue.Archived));
        Assert.Equal(((long?)stored.MeetingId, Store.FindMeeting(stored.MeetingId)!.Name), (issue.MeetingId, issue.MeetingName));
        Assert.Equal(((long?)owner.Id, owner.Name, owner.ImageUrl), (issue.OwnerId, issue.OwnerName, issue.OwnerImageUrl));
    }

    [Fact]
    public async Task List_defaults_to_the_current_user_and_returns_open_issues()
    {
        var mine = await Client.Issues.ListAsync();
        var bens = await Client.Issues.ListAsync(userId: 1002);

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"issues/users/{Me}"), new Call("GET", "issues/users/1002"));
        Assert.Equal(Store.Issues.Where(i => i.OwnerId == Me && !i.Complete).Select(i => i.Id), mine.Select(i => i.Id));
        Assert.Equal(Store.Issues.Where(i => i.OwnerId == 1002 && !i.Complete).Select(i => i.Id), bens.Select(i => i.Id));
        Assert.All(mine, i => Assert.Equal(Store.FindIssue(i.Id)!.MeetingId, i.MeetingId));
    }

    [Fact]
    public async Task List_for_a_meeting_uses_the_lower_case_path()
    {
        var issues = await Client.Issues.ListAsync(meetingId: 2002);

        AssertCalls(new Call("GET", "l10/2002/issues"));
        Assert.Equal(Store.Issues.Where(i => i.MeetingId == 2002 && !i.Complete).Select(i => i.Id), issues.Select(i => i.Id));
        Assert.All(issues, i => Assert.Equal(((long?)2002, "Sales Weekly"), (i.MeetingId, i.MeetingName)));
    }

    [Fact]
    public async Task Create_sends_the_meeting_in_the_body_and_maps_the_answer()
    {
        var issue = await Client.Issues.CreateAsync(2001, "Hiring is slow", notes: "see Q3");

        AssertCalls(new Call("GET", "users/mine"),
            new Call("POST", "issues/create", Body: $$"""{"title":"Hiring is slow","meetingid":2001,"ownerid":{{Me}},"notes":"see Q3"}"""));
        var stored = Store.FindIssue(issue.Id)!;
        Assert.Equal(("Hiring is slow", "see Q3", Me, 2001L), (stored.Title, stored.Notes, stored.OwnerId, stored.MeetingId));
        Assert.Equal(("Hiring is slow", (long?)2001, "Leadership L10", (long?)Me, $"https://app.bloomgrowth.com/Issues/Pad/{issue.Id}"),
            (issue.Title, issue.MeetingId, issue.MeetingName, issue.OwnerId, issue.DetailsUrl));
        Assert.Contains(await Client.Issues.ListAsync(meetingId: 2001), i => i.Id == issue.Id);
    }

    [Fact]
    public async Task Create_for_another_owner_without_notes_omits_them()
    {
        var issue = await Client.Issues.CreateAsync(2001, "Vendor delays", userId: 1003);

        AssertCalls(new Call("POST", "issues/create", Body: """{"title":"Vendor delays","meetingid":2001,"ownerid":1003}"""));
        Assert.Equal((1003L, (string?)null), (Store.FindIssue(issue.Id)!.OwnerId, Store.FindIssue(issue.Id)!.Notes));
        Assert.Equal((long?)1003, issue.OwnerId);
    }

    [Fact]
    public async Task Complete_solves_the_issue_and_it_leaves_the_open_lists()
    {
        var issue = await Client.Issues.CreateAsync(2001, "Cash runway");
        ForgetCalls();

        var solved = await Client.Issues.CompleteAsync(issue.Id);

        AssertCalls(new Call("POST", $"issues/{issue.Id}/complete", Body: """{"complete":true}"""), new Call("GET", $"issues/{issue.Id}"));
        var stored = Store.FindIssue(issue.Id)!;
        Assert.True(stored.Complete);
        Assert.Equal((true, Seconds(stored.CloseTime)), (solved.Complete, solved.CloseTime));
        Assert.NotNull(solved.CloseTime);
        Assert.DoesNotContain(await Client.Issues.ListAsync(meetingId: 2001), i => i.Id == issue.Id);
        Assert.DoesNotContain(await Client.Issues.ListAsync(), i => i.Id == issue.Id);
        Assert.Contains(await Client.Meetings.GetIssuesAsync(2001, includeClosed: true), i => i.Id == issue.Id && i.Complete);
    }

    [Fact]
    public async Task Update_sends_only_the_given_fields_and_reads_back()
    {
        var issue = await Client.Issues.CreateAsync(2001, "Churn is rising");
        ForgetCalls();

        var renamed = await Client.Issues.UpdateAsync(issue.Id, title: "Churn is rising fast");
        await Client.Issues.UpdateAsync(issue.Id, notes: "numbers attached");

        AssertCalls(
            new Call("PUT", $"issues/{issue.Id}", Body: """{"title":"Churn is rising fast"}"""),
            new Call("GET", $"issues/{issue.Id}"),
            new Call("PUT", $"issues/{issue.Id}", Body: """{"notes":"numbers attached"}"""),
            new Call("GET", $"issues/{issue.Id}"));
        Assert.Equal("Churn is rising fast", renamed.Title);
        var stored = Store.FindIssue(issue.Id)!;
        Assert.Equal(("Churn is rising fast", "numbers attached"), (stored.Title, stored.Notes));
    }

    [Fact]
    public async Task Unknown_issues_and_meetings_are_404s_naming_the_request()
    {
        var read = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Issues.GetAsync(999999));
        var create = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Issues.CreateAsync(999999, "Nowhere", userId: Me));

        Assert.Equal((404, "GET", "issues/999999"), (read.StatusCode!.Value, read.Method, read.Path));
        Assert.Equal((404, "POST", "issues/create"), (create.StatusCode!.Value, create.Method, create.Path));
        Assert.DoesNotContain(Store.Issues, i => i.Title == "Nowhere");
    }
}
