using System.Globalization;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class ScorecardEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task Current_week_matches_the_week_numbers_of_the_scores()
    {
        var week = await Client.Scorecard.GetCurrentWeekAsync();

        AssertCalls(new Call("GET", "weeks/current"));
        var start = Store.CurrentWeekStart;
        Assert.Equal(Store.CurrentWeekNumber, week.WeekNumber);
        Assert.Equal(start.AddDays(6).Ticks, week.Id);
        Assert.Equal(start.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), week.WeekStart);
        Assert.Equal(start.AddDays(6).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), week.WeekEnd);
    }

    [Fact]
    public async Task GetMeasurable_reads_anyones_measurable_with_its_owner_and_null_for_an_unknown_id()
    {
        var theirs = Store.Measurables.First(m => m.OwnerId != Me);

        var measurable = await Client.Scorecard.GetMeasurableAsync(theirs.Id);
        AssertCalls(new Call("GET", $"measurables/{theirs.Id}"));
        ForgetCalls();
        var unknown = await Client.Scorecard.GetMeasurableAsync(999999);

        Assert.Equal(400, Assert.Single(Emulator.Stats.Requests).StatusCode); // the server's answer for an unknown id
        Assert.NotNull(measurable);
        Assert.Equal((theirs.Id, theirs.Title, (long?)theirs.OwnerId), (measurable!.Id, measurable.Title, measurable.OwnerId));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task List_defaults_to_the_current_user_and_drops_empty_cells_unless_asked()
    {
        var filled = await Client.Scorecard.ListAsync();
        var all = await Client.Scorecard.ListAsync(showEmpty: true);

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"scorecard/user/{Me}"), new Call("GET", $"scorecard/user/{Me}"));
        var expected = ScoresOf(Store.Measurables.Where(m => m.OwnerId == Me));
        Assert.Equal(expected.Select(s => s.Score.Id), all.Select(i => i.Id));
        Assert.Equal(expected.Where(s => s.Score.Measured is not null).Select(s => s.Score.Id), filled.Select(i => i.Id));
        Assert.Contains(all, i => i.Value is null);
        var (measurable, score) = expected.First(s => s.Score.Measured is not null);
        var item = filled[0];
        Assert.Equal((score.MeasurableId, Me, measurable.Title, measurable.Target, score.Measured, score.WeekNumber),
            (item.MeasurableId, item.AccountableUserId, item.Title, item.Target, item.Value, item.WeekNumber));
        Assert.Equal(EmulatorStore.WeekStart(score.WeekNumber).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), item.Week);
        Assert.Equal(score.DateEntered, item.UpdatedAt);
    }

    [Fact]
    public async Task List_for_a_meeting_with_a_week_offset_keeps_that_week_only()
    {
        var lastWeek = await Client.Scorecard.ListAsync(meetingId: 2001, showEmpty: true, weekOffset: -1);

        AssertCalls(new Call("GET", "scorecard/meeting/2001"), new Call("GET", "weeks/current"));
        var expected = ScoresOf(Store.Measurables.Where(m => m.MeetingId == 2001)).Where(s => s.Score.WeekNumber == Store.CurrentWeekNumber - 1);
        Assert.Equal(expected.Select(s => s.Score.Id), lastWeek.Select(i => i.Id));
        Assert.Equal(3, lastWeek.Count);
    }

    [Fact]
    public async Task Get_reads_the_user_scorecard_and_the_current_week()
    {
        var measurable = Store.Measurables.First(m => m.OwnerId == 1002);

        var item = await Client.Scorecard.GetAsync(measurable.Id, userId: 1002);
        var unknown = await Client.Scorecard.GetAsync(999999, userId: 1002);

        AssertCalls(new Call("GET", "scorecard/user/1002"), new Call("GET", "weeks/current"),
            new Call("GET", "scorecard/user/1002"), new Call("GET", "weeks/current"));
        var score = Store.FindScore(measurable.Id, Store.CurrentWeekNumber)!;
        Assert.Equal((score.Id, score.Measured, Store.CurrentWeekNumber), (item!.Id, item.Value, item.WeekNumber));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task A_score_put_is_visible_in_the_next_read_of_that_week()
    {
        var measurable = Store.Measurables.First(m => m.OwnerId == Me);
        var week = Store.CurrentWeekNumber - 1;

        await Client.Scorecard.ScoreAsync(measurable.Id, 97.5m, weekOffset: -1);
        var read = await Client.Scorecard.GetAsync(measurable.Id, weekOffset: -1);

        Assert.Equal(new[]
        {
            new Call("GET", "weeks/current"),
            new Call("PUT", $"measurables/{measurable.Id}/week/{week}", Body: """{"value":97.5}"""),
            new Call("GET", "users/mine"),
            new Call("GET", $"scorecard/user/{Me}"),
            new Call("GET", "weeks/current"),
        }, Calls());
        AssertAllCallsSucceeded();
        Assert.Equal(97.5m, Store.FindScore(measurable.Id, week)!.Measured);
        Assert.Equal((97.5m, week), (read!.Value, read.WeekNumber));
    }

    [Fact]
    public async Task A_whole_number_score_and_a_cleared_score_go_over_the_wire_as_given()
    {
        var measurable = Store.Measurables.First(m => m.OwnerId == Me);
        var week = Store.CurrentWeekNumber;

        await Client.Scorecard.ScoreAsync(measurable.Id, 100m);
        var stored = Store.FindScore(measurable.Id, week)!.Measured;
        await Client.Scorecard.ScoreAsync(measurable.Id, null);

        var puts = Calls().Where(c => c.Method == "PUT").ToList();
        Assert.Equal(new[]
        {
            new Call("PUT", $"measurables/{measurable.Id}/week/{week}", Body: """{"value":100}"""),
            new Call("PUT", $"measurables/{measurable.Id}/week/{week}", Body: """{"value":null}"""),
        }, puts);
        Assert.Equal(100m, stored);
        Assert.Null(Store.FindScore(measurable.Id, week)!.Measured);
        Assert.DoesNotContain(await Client.Scorecard.ListAsync(weekOffset: 0), i => i.MeasurableId == measurable.Id);
    }

    [Fact]
    public async Task Scoring_an_unknown_measurable_is_a_404()
    {
        var error = await Assert.ThrowsAsync<Bloomy.Client.BloomyApiException>(() => Client.Scorecard.ScoreAsync(999999, 1m));

        Assert.Equal((404, "PUT", $"measurables/999999/week/{Store.CurrentWeekNumber}"), (error.StatusCode!.Value, error.Method, error.Path));
    }

    private List<(EmulatorMeasurable Measurable, EmulatorScore Score)> ScoresOf(IEnumerable<EmulatorMeasurable> measurables) =>
        measurables.SelectMany(m => Store.Scores.Where(s => s.MeasurableId == m.Id).OrderBy(s => s.WeekNumber).Select(s => (m, s))).ToList();
}
