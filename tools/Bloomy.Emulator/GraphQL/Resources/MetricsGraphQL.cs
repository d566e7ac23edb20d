using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// Metrics and scores (bloom-graphql §15): metric(id), meeting.metrics, user.metrics, CreateMetric/EditMetric,
/// CreateMetricScore/EditMetricScore, over the measurables and scores REST uses (a REST measurable is a GraphQL metric;
/// a REST week score is the GraphQL weekly score of the Sunday before that week's Monday).
/// </summary>
internal static class MetricsGraphQL
{
    internal const string DailyExistsMessage = "A score for this measurable and date already exists.";

    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<MetricType>("metric")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c =>
            {
                var store = c.Bloom().Store;
                lock (store.Sync)
                    return store.MeasurableMap.GetValueOrDefault(c.GetArgument<long>("id")) is { } ms ? new MetricRow(ms, null, 0) : null;
            });
        q.Extensions.Meeting(t => Connections.Field<MetricType, MetricRow>(t, "metrics",
            c => { var s = c.Bloom().Store; lock (s.Sync) return MetricRow.ForMeeting(s, ((EmulatorMeeting)c.Source!).Id); },
            where: typeof(MetricQueryModelFilterInput), order: typeof(MetricQueryModelSortInput)));
        // The parent user's metrics ([SRV] reads the caller's; §18 leaves it open, the parent is the plainer reading).
        q.Extensions.User(t => Connections.Field<MetricType, MetricRow>(t, "metrics",
            c =>
            {
                var s = c.Bloom().Store;
                var userId = ((EmulatorUser)c.Source!).Id;
                lock (s.Sync) return s.MeasurableMap.Values.Where(x => x.OwnerId == userId).Select(x => new MetricRow(x, null, 0)).ToList();
            },
            where: typeof(MetricQueryModelFilterInput), order: typeof(MetricQueryModelSortInput)));

        m.Field<IdModelType>("CreateMetric").Argument<NonNullGraphType<MetricCreateModelInput>>("input").Resolve(CreateMetric);
        m.Field<IdModelType>("EditMetric").Argument<NonNullGraphType<MetricEditModelInput>>("input").Resolve(EditMetric);
        m.Field<IdModelType>("CreateMetricScore").Argument<NonNullGraphType<MetricScoreCreateModelInput>>("input").Resolve(CreateScore);
        m.Field<IdModelType>("EditMetricScore").Argument<NonNullGraphType<MetricScoreEditModelInput>>("input").Resolve(EditScore);
    }

    private static object? CreateMetric(IResolveFieldContext c)
    {
        var ctx = c.Bloom();
        var s = ctx.Store;
        var input = GraphQLInputs.Of(c);
        var meetings = GraphQLInputs.Value(input, "meetings") is IEnumerable<object?> list ? list.Select(Convert.ToInt64).ToList() : [];
        lock (s.Sync)
        {
            var owner = GraphQLInputs.Value(input, "assignee") is { } a ? Convert.ToInt64(a, CultureInfo.InvariantCulture) : ctx.CallerId;
            if (!s.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
            foreach (var meetingId in meetings)
                if (!s.MeetingMap.ContainsKey(meetingId)) throw BloomErrors.Unexpected($"Meeting {meetingId} does not exist.");
            var frequency = GraphQLInputs.Value(input, "frequency") as string ?? "WEEKLY";
            var now = DateTime.UtcNow;
            var metric = new EmulatorMeasurable
            {
                Id = s.NextMeasurableId++, Title = ((string)input["title"]!).Trim(), OwnerId = owner, AdminId = ctx.CallerId,
                MeetingId = meetings.Count > 0 ? meetings[0] : null, Frequency = frequency,
                Direction = MetricState.DirectionOf(GraphQLInputs.Value(input, "rule") as string ?? "GREATER_THAN"),
                Unit = MetricState.UnitOf(GraphQLInputs.Value(input, "units") as string ?? "NONE"),
                Target = Goal(input, "singleGoalValue"), MinGoal = Goal(input, "minGoalValue"), MaxGoal = Goal(input, "maxGoalValue"),
                NotesId = GraphQLInputs.Value(input, "notesId") as string,
                CollaborationEnabled = GraphQLInputs.Value(input, "collaborationEnabled") as bool? ?? false,
                CreateTime = now,
            };
            s.MeasurableMap[metric.Id] = metric;
            if (frequency == "DAILY") MetricState.AddDailyPlaceholders(s, metric, now);
            return metric.Id;
        }
    }

    private static object? EditMetric(IResolveFieldContext c)
    {
        var s = c.Bloom().Store;
        var input = GraphQLInputs.Of(c);
        var id = Convert.ToInt64(input["metricId"], CultureInfo.InvariantCulture);
        lock (s.Sync)
        {
            if (!s.MeasurableMap.TryGetValue(id, out var metric)) throw BloomErrors.Unexpected($"Measurable {id} does not exist.");
            if (GraphQLInputs.Value(input, "assignee") is { } a)
            {
                var owner = Convert.ToInt64(a, CultureInfo.InvariantCulture);
                if (!s.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
                metric = metric with { OwnerId = owner };
            }
            if (GraphQLInputs.Value(input, "title") is string title) metric = metric with { Title = title.Trim() };
            if (GraphQLInputs.Value(input, "units") is string units) metric = metric with { Unit = MetricState.UnitOf(units) };
            if (GraphQLInputs.Value(input, "rule") is string rule) metric = metric with { Direction = MetricState.DirectionOf(rule) };
            if (GraphQLInputs.Value(input, "frequency") is string frequency) metric = metric with { Frequency = frequency };
            if (input.ContainsKey("singleGoalValue")) metric = metric with { Target = Goal(input, "singleGoalValue") };
            if (input.ContainsKey("minGoalValue")) metric = metric with { MinGoal = Goal(input, "minGoalValue") };
            if (input.ContainsKey("maxGoalValue")) metric = metric with { MaxGoal = Goal(input, "maxGoalValue") };
            if (GraphQLInputs.Value(input, "notesId") is string pad) metric = metric with { NotesId = pad };
            if (GraphQLInputs.Value(input, "collaborationEnabled") is bool collaboration) metric = metric with { CollaborationEnabled = collaboration };
            // Archiving is one way: archived:false on an archived metric leaves it archived (§15.5).
            if (GraphQLInputs.Value(input, "archived") is true && !metric.Archived)
                metric = metric with { Archived = true, ArchiveTime = DateTime.UtcNow };
            s.MeasurableMap[id] = metric;
            return id;
        }
    }

    private static object? CreateScore(IResolveFieldContext c)
    {
        var s = c.Bloom().Store;
        var input = GraphQLInputs.Of(c);
        var id = Convert.ToInt64(input["metricId"], CultureInfo.InvariantCulture);
        var instant = DateTime.UnixEpoch.AddSeconds(Convert.ToDouble(input["timestamp"], CultureInfo.InvariantCulture));
        lock (s.Sync)
        {
            if (!s.MeasurableMap.TryGetValue(id, out var metric)) throw BloomErrors.Unexpected($"Measurable {id} does not exist.");
            // A value that is not a decimal: no score and no error, only a null result (§15.7, live).
            if (!TryDecimal(GraphQLInputs.Value(input, "value") as string, out var value)) return null;
            var anchor = MetricState.Anchor(metric.Frequency, instant);
            var existing = MetricState.Find(s, metric, anchor);
            if (metric.Frequency == "DAILY" && existing is not null) throw BloomErrors.Unexpected(DailyExistsMessage);
            var now = DateTime.UtcNow;
            if (existing is null) return MetricState.Add(s, metric, anchor, value, now).Id;
            s.ScoreMap[existing.Id] = existing with { Measured = value, DateEntered = now };
            return existing.Id;
        }
    }

    private static object? EditScore(IResolveFieldContext c)
    {
        var s = c.Bloom().Store;
        var input = GraphQLInputs.Of(c);
        var id = Convert.ToInt64(input["id"], CultureInfo.InvariantCulture);
        lock (s.Sync)
        {
            if (!s.ScoreMap.TryGetValue(id, out var score)) throw BloomErrors.Unexpected($"Score {id} does not exist.");
            if (input.TryGetValue("value", out var raw))
            {
                decimal? value = null;
                if (raw is not null && !TryDecimal(raw as string, out value)) throw BloomErrors.Unexpected($"'{raw}' is not a number.");
                score = score with { Measured = value, DateEntered = value is null ? null : DateTime.UtcNow };
            }
            if (input.TryGetValue("notesText", out var note)) score = score with { Notes = string.IsNullOrEmpty(note as string) ? null : (string)note! };
            s.ScoreMap[id] = score;
            return id;
        }
    }


    private static decimal? Goal(IDictionary<string, object?> input, string key)
    {
        var text = GraphQLInputs.Value(input, key) as string;
        if (string.IsNullOrWhiteSpace(text)) return null;
        return TryDecimal(text, out var value) ? value : throw BloomErrors.Unexpected($"'{text}' is not a number.");
    }

    private static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        if (text is null) return false;
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            return false;
        value = v;
        return true;
    }
}
