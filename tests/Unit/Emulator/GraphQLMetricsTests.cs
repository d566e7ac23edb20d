using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>The emulator's metric rules (bloom-graphql §15, §17.4, §17.5), over raw HTTP.</summary>
public sealed class GraphQLMetricsTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private async Task<long> CreateMetric(string frequency = "WEEKLY")
    {
        var answer = await Post("mutation($input: MetricCreateModelInput!) { CreateMetric(input: $input) { id } }",
            new { input = new { title = "Emulator metric", frequency, meetings = new[] { 2001 }, singleGoalValue = "5" } });
        return answer.Data!["CreateMetric"]!["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task Meeting_rows_carry_link_ids_distinct_from_measurable_ids_and_a_divider_with_measurableId_0()
    {
        var answer = await Post("query { meeting(id: 2001) { metrics(first: 50) { nodes { id measurableId metricType notesId } } } }");

        var rows = answer.Data!["meeting"]!["metrics"]!["nodes"]!.AsArray();
        var divider = Assert.Single(rows, r => r!["metricType"]!.GetValue<string>() == "DIVIDER");
        Assert.Equal(0, divider!["measurableId"]!.GetValue<long>());
        Assert.Equal("0", divider["notesId"]!.GetValue<string>());
        Assert.All(rows, r => Assert.NotEqual(r!["id"]!.GetValue<long>(), r["measurableId"]!.GetValue<long>()));
        Assert.Equal(rows.Select(r => r!["id"]!.GetValue<long>()).Distinct().Count(), rows.Count);
    }

    [Fact]
    public async Task Archived_false_leaves_an_archived_metric_archived()
    {
        var id = await CreateMetric();
        const string edit = "mutation($input: MetricEditModelInput!) { EditMetric(input: $input) { id } }";
        await Post(edit, new { input = new { metricId = id, archived = true } });
        await Post(edit, new { input = new { metricId = id, archived = false } });

        var answer = await Post("query($id: Long!) { metric(id: $id) { archived } }", new { id });
        Assert.True(answer.Data!["metric"]!["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_gives_a_null_result_without_errors()
    {
        var id = await CreateMetric();
        var answer = await Post("mutation($input: MetricScoreCreateModelInput!) { CreateMetricScore(input: $input) { id } }",
            new { input = new { metricId = id, value = "abc", timestamp = 1790278038.0 } });

        Assert.Null(answer.Errors);
        Assert.Null(answer.Data!["CreateMetricScore"]);
    }

    [Fact]
    public async Task A_daily_day_that_has_its_placeholder_gives_the_already_exists_error()
    {
        var id = await CreateMetric("DAILY");
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;
        var answer = await Post("mutation($input: MetricScoreCreateModelInput!) { CreateMetricScore(input: $input) { id } }",
            new { input = new { metricId = id, value = "3", timestamp = now } });

        Assert.Equal("Unexpected Execution Error", answer.FirstError);
        Assert.Equal("A score for this measurable and date already exists.", answer.Errors![0]!["extensions"]!["message"]!.GetValue<string>());
        Assert.Null(answer.Data!["CreateMetricScore"]);
        var scores = await Post("query($id: Long!) { metric(id: $id) { scoresNonPaginated { value } } }", new { id });
        Assert.All(scores.Data!["metric"]!["scoresNonPaginated"]!.AsArray(), s => Assert.Equal("", s!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Scores_come_with_five_decimals_and_a_cleared_one_is_empty()
    {
        var id = await CreateMetric();
        var created = await Post("mutation($input: MetricScoreCreateModelInput!) { CreateMetricScore(input: $input) { id } }",
            new { input = new { metricId = id, value = "42", timestamp = 1790278038.0 } });
        var scoreId = created.Data!["CreateMetricScore"]!["id"]!.GetValue<long>();
        const string read = "query($id: Long!) { metric(id: $id) { scoresNonPaginated { id value timestamp } } }";

        var score = (await Post(read, new { id })).Data!["metric"]!["scoresNonPaginated"]![0]!;
        Assert.Equal("42.00000", score["value"]!.GetValue<string>());
        Assert.Equal(1789862400, score["timestamp"]!.GetValue<double>()); // Sunday 2026-09-20 00:00 UTC

        await Post("mutation($input: MetricScoreEditModelInput!) { EditMetricScore(input: $input) { id } }",
            new { input = new Dictionary<string, object?> { ["id"] = scoreId, ["value"] = null } });
        score = (await Post(read, new { id })).Data!["metric"]!["scoresNonPaginated"]![0]!;
        Assert.Equal("", score["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("QUARTERLY", 1786000000.0, 1782864000)] // 2026-08-06 → 2026-07-01
    [InlineData("MONTHLY", 1786000000.0, 1785542400)]   // 2026-08-06 → 2026-08-01
    [InlineData("WEEKLY", 1786000000.0, 1785628800)]    // Thursday 2026-08-06 → Sunday 2026-08-02
    public async Task A_score_is_stored_on_the_start_of_its_period(string frequency, double instant, long anchor)
    {
        var id = await CreateMetric(frequency);
        const string create = "mutation($input: MetricScoreCreateModelInput!) { CreateMetricScore(input: $input) { id } }";
        var first = (await Post(create, new { input = new { metricId = id, value = "1", timestamp = instant } })).Data!["CreateMetricScore"]!["id"]!.GetValue<long>();
        var again = (await Post(create, new { input = new { metricId = id, value = "2", timestamp = instant + 3600 } })).Data!["CreateMetricScore"]!["id"]!.GetValue<long>();

        Assert.Equal(first, again);
        var score = (await Post("query($id: Long!) { metric(id: $id) { scoresNonPaginated { value timestamp } } }", new { id }))
            .Data!["metric"]!["scoresNonPaginated"]![0]!;
        Assert.Equal(anchor, score["timestamp"]!.GetValue<double>());
        Assert.Equal("2.00000", score["value"]!.GetValue<string>());
    }
}
