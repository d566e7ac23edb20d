using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>
/// Metrics (measurables) and their scores over GraphQL (bloom-graphql.md §15): details, lists, create, update, archive,
/// score history, and setting, editing and clearing scores of any frequency.
/// </summary>
public sealed partial class MetricsClient : ResourceClient
{
    internal MetricsClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Gets one metric (GraphQL <c>metric(id)</c>), with its notes.</summary>
    /// <param name="metricId">The metric's (measurable's) id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">There is no such metric, or you cannot see it.</exception>
    public Task<Metric> GetAsync(long metricId, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        return RunAsync();

        async Task<Metric> RunAsync()
        {
            var value = await GraphQL.ReadRequiredAsync(GraphQLDocuments.Metric, new JsonObject { ["id"] = metricId },
                $"measurable {metricId}", cancellationToken).ConfigureAwait(false);
            return MetricReader.ToMetric(value);
        }
    }

    /// <summary>
    /// Lists the metrics of a meeting's scorecard (in row order) or of a user (oldest first); neither id means yours.
    /// Archived metrics and dividers are left out; every page is read.
    /// </summary>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="userId">The user.</param>
    /// <param name="frequency">Only metrics of this frequency; null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metrics, without notes.</returns>
    /// <exception cref="ArgumentException">Both ids were given, or <paramref name="frequency"/> is Unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The meeting or user does not exist, or you cannot see it.</exception>
    public Task<IReadOnlyList<Metric>> ListAsync(long? meetingId = null, long? userId = null, MetricFrequency? frequency = null,
        CancellationToken cancellationToken = default)
    {
        Guard.UserOrMeeting(userId, meetingId);
        var conditions = new JsonArray
        {
            new JsonObject { ["archived"] = new JsonObject { ["eq"] = false } },
            new JsonObject { ["metricType"] = new JsonObject { ["eq"] = "METRIC" } },
        };
        if (frequency is { } f)
        {
            conditions.Add(new JsonObject { ["frequency"] = new JsonObject { ["eq"] = MetricReader.Wire(f) } });
        }
        var where = new JsonObject { ["and"] = conditions };
        return RunAsync();

        async Task<IReadOnlyList<Metric>> RunAsync()
        {
            if (meetingId is long meeting)
            {
                var nodes = await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.MeetingMetrics,
                    new JsonObject { ["meetingId"] = meeting, ["where"] = where.DeepClone() }, new[] { "metrics" }, $"meeting {meeting}",
                    cancellationToken).ConfigureAwait(false);
                return nodes.Select(n => MetricReader.ToMetric(n, meeting)).ToList();
            }
            var user = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var userNodes = await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.UserMetrics,
                new JsonObject { ["userId"] = user, ["where"] = where.DeepClone() }, new[] { "metrics" }, $"user {user}",
                cancellationToken).ConfigureAwait(false);
            return userNodes.Select(n => MetricReader.ToMetric(n)).ToList();
        }
    }

    /// <summary>
    /// Lists metrics as <see cref="ListAsync"/> does, then reads each one's details with its notes (one more GraphQL
    /// read per metric, concurrently, within the connection's request cap).
    /// </summary>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="userId">The user.</param>
    /// <param name="frequency">Only metrics of this frequency; null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metrics with their notes, in list order.</returns>
    /// <exception cref="ArgumentException">Both ids were given, or <paramref name="frequency"/> is Unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Metric>> ListWithNotesAsync(long? meetingId = null, long? userId = null, MetricFrequency? frequency = null,
        CancellationToken cancellationToken = default)
    {
        var list = ListAsync(meetingId, userId, frequency, cancellationToken);
        return RunAsync();

        async Task<IReadOnlyList<Metric>> RunAsync()
        {
            var metrics = await list.ConfigureAwait(false);
            var detailed = await Task.WhenAll(metrics.Select(m => GetAsync(m.Id, cancellationToken))).ConfigureAwait(false);
            return detailed.Select(d => meetingId is null ? d : MetricReader.InMeeting(d, meetingId.Value)).ToList();
        }
    }

    /// <summary>
    /// Creates a metric on a meeting's scorecard (GraphQL <c>CreateMetric</c>; with notes, <c>CreateNote</c> first).
    /// The goal rules are checked before anything is sent: Between takes MinGoal and MaxGoal and no Goal; the other
    /// rules take Goal and neither MinGoal nor MaxGoal.
    /// </summary>
    /// <param name="request">The new metric.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new metric's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The title is blank, an enum is Unknown, or the goals do not fit the rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<long> CreateAsync(MetricCreateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        Guard.Id(request.MeetingId, "MeetingId");
        Guard.Title(request.Title, "Title");
        Guard.OptionalId(request.OwnerId, "OwnerId");
        CheckGoals(request.Rule, request.Goal, request.MinGoal, request.MaxGoal, ruleGiven: true);
        var input = new JsonObject
        {
            ["title"] = request.Title.Trim(),
            ["units"] = MetricReader.Wire(request.Units),
            ["rule"] = MetricReader.Wire(request.Rule),
            ["frequency"] = MetricReader.Wire(request.Frequency),
            ["averageOverrideType"] = "NONE",
            ["meetings"] = new JsonArray(request.MeetingId),
            ["customGoals"] = new JsonArray(),
        };
        AddGoals(input, request.Goal, request.MinGoal, request.MaxGoal);
        var (ownerId, notes) = (request.OwnerId, request.Notes);
        return RunAsync();

        async Task<long> RunAsync()
        {
            input["assignee"] = await UserIdAsync(ownerId, cancellationToken).ConfigureAwait(false);
            if (notes is not null)
            {
                await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            }
            var result = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateMetric, new JsonObject { ["input"] = input }, cancellationToken)
                .ConfigureAwait(false);
            return result.GetProperty("id").GetInt64();
        }
    }

    /// <summary>
    /// Changes a metric (GraphQL <c>EditMetric</c>, only the given fields; with notes, <c>CreateNote</c> first). At least
    /// one change is required; the goals are checked against the rule as for <see cref="CreateAsync"/> when the rule is
    /// given, and a Goal together with MinGoal/MaxGoal is refused without one.
    /// </summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the change was made.</returns>
    /// <exception cref="ArgumentException">Nothing to change, a blank title, or goals that do not fit the rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task UpdateAsync(long metricId, MetricUpdate update, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        Guard.NotNull(update, nameof(update));
        if (update.IsEmpty)
        {
            throw new ArgumentException("At least one field must be provided for update.", nameof(update));
        }
        Guard.OptionalTitle(update.Title, "Title");
        Guard.OptionalId(update.OwnerId, "OwnerId");
        CheckGoals(update.Rule ?? MetricRule.Unknown, update.Goal, update.MinGoal, update.MaxGoal, ruleGiven: update.Rule is not null);
        var input = new JsonObject { ["metricId"] = metricId };
        if (update.Title is not null) input["title"] = update.Title.Trim();
        if (update.OwnerId is not null) input["assignee"] = update.OwnerId.Value;
        if (update.Units is { } units) input["units"] = MetricReader.Wire(units);
        if (update.Rule is { } rule) input["rule"] = MetricReader.Wire(rule);
        AddGoals(input, update.Goal, update.MinGoal, update.MaxGoal);
        var notes = update.Notes;
        return RunAsync();

        async Task RunAsync()
        {
            if (notes is not null)
            {
                await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            }
            await GraphQL.ExecuteAsync(GraphQLDocuments.EditMetric, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Archives a metric (GraphQL <c>EditMetric archived: true</c>). Irreversible: there is no restore.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the metric was archived.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    public Task ArchiveAsync(long metricId, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        var input = new JsonObject { ["metricId"] = metricId, ["archived"] = true };
        return GraphQL.ExecuteAsync(GraphQLDocuments.EditMetric, new JsonObject { ["input"] = input }, cancellationToken);
    }


    // The rule checks of bloom-graphql.md §15.3, before any request.
    internal static void CheckGoals(MetricRule rule, decimal? goal, decimal? minGoal, decimal? maxGoal, bool ruleGiven)
    {
        if (ruleGiven && rule == MetricRule.Unknown)
        {
            throw new ArgumentException("Unknown is not a rule the server accepts.", "Rule");
        }
        var range = minGoal is not null || maxGoal is not null;
        if (ruleGiven && rule == MetricRule.Between && goal is not null)
        {
            throw new ArgumentException("The Between rule takes MinGoal and MaxGoal, not a single Goal.", "Goal");
        }
        if (ruleGiven && rule != MetricRule.Between && range)
        {
            throw new ArgumentException($"MinGoal and MaxGoal go with the Between rule only, not {rule}; give Goal instead.", "MinGoal");
        }
        if (!ruleGiven && goal is not null && range)
        {
            throw new ArgumentException("Give either Goal or MinGoal/MaxGoal (with -Rule Between), not both.", "Goal");
        }
        if (minGoal is { } min && maxGoal is { } max && min > max)
        {
            throw new ArgumentException($"MinGoal ({min}) is greater than MaxGoal ({max}).", "MinGoal");
        }
    }

    private static void AddGoals(JsonObject input, decimal? goal, decimal? minGoal, decimal? maxGoal)
    {
        if (goal is { } g) input["singleGoalValue"] = GraphQLDecimal.Format(g);
        if (minGoal is { } min) input["minGoalValue"] = GraphQLDecimal.Format(min);
        if (maxGoal is { } max) input["maxGoalValue"] = GraphQLDecimal.Format(max);
    }
}
