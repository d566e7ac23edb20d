using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>New-, Remove-, Get-BloomyMeeting and the attendee cmdlets inside the real engine against the emulator.</summary>
public sealed class MeetingCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public MeetingCmdletTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.Stats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Attendees_and_the_current_user_carry_the_e_mail_and_position_of_the_organisations_user_list()
    {
        var attendees = _session.Run("Get-BloomyMeetingAttendee -MeetingId 2001").ThrowIfFailed().OutputOf<User>().ToList();
        var me = Assert.Single(_session.Run("Get-BloomyUser").ThrowIfFailed().OutputOf<User>());

        Assert.NotEmpty(attendees);
        foreach (var user in attendees.Append(me))
        {
            var stored = Emulator.Store.FindUser(user.Id)!;
            Assert.Equal((stored.Email, stored.Description), (user.Email, user.Position));
            Assert.False(string.IsNullOrEmpty(user.Email));
        }
    }

    [Fact]
    public void A_detailed_meeting_carries_its_attendees_issues_todos_and_measurables()
    {
        var result = _session.Run("Get-BloomyMeeting -Id 2001 -Detailed").ThrowIfFailed();

        var meeting = Assert.IsType<MeetingDetails>(Assert.Single(result.Output));
        var stored = Emulator.Store.FindMeeting(2001)!;
        Assert.Equal(stored.Name, meeting.Name);
        Assert.Equal(stored.AttendeeIds, meeting.Attendees.Select(u => u.Id));
        Assert.Equal(Emulator.Store.Issues.Where(i => i.MeetingId == 2001 && !i.Complete).Select(i => i.Id), meeting.Issues.Select(i => i.Id));
        Assert.Equal(Emulator.Store.Todos.Where(t => t.MeetingId == 2001 && !t.Complete).Select(t => t.Id).Order(), meeting.Todos.Select(t => t.Id).Order());
        Assert.Equal(Emulator.Store.Measurables.Where(m => m.MeetingId == 2001).Select(m => m.Id), meeting.Measurables.Select(m => m.Id));
        Assert.Equal(3, meeting.Measurables.Count);
    }

    [Fact]
    public void New_BloomyMeeting_adds_you_and_the_attendees_given()
    {
        var result = _session.Run("New-BloomyMeeting -Title 'Sales L10' -AttendeeId 1002, 1003").ThrowIfFailed();

        var meeting = Assert.IsType<CreatedMeeting>(Assert.Single(result.Output));
        Assert.Equal("Sales L10", meeting.Name);
        Assert.Equal(new long[] { 1002, 1003 }, meeting.AttendeeIds);
        var stored = Emulator.Store.FindMeeting(meeting.Id)!;
        Assert.Equal(new long[] { Emulator.DemoUserId, 1002, 1003 }, stored.AttendeeIds.Order());
        var create = Assert.Single(Emulator.Stats.Requests, r => r.Method == "POST" && r.RelativePath == "L10/create");
        Assert.Contains("\"addSelf\":true", create.Body);
    }

    [Fact]
    public void Csv_like_rows_create_one_meeting_each_and_ExcludeSelf_leaves_you_out()
    {
        var result = _session.Run("""
            [pscustomobject]@{ Title = 'Ops L10' }, [pscustomobject]@{ Title = 'Product L10'; AttendeeId = 1004 } |
                New-BloomyMeeting -ExcludeSelf
            """).ThrowIfFailed();

        var meetings = result.OutputOf<CreatedMeeting>().ToList();
        Assert.Equal(new[] { "Ops L10", "Product L10" }, meetings.Select(m => m.Name));
        Assert.Empty(Emulator.Store.FindMeeting(meetings[0].Id)!.AttendeeIds);
        Assert.Equal(new long[] { 1004 }, Emulator.Store.FindMeeting(meetings[1].Id)!.AttendeeIds);
    }

    [Fact]
    public void Remove_BloomyMeeting_deletes_piped_meetings_and_reports_an_unknown_id()
    {
        var created = _session.Run("'Tmp A', 'Tmp B' | ForEach-Object { New-BloomyMeeting -Title $_ }").ThrowIfFailed()
            .OutputOf<CreatedMeeting>().ToList();
        Emulator.Stats.Reset();

        _session.Run("$m | Remove-BloomyMeeting -Confirm:$false", new() { ["m"] = created }).ThrowIfFailed();
        Assert.All(created, m => Assert.Null(Emulator.Store.FindMeeting(m.Id)));
        Assert.Equal(2, Emulator.Stats.CountFor("DELETE", "L10/{id}"));

        var other = _session.Run("New-BloomyMeeting -Title 'Tmp C'").ThrowIfFailed().OutputOf<CreatedMeeting>().Single();
        var result = _session.Run("Remove-BloomyMeeting -Id 999999, $c -Confirm:$false", new() { ["c"] = other.Id });
        AssertNotFound(Assert.Single(result.Errors), "meeting 999999");
        Assert.Null(Emulator.Store.FindMeeting(other.Id));
    }

    [Fact]
    public void Attendees_come_out_as_users_that_Get_BloomyTodo_takes()
    {
        var attendees = Emulator.Store.FindMeeting(2001)!.AttendeeIds;

        var users = _session.Run("Get-BloomyMeeting -Id 2001 | Get-BloomyMeetingAttendee").ThrowIfFailed().OutputOf<User>().ToList();
        Assert.Equal(attendees, users.Select(u => u.Id));

        Emulator.Stats.Reset();
        var todos = _session.Run("Get-BloomyMeetingAttendee -MeetingId 2001 | Get-BloomyTodo").ThrowIfFailed().OutputOf<Todo>().ToList();
        Assert.Equal(attendees.Count, Emulator.Stats.CountFor("GET", "todo/user/{id}"));
        Assert.Equal(Emulator.Store.Todos.Count(t => attendees.Contains(t.OwnerId) && !t.Complete), todos.Count);
    }

    [Fact]
    public void An_unknown_meeting_is_one_error_record_while_the_other_attendees_come_out()
    {
        var result = _session.Run("2001, 999999, 2002 | Get-BloomyMeetingAttendee");

        var expected = Emulator.Store.FindMeeting(2001)!.AttendeeIds.Concat(Emulator.Store.FindMeeting(2002)!.AttendeeIds);
        Assert.Equal(expected, result.OutputOf<User>().Select(u => u.Id));
        AssertNotFound(Assert.Single(result.Errors), "attendees of meeting 999999");
    }

    [Fact]
    public void Piped_users_are_added_to_a_meeting_and_a_piped_meeting_takes_user_ids()
    {
        var meeting = _session.Run("New-BloomyMeeting -Title 'Attendee test' -ExcludeSelf").ThrowIfFailed().OutputOf<CreatedMeeting>().Single();
        Emulator.Stats.Reset();

        _session.Run("Get-BloomyUser -Id 1010, 1011 | Add-BloomyMeetingAttendee -MeetingId $m", new() { ["m"] = meeting.Id }).ThrowIfFailed();
        Assert.Equal(new long[] { 1010, 1011 }, Emulator.Store.FindMeeting(meeting.Id)!.AttendeeIds.Order());
        Assert.Equal(2, Emulator.Stats.CountFor("POST", "L10/{id}/attendees/{userId}"));

        _session.Run("Get-BloomyMeeting -Id $m | Add-BloomyMeetingAttendee -UserId 1012", new() { ["m"] = meeting.Id }).ThrowIfFailed();
        Assert.Equal(new long[] { 1010, 1011, 1012 }, Emulator.Store.FindMeeting(meeting.Id)!.AttendeeIds.Order());

        _session.Run("1013 | Add-BloomyMeetingAttendee $m", new() { ["m"] = meeting.Id }).ThrowIfFailed();
        Assert.Contains(1013L, Emulator.Store.FindMeeting(meeting.Id)!.AttendeeIds);

        var failed = _session.Run("Add-BloomyMeetingAttendee -MeetingId $m -UserId 999999, 1014", new() { ["m"] = meeting.Id });
        var error = Assert.Single(failed.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("user 999999", error.ToString());
        Assert.Contains(1014L, Emulator.Store.FindMeeting(meeting.Id)!.AttendeeIds);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var meetingCount = Emulator.Store.Meetings.Count;
        var result = _session.Run("""
            New-BloomyMeeting -Title 'Nope' -AttendeeId 1002 -WhatIf
            Remove-BloomyMeeting -Id 2003 -WhatIf
            Add-BloomyMeetingAttendee -MeetingId 2003 -UserId 1002 -WhatIf
            """);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(meetingCount, Emulator.Store.Meetings.Count);
    }

    [Theory]
    [InlineData("New-BloomyMeeting -Title ''", "Title")]
    [InlineData("New-BloomyMeeting -Title 'x' -AttendeeId 0", "AttendeeId")]
    [InlineData("Add-BloomyMeetingAttendee -MeetingId 2001 -Meeting ([Bloomy.Client.Models.Meeting]@{ Id = 2002 }) -UserId 1002", "parameter set")]
    [InlineData("Remove-BloomyMeeting -Id 0 -Confirm:$false", "Id")]
    public void Bad_arguments_fail_before_any_request(string script, string message)
    {
        var run = _session.Run(script);

        var error = run.TerminatingRecord ?? Assert.Single(run.Errors);
        Assert.Contains(message, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void A_user_object_never_binds_as_a_meeting()
    {
        var user = _session.Run("Get-BloomyUser -Id 1002").ThrowIfFailed().Output.Single();
        Emulator.Stats.Reset();

        var result = _session.Run("$u | Remove-BloomyMeeting -Confirm:$false; $u | Get-BloomyMeetingAttendee", new() { ["u"] = user });

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    private static void AssertNotFound(ErrorRecord error, string label)
    {
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999999L, error.TargetObject);
        Assert.Contains(label, error.ToString());
    }
}
