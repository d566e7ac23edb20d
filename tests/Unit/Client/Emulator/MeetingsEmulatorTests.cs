using Bloomy.Client;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class MeetingsEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    private const long Leadership = 2001;

    [Fact]
    public async Task List_defaults_to_the_current_user_and_returns_the_meetings_attended()
    {
        var mine = await Client.Meetings.ListAsync();
        var other = await Client.Meetings.ListAsync(1006);

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"L10/{Me}/list"), new Call("GET", "L10/1006/list"));
        Assert.Equal(Attended(Me), mine.Select(m => (m.Id, m.Name)));
        Assert.Equal(Attended(1006), other.Select(m => (m.Id, m.Name)));
        Assert.Contains(mine, m => m.Id == Leadership && m.Name == "Leadership L10");
    }

    [Fact]
    public async Task Get_returns_the_id_and_name()
    {
        var meeting = await Client.Meetings.GetAsync(Leadership);

        AssertCalls(new Call("GET", $"L10/{Leadership}"));
        Assert.Equal((Leadership, "Leadership L10"), (meeting.Id, meeting.Name));
    }

    [Fact]
    public async Task Attendees_are_mapped_from_the_meeting()
    {
        var attendees = await Client.Meetings.GetAttendeesAsync(Leadership);

        AssertCalls(new Call("GET", $"L10/{Leadership}/attendees"));
        var expected = Store.FindMeeting(Leadership)!.AttendeeIds.Select(id => Store.FindUser(id)!).ToList();
        Assert.Equal(expected.Select(u => (u.Id, u.Name, u.ImageUrl)), attendees.Select(u => (u.Id, u.Name, u.ImageUrl)));
    }

    [Fact]
    public async Task Issues_are_open_ones_unless_closed_are_asked_for()
    {
        var open = await Client.Meetings.GetIssuesAsync(Leadership);
        var all = await Client.Meetings.GetIssuesAsync(Leadership, includeClosed: true);

        AssertCalls(
            new Call("GET", $"L10/{Leadership}/issues", "include_resolved=false"),
            new Call("GET", $"L10/{Leadership}/issues", "include_resolved=true"));
        var stored = Store.Issues.Where(i => i.MeetingId == Leadership).ToList();
        Assert.Equal(stored.Where(i => !i.Complete).Select(i => i.Id), open.Select(i => i.Id));
        Assert.Equal(stored.Select(i => i.Id), all.Select(i => i.Id));
        var solved = Assert.Single(all, i => i.Complete);
        var storedSolved = stored.Single(i => i.Complete);
        Assert.Equal(Seconds(storedSolved.CloseTime), solved.CloseTime);
        Assert.All(all, i => Assert.Equal((Leadership, "Leadership L10"), (i.MeetingId!.Value, i.MeetingName)));
        var first = all[0];
        var owner = Store.FindUser(stored[0].OwnerId)!;
        Assert.Equal((stored[0].Title, owner.Id, owner.Name, owner.ImageUrl, Seconds(stored[0].CreateTime)),
            (first.Title, first.OwnerId!.Value, first.OwnerName, first.OwnerImageUrl, first.CreateTime!.Value));
    }

    [Fact]
    public async Task Todos_are_open_ones_unless_closed_are_asked_for()
    {
        var open = await Client.Meetings.GetTodosAsync(Leadership);
        var all = await Client.Meetings.GetTodosAsync(Leadership, includeClosed: true);

        AssertCalls(
            new Call("GET", $"L10/{Leadership}/todos", "INCLUDE_CLOSED=false"),
            new Call("GET", $"L10/{Leadership}/todos", "INCLUDE_CLOSED=true"));
        var stored = Store.Todos.Where(t => t.MeetingId == Leadership).ToList();
        Assert.Equal(stored.Where(t => !t.Complete).Select(t => t.Id), open.Select(t => t.Id));
        Assert.Equal(stored.Select(t => t.Id), all.Select(t => t.Id));
        Assert.Contains(all, t => t.Complete && t.Archived && t.CompleteTime is not null);
    }

    [Fact]
    public async Task Measurables_are_mapped_with_owner_and_admin()
    {
        var measurables = await Client.Meetings.GetMeasurablesAsync(Leadership);

        AssertCalls(new Call("GET", $"L10/{Leadership}/measurables"));
        var stored = Store.Measurables.Where(m => m.MeetingId == Leadership).ToList();
        Assert.Equal(3, measurables.Count);
        Assert.Equal(
            stored.Select(m => (m.Id, m.Title, (double?)m.Target, m.Direction, m.Unit, (long?)m.OwnerId, Store.FindUser(m.OwnerId)!.Name, (long?)m.AdminId)),
            measurables.Select(m => (m.Id, m.Title, m.Target, m.Direction!, m.Unit!, m.OwnerId, m.OwnerName!, m.AdminId)));
    }

    [Fact]
    public async Task Details_reads_the_meeting_then_the_four_lists_together()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(50);

        var details = await Client.Meetings.GetDetailsAsync(Leadership);

        Assert.True(Emulator.Stats.PeakInFlight >= 4, $"PeakInFlight was {Emulator.Stats.PeakInFlight}");
        Assert.Equal(new Call("GET", $"L10/{Leadership}"), Calls()[0]);
        AssertCallsInAnyOrder(
            new Call("GET", $"L10/{Leadership}"),
            new Call("GET", $"L10/{Leadership}/attendees"),
            new Call("GET", $"L10/{Leadership}/issues", "include_resolved=false"),
            new Call("GET", $"L10/{Leadership}/todos", "INCLUDE_CLOSED=false"),
            new Call("GET", $"L10/{Leadership}/measurables"));
        var meeting = Store.FindMeeting(Leadership)!;
        Assert.Equal((meeting.Id, meeting.Name, Seconds(meeting.CreateTime), 7001L),
            (details.Id, details.Name, details.CreateTime!.Value, details.OrganizationId!.Value));
        Assert.Equal(meeting.AttendeeIds, details.Attendees.Select(a => a.Id));
        Assert.Equal(Store.Issues.Where(i => i.MeetingId == Leadership && !i.Complete).Select(i => i.Id), details.Issues.Select(i => i.Id));
        Assert.Equal(Store.Todos.Where(t => t.MeetingId == Leadership && !t.Complete).Select(t => t.Id), details.Todos.Select(t => t.Id));
        Assert.Equal(Store.Measurables.Where(m => m.MeetingId == Leadership).Select(m => m.Id), details.Measurables.Select(m => m.Id));
    }

    [Fact]
    public async Task Create_adds_the_caller_and_the_attendees()
    {
        var created = await Client.Meetings.CreateAsync("Emulator Sync", attendeeIds: new long[] { 1002, 1003 });

        Assert.Equal(new Call("POST", "L10/create", Body: """{"title":"Emulator Sync","addSelf":true}"""), Calls()[0]);
        AssertCallsInAnyOrder(
            new Call("POST", "L10/create", Body: """{"title":"Emulator Sync","addSelf":true}"""),
            new Call("POST", $"L10/{created.Id}/attendees/1002"),
            new Call("POST", $"L10/{created.Id}/attendees/1003"));
        var stored = Store.FindMeeting(created.Id)!;
        Assert.Equal(("Emulator Sync", "Emulator Sync"), (stored.Name, created.Name));
        Assert.Equal(new long[] { Me, 1002, 1003 }, stored.AttendeeIds.OrderBy(id => id));
        Assert.Equal(new long[] { 1002, 1003 }, created.AttendeeIds);
        Assert.Contains(await Client.Meetings.ListAsync(), m => m.Id == created.Id);
        Assert.Contains(await Client.Meetings.ListAsync(1003), m => m.Id == created.Id);
    }

    [Fact]
    public async Task Create_without_self_is_readable_but_not_listed_for_the_caller()
    {
        var created = await Client.Meetings.CreateAsync("Board Only", addSelf: false);

        AssertCalls(new Call("POST", "L10/create", Body: """{"title":"Board Only","addSelf":false}"""));
        Assert.Empty(Store.FindMeeting(created.Id)!.AttendeeIds);
        Assert.DoesNotContain(await Client.Meetings.ListAsync(), m => m.Id == created.Id);
        Assert.Equal("Board Only", (await Client.Meetings.GetAsync(created.Id)).Name);
    }

    [Fact]
    public async Task Create_with_an_unknown_attendee_names_the_meeting_that_was_created()
    {
        var error = await Assert.ThrowsAsync<BloomyApiException>(
            () => Client.Meetings.CreateAsync("Half Made", attendeeIds: new long[] { 999999 }));

        var stored = Assert.Single(Store.Meetings, m => m.Name == "Half Made");
        Assert.Contains($"Meeting {stored.Id} was created", error.Message);
        Assert.Equal((404, "POST", $"L10/{stored.Id}/attendees/999999"), (error.StatusCode!.Value, error.Method, error.Path));
    }

    [Fact]
    public async Task Add_attendee_puts_the_user_in_the_meeting()
    {
        var created = await Client.Meetings.CreateAsync("Pairing", addSelf: false);
        ForgetCalls();

        await Client.Meetings.AddAttendeeAsync(created.Id, 1010);

        AssertCalls(new Call("POST", $"L10/{created.Id}/attendees/1010"));
        Assert.Equal(new long[] { 1010 }, Store.FindMeeting(created.Id)!.AttendeeIds);
        Assert.Equal(1010, Assert.Single(await Client.Meetings.GetAttendeesAsync(created.Id)).Id);
        Assert.Contains(await Client.Meetings.ListAsync(1010), m => m.Id == created.Id);
    }

    [Fact]
    public async Task Delete_removes_the_meeting_everywhere()
    {
        var created = await Client.Meetings.CreateAsync("Short Lived");
        ForgetCalls();

        await Client.Meetings.DeleteAsync(created.Id);

        AssertCalls(new Call("DELETE", $"L10/{created.Id}"));
        Assert.Null(Store.FindMeeting(created.Id));
        Assert.DoesNotContain(await Client.Meetings.ListAsync(), m => m.Id == created.Id);
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Meetings.GetAsync(created.Id));
        Assert.Equal((404, "GET", $"L10/{created.Id}"), (error.StatusCode!.Value, error.Method, error.Path));
    }

    [Fact]
    public async Task Deleting_an_unknown_meeting_is_a_404()
    {
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Meetings.DeleteAsync(999999));

        Assert.Equal((404, "DELETE", "L10/999999"), (error.StatusCode!.Value, error.Method, error.Path));
    }

    private IEnumerable<(long, string)> Attended(long userId) =>
        Store.Meetings.Where(m => m.AttendeeIds.Contains(userId)).Select(m => (m.Id, m.Name)).ToList();
}
