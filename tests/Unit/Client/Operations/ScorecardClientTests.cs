using Bloomy.Client;
using Bloomy.Client.Models;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class ScorecardClientTests
{
    private const string Week = """{"Id": 638543808000000000, "ForWeekNumber": 25, "LocalDate": {"Date": "2024-06-17T00:00:00"}, "ForWeek": "2024-06-23T23:59:59", "IsCurrentWeek": true}""";

    private const string Scores = """
        {"Scores": [
          {"Id": 7001, "MeasurableId": 4001, "AccountableUserId": 1001, "MeasurableName": "Weekly revenue",
           "Target": 100000, "Measured": 95000, "Week": "2024-06-17T00:00:00Z", "ForWeek": 25,
           "DateEntered": "2024-06-20T10:00:00Z"},
          {"Id": 7002, "MeasurableId": 4002, "AccountableUserId": 1001, "MeasurableName": "New logos",
           "Target": null, "Measured": null, "Week": "2024-06-17T00:00:00Z", "ForWeek": 25,
           "DateEntered": null},
          {"Id": 7003, "MeasurableId": 4001, "AccountableUserId": 1001, "MeasurableName": "Weekly revenue",
           "Target": "", "Measured": "99.5", "Week": "2024-06-10T00:00:00Z", "ForWeek": 24,
           "DateEntered": "2024-06-12T10:00:00"}],
         "Measurables": [], "Weeks": []}
        """;

    [Fact]
    public async Task CurrentWeek_maps_tick_id_as_long()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "weeks/current", Week);

        var week = await client.Scorecard.GetCurrentWeekAsync();

        AssertRequests(h, "GET weeks/current");
        Assert.Equal(638543808000000000L, week.Id);
        Assert.Equal(25, week.WeekNumber);
        Assert.Equal("2024-06-17T00:00:00", week.WeekStart);
        Assert.Equal("2024-06-23T23:59:59", week.WeekEnd);
    }

    [Fact]
    public async Task List_defaults_to_current_user_and_drops_empty_scores()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/user/1001", Scores);

        var items = await client.Scorecard.ListAsync();

        AssertRequests(h, "GET users/mine", "GET scorecard/user/1001");
        Assert.Equal(new long[] { 7001, 7003 }, items.Select(i => i.Id));
        var first = items[0];
        Assert.Equal((4001L, 1001L, "Weekly revenue"), (first.MeasurableId, first.AccountableUserId, first.Title));
        Assert.Equal((100000m, 95000m), (first.Target!.Value, first.Value!.Value));
        Assert.Equal("2024-06-17T00:00:00Z", first.Week);
        Assert.Equal(25, first.WeekNumber);
        Assert.Equal(Utc(2024, 6, 20, 10), first.UpdatedAt);
        Assert.Null(items[1].Target);
        Assert.Equal(99.5m, items[1].Value);
        Assert.Equal(Local(2024, 6, 12, 10), items[1].UpdatedAt);
    }

    [Fact]
    public async Task List_with_week_offset_reads_weeks_current_after_the_scorecard()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/user/1001", Scores).On("GET", "weeks/current", Week);

        var lastWeek = await client.Scorecard.ListAsync(weekOffset: -1);

        AssertRequests(h, "GET users/mine", "GET scorecard/user/1001", "GET weeks/current");
        Assert.Equal(new long[] { 7003 }, lastWeek.Select(i => i.Id));
    }

    [Fact]
    public async Task List_for_a_meeting_with_show_empty_and_offset_zero()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/meeting/2001", Scores).On("GET", "weeks/current", Week);

        var items = await client.Scorecard.ListAsync(meetingId: 2001, showEmpty: true, weekOffset: 0);

        AssertRequests(h, "GET scorecard/meeting/2001", "GET weeks/current");
        Assert.Equal(new long[] { 7001, 7002 }, items.Select(i => i.Id));
    }

    [Fact]
    public async Task List_from_a_query_filters_as_the_positional_call_does()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/meeting/2001", Scores).On("GET", "weeks/current", Week);

        var items = await client.Scorecard.ListAsync(new ScorecardQuery { MeetingId = 2001, ShowEmpty = true, WeekOffset = 0 });
        var positional = await client.Scorecard.ListAsync(meetingId: 2001, showEmpty: true, weekOffset: 0);

        Assert.Equal(positional.Select(i => i.Id), items.Select(i => i.Id));
        Assert.Equal(new long[] { 7001, 7002 }, items.Select(i => i.Id));
        Assert.Throws<ArgumentNullException>(() => { _ = client.Scorecard.ListAsync((ScorecardQuery)null!); });
        Assert.Throws<ArgumentException>(() => { _ = client.Scorecard.ListAsync(new ScorecardQuery { UserId = 1001, MeetingId = 2001 }); });
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Scores\": null}")]
    public async Task List_refuses_a_missing_or_null_scores_list(string body)
    {
        // Not an empty scorecard: the answer lacks the list, and saying "no scores" would be a silent lie.
        var (client, h) = Create();
        h.On("GET", "scorecard/user/1002", body);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.Scorecard.ListAsync(1002));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("GET scorecard/user/1002 returned an answer without required structure: no Scores list (missing or null).", ex.Message);
    }

    [Fact]
    public async Task List_keeps_an_empty_scores_list_empty()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/user/1002", "{\"Scores\": []}");
        Assert.Empty(await client.Scorecard.ListAsync(1002));
    }

    [Fact]
    public async Task Get_finds_the_measurable_in_the_current_week_including_empty()
    {
        var (client, h) = Create();
        h.On("GET", "scorecard/user/1001", Scores).On("GET", "weeks/current", Week);

        var item = await client.Scorecard.GetAsync(4002);
        var missing = await client.Scorecard.GetAsync(4999);
        var previous = await client.Scorecard.GetAsync(4001, weekOffset: -1);

        Assert.Equal(7002, item!.Id);
        Assert.Null(missing);
        Assert.Equal(7003, previous!.Id);
        Assert.Equal(new[] { "GET users/mine", "GET scorecard/user/1001", "GET weeks/current" }, h.Lines().Take(3));
        Assert.Equal(1, h.Requests.Count(r => r.Path == "users/mine"));
    }

    [Fact]
    public async Task Score_reads_the_week_then_puts_the_value()
    {
        var (client, h) = Create();
        h.On("GET", "weeks/current", Week).OnEmpty("PUT", "measurables/4001/week/24").OnEmpty("PUT", "measurables/4001/week/25");

        await client.Scorecard.ScoreAsync(4001, 97.5m, weekOffset: -1);
        await client.Scorecard.ScoreAsync(4001, 100m);
        await client.Scorecard.ScoreAsync(4001, null);

        AssertRequests(h, "GET weeks/current", "PUT measurables/4001/week/24", "GET weeks/current", "PUT measurables/4001/week/25",
            "GET weeks/current", "PUT measurables/4001/week/25");
        Assert.Equal(new[] { """{"value":97.5}""", """{"value":100}""", """{"value":null}""" },
            h.Requests.Where(r => r.Method == "PUT").Select(r => r.Body));
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        var ex = Assert.Throws<ArgumentException>(() => { _ = client.Scorecard.ListAsync(1001, 2001); });
        Assert.Equal("Please provide either `user_id` or `meeting_id`, not both.", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Scorecard.GetAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Scorecard.ScoreAsync(0, 1m); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Scorecard.ListAsync(meetingId: 0); });
        Assert.Empty(h.Requests);
    }
}
