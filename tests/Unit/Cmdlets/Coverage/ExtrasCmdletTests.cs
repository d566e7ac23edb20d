using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>
/// The cmdlets over the REST routes beyond the SDK (Get-BloomyMeeting -Visible, Get-BloomyUser -Visible, Open-BloomyTodo,
/// Open-BloomyIssue, Remove-BloomyIssue, New-BloomyGoal without a meeting) inside the real engine against the emulator.
/// </summary>
public sealed class ExtrasCmdletTests : IClassFixture<ExtrasCmdletTests.Fixture>, IDisposable
{
    /// <summary>This class's own emulator: the tests reopen, remove and create.</summary>
    public sealed class Fixture : EmulatorFixture;

    private const long MissingId = 999999;

    private readonly Fixture _fixture;
    private readonly PowerShellSession _session = new();

    public ExtrasCmdletTests(Fixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        Emulator.Latency = TimeSpan.Zero;
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.Stats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Visible_meetings_include_one_you_do_not_attend_and_pipe_on_as_meetings()
    {
        var result = _session.Run("Get-BloomyMeeting -Visible").ThrowIfFailed();

        var allHands = Emulator.Store.Meetings.Single(m => m.VisibleToAll);
        var meetings = result.OutputOf<Meeting>().ToList();
        Assert.Contains(meetings, m => m.Id == allHands.Id && m.Name == allHands.Name);
        Assert.Equal("L10/list", Assert.Single(Emulator.Stats.Requests).RelativePath);
        Emulator.Stats.Reset();

        var issues = _session.Run("Get-BloomyMeeting -Visible | Get-BloomyIssue").ThrowIfFailed();
        Assert.Equal(meetings.Count, Emulator.Stats.CountFor("GET", "l10/{id}/issues"));
        Assert.Empty(issues.Errors);
    }

    [Fact]
    public void Visible_users_leave_placeholders_out_unless_asked()
    {
        var people = _session.Run("Get-BloomyUser -Visible").ThrowIfFailed().OutputOf<User>().ToList();
        var everyone = _session.Run("Get-BloomyUser -Visible -IncludePlaceholders").ThrowIfFailed().OutputOf<User>().ToList();

        Assert.Equal(Emulator.Store.Users.Where(u => !u.IsPlaceholder).Select(u => u.Id), people.Select(u => u.Id));
        Assert.Equal(Emulator.Store.Users.Select(u => u.Id), everyone.Select(u => u.Id));
        Assert.Equal(2, Emulator.Stats.CountFor("GET", "users/mineviewable"));
    }

    [Fact]
    public void Open_todo_reopens_piped_todos_in_order_and_a_missing_one_is_one_error_naming_it()
    {
        var done = Emulator.Store.Todos.Where(t => t.Complete && t.OwnerId == 1003).Select(t => t.Id).ToList();
        var todos = _session.Run("Get-BloomyTodo -UserId 1003 -IncludeClosed | Where-Object Complete").ThrowIfFailed().OutputOf<Todo>().ToList();
        Assert.Equal(done, todos.Select(t => t.Id));
        Emulator.Stats.Reset();

        var result = _session.Run("$todos | Open-BloomyTodo -PassThru; Open-BloomyTodo -Id $missing",
            new() { ["todos"] = todos, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        Assert.Equal(done, result.OutputOf<Todo>().Select(t => t.Id));
        Assert.All(result.OutputOf<Todo>(), t => Assert.False(t.Complete));
        Assert.All(done, id => Assert.False(Emulator.Store.FindTodo(id)!.Complete));
        Assert.All(Emulator.Stats.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("status=false", r.Query));
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"to-do {MissingId}");
    }

    [Fact]
    public void Open_issue_reopens_by_id_writes_nothing_without_PassThru_and_WhatIf_sends_nothing()
    {
        var solved = Emulator.Store.Issues.Where(i => i.Complete && i.MeetingId == 2004).Select(i => i.Id).ToList();
        Assert.NotEmpty(solved);

        var whatIf = _session.Run("Open-BloomyIssue -Id $ids -WhatIf", new() { ["ids"] = solved.ToArray() });
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Empty(whatIf.Errors);

        var result = _session.Run("$ids + $missing | Open-BloomyIssue", new() { ["ids"] = solved.ToArray(), ["missing"] = MissingId });

        Assert.Empty(result.Output);
        Assert.All(solved, id => Assert.False(Emulator.Store.FindIssue(id)!.Complete));
        Assert.All(Emulator.Stats.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("{\"complete\":false}", r.Body));
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"issue {MissingId}");
    }

    [Fact]
    public void Remove_issue_takes_piped_issues_off_their_meeting_and_one_without_a_meeting_is_an_error_in_its_place()
    {
        var issues = _session.Run("Get-BloomyIssue -MeetingId 2005").ThrowIfFailed().OutputOf<Issue>().ToList();
        Assert.True(issues.Count >= 2);
        Emulator.Stats.Reset();

        var result = _session.Run("""
            $orphan = [Bloomy.Client.Models.Issue]@{ Id = 3001; Title = 'No meeting' }
            $issues[0], $orphan, $issues[1] | Remove-BloomyIssue -Confirm:$false
            """, new() { ["issues"] = issues });

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.Validation", error.FullyQualifiedErrorId);
        Assert.Contains("issue 3001 'No meeting'", error.ToString());
        Assert.Contains("no MeetingId", error.ToString());
        Assert.Equal(new[] { $"L10/2005/issues/{issues[0].Id}", $"L10/2005/issues/{issues[1].Id}" },
            Emulator.Stats.Requests.Where(r => r.Method == "DELETE").Select(r => r.RelativePath).Order());
        var left = _session.Run("Get-BloomyIssue -MeetingId 2005").ThrowIfFailed().OutputOf<Issue>().Select(i => i.Id).ToList();
        Assert.DoesNotContain(issues[0].Id, left);
        Assert.DoesNotContain(issues[1].Id, left);
    }

    [Fact]
    public void Remove_issue_by_meeting_and_id_reports_a_missing_one_and_WhatIf_sends_nothing()
    {
        var issue = Emulator.Store.Issues.First(i => i.MeetingId == 2006 && !i.Complete).Id;

        var whatIf = _session.Run("Remove-BloomyIssue -MeetingId 2006 -Id $i -WhatIf", new() { ["i"] = issue });
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Empty(whatIf.Errors);

        var result = _session.Run("Remove-BloomyIssue -MeetingId 2006 -Id $i, $missing -Confirm:$false",
            new() { ["i"] = issue, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"issue {MissingId}");
        Assert.True(Emulator.Store.FindIssue(issue)!.RemovedFromMeeting);
    }

    [Fact]
    public void Remove_issue_asks_for_confirmation_by_default()
    {
        var command = _session.Run("Get-Command Remove-BloomyIssue").ThrowIfFailed().OutputOf<CmdletInfo>().Single();
        var attribute = (CmdletAttribute)command.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).Single();

        Assert.Equal(ConfirmImpact.High, attribute.ConfirmImpact);
        var missing = _session.Run("Remove-BloomyIssue -Id 3001 -Confirm:$false");
        Assert.Contains("MeetingId", missing.TerminatingRecord?.ToString() ?? string.Join(" ", missing.Errors));
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void New_goal_without_a_meeting_uses_rocks_create_and_csv_rows_mix_both_kinds()
    {
        var result = _session.Run("""
            [pscustomobject]@{ Title = 'Write the handbook'; MeetingId = ''; OwnerId = 1002 },
            [pscustomobject]@{ Title = 'Hire 3 AEs'; MeetingId = 2002 },
            [pscustomobject]@{ Title = 'Bad meeting'; MeetingId = 'abc' } | New-BloomyGoal
            """);

        Assert.Null(result.Terminating);
        var goals = result.OutputOf<Goal>().ToList();
        Assert.Equal(["Write the handbook", "Hire 3 AEs"], goals.Select(g => g.Title));
        Assert.Equal([null, 2002L], goals.Select(g => g.MeetingId));
        Assert.Null(Emulator.Store.FindGoal(goals[0].Id)!.MeetingId);
        Assert.Equal(1002, Emulator.Store.FindGoal(goals[0].Id)!.OwnerId);
        Assert.Equal(1, Emulator.Stats.CountFor("POST", "rocks/create"));
        Assert.Equal(1, Emulator.Stats.CountFor("POST", "L10/{id}/rocks"));
        var error = Assert.Single(result.Errors);
        Assert.Contains("MeetingId 'abc'", error.ToString());
    }

    [Fact]
    public void New_goal_without_a_meeting_with_WhatIf_sends_nothing()
    {
        var result = _session.Run("New-BloomyGoal -Title 'Not yet' -WhatIf");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void An_html_page_for_one_reopen_is_one_invalid_response_error_and_the_others_go_on()
    {
        var done = Emulator.Store.Todos.Where(t => t.Complete && t.OwnerId is 1006 or 1007).Select(t => t.Id).ToList();
        Assert.Equal(2, done.Count);
        Emulator.Faults.Malformed(MalformedKind.Html, "POST", $"todo/{done[0]}/complete");

        var result = _session.Run("$ids | Open-BloomyTodo -PassThru", new() { ["ids"] = done.ToArray() });

        Assert.Null(result.Terminating);
        Assert.Equal(done[1], Assert.Single(result.OutputOf<Todo>()).Id);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.InvalidResponse", error.FullyQualifiedErrorId);
        Assert.Equal(done[0], error.TargetObject);
        Assert.Contains("HTML page", error.ToString());
        Assert.Equal(0, Emulator.Stats.CountPath("GET", $"todo/{done[0]}"));
    }

    private static void AssertNotFound(ErrorRecord error, long id, string label)
    {
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject);
        Assert.Contains(label, error.ToString());
    }
}
