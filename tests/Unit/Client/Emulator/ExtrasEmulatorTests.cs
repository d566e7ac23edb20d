using Bloomy.Client;
using Bloomy.Client.Json;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>The REST routes beyond the SDK (bloom-api-extras §2, §5–§9): requests as sent, answers as mapped.</summary>
public sealed class ExtrasEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task Visible_meetings_come_from_L10_list_and_include_one_the_caller_does_not_attend()
    {
        var visible = await Client.Meetings.ListVisibleAsync();

        AssertCalls(new Call("GET", "L10/list"));
        var attended = Store.Meetings.Where(m => m.AttendeeIds.Contains(Me)).Select(m => m.Id).ToList();
        var allHands = Assert.Single(Store.Meetings, m => m.VisibleToAll);
        Assert.Equal(attended.Append(allHands.Id), visible.Select(m => m.Id));
        Assert.Equal("Company All-Hands", visible.Single(m => m.Id == allHands.Id).Name);
        Assert.DoesNotContain(allHands.Id, (await Client.Meetings.ListAsync()).Select(m => m.Id));
    }

    [Fact]
    public async Task Visible_users_come_from_mineviewable_with_placeholders_only_when_asked()
    {
        var people = await Client.Users.ListVisibleAsync();
        var everyone = await Client.Users.ListVisibleAsync(includePlaceholders: true);

        AssertCalls(new Call("GET", "users/mineviewable"), new Call("GET", "users/mineviewable"));
        Assert.Equal(Store.Users.Where(u => !u.IsPlaceholder).Select(u => u.Id), people.Select(u => u.Id));
        Assert.Equal(Store.Users.Select(u => u.Id), everyone.Select(u => u.Id));
        Assert.All(everyone, u => Assert.Equal(Store.FindUser(u.Id)!.IsPlaceholder, u.IsPlaceholder));
        var ada = people.First();
        Assert.Equal((Me, "Ada Park", "https://s3.example/u/1001.png"), (ada.Id, ada.Name, ada.ImageUrl));
    }

    [Fact]
    public async Task Reopening_a_todo_sends_status_false_and_reads_it_back_open()
    {
        var done = Store.Todos.First(t => t.OwnerId == Me && t.Complete);

        var todo = await Client.Todos.ReopenAsync(done.Id);

        AssertCalls(new Call("POST", $"todo/{done.Id}/complete", "status=false"), new Call("GET", $"todo/{done.Id}"));
        Assert.Equal((false, (DateTime?)null), (todo.Complete, todo.CompleteTime));
        Assert.False(Store.FindTodo(done.Id)!.Complete);
        await Client.Todos.CompleteAsync(done.Id);
        Assert.True(Store.FindTodo(done.Id)!.Complete);
    }

    [Fact]
    public async Task Reopening_an_issue_sends_complete_false_and_reads_it_back_open()
    {
        var solved = Store.Issues.First(i => i.Complete);

        var issue = await Client.Issues.ReopenAsync(solved.Id);

        AssertCalls(new Call("POST", $"issues/{solved.Id}/complete", Body: """{"complete":false}"""), new Call("GET", $"issues/{solved.Id}"));
        Assert.False(issue.Complete);
        Assert.Null(issue.CloseTime);
        Assert.False(Store.FindIssue(solved.Id)!.Complete);
    }

    [Fact]
    public async Task A_goal_without_a_meeting_is_created_with_rocks_create()
    {
        var goal = await Client.Goals.CreateWithoutMeetingAsync("Write the handbook", 1002);

        AssertCalls(new Call("POST", "rocks/create", Body: """{"title":"Write the handbook","accountableUserId":1002}"""));
        Assert.Equal(("Write the handbook", (long?)1002, (long?)null), (goal.Title, goal.OwnerId, goal.MeetingId));
        var stored = Store.FindGoal(goal.Id)!;
        Assert.Equal((1002, (long?)null), (stored.OwnerId, stored.MeetingId));
    }

    [Fact]
    public async Task A_goal_made_without_a_meeting_can_be_attached_to_one_later()
    {
        var goal = await Client.Goals.CreateWithoutMeetingAsync("Write the handbook", 1002);
        Emulator.Stats.Reset();

        await Client.Goals.AttachToMeetingAsync(2002, goal.Id);

        AssertCalls(new Call("POST", $"L10/2002/rocks/{goal.Id}"));
        Assert.Equal((long?)2002, Store.FindGoal(goal.Id)!.MeetingId);
        Assert.Equal((long?)2002, (await Client.Goals.GetAsync(goal.Id)).MeetingId);
        var missing = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Goals.AttachToMeetingAsync(2002, 999999));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Removing_an_issue_from_its_meeting_takes_it_off_the_list_and_it_stays_readable()
    {
        var issue = Store.Issues.First(i => i.MeetingId == 2002 && !i.Complete);

        await Client.Issues.RemoveFromMeetingAsync(2002, issue.Id);

        AssertCalls(new Call("DELETE", $"L10/2002/issues/{issue.Id}"));
        Assert.DoesNotContain(issue.Id, (await Client.Meetings.GetIssuesAsync(2002, includeClosed: true)).Select(i => i.Id));
        Assert.Equal(issue.Id, (await Client.Issues.GetAsync(issue.Id)).Id);
        var again = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Issues.RemoveFromMeetingAsync(2002, issue.Id));
        Assert.Equal(404, again.StatusCode);
    }

    public static TheoryData<string, string, string> NewRoutes => new()
    {
        { "meetings visible", "GET", "L10/list" },
        { "users visible", "GET", "users/mineviewable" },
        { "reopen to-do", "POST", "todo/{id}/complete" },
        { "reopen issue", "POST", "issues/{id}/complete" },
        { "goal without meeting", "POST", "rocks/create" },
        { "remove issue", "DELETE", "L10/{id}/issues/{issueId}" },
    };

    [Theory]
    [MemberData(nameof(NewRoutes))]
    public async Task Every_new_route_reports_an_html_page_as_an_error_even_where_an_empty_answer_is_expected(string call, string method, string route)
    {
        Emulator.Faults.Malformed(MalformedKind.Html, method, route);
        var todo = Store.Todos.First(t => t.OwnerId == Me).Id;
        var issue = Store.Issues.First(i => i.MeetingId == 2003).Id;

        Task work = call switch
        {
            "meetings visible" => Client.Meetings.ListVisibleAsync(),
            "users visible" => Client.Users.ListVisibleAsync(),
            "reopen to-do" => Client.Todos.ReopenAsync(todo),
            "reopen issue" => Client.Issues.ReopenAsync(issue),
            "goal without meeting" => Client.Goals.CreateWithoutMeetingAsync("Trap", Me),
            _ => Client.Issues.RemoveFromMeetingAsync(2003, issue),
        };
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => work);

        Assert.Equal((BloomyFailureKind.InvalidResponse, 200, method), (error.Kind, error.StatusCode, error.Method));
        Assert.Contains("HTML page", error.Message);
        // The void calls stop there: a page is not a success, so nothing is read back.
        Assert.Single(Emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_mistyped_get_route_answered_by_the_web_app_is_an_html_error_not_data()
    {
        var error = await Assert.ThrowsAsync<BloomyApiException>(() =>
            Client.Http.GetAsync("todos/user/1001", BloomyJsonContext.Instance.ListTodoDto, default));

        Assert.Equal((BloomyFailureKind.InvalidResponse, 200), (error.Kind, error.StatusCode));
        Assert.Contains("GET todos/user/1001", error.Message);
        Assert.Contains("mistyped route", error.Message);
    }
}
