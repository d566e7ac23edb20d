using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>Get-, New-, Set- and Close-BloomyIssue inside the real engine against the emulator.</summary>
public sealed class IssueCmdletTests : IClassFixture<IssueCmdletTests.Fixture>, IDisposable
{
    /// <summary>This class's own emulator: the tests solve and change issues.</summary>
    public sealed class Fixture : EmulatorFixture
    {
        /// <summary>Issues a test has taken for itself, so no other test's changes reach them.</summary>
        public HashSet<long> Claimed { get; } = new();
    }

    private const long MissingId = 999999;

    private readonly Fixture _fixture;
    private readonly PowerShellSession _session = new();

    public IssueCmdletTests(Fixture fixture)
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
    public void Meetings_piped_in_give_each_meetings_open_issues_grouped_in_meeting_order_concurrently()
    {
        var meetings = _session.Run("Get-BloomyMeeting").ThrowIfFailed().OutputOf<Meeting>().ToList();
        Assert.True(meetings.Count >= 2);
        Emulator.Latency = TimeSpan.FromMilliseconds(150);
        Emulator.Stats.Reset();

        var issues = _session.Run("Get-BloomyMeeting | Get-BloomyIssue").ThrowIfFailed().OutputOf<Issue>().ToList();

        var expected = meetings
            .SelectMany(m => Emulator.Store.Issues.Where(i => i.MeetingId == m.Id && !i.Complete && i.CloseTime is null))
            .ToList();
        Assert.Equal(expected.Select(i => i.Id).Order(), issues.Select(i => i.Id).Order());
        Assert.Equal(meetings.Select(m => m.Id).Where(id => issues.Any(i => i.MeetingId == id)),
            issues.Select(i => i.MeetingId!.Value).Distinct());
        Assert.All(issues, i => Assert.False(i.Complete));
        Assert.Equal(meetings.Count, Emulator.Stats.CountFor("GET", "l10/{id}/issues"));
        Assert.True(Emulator.Stats.PeakInFlight >= 2, $"meetings are read concurrently (peak {Emulator.Stats.PeakInFlight})");
    }

    [Fact]
    public void A_user_object_binds_as_a_user_and_a_meeting_object_as_a_meeting()
    {
        var result = _session.Run("Get-BloomyUser | Get-BloomyIssue; (Get-BloomyMeeting)[0] | Get-BloomyIssue").ThrowIfFailed();

        Assert.Equal(1, Emulator.Stats.CountFor("GET", "issues/users/{id}"));
        Assert.Equal(1, Emulator.Stats.CountFor("GET", "l10/{id}/issues"));
        Assert.Equal(0, Emulator.Stats.CountFor("GET", "issues/{id}"));
        var mine = Emulator.Store.Issues.Where(i => i.OwnerId == Emulator.DemoUserId && !i.Complete).Select(i => i.Id);
        Assert.Superset(mine.ToHashSet(), result.OutputOf<Issue>().Select(i => i.Id).ToHashSet());
    }

    [Fact]
    public void Csv_like_rows_with_user_ids_bind_by_property_name()
    {
        var owner = Emulator.Store.Users[2].Id;
        var result = _session.Run("[pscustomobject]@{ UserId = $u } | Get-BloomyIssue", new() { ["u"] = owner }).ThrowIfFailed();

        Assert.Equal($"issues/users/{owner}", Assert.Single(Emulator.Stats.Requests).RelativePath);
        var expected = Emulator.Store.Issues.Where(i => i.OwnerId == owner && !i.Complete && i.CloseTime is null).Select(i => i.Id);
        Assert.Equal(expected.Order(), result.OutputOf<Issue>().Select(i => i.Id).Order());
    }

    [Fact]
    public void Issues_by_id_come_out_in_input_order_and_a_missing_one_is_one_error_naming_it()
    {
        var ids = Emulator.Store.Issues.Take(2).Select(i => i.Id).ToList();

        var result = _session.Run("$a, $missing, $b | Get-BloomyIssue",
            new() { ["a"] = ids[0], ["missing"] = MissingId, ["b"] = ids[1] });

        Assert.Null(result.Terminating);
        var issues = result.OutputOf<Issue>().ToList();
        Assert.Equal(ids, issues.Select(i => i.Id));
        Assert.All(issues, i => Assert.Equal(Emulator.Store.FindIssue(i.Id)!.Title, i.Title));
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"issue {MissingId}");
    }

    [Fact]
    public void Both_a_user_and_a_meeting_id_is_an_error_before_any_request()
    {
        var result = _session.Run("Get-BloomyIssue -UserId 1001 -MeetingId 2001");

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("AmbiguousParameterSet", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Csv_like_rows_raise_one_issue_each_and_a_bad_row_is_one_error_naming_it()
    {
        var meetingId = Emulator.Store.Meetings[0].Id;
        var owner = Emulator.Store.Meetings[0].AttendeeIds[1];
        var result = _session.Run("""
            [pscustomobject]@{ MeetingId = "$m"; Title = 'Hiring is slow'; OwnerId = "$o"; Notes = 'see Q3' },
            [pscustomobject]@{ MeetingId = "$missing"; Title = 'Nowhere to raise this'; OwnerId = ''; Notes = '' },
            [pscustomobject]@{ MeetingId = "$m"; Title = 'Churn is rising'; UserId = "$o" },
            [pscustomobject]@{ MeetingId = "$m"; Title = 'Mine'; OwnerId = ''; Notes = '' } | New-BloomyIssue
            """, new() { ["m"] = meetingId, ["o"] = owner, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        var created = result.OutputOf<Issue>().ToList();
        Assert.Equal(["Hiring is slow", "Churn is rising", "Mine"], created.Select(i => i.Title));
        Assert.All(created, i => Assert.Equal(meetingId, i.MeetingId));
        Assert.Equal([owner, owner, Emulator.DemoUserId], created.Select(i => i.OwnerId!.Value));
        var stored = created.Select(i => Emulator.Store.FindIssue(i.Id)!).ToList();
        Assert.Equal(["see Q3", null, null], stored.Select(i => i.Notes));
        Assert.Equal([owner, owner, Emulator.DemoUserId], stored.Select(i => i.OwnerId));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("issue 'Nowhere to raise this'", error.ToString());
        var row = Assert.IsType<PSObject>(error.TargetObject);
        Assert.Equal(MissingId, row.Properties["MeetingId"].Value);
        Assert.Equal(4, Emulator.Stats.CountFor("POST", "issues/create"));
    }

    [Fact]
    public void New_issue_with_WhatIf_sends_nothing()
    {
        var before = Emulator.Store.Issues.Count;

        var result = _session.Run("New-BloomyIssue -MeetingId 2001 -Title 'Not yet' -WhatIf; [pscustomobject]@{ MeetingId = 2001; Title = 'Nor this' } | New-BloomyIssue -WhatIf");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(before, Emulator.Store.Issues.Count);
    }

    [Fact]
    public void An_empty_or_blank_title_is_an_error_before_any_request()
    {
        var empty = _session.Run("New-BloomyIssue -MeetingId 2001 -Title ''");
        var blank = _session.Run("New-BloomyIssue -MeetingId 2001 -Title '   '");
        var badOwner = _session.Run("New-BloomyIssue -MeetingId 2001 -Title 'Owned by nobody' -OwnerId 0");

        Assert.NotNull(empty.TerminatingRecord);
        Assert.Contains("Title", empty.TerminatingRecord!.ToString());
        // [ValidateNotBlank], as on every -Title: a parameter error, like the empty title's.
        Assert.NotNull(blank.TerminatingRecord);
        Assert.Contains("Title", blank.TerminatingRecord!.ToString());
        Assert.Contains("blank", blank.TerminatingRecord!.ToString());
        var ownerError = Assert.Single(badOwner.Errors);
        Assert.StartsWith("Bloomy.Validation", ownerError.FullyQualifiedErrorId);
        Assert.Contains("issue 'Owned by nobody'", ownerError.ToString());
        Assert.Contains("userId must be a positive integer", ownerError.ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Piping_your_issues_to_Close_solves_each_one_concurrently_and_PassThru_returns_them_solved()
    {
        var meetingId = Emulator.Store.Meetings[0].Id;
        _session.Run("New-BloomyIssue -MeetingId $m -Title 'First to solve'; New-BloomyIssue -MeetingId $m -Title 'Second to solve'",
            new() { ["m"] = meetingId }).ThrowIfFailed();
        var open = _session.Run("Get-BloomyIssue").ThrowIfFailed().OutputOf<Issue>().Select(i => i.Id).ToList();
        Assert.True(open.Count >= 2);
        Emulator.Latency = TimeSpan.FromMilliseconds(150);
        Emulator.Stats.Reset();

        var solved = _session.Run("Get-BloomyIssue | Close-BloomyIssue -PassThru").ThrowIfFailed().OutputOf<Issue>().ToList();

        Assert.Equal(open, solved.Select(i => i.Id));
        Assert.All(solved, i => Assert.True(i.Complete && i.CloseTime is not null));
        Assert.All(open, id => Assert.True(Emulator.Store.FindIssue(id)!.Complete));
        Assert.Equal(open.Count, Emulator.Stats.CountFor("POST", "issues/{id}/complete"));
        Assert.All(Emulator.Stats.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("{\"complete\":true}", r.Body));
        Assert.True(Emulator.Stats.PeakInFlight >= 2, $"issues are solved concurrently (peak {Emulator.Stats.PeakInFlight})");
        Assert.Empty(_session.Run("Get-BloomyIssue").ThrowIfFailed().Output);
    }

    [Fact]
    public void Close_without_PassThru_writes_nothing_and_a_missing_issue_is_one_error_naming_it()
    {
        var ids = OpenIssuesOfAnotherUser(2);

        var result = _session.Run("$a, $missing, $b | Close-BloomyIssue",
            new() { ["a"] = ids[0], ["missing"] = MissingId, ["b"] = ids[1] });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"issue {MissingId}");
        Assert.All(ids, id => Assert.True(Emulator.Store.FindIssue(id)!.Complete));
    }

    [Fact]
    public void Close_with_WhatIf_sends_nothing()
    {
        var issues = _session.Run("Get-BloomyIssue -MeetingId 2002").ThrowIfFailed().OutputOf<Issue>().ToList();
        Assert.NotEmpty(issues);
        Emulator.Stats.Reset();

        var result = _session.Run("$issues | Close-BloomyIssue -WhatIf; Close-BloomyIssue -Id $issues[0].Id -WhatIf",
            new() { ["issues"] = issues });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.All(issues, i => Assert.False(Emulator.Store.FindIssue(i.Id)!.Complete));
    }

    [Fact]
    public void User_and_meeting_objects_never_bind_as_issues()
    {
        var result = _session.Run("Get-BloomyUser | Close-BloomyIssue; Get-BloomyMeeting | Close-BloomyIssue; Get-BloomyUser | Set-BloomyIssue -Title 'x'");

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method is "POST" or "PUT");
    }

    [Fact]
    public void Set_changes_piped_issues_and_PassThru_returns_them_as_changed()
    {
        var ids = OpenIssuesOfAnotherUser(2);
        var issues = _session.Run("Get-BloomyIssue -Id $ids", new() { ["ids"] = ids.ToArray() }).ThrowIfFailed().OutputOf<Issue>().ToList();
        Emulator.Stats.Reset();

        var result = _session.Run("$issues | Set-BloomyIssue -Title 'Renamed' -Notes 'Discuss Monday' -PassThru",
            new() { ["issues"] = issues }).ThrowIfFailed();

        var changed = result.OutputOf<Issue>().ToList();
        Assert.Equal(ids, changed.Select(i => i.Id));
        Assert.All(changed, i => Assert.Equal("Renamed", i.Title));
        Assert.All(ids, id => Assert.Equal(("Renamed", "Discuss Monday"), (Emulator.Store.FindIssue(id)!.Title, Emulator.Store.FindIssue(id)!.Notes)));
        var puts = Emulator.Stats.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(ids.Select(id => $"issues/{id}").Order(), puts.Select(r => r.RelativePath).Order());
        Assert.All(puts, r => Assert.Equal("{\"title\":\"Renamed\",\"notes\":\"Discuss Monday\"}", r.Body));
    }

    [Fact]
    public void Set_with_empty_notes_clears_them_and_a_missing_issue_is_one_error_naming_it()
    {
        var id = OpenIssuesOfAnotherUser(1)[0];
        _session.Run("Set-BloomyIssue -Id $id -Notes 'temporary'", new() { ["id"] = id }).ThrowIfFailed();
        Emulator.Stats.Reset();

        var result = _session.Run("$id, $missing | Set-BloomyIssue -Notes ''", new() { ["id"] = id, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"issue {MissingId}");
        Assert.Equal("{\"notes\":\"\"}", Emulator.Stats.Requests.First(r => r.RelativePath == $"issues/{id}" && r.Method == "PUT").Body);
        Assert.True(string.IsNullOrEmpty(Emulator.Store.FindIssue(id)!.Notes));
    }

    [Fact]
    public void Set_with_nothing_to_change_or_an_empty_title_is_an_error_before_any_request()
    {
        var nothing = _session.Run("Set-BloomyIssue -Id 3001");
        var emptyTitle = _session.Run("Set-BloomyIssue -Id 3001 -Title ''");

        Assert.NotNull(nothing.TerminatingRecord);
        Assert.StartsWith("Bloomy.Validation", nothing.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("-Title or -Notes", nothing.TerminatingRecord.ToString());
        Assert.NotNull(emptyTitle.TerminatingRecord);
        Assert.Contains("Title", emptyTitle.TerminatingRecord!.ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Set_with_WhatIf_sends_nothing()
    {
        var id = OpenIssuesOfAnotherUser(1)[0];
        var title = Emulator.Store.FindIssue(id)!.Title;

        var result = _session.Run("Set-BloomyIssue -Id $id -Title 'Not this' -WhatIf", new() { ["id"] = id });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(title, Emulator.Store.FindIssue(id)!.Title);
    }

    /// <summary>Open issues no other test touches: owned by someone other than the demo user, not yet changed.</summary>
    private List<long> OpenIssuesOfAnotherUser(int count)
    {
        var ids = Emulator.Store.Issues
            .Where(i => i.OwnerId != Emulator.DemoUserId && !i.Complete && !_fixture.Claimed.Contains(i.Id))
            .Take(count).Select(i => i.Id).ToList();
        Assert.Equal(count, ids.Count);
        _fixture.Claimed.UnionWith(ids);
        return ids;
    }

    private static void AssertNotFound(ErrorRecord error, long id, string label)
    {
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(id, error.TargetObject);
        Assert.Contains(label, error.ToString());
    }
}
