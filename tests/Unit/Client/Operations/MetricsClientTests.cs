using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Operations;

/// <summary>MetricsClient against the emulator's /graphql/: documents and variables as recorded, mapping, error families.</summary>
public sealed class MetricsClientTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly BloomEmulator _emulator;
    private readonly BloomyClient _client;

    public MetricsClientTests(EmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Faults.Reset();
        _emulator.GraphQLSettings.Reset();
        _emulator.GraphQLStats.Reset();
        _client = new BloomyClient(new BloomyClientOptions { ApiKey = _emulator.DemoApiKey, BaseUri = _emulator.BaseUri, MaxRetries = 0 });
    }

    public void Dispose() => _client.Dispose();

    private IReadOnlyList<GraphQLRequestRecord> Sent => _emulator.GraphQLStats.Requests;

    private static JsonNode? Vars(GraphQLRequestRecord r) => JsonNode.Parse(r.Variables);

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}, sent {actual?.ToJsonString()}");

    [Fact]
    public async Task Details_of_a_REST_measurable_map_every_field_by_its_measurableId()
    {
        var rest = _emulator.Store.Measurables.First(m => m.Unit == "Dollar");

        var metric = await _client.Metrics.GetAsync(rest.Id);

        Assert.Equal(rest.Id, metric.Id);
        Assert.Equal(rest.Title, metric.Title);
        Assert.Equal(rest.OwnerId, metric.OwnerId);
        Assert.Equal(_emulator.Store.FindUser(rest.OwnerId)!.Name, metric.OwnerName);
        Assert.Equal(MetricUnit.Dollar, metric.Units);
        Assert.Equal(MetricRule.GreaterOrEqual, metric.Rule);
        Assert.Equal(MetricFrequency.Weekly, metric.Frequency);
        Assert.Equal(rest.Target, metric.Goal);
        Assert.False(metric.Archived);
        var request = Assert.Single(Sent);
        Assert.Equal(new[] { "metric" }, request.RootFields);
        AssertJson($$$"""{"id":{{{rest.Id}}}}""", Vars(request));
        Assert.Contains("measurableId", request.Query);
        Assert.Contains("collaborationEnabled", request.Query);
    }

    [Fact]
    public async Task An_unknown_metric_is_not_found_naming_it()
    {
        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => _client.Metrics.GetAsync(987654));
        Assert.Contains("measurable 987654", ex.Message);
    }

    [Fact]
    public async Task A_meetings_list_reads_every_page_and_leaves_out_dividers_and_archived_rows()
    {
        var meeting = 2002L;
        var a = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = meeting, Title = "Paging one", Goal = 1 });
        var b = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = meeting, Title = "Paging two", Goal = 2 });
        var archived = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = meeting, Title = "Paging gone", Goal = 3 });
        await _client.Metrics.ArchiveAsync(archived);
        _emulator.GraphQLSettings.DefaultPageSize = 3;
        _emulator.GraphQLStats.Reset();

        var metrics = await _client.Metrics.ListAsync(meetingId: meeting);

        var expected = _emulator.Store.Measurables.Where(m => m.MeetingId == meeting && !m.Archived).Select(m => m.Id).ToList();
        Assert.True(expected.Count > 3);
        Assert.Equal(expected, metrics.Select(m => m.Id));
        Assert.Contains(a, metrics.Select(m => m.Id));
        Assert.Contains(b, metrics.Select(m => m.Id));
        Assert.All(metrics, m => Assert.Equal(meeting, m.MeetingId));
        Assert.True(Sent.Count >= 2, "more than one page read");
        AssertJson($$$"""{"meetingId":{{{meeting}}},"where":{"and":[{"archived":{"eq":false}},{"metricType":{"eq":"METRIC"}}]}}""", Vars(Sent[0]));
        Assert.NotNull(Vars(Sent[1])!["after"]);
    }

    [Fact]
    public async Task A_users_list_with_a_frequency_sends_the_frequency_condition()
    {
        var monthly = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "Monthly churn", Frequency = MetricFrequency.Monthly, Rule = MetricRule.LessOrEqual, Goal = 2,
        });
        _emulator.GraphQLStats.Reset();

        var metrics = await _client.Metrics.ListAsync(frequency: MetricFrequency.Monthly);

        Assert.Contains(monthly, metrics.Select(m => m.Id));
        Assert.All(metrics, m => Assert.Equal(MetricFrequency.Monthly, m.Frequency));
        var request = Sent.Last();
        AssertJson($$$"""{"userId":{{{_emulator.DemoUserId}}},"where":{"and":[{"archived":{"eq":false}},{"metricType":{"eq":"METRIC"}},{"frequency":{"eq":"MONTHLY"}}]}}""", Vars(request));
    }

    [Fact]
    public async Task Create_sends_the_SDK_input_and_the_metric_reads_back()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "  New customers ", Units = MetricUnit.Percent, Goal = 12.5m,
        });

        var create = Sent.Single(r => r.RootFields.Contains("CreateMetric"));
        AssertJson($$$"""
            {"input":{"title":"New customers","units":"PERCENT","rule":"GREATER_THAN","frequency":"WEEKLY","averageOverrideType":"NONE",
             "meetings":[2001],"customGoals":[],"singleGoalValue":"12.5","assignee":{{{_emulator.DemoUserId}}}}}
            """, Vars(create));
        var metric = await _client.Metrics.GetAsync(id);
        Assert.Equal(("New customers", MetricUnit.Percent, 12.5m), (metric.Title, metric.Units, metric.Goal!.Value));
        // Shared state: the REST measurable list of the meeting has it.
        Assert.Contains(id, (await _client.Meetings.GetMeasurablesAsync(2001)).Select(m => m.Id));
    }

    [Theory]
    [InlineData(MetricRule.Between, 5.0, null, null)]
    [InlineData(MetricRule.GreaterOrEqual, null, 1.0, 2.0)]
    [InlineData(MetricRule.Between, null, 9.0, 2.0)]
    public async Task Goals_that_do_not_fit_the_rule_are_refused_before_any_request(MetricRule rule, double? goal, double? min, double? max)
    {
        var request = new MetricCreateRequest
        {
            MeetingId = 2001, Title = "x", Rule = rule, Goal = (decimal?)goal, MinGoal = (decimal?)min, MaxGoal = (decimal?)max,
        };
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Metrics.CreateAsync(request));
        Assert.Empty(Sent);
    }

    [Fact]
    public async Task An_update_without_a_rule_refuses_a_goal_with_a_range_and_an_empty_update()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Metrics.UpdateAsync(4001, new MetricUpdate { Goal = 1, MaxGoal = 3 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Metrics.UpdateAsync(4001, new MetricUpdate()));
        Assert.Empty(Sent);
    }

    [Fact]
    public async Task Between_with_notes_writes_the_pad_first_and_update_sends_only_the_changes()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "Temperature", Rule = MetricRule.Between, MinGoal = 18, MaxGoal = 22, Notes = "line one\nline <two>",
        });
        Assert.Equal(new[] { "CreateNote", "CreateMetric" }, Sent.Select(r => r.RootFields[0]));
        var metric = await _client.Metrics.GetAsync(id);
        Assert.Equal((MetricRule.Between, 18m, 22m), (metric.Rule, metric.MinGoal!.Value, metric.MaxGoal!.Value));
        Assert.Equal("line one\nline <two>", metric.Notes);

        _emulator.GraphQLStats.Reset();
        await _client.Metrics.UpdateAsync(id, new MetricUpdate { Title = "Room temperature", Rule = MetricRule.LessOrEqual, Goal = 25 });
        AssertJson($$$"""{"input":{"metricId":{{{id}}},"title":"Room temperature","rule":"LESS_THAN_OR_EQUAL","singleGoalValue":"25"}}""", Vars(Sent.Single()));
        Assert.Equal(MetricRule.LessOrEqual, (await _client.Metrics.GetAsync(id)).Rule);
    }

    [Fact]
    public async Task An_update_of_an_unknown_metric_reports_the_servers_reason()
    {
        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => _client.Metrics.UpdateAsync(987654, new MetricUpdate { Title = "x" }));
        Assert.Contains("Measurable 987654 does not exist", ex.Message);
    }

    [Fact]
    public async Task Archive_hides_the_metric_from_REST_and_GraphQL_lists_but_not_by_id()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = 2001, Title = "Short-lived", Goal = 1 });
        await _client.Metrics.ArchiveAsync(id);

        AssertJson($$$"""{"input":{"metricId":{{{id}}},"archived":true}}""", Vars(Sent.Last()));
        Assert.True((await _client.Metrics.GetAsync(id)).Archived);
        Assert.DoesNotContain(id, (await _client.Metrics.ListAsync(meetingId: 2001)).Select(m => m.Id));
        Assert.DoesNotContain(id, (await _client.Meetings.GetMeasurablesAsync(2001)).Select(m => m.Id));
    }

    [Fact]
    public async Task A_weekly_score_is_upserted_on_its_Sunday_and_is_the_REST_week_score()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = 2001, Title = "Weekly upsert", Goal = 10 });
        var wednesday = new DateTimeOffset(2026, 9, 23, 15, 0, 0, TimeSpan.Zero);

        var first = await _client.Metrics.SetScoreAsync(id, 7, wednesday);
        var second = await _client.Metrics.SetScoreAsync(id, 8.5m, wednesday.AddDays(2));

        Assert.Equal(first, second);
        AssertJson($$$"""{"input":{"metricId":{{{id}}},"value":"7","timestamp":{{{UnixSeconds(wednesday)}}}}}""",
            Vars(Sent.First(r => r.RootFields.Contains("CreateMetricScore"))));
        var score = await _client.Metrics.GetScoreAsync(id, first);
        Assert.Equal(8.5m, score.Value);
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero), score.PeriodDate);
        Assert.Equal(8.5m, _emulator.Store.FindScore(id, EmulatorStore.WeekNumberOf(new DateTime(2026, 9, 21, 0, 0, 0, DateTimeKind.Utc)))!.Measured);
    }

    [Fact]
    public async Task A_monthly_score_is_stored_on_the_first_of_the_month()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "Monthly sales", Frequency = MetricFrequency.Monthly, Goal = 10,
        });
        var scoreId = await _client.Metrics.SetScoreAsync(id, 3, new DateTimeOffset(2026, 5, 17, 8, 0, 0, TimeSpan.Zero));
        var score = await _client.Metrics.GetScoreAsync(id, scoreId);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), score.PeriodDate);
    }

    [Fact]
    public async Task A_daily_score_falls_back_to_editing_the_days_placeholder()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "Daily calls", Frequency = MetricFrequency.Daily, Goal = 10,
        });
        var today = DateTimeOffset.UtcNow;
        _emulator.GraphQLStats.Reset();

        var scoreId = await _client.Metrics.SetScoreAsync(id, 42, today);

        Assert.Equal(new[] { "CreateMetricScore", "metric", "EditMetricScore" }, Sent.Select(r => r.RootFields[0]));
        var score = await _client.Metrics.GetScoreAsync(id, scoreId);
        Assert.Equal(42m, score.Value);
        Assert.Equal(today.UtcDateTime.Date, score.PeriodDate!.Value.UtcDateTime.Date);
    }

    [Fact]
    public async Task A_daily_score_outside_the_placeholders_is_created_and_a_second_one_that_day_edits_it()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest
        {
            MeetingId = 2001, Title = "Daily far", Frequency = MetricFrequency.Daily, Goal = 10,
        });
        var far = DateTimeOffset.UtcNow.AddDays(MetricState.DailyPlaceholderDays + 30);
        var first = await _client.Metrics.SetScoreAsync(id, 1, far);
        var second = await _client.Metrics.SetScoreAsync(id, 2, far.AddHours(1));
        Assert.Equal(first, second);
        Assert.Equal(2m, (await _client.Metrics.GetScoreAsync(id, first)).Value);
    }

    [Fact]
    public async Task Score_history_sends_the_bounds_and_hides_empty_scores_unless_asked()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = 2001, Title = "History", Goal = 10 });
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var kept = await _client.Metrics.SetScoreAsync(id, 5, start.AddDays(10));
        var cleared = await _client.Metrics.SetScoreAsync(id, 6, start.AddDays(20));
        await _client.Metrics.SetScoreAsync(id, 9, start.AddDays(200));
        await _client.Metrics.ClearScoreAsync(cleared);
        AssertJson($$$"""{"input":{"id":{{{cleared}}},"value":null}}""", Vars(Sent.Last()));
        _emulator.GraphQLStats.Reset();

        var scores = await _client.Metrics.GetScoresAsync(id, start, start.AddDays(60));
        var withEmpty = await _client.Metrics.GetScoresAsync(id, start, start.AddDays(60), includeEmpty: true);

        Assert.Equal(new[] { kept }, scores.Select(s => s.Id));
        Assert.Equal(new[] { cleared, kept }, withEmpty.Select(s => s.Id));
        Assert.Null(withEmpty[0].Value);
        AssertJson($$$"""{"metricId":{{{id}}},"where":{"and":[{"timestamp":{"gte":{{{UnixSeconds(start)}}}}},{"timestamp":{"lte":{{{UnixSeconds(start.AddDays(60))}}}}}]}}""", Vars(Sent[0]));
    }

    [Fact]
    public async Task A_scores_value_and_note_are_edited_together_and_the_note_alone()
    {
        var id = await _client.Metrics.CreateAsync(new MetricCreateRequest { MeetingId = 2001, Title = "Edit score", Goal = 10 });
        var scoreId = await _client.Metrics.SetScoreAsync(id, 123, DateTimeOffset.UtcNow);

        await _client.Metrics.UpdateScoreAsync(scoreId, 125, "hi");
        AssertJson($$$"""{"input":{"id":{{{scoreId}}},"value":"125","notesText":"hi"}}""", Vars(Sent.Last()));
        await _client.Metrics.UpdateScoreAsync(scoreId, note: "only the note");

        var score = await _client.Metrics.GetScoreAsync(id, scoreId);
        Assert.Equal((125m, "only the note"), (score.Value!.Value, score.Note));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => _client.Metrics.UpdateScoreAsync(scoreId));
    }

    [Fact]
    public async Task An_unknown_score_is_not_found_and_an_unknown_metrics_scores_too()
    {
        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => _client.Metrics.GetScoreAsync(4001, 99999999));
        Assert.Contains("score 99999999", ex.Message);
        await Assert.ThrowsAsync<BloomyNotFoundException>(() => _client.Metrics.GetScoresAsync(987654));
        var edit = await Assert.ThrowsAsync<BloomyGraphQLException>(() => _client.Metrics.ClearScoreAsync(99999999));
        Assert.Contains("Score 99999999 does not exist", edit.Message);
    }

    private static string UnixSeconds(DateTimeOffset t) =>
        (t - DateTimeOffset.UnixEpoch).TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>MetricsClient against a scripted server: answers the emulator cannot give.</summary>
public sealed class MetricsClientScriptedTests
{
    [Fact]
    public async Task A_null_CreateMetricScore_without_errors_says_the_value_was_not_a_number_and_nothing_was_stored()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new Bloomy.Tests.Client.Core.FakeHandler(time);
        handler.Respond(System.Net.HttpStatusCode.OK, """{"data":{"CreateMetricScore":null}}""");
        using var client = new BloomyClient(Bloomy.Tests.Client.Core.CoreTest.Options(handler, time));

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => client.Metrics.SetScoreAsync(4001, 12.5m, DateTimeOffset.UtcNow));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("could not parse the value '12.5'", ex.Message);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_DAILY_already_exists_error_without_a_score_that_day_is_reported_as_the_server_said()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new Bloomy.Tests.Client.Core.FakeHandler(time);
        handler.Respond(System.Net.HttpStatusCode.OK, """
            {"errors":[{"message":"Unexpected Execution Error","extensions":{"message":"A score for this measurable and date already exists."}}],
             "data":{"CreateMetricScore":null}}
            """);
        handler.Respond(System.Net.HttpStatusCode.OK, """{"data":{"metric":{"scoresNonPaginated":[]}}}""");
        using var client = new BloomyClient(Bloomy.Tests.Client.Core.CoreTest.Options(handler, time));

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => client.Metrics.SetScoreAsync(4001, 1, DateTimeOffset.UtcNow));

        Assert.Contains("already exists", ex.Message);
        Assert.Equal(2, handler.Requests.Count);
    }
}
