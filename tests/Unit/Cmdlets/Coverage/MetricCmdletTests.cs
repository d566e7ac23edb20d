using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>The GraphQL measurable and score cmdlets inside the real engine against the emulator.</summary>
public sealed class MetricCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public MetricCmdletTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        Emulator.GraphQLSettings.Reset();
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.GraphQLStats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    private Metric New(string args) =>
        Assert.Single(_session.Run("New-BloomyMeasurable -MeetingId 2001 " + args).ThrowIfFailed().OutputOf<Metric>());

    [Fact]
    public void Rows_create_one_measurable_each_and_a_row_whose_goals_do_not_fit_its_rule_is_one_error_sent_nowhere()
    {
        var result = _session.Run("""
            @(
              [pscustomobject]@{ MeetingId = '2001'; Title = 'Row one'; Goal = '10'; Units = 'Dollar'; Rule = ''; Frequency = 'Monthly' }
              [pscustomobject]@{ MeetingId = '2001'; Title = 'Row bad'; Goal = '5'; Rule = 'Between'; MinGoal = '1'; MaxGoal = '9' }
              [pscustomobject]@{ MeetingId = '2001'; Title = 'Row three'; Rule = 'between'; MinGoal = '1'; MaxGoal = '9'; Notes = "a`nb" }
            ) | New-BloomyMeasurable
            """);

        var created = result.OutputOf<Metric>().ToList();
        Assert.Equal(new[] { "Row one", "Row three" }, created.Select(m => m.Title));
        Assert.Equal((MetricUnit.Dollar, MetricFrequency.Monthly, 10m), (created[0].Units, created[0].Frequency, created[0].Goal!.Value));
        Assert.Equal((MetricRule.Between, "a\nb"), (created[1].Rule, created[1].Notes));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.Validation", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(Emulator.GraphQLStats.Requests, r => r.Variables.Contains("Row bad"));
    }

    [Fact]
    public void WhatIf_creates_changes_and_archives_nothing()
    {
        var result = _session.Run("""
            New-BloomyMeasurable -MeetingId 2001 -Title 'Not made' -Goal 1 -WhatIf
            Set-BloomyMeasurable -Id 4001 -Title 'Not renamed' -WhatIf
            Remove-BloomyMeasurable -Id 4001 -WhatIf
            Set-BloomyScore -MeasurableId 4001 -Value 1 -Date 2026-05-01 -WhatIf
            Clear-BloomyScore -ScoreId 7001 -WhatIf
            """).ThrowIfFailed();

        Assert.Empty(result.Output);
        Assert.DoesNotContain(Emulator.GraphQLStats.Requests, r => r.Operation == "mutation");
    }

    [Fact]
    public void Get_by_id_gives_the_details_and_IncludeNotes_lists_every_page()
    {
        var made = New("-Title 'With notes' -Goal 3 -Notes 'first line'");
        Emulator.GraphQLSettings.DefaultPageSize = 3;

        var one = Assert.Single(_session.Run($"Get-BloomyMeasurable -Id {made.Id}").ThrowIfFailed().OutputOf<Metric>());
        var listed = _session.Run("Get-BloomyMeasurable -MeetingId 2001 -IncludeNotes").ThrowIfFailed().OutputOf<Metric>().ToList();

        Assert.Equal("first line", one.Notes);
        var expected = Emulator.Store.Measurables.Where(m => m.MeetingId == 2001 && !m.Archived).Select(m => m.Id).ToList();
        Assert.True(expected.Count > 3);
        Assert.Equal(expected, listed.Select(m => m.Id));
        Assert.Equal("first line", listed.Single(m => m.Id == made.Id).Notes);
    }

    [Fact]
    public void A_users_measurables_list_over_GraphQL_by_row_or_piped_user_with_a_frequency_and_an_unknown_user_is_one_error()
    {
        var monthly = New("-Title 'Owned monthly' -Goal 1 -Frequency Monthly -OwnerId 1002");
        New("-Title 'Owned weekly' -Goal 1 -OwnerId 1002");
        New("-Title 'Owned daily' -Goal 1 -Frequency Daily -OwnerId 1002");
        New("-Title 'Owned quarterly' -Goal 1 -Frequency Quarterly -OwnerId 1002");
        Emulator.GraphQLSettings.DefaultPageSize = 3;

        var result = _session.Run("""
            [pscustomobject]@{ UserId = '1002' }, [pscustomobject]@{ UserId = '999999' } | Get-BloomyMeasurable
            Get-BloomyUser -Id 1002 | Get-BloomyMeasurable -Frequency Monthly
            """);

        var owned = Emulator.Store.Measurables.Where(m => m.OwnerId == 1002 && !m.Archived).Select(m => m.Id).ToList();
        Assert.True(owned.Count > 3);
        var listed = result.OutputOf<Metric>().ToList();
        Assert.Equal(owned, listed.Take(owned.Count).Select(m => m.Id));
        Assert.All(listed, m => Assert.Equal(1002, m.OwnerId));
        var monthlyListed = listed.Skip(owned.Count).ToList();
        Assert.Contains(monthly.Id, monthlyListed.Select(m => m.Id));
        Assert.All(monthlyListed, m => Assert.Equal(MetricFrequency.Monthly, m.Frequency));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Contains("user 999999", error.ToString());
        Assert.True(Emulator.GraphQLStats.CountFor("user") > 2);
    }

    [Fact]
    public void A_meeting_list_stays_on_REST_unless_a_frequency_or_notes_are_asked_and_an_unknown_frequency_is_refused()
    {
        var rest = _session.Run("Get-BloomyMeasurable -MeetingId 2001").ThrowIfFailed();
        Assert.Empty(Emulator.GraphQLStats.Requests);
        Assert.NotEmpty(rest.OutputOf<Measurable>());

        var weekly = _session.Run("Get-BloomyMeasurable -MeetingId 2001 -Frequency weekly").ThrowIfFailed().OutputOf<Metric>().ToList();
        var refused = _session.Run("Get-BloomyMeasurable -MeetingId 2001 -Frequency Unknown");

        Assert.NotEmpty(weekly);
        Assert.All(weekly, m => Assert.Equal(MetricFrequency.Weekly, m.Frequency));
        Assert.NotNull(refused.Terminating);
        Assert.Contains("Frequency", refused.Terminating!.ToString());
    }

    [Fact]
    public void Set_changes_piped_measurables_and_an_unknown_one_is_one_error_among_them()
    {
        var a = New("-Title 'Set A' -Goal 1");
        var b = New("-Title 'Set B' -Goal 1");

        var result = _session.Run($"{a.Id}, 987654, {b.Id} | Set-BloomyMeasurable -Rule LessOrEqual -Goal 7 -PassThru");

        Assert.Equal(new[] { a.Id, b.Id }, result.OutputOf<Metric>().Select(m => m.Id));
        Assert.All(result.OutputOf<Metric>(), m => Assert.Equal((MetricRule.LessOrEqual, 7m), (m.Rule, m.Goal!.Value)));
        var error = Assert.Single(result.Errors);
        Assert.Contains("987654", error.ToString());
    }

    [Fact]
    public void Set_without_a_change_or_with_a_goal_and_a_range_stops_before_any_request()
    {
        var none = _session.Run("Set-BloomyMeasurable -Id 4001");
        var both = _session.Run("Set-BloomyMeasurable -Id 4001 -Goal 1 -MaxGoal 3");
        Assert.StartsWith("Bloomy.Validation", none.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.StartsWith("Bloomy.Validation", both.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Empty(Emulator.GraphQLStats.Requests);
    }

    [Fact]
    public void Remove_archives_REST_measurables_piped_from_the_meeting_list()
    {
        var made = New("-Title 'To archive' -Goal 1");

        _session.Run($"Get-BloomyMeasurable -MeetingId 2001 | Where-Object Id -eq {made.Id} | Remove-BloomyMeasurable -Confirm:$false").ThrowIfFailed();

        Assert.True(Emulator.Store.FindMeasurable(made.Id)!.Archived);
    }

    [Fact]
    public void Scores_by_date_history_note_and_clear()
    {
        var made = New("-Title 'Scored' -Goal 1 -Frequency Monthly");
        var result = _session.Run($"""
            Set-BloomyScore -MeasurableId {made.Id} -Value 5 -Date 2026-03-10
            Set-BloomyScore -MeasurableId {made.Id} -Value 6 -Date 2026-04-10
            @(Get-BloomyMeasurable -Id {made.Id} | Get-BloomyScore -Start 2026-01-01)[0] | Set-BloomyScore -Note 'April'
            Get-BloomyScore -MeasurableId {made.Id} -Start 2026-03-01 -End 2026-03-31 | Clear-BloomyScore
            Get-BloomyScore -MeasurableId {made.Id} -IncludeEmpty
            """).ThrowIfFailed();

        var scores = result.OutputOf<MetricScore>().ToList();
        Assert.Equal(new DateTimeOffset?[] { new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) },
            scores.Select(s => s.PeriodDate));
        Assert.Equal((6m, "April"), (scores[0].Value!.Value, scores[0].Note));
        Assert.Null(scores[1].Value);
    }

    [Fact]
    public void A_CSV_row_sets_a_score_by_date_and_the_week_rows_still_go_by_week()
    {
        var made = New("-Title 'CSV scored' -Goal 1");
        var week = Emulator.Store.CurrentWeekNumber;

        _session.Run($"""
            [pscustomobject]@{"{"} MeasurableId = '{made.Id}'; Value = '9'; Date = '2026-09-23' {"}"} | Set-BloomyScore
            [pscustomobject]@{"{"} MeasurableId = '{made.Id}'; Value = '4'; WeekOffset = '0' {"}"} | Set-BloomyScore
            """).ThrowIfFailed();

        Assert.Equal(9m, Emulator.Store.FindScore(made.Id, EmulatorStore.WeekNumberOf(new DateTime(2026, 9, 21, 0, 0, 0, DateTimeKind.Utc)))!.Measured);
        Assert.Equal(4m, Emulator.Store.FindScore(made.Id, week)!.Measured);
    }

    [Fact]
    public void Score_history_and_clearing_report_a_missing_item_and_go_on_with_the_others()
    {
        var made = New("-Title 'Failing items' -Goal 1");
        var first = _session.Run($"Set-BloomyScore -MeasurableId {made.Id} -Value 1 -Date 2026-02-04; Set-BloomyScore -MeasurableId {made.Id} -Value 2 -Date 2026-02-11; Get-BloomyScore -MeasurableId {made.Id}")
            .ThrowIfFailed().OutputOf<MetricScore>().ToList();
        Assert.Equal(2, first.Count);

        var history = _session.Run($"{made.Id}, 987654, 4001 | Get-BloomyScore -Start 2026-02-01 -End 2026-02-28");
        Assert.Equal(first.Select(s => s.Id), history.OutputOf<MetricScore>().Where(s => s.MeasurableId == made.Id).Select(s => s.Id));
        Assert.Contains("987654", Assert.Single(history.Errors).ToString());

        var cleared = _session.Run($"{first[0].Id}, 99999999, {first[1].Id} | Clear-BloomyScore");
        Assert.Contains("99999999", Assert.Single(cleared.Errors).ToString());
        Assert.All(first, s => Assert.Null(Emulator.Store.FindScoreById(s.Id)!.Measured));
    }

    [Fact]
    public void A_CSV_row_with_a_ScoreId_changes_that_scores_value_and_note()
    {
        var made = New("-Title 'Row edits' -Goal 1");
        var score = Assert.Single(_session.Run($"Set-BloomyScore -MeasurableId {made.Id} -Value 1 -Date 2026-03-04; Get-BloomyScore -MeasurableId {made.Id}")
            .ThrowIfFailed().OutputOf<MetricScore>());

        _session.Run($"""
            [pscustomobject]@{"{"} ScoreId = '{score.Id}'; Value = '3.5'; Note = 'from the sheet' {"}"} | Set-BloomyScore
            """).ThrowIfFailed();

        var stored = Emulator.Store.FindScoreById(score.Id)!;
        Assert.Equal((3.5m, "from the sheet"), (stored.Measured!.Value, stored.Notes));
    }
}
