using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>Get-BloomyScorecard, Get-BloomyMeasurable, Set-BloomyScore and Get-BloomyScorecardWeek inside the real engine against the emulator.</summary>
public sealed class ScorecardCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public ScorecardCmdletTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.Stats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    private int CurrentWeek => Emulator.Store.CurrentWeekNumber;

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Your_meetings_piped_in_give_each_meetings_entered_scores_together()
    {
        var meetings = Emulator.Store.Meetings.Where(m => m.AttendeeIds.Contains(Emulator.DemoUserId)).Select(m => m.Id).ToList();
        Assert.Equal(new long[] { 2001, 2002 }, meetings);

        var scores = _session.Run("Get-BloomyMeeting | Get-BloomyScorecard").ThrowIfFailed().OutputOf<ScorecardItem>().ToList();

        var expected = meetings.SelectMany(ScoresOfMeeting).Where(s => s.Measured is not null).ToList();
        Assert.Equal(expected.Select(s => s.Id).Order(), scores.Select(s => s.Id).Order());
        Assert.All(scores, s => Assert.NotNull(s.Value));
        var meetingOfScore = scores.Select(s => Emulator.Store.FindMeasurable(s.MeasurableId)!.MeetingId!.Value).ToList();
        Assert.Equal(meetings, meetingOfScore.Distinct());
        Assert.Equal(meetingOfScore.OrderBy(m => meetings.IndexOf(m)), meetingOfScore);
        Assert.Equal(2, Emulator.Stats.CountFor("GET", "scorecard/meeting/{id}"));
    }

    [Fact]
    public void One_week_with_empty_scores_has_one_score_per_measurable()
    {
        var scores = _session.Run("Get-BloomyScorecard -MeetingId 2003 -WeekOffset -1 -IncludeEmpty").ThrowIfFailed()
            .OutputOf<ScorecardItem>().ToList();

        Assert.Equal(Emulator.Store.Measurables.Where(m => m.MeetingId == 2003).Select(m => m.Id), scores.Select(s => s.MeasurableId));
        Assert.All(scores, s => Assert.Equal(CurrentWeek - 1, s.WeekNumber));
        Assert.All(scores, s => Assert.Equal(Emulator.Store.FindScore(s.MeasurableId, CurrentWeek - 1)!.Measured, s.Value));
    }

    [Fact]
    public void Your_scorecard_and_a_users_scorecard()
    {
        var mine = _session.Run("Get-BloomyScorecard").ThrowIfFailed().OutputOf<ScorecardItem>().ToList();
        Assert.NotEmpty(mine);
        Assert.Equal(ScoresOfOwner(Emulator.DemoUserId).Where(s => s.Measured is not null).Select(s => s.Id).Order(), mine.Select(s => s.Id).Order());

        var theirs = _session.Run("Get-BloomyUser -Id 1002 | Get-BloomyScorecard -IncludeEmpty").ThrowIfFailed().OutputOf<ScorecardItem>().ToList();
        Assert.Equal(ScoresOfOwner(1002).Select(s => s.Id).Order(), theirs.Select(s => s.Id).Order());
        Assert.Equal(1, Emulator.Stats.CountPath("GET", "scorecard/user/1002"));
    }

    [Fact]
    public void Measurables_of_a_meeting_and_their_scores_for_a_week()
    {
        var expected = Emulator.Store.Measurables.Where(m => m.MeetingId == 2001).ToList();

        var measurables = _session.Run("Get-BloomyMeasurable -MeetingId 2001").ThrowIfFailed().OutputOf<Measurable>().ToList();
        Assert.Equal(expected.Select(m => (m.Id, m.Title, (long?)m.OwnerId)), measurables.Select(m => (m.Id, m.Title, m.OwnerId)));

        var scores = _session.Run("Get-BloomyMeasurable -MeetingId 2001 | Get-BloomyScorecard -WeekOffset -2").ThrowIfFailed()
            .OutputOf<ScorecardItem>().ToList();
        Assert.Equal(expected.Select(m => m.Id), scores.Select(s => s.MeasurableId));
        Assert.All(scores, s => Assert.Equal(CurrentWeek - 2, s.WeekNumber));
        Assert.All(scores, s => Assert.Equal(Emulator.Store.FindScore(s.MeasurableId, CurrentWeek - 2)!.Measured, s.Value));
        Assert.Equal(expected.Select(m => $"scorecard/user/{m.OwnerId}").Order(), Emulator.Stats.Requests
            .Where(r => r.RelativePath.StartsWith("scorecard/user/", StringComparison.Ordinal)).Select(r => r.RelativePath).Order());
    }

    [Fact]
    public void An_unknown_measurable_or_meeting_is_one_error_record_naming_it()
    {
        var own = Emulator.Store.Measurables.First(m => m.OwnerId == Emulator.DemoUserId).Id;

        var score = _session.Run("Get-BloomyScorecard -MeasurableId $a, 999999", new() { ["a"] = own });
        Assert.Equal(own, Assert.Single(score.OutputOf<ScorecardItem>()).MeasurableId);
        AssertNotFound(Assert.Single(score.Errors), "measurable 999999");

        var measurables = _session.Run("2001, 999999, 2002 | Get-BloomyMeasurable");
        Assert.Equal(6, measurables.OutputOf<Measurable>().Count());
        AssertNotFound(Assert.Single(measurables.Errors), "measurables of meeting 999999");

        var scorecards = _session.Run("Get-BloomyScorecard -MeetingId 999999, 2001");
        Assert.NotEmpty(scorecards.OutputOf<ScorecardItem>());
        AssertNotFound(Assert.Single(scorecards.Errors), "scorecard of meeting 999999");
    }

    [Fact]
    public void MeasurableId_reads_any_measurable_the_key_can_see_from_its_owners_scorecard_as_Set_BloomyScore_writes_it()
    {
        var others = Emulator.Store.Measurables.Where(m => m.OwnerId != Emulator.DemoUserId).Take(2).ToList();
        Assert.Equal(2, others.Count);
        _session.Run("$others | ForEach-Object { Set-BloomyScore -MeasurableId $_ -Value 7.5 -WeekOffset -1 }",
            new() { ["others"] = others.Select(m => m.Id).ToArray() }).ThrowIfFailed();
        Emulator.Stats.Reset();

        var read = _session.Run("Get-BloomyScorecard -MeasurableId $others -WeekOffset -1",
            new() { ["others"] = others.Select(m => m.Id).ToArray() }).ThrowIfFailed().OutputOf<ScorecardItem>().ToList();

        Assert.Equal(others.Select(m => m.Id), read.Select(i => i.MeasurableId));
        Assert.All(read, i => Assert.Equal(7.5m, i.Value));
        Assert.All(read, i => Assert.Equal(CurrentWeek - 1, i.WeekNumber));
        Assert.Equal(others.Select(m => $"scorecard/user/{m.OwnerId}").Order(),
            Emulator.Stats.Requests.Where(r => r.RelativePath.StartsWith("scorecard/", StringComparison.Ordinal)).Select(r => r.RelativePath).Order());
    }

    [Fact]
    public void An_unknown_measurable_is_said_not_to_exist_and_an_empty_cell_is_no_error()
    {
        var other = Emulator.Store.Measurables.First(m => m.OwnerId != Emulator.DemoUserId).Id;
        _session.Run($"Set-BloomyScore -MeasurableId {other} -Value $null -WeekOffset -2").ThrowIfFailed();

        var result = _session.Run($"Get-BloomyScorecard -MeasurableId 999999, {other} -WeekOffset -2");

        var empty = Assert.Single(result.OutputOf<ScorecardItem>());
        Assert.Equal((other, (decimal?)null), (empty.MeasurableId, empty.Value));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("does not exist", error.ToString());
        Assert.DoesNotContain("no score", error.ToString());
    }

    [Fact]
    public void Set_BloomyScore_enters_and_clears_a_score_for_a_week()
    {
        var measurable = Emulator.Store.Measurables.First(m => m.MeetingId == 2004).Id;

        _session.Run($"Set-BloomyScore -MeasurableId {measurable} -Value 42.5 -WeekOffset -1").ThrowIfFailed();
        Assert.Equal(42.5m, Emulator.Store.FindScore(measurable, CurrentWeek - 1)!.Measured);
        var put = Assert.Single(Emulator.Stats.Requests, r => r.Method == "PUT");
        Assert.Equal($"measurables/{measurable}/week/{CurrentWeek - 1}", put.RelativePath);
        Assert.Equal("{\"value\":42.5}", put.Body);

        _session.Run($"Set-BloomyScore {measurable} $null -WeekOffset -1").ThrowIfFailed();
        Assert.Null(Emulator.Store.FindScore(measurable, CurrentWeek - 1)!.Measured);
    }

    [Fact]
    public void Csv_like_rows_enter_one_score_each_and_a_bad_row_is_one_error()
    {
        var ids = Emulator.Store.Measurables.Where(m => m.MeetingId == 2005).Select(m => m.Id).ToList();

        var result = _session.Run("""
            [pscustomobject]@{ MeasurableId = $a; Value = '10' },
            [pscustomobject]@{ MeasurableId = 999999; Value = '1' },
            [pscustomobject]@{ MeasurableId = $b; Value = '20'; WeekOffset = '-3' } | Set-BloomyScore
            """, new() { ["a"] = ids[0], ["b"] = ids[1] });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("measurable 999999", error.ToString());
        Assert.Equal(999999L, Assert.IsType<PSObject>(error.TargetObject).Properties["MeasurableId"].Value);
        Assert.Equal(10m, Emulator.Store.FindScore(ids[0], CurrentWeek)!.Measured);
        Assert.Equal(20m, Emulator.Store.FindScore(ids[1], CurrentWeek - 3)!.Measured);
    }

    [Fact]
    public void Piped_scores_are_set_for_their_own_week()
    {
        var scores = _session.Run("Get-BloomyScorecard -MeetingId 2006 -WeekOffset -4 -IncludeEmpty").ThrowIfFailed()
            .OutputOf<ScorecardItem>().ToList();
        Assert.Equal(3, scores.Count);
        Emulator.Stats.Reset();

        _session.Run("$s | Set-BloomyScore -Value 7", new() { ["s"] = scores }).ThrowIfFailed();

        Assert.All(scores, s => Assert.Equal(7m, Emulator.Store.FindScore(s.MeasurableId, CurrentWeek - 4)!.Measured));
        Assert.Equal(1 + scores.Count, Emulator.Stats.CountFor("GET", "weeks/current"));
    }

    [Fact]
    public void A_week_number_and_a_week_offset_together_are_refused()
    {
        var measurable = Emulator.Store.Measurables.First(m => m.MeetingId == 2008).Id;

        var both = _session.Run($"Set-BloomyScore -MeasurableId {measurable} -Value 1 -WeekOffset 0 -WeekNumber {CurrentWeek}");
        Assert.Contains("not both", both.TerminatingRecord!.ToString());

        var row = _session.Run($"[pscustomobject]@{{ MeasurableId = {measurable}; Value = 1; WeekNumber = {CurrentWeek} }} | Set-BloomyScore -WeekOffset -1");
        Assert.Contains("not both", Assert.Single(row.Errors).ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void The_current_week_is_the_servers()
    {
        var week = Assert.IsType<ScorecardWeek>(Assert.Single(_session.Run("Get-BloomyScorecardWeek").ThrowIfFailed().Output));

        Assert.Equal(CurrentWeek, week.WeekNumber);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var score = _session.Run("Get-BloomyScorecard -MeetingId 2007 -WeekOffset 0 -IncludeEmpty").ThrowIfFailed().Output.First();
        var measurable = Emulator.Store.Measurables.First(m => m.MeetingId == 2007).Id;
        var before = Emulator.Store.Scores;
        Emulator.Stats.Reset();

        var result = _session.Run("""
            Set-BloomyScore -MeasurableId $m -Value 1 -WhatIf
            [pscustomobject]@{ MeasurableId = $m; Value = 2 } | Set-BloomyScore -WhatIf
            $s | Set-BloomyScore -Value $null -WhatIf
            """, new() { ["m"] = measurable, ["s"] = score });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Equal(before, Emulator.Store.Scores);
    }

    [Theory]
    [InlineData("Get-BloomyScorecard -UserId 1001 -MeetingId 2001", "parameter set")]
    [InlineData("Get-BloomyScorecard -MeetingId 2001 -MeasurableId 4001", "parameter set")]
    [InlineData("Get-BloomyMeeting -Id 2001 | Get-BloomyScorecard -UserId 1002", "")]
    [InlineData("Set-BloomyScore -MeasurableId 0 -Value 1", "MeasurableId")]
    [InlineData("Set-BloomyScore -MeasurableId 4001 -Value 'lots'", "Value")]
    public void Bad_arguments_fail_before_any_request_about_scores(string script, string message)
    {
        var run = _session.Run(script);

        var error = run.TerminatingRecord ?? Assert.Single(run.Errors);
        Assert.Contains(message, error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Emulator.Stats.Requests, r =>
            r.RelativePath.StartsWith("scorecard", StringComparison.OrdinalIgnoreCase)
            || r.RelativePath.StartsWith("measurables", StringComparison.OrdinalIgnoreCase)
            || r.RelativePath.EndsWith("/measurables", StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<EmulatorScore> ScoresOfMeeting(long meetingId) =>
        Emulator.Store.Scores.Where(s => Emulator.Store.FindMeasurable(s.MeasurableId)!.MeetingId == meetingId);

    private IEnumerable<EmulatorScore> ScoresOfOwner(long userId) =>
        Emulator.Store.Scores.Where(s => Emulator.Store.FindMeasurable(s.MeasurableId)!.OwnerId == userId);

    private static void AssertNotFound(ErrorRecord error, string label)
    {
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999999L, error.TargetObject);
        Assert.Contains(label, error.ToString());
    }
}
