namespace Bloomy.Client.GraphQL;

// Metrics (measurables) and scores (bloom-graphql.md §15). measurableId is the metric's id on every path: the plain id
// of meeting.metrics is a meeting-link id, never selected.
internal static partial class GraphQLDocuments
{
    // Every field of a metric in a list (§15.1, §15.2); a read by id adds the notes.
    internal const string MetricFields =
        "measurableId title units rule frequency singleGoalValue minGoalValue maxGoalValue archived dateCreated isExternallySynced "
        + "assignee { id fullName }";

    // One metric (§15.1); null = not found.
    public static readonly GraphQLDocument Metric = new(
        "metric", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          metric(id: $id) { {{MetricFields}} {{PadNotes.Fields}} }
        }
        """);

    // A meeting's metrics in scorecard order (§15.2), a page at a time.
    public static readonly GraphQLDocument MeetingMetrics = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $where: MetricQueryModelFilterInput, $after: String) {
          meeting(id: $meetingId) {
            metrics(where: $where, after: $after, order: [{ indexInTable: ASC }]) {
              nodes { {{MetricFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // A user's metrics (§15.2), a page at a time.
    public static readonly GraphQLDocument UserMetrics = new(
        "user", GraphQLFamily.List, $$"""
        query($userId: Long!, $where: MetricQueryModelFilterInput, $after: String) {
          user(id: $userId) {
            metrics(where: $where, after: $after, order: [{ dateCreated: ASC }]) {
              nodes { {{MetricFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    public static readonly GraphQLDocument CreateMetric = new(
        "CreateMetric", GraphQLFamily.Id, """
        mutation($input: MetricCreateModelInput!) {
          CreateMetric(input: $input) { id }
        }
        """);

    // Update and archive (§15.4, §15.5).
    public static readonly GraphQLDocument EditMetric = new(
        "EditMetric", GraphQLFamily.Id, """
        mutation($input: MetricEditModelInput!) {
          EditMetric(input: $input) { id }
        }
        """);

    // Scores of a metric (§15.6, §15.9): a plain list, newest first; $where bounds the period or names one score.
    public static readonly GraphQLDocument MetricScores = new(
        "metric", GraphQLFamily.List, """
        query($metricId: Long!, $where: MetricScoreQueryModelFilterInput) {
          metric(id: $metricId) {
            scoresNonPaginated(where: $where, order: [{ timestamp: DESC }]) { id value timestamp notesText measurableId }
          }
        }
        """);

    // Upsert by period (§15.7); null without errors = the value is not a number.
    public static readonly GraphQLDocument CreateMetricScore = new(
        "CreateMetricScore", GraphQLFamily.Id, """
        mutation($input: MetricScoreCreateModelInput!) {
          CreateMetricScore(input: $input) { id }
        }
        """);

    // Value and note of one score; value null clears it (§15.8, §15.9).
    public static readonly GraphQLDocument EditMetricScore = new(
        "EditMetricScore", GraphQLFamily.Id, """
        mutation($input: MetricScoreEditModelInput!) {
          EditMetricScore(input: $input) { id }
        }
        """);
}
