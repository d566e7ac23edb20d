using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>
/// Metrics (measurables) and their scores over GraphQL (bloom-graphql.md §15): details, lists, create, update, archive,
/// score history, and setting, editing and clearing scores of any frequency.
/// </summary>
public sealed class MetricsClient : ResourceClient
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
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metrics with their notes, in list order.</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Metric>> ListWithNotesAsync(long? meetingId = null, long? userId = null, CancellationToken cancellationToken = default)
    {
        var list = ListAsync(meetingId, userId, null, cancellationToken);
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

    /// <summary>
    /// Lists a metric's scores, newest first (GraphQL <c>metric(id){ scoresNonPaginated }</c>). The bounds compare with
    /// each score's period start (a weekly score's Sunday), so widen a window to catch the period you mean.
    /// </summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="start">Only scores whose period starts at or after this instant.</param>
    /// <param name="end">Only scores whose period starts at or before this instant.</param>
    /// <param name="includeEmpty">Keep scores without a value.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is after <paramref name="end"/>.</exception>
    /// <exception cref="BloomyNotFoundException">There is no such metric.</exception>
    public Task<IReadOnlyList<MetricScore>> GetScoresAsync(long metricId, DateTimeOffset? start = null, DateTimeOffset? end = null,
        bool includeEmpty = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        if (start > end)
        {
            throw new ArgumentException("The start of the period is after its end.", nameof(start));
        }
        var bounds = new JsonArray();
        if (start is { } from) bounds.Add(new JsonObject { ["timestamp"] = new JsonObject { ["gte"] = UnixTime.ToUnixSeconds(from) } });
        if (end is { } to) bounds.Add(new JsonObject { ["timestamp"] = new JsonObject { ["lte"] = UnixTime.ToUnixSeconds(to) } });
        JsonNode? where = bounds.Count == 0 ? null : new JsonObject { ["and"] = bounds };
        return RunAsync();

        async Task<IReadOnlyList<MetricScore>> RunAsync()
        {
            var scores = await ReadScoresAsync(metricId, where, cancellationToken).ConfigureAwait(false);
            return includeEmpty ? scores : scores.Where(s => s.Value is not null).ToList();
        }
    }

    /// <summary>Gets one score of a metric (there is no by-id score read: the metric's scores filtered by id).</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The metric or the score does not exist.</exception>
    public Task<MetricScore> GetScoreAsync(long metricId, long scoreId, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        Guard.Id(scoreId, nameof(scoreId));
        return RunAsync();

        async Task<MetricScore> RunAsync()
        {
            var where = new JsonObject { ["id"] = new JsonObject { ["eq"] = scoreId } };
            var scores = await ReadScoresAsync(metricId, where, cancellationToken).ConfigureAwait(false);
            return scores.FirstOrDefault(s => s.Id == scoreId)
                ?? throw new BloomyNotFoundException($"score {scoreId} of measurable {metricId}", "POST",
                    GraphQLTransport.Label(GraphQLDocuments.MetricScores));
        }
    }

    /// <summary>
    /// Sets the score of the period holding <paramref name="at"/> (GraphQL <c>CreateMetricScore</c>, an upsert per
    /// week, month or quarter). A DAILY metric's day already has an empty score, which the server refuses to create
    /// again: that day's score is then found and edited instead.
    /// </summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="value">The value.</param>
    /// <param name="at">Any instant inside the period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id (read it back with <see cref="GetScoreAsync"/> for the period the server chose).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    public Task<long> SetScoreAsync(long metricId, decimal value, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        var timestamp = UnixTime.ToUnixSeconds(at);
        var input = new JsonObject { ["metricId"] = metricId, ["value"] = GraphQLDecimal.Format(value), ["timestamp"] = timestamp };
        return RunAsync();

        async Task<long> RunAsync()
        {
            try
            {
                var result = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateMetricScore, new JsonObject { ["input"] = input }, cancellationToken)
                    .ConfigureAwait(false);
                return result.GetProperty("id").GetInt64();
            }
            catch (BloomyGraphQLException ex) when (ex.Kind == BloomyFailureKind.InvalidResponse && ex.Errors.Count == 0
                && ex.Message.IndexOf("returned no result", StringComparison.Ordinal) >= 0)
            {
                throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse,
                    $"GraphQL CreateMetricScore returned no score: the server could not parse the value '{GraphQLDecimal.Format(value)}' as a number; nothing was stored.",
                    ex.OperationName, ex.StatusCode, null, null, ex.RetryCount);
            }
            catch (BloomyGraphQLException ex) when (AlreadyExists(ex))
            {
                // DAILY: the day has a placeholder; find it (±2 days, empty ones too) and edit it (§15.7).
                var day = at.UtcDateTime.Date;
                var near = await GetScoresAsync(metricId, at.AddDays(-2), at.AddDays(2), includeEmpty: true, cancellationToken).ConfigureAwait(false);
                var same = near.FirstOrDefault(s => s.PeriodDate?.UtcDateTime.Date == day);
                if (same is null)
                {
                    throw;
                }
                return await EditScoreAsync(same.Id, new JsonObject { ["id"] = same.Id, ["value"] = GraphQLDecimal.Format(value) }, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>Changes a score's value and/or note (GraphQL <c>EditMetricScore</c>); at least one is required.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="value">The new value; null leaves it.</param>
    /// <param name="note">The new note; null leaves it, "" removes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id.</returns>
    /// <exception cref="ArgumentException">Neither a value nor a note was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreId"/> is not positive.</exception>
    public Task<long> UpdateScoreAsync(long scoreId, decimal? value = null, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(scoreId, nameof(scoreId));
        if (value is null && note is null)
        {
            throw new ArgumentException("Give a value or a note to change.", nameof(value));
        }
        var input = new JsonObject { ["id"] = scoreId };
        if (value is { } v) input["value"] = GraphQLDecimal.Format(v);
        if (note is not null) input["notesText"] = note;
        return EditScoreAsync(scoreId, input, cancellationToken);
    }

    /// <summary>Clears a score's value (GraphQL <c>EditMetricScore value: null</c>); the empty score stays.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreId"/> is not positive.</exception>
    public Task<long> ClearScoreAsync(long scoreId, CancellationToken cancellationToken = default)
    {
        Guard.Id(scoreId, nameof(scoreId));
        return EditScoreAsync(scoreId, new JsonObject { ["id"] = scoreId, ["value"] = null }, cancellationToken);
    }

    private async Task<long> EditScoreAsync(long scoreId, JsonObject input, CancellationToken cancellationToken)
    {
        var result = await GraphQL.ExecuteAsync(GraphQLDocuments.EditMetricScore, new JsonObject { ["input"] = input }, cancellationToken)
            .ConfigureAwait(false);
        return result.GetProperty("id").GetInt64();
    }

    private async Task<IReadOnlyList<MetricScore>> ReadScoresAsync(long metricId, JsonNode? where, CancellationToken cancellationToken)
    {
        var metric = await GraphQL.ReadRequiredAsync(GraphQLDocuments.MetricScores,
            new JsonObject { ["metricId"] = metricId, ["where"] = where?.DeepClone() }, $"measurable {metricId}", cancellationToken).ConfigureAwait(false);
        if (!metric.TryGetProperty("scoresNonPaginated", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<MetricScore>();
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse, "GraphQL metric.scoresNonPaginated is not a list.",
                GraphQLDocuments.MetricScores.Name, 200);
        }
        return list.EnumerateArray().Select(MetricReader.ToScore).ToList();
    }

    private static bool AlreadyExists(BloomyGraphQLException ex) =>
        ex.Errors.Any(e => (e.ExtensionsMessage ?? e.Message).IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0);

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
