using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>Get-, New-, Set- and Remove-BloomyHeadline inside the real engine against the emulator.</summary>
public sealed class HeadlineCmdletTests : IClassFixture<HeadlineCmdletTests.Fixture>, IDisposable
{
    /// <summary>This class's own emulator: the tests rename and delete headlines.</summary>
    public sealed class Fixture : EmulatorFixture
    {
        /// <summary>Headlines a test has taken for itself, so no other test's changes reach them.</summary>
        public HashSet<long> Claimed { get; } = new();
    }

    private const long MissingId = 999999;

    private readonly Fixture _fixture;
    private readonly PowerShellSession _session = new();

    public HeadlineCmdletTests(Fixture fixture)
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
    public void Meetings_piped_in_give_each_meetings_headlines_grouped_in_meeting_order_concurrently()
    {
        var meetings = _session.Run("Get-BloomyMeeting").ThrowIfFailed().OutputOf<Meeting>().ToList();
        Assert.True(meetings.Count >= 2);
        Emulator.Latency = TimeSpan.FromMilliseconds(150);
        Emulator.Stats.Reset();

        var headlines = _session.Run("Get-BloomyMeeting | Get-BloomyHeadline").ThrowIfFailed().OutputOf<Headline>().ToList();

        var expected = meetings.SelectMany(m => Emulator.Store.Headlines.Where(h => h.MeetingId == m.Id)).Select(h => h.Id);
        Assert.Equal(expected.Order(), headlines.Select(h => h.Id).Order());
        Assert.Equal(meetings.Select(m => m.Id).Where(id => headlines.Any(h => h.MeetingId == id)),
            headlines.Select(h => h.MeetingId!.Value).Distinct());
        Assert.Equal(meetings.Count, Emulator.Stats.CountFor("GET", "l10/{id}/headlines"));
        Assert.True(Emulator.Stats.PeakInFlight >= 2, $"meetings are read concurrently (peak {Emulator.Stats.PeakInFlight})");
    }

    [Fact]
    public void A_user_object_binds_as_a_user_and_a_meeting_object_as_a_meeting()
    {
        var result = _session.Run("Get-BloomyUser | Get-BloomyHeadline; (Get-BloomyMeeting)[0] | Get-BloomyHeadline").ThrowIfFailed();

        Assert.Equal(1, Emulator.Stats.CountFor("GET", "headline/users/{id}"));
        Assert.Equal(1, Emulator.Stats.CountFor("GET", "l10/{id}/headlines"));
        Assert.Equal(0, Emulator.Stats.CountFor("GET", "headline/{id}"));
        Assert.NotEmpty(result.Output);
    }

    [Fact]
    public void Your_headlines_are_the_ones_you_own()
    {
        var headlines = _session.Run("Get-BloomyHeadline").ThrowIfFailed().OutputOf<Headline>().ToList();

        var expected = Emulator.Store.Headlines.Where(h => h.OwnerId == Emulator.DemoUserId).Select(h => h.Id);
        Assert.Equal(expected.Order(), headlines.Select(h => h.Id).Order());
        Assert.All(headlines, h => Assert.Equal(Emulator.DemoUserId, h.OwnerId));
    }

    [Fact]
    public void Headlines_by_id_come_out_in_input_order_with_their_meeting_and_a_missing_one_is_one_error_naming_it()
    {
        var ids = UntouchedHeadlines(2);

        var result = _session.Run("$a, $missing, $b | Get-BloomyHeadline",
            new() { ["a"] = ids[0], ["missing"] = MissingId, ["b"] = ids[1] });

        Assert.Null(result.Terminating);
        var headlines = result.OutputOf<Headline>().ToList();
        Assert.Equal(ids, headlines.Select(h => h.Id));
        Assert.All(headlines, h => Assert.Equal(Emulator.Store.FindMeeting(h.MeetingId!.Value)!.Name, h.MeetingName));
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"headline {MissingId}");
    }

    [Fact]
    public void Both_a_user_and_a_meeting_id_is_an_error_before_any_request()
    {
        var result = _session.Run("Get-BloomyHeadline -UserId 1001 -MeetingId 2001");

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("AmbiguousParameterSet", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Csv_like_rows_share_one_headline_each_and_a_bad_row_is_one_error_naming_it()
    {
        var meetingId = Emulator.Store.Meetings[0].Id;
        var owner = Emulator.Store.Meetings[0].AttendeeIds[1];
        var result = _session.Run("""
            [pscustomobject]@{ MeetingId = "$m"; Title = 'Closed our biggest deal'; OwnerId = "$o"; Notes = 'Q3' },
            [pscustomobject]@{ MeetingId = "$missing"; Title = 'Nowhere to share this'; OwnerId = '' },
            [pscustomobject]@{ MeetingId = "$m"; Title = 'New hire starts Monday'; UserId = ''; Notes = '' } | New-BloomyHeadline
            """, new() { ["m"] = meetingId, ["o"] = owner, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        var created = result.OutputOf<Headline>().ToList();
        Assert.Equal(["Closed our biggest deal", "New hire starts Monday"], created.Select(h => h.Title));
        Assert.All(created, h => Assert.Equal(meetingId, h.MeetingId));
        Assert.Equal([owner, Emulator.DemoUserId], created.Select(h => h.OwnerId!.Value));
        var stored = created.Select(h => Emulator.Store.FindHeadline(h.Id)!).ToList();
        Assert.Equal([owner, Emulator.DemoUserId], stored.Select(h => h.OwnerId));
        // Notes are written the only way the API can (GraphQL CreateNote + CreateHeadline): the pad holds them.
        Assert.Equal(["Q3\n", null], stored.Select(h => Emulator.Pads.Text(h.NotesId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("headline 'Nowhere to share this'", error.ToString());
        Assert.Equal(MissingId, Assert.IsType<PSObject>(error.TargetObject).Properties["MeetingId"].Value);
    }

    [Fact]
    public void New_headline_with_WhatIf_or_an_empty_title_sends_nothing()
    {
        var before = Emulator.Store.Headlines.Count;

        var whatIf = _session.Run("New-BloomyHeadline -MeetingId 2001 -Title 'Not yet' -WhatIf");
        var empty = _session.Run("New-BloomyHeadline -MeetingId 2001 -Title ''");

        Assert.Null(whatIf.Terminating);
        Assert.Empty(whatIf.Errors);
        Assert.Empty(whatIf.Output);
        Assert.NotNull(empty.TerminatingRecord);
        Assert.Contains("Title", empty.TerminatingRecord!.ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(before, Emulator.Store.Headlines.Count);
    }

    [Fact]
    public void Set_renames_piped_headlines_and_PassThru_returns_them_as_changed()
    {
        var ids = UntouchedHeadlines(2);
        var headlines = _session.Run("Get-BloomyHeadline -Id $ids", new() { ["ids"] = ids.ToArray() })
            .ThrowIfFailed().OutputOf<Headline>().ToList();
        Emulator.Stats.Reset();

        var result = _session.Run("$headlines | Set-BloomyHeadline -Title 'Deal signed' -PassThru",
            new() { ["headlines"] = headlines }).ThrowIfFailed();

        var renamed = result.OutputOf<Headline>().ToList();
        Assert.Equal(ids, renamed.Select(h => h.Id));
        Assert.All(renamed, h => Assert.Equal("Deal signed", h.Title));
        Assert.All(ids, id => Assert.Equal("Deal signed", Emulator.Store.FindHeadline(id)!.Title));
        var puts = Emulator.Stats.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(ids.Select(id => $"headline/{id}").Order(), puts.Select(r => r.RelativePath).Order());
        Assert.All(puts, r => Assert.Equal("{\"title\":\"Deal signed\"}", r.Body));
    }

    [Fact]
    public void Set_without_PassThru_writes_nothing_and_a_missing_headline_is_one_error_naming_it()
    {
        var id = UntouchedHeadlines(1)[0];

        var result = _session.Run("$missing, $id | Set-BloomyHeadline -Title 'Renamed'", new() { ["id"] = id, ["missing"] = MissingId });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"headline {MissingId}");
        Assert.Equal("Renamed", Emulator.Store.FindHeadline(id)!.Title);
    }

    [Fact]
    public void Set_with_WhatIf_or_an_empty_title_sends_nothing()
    {
        var id = UntouchedHeadlines(1)[0];
        var title = Emulator.Store.FindHeadline(id)!.Title;

        var whatIf = _session.Run("Set-BloomyHeadline -Id $id -Title 'Not this' -WhatIf", new() { ["id"] = id });
        var empty = _session.Run("Set-BloomyHeadline -Id $id -Title ''", new() { ["id"] = id });

        Assert.Null(whatIf.Terminating);
        Assert.Empty(whatIf.Errors);
        Assert.NotNull(empty.TerminatingRecord);
        Assert.Contains("Title", empty.TerminatingRecord!.ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(title, Emulator.Store.FindHeadline(id)!.Title);
    }

    [Fact]
    public void Piping_your_headlines_to_Remove_with_WhatIf_sends_nothing()
    {
        var mine = Emulator.Store.Headlines.Where(h => h.OwnerId == Emulator.DemoUserId).Select(h => h.Id).ToList();
        Assert.NotEmpty(mine);

        var result = _session.Run("Get-BloomyHeadline | Remove-BloomyHeadline -WhatIf");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method != "GET");
        Assert.All(mine, id => Assert.NotNull(Emulator.Store.FindHeadline(id)));
    }

    [Fact]
    public void Remove_deletes_piped_headlines_and_a_missing_one_is_one_error_naming_it()
    {
        var meetingId = Emulator.Store.Meetings[1].Id;
        var created = _session.Run(
            "New-BloomyHeadline -MeetingId $m -Title 'First to delete'; New-BloomyHeadline -MeetingId $m -Title 'Second to delete'",
            new() { ["m"] = meetingId }).ThrowIfFailed().OutputOf<Headline>().ToList();
        Emulator.Stats.Reset();

        var result = _session.Run("$a, $missing, $b | Remove-BloomyHeadline -Confirm:$false",
            new() { ["a"] = created[0], ["missing"] = MissingId, ["b"] = created[1] });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.All(created, h => Assert.Null(Emulator.Store.FindHeadline(h.Id)));
        Assert.Equal(created.Select(h => $"headline/{h.Id}").Append($"headline/{MissingId}").Order(),
            Emulator.Stats.Requests.Where(r => r.Method == "DELETE").Select(r => r.RelativePath).Order());
        AssertNotFound(Assert.Single(result.Errors), MissingId, $"headline {MissingId}");
    }

    [Fact]
    public void User_and_meeting_objects_never_bind_as_headlines()
    {
        var result = _session.Run("Get-BloomyUser | Remove-BloomyHeadline -Confirm:$false; Get-BloomyMeeting | Remove-BloomyHeadline -Confirm:$false; Get-BloomyUser | Set-BloomyHeadline -Title 'x'");

        Assert.NotEmpty(result.Errors);
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method is "DELETE" or "PUT");
    }

    /// <summary>Headlines no other test has changed, claimed for one test.</summary>
    private List<long> UntouchedHeadlines(int count)
    {
        var ids = Emulator.Store.Headlines
            .Where(h => h.OwnerId != Emulator.DemoUserId && !_fixture.Claimed.Contains(h.Id))
            .Take(count).Select(h => h.Id).ToList();
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
