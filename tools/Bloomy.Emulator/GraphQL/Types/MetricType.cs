using GraphQL;
using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A scorecard row: a measurable (with its meeting-link id) or a divider (bloom-graphql §15.0).</summary>
public sealed record MetricRow(EmulatorMeasurable? Measurable, EmulatorMetricDivider? Divider, int IndexInTable)
{
    public long LinkId => Measurable is { } m ? MetricLinks.For(m) : Divider!.LinkId;

    /// <summary>A meeting's rows in scorecard order: its measurables by id, dividers at their positions.</summary>
    public static IReadOnlyList<MetricRow> ForMeeting(EmulatorStore store, long meetingId)
    {
        var rows = store.MeasurableMap.Values.Where(m => m.MeetingId == meetingId).Select(m => new MetricRow(m, null, 0)).ToList();
        foreach (var d in store.MetricDividers.Where(d => d.MeetingId == meetingId).OrderBy(d => d.Position))
            rows.Insert(Math.Min(d.Position, rows.Count), new MetricRow(null, d, 0));
        return rows.Select((r, i) => r with { IndexInTable = i }).ToList();
    }
}

/// <summary>The metric type (<c>MetricQueryModel</c>): identity is <c>measurableId</c>; <c>id</c> is the meeting link.</summary>
public sealed class MetricType : ObjectGraphType<MetricRow>
{
    public MetricType()
    {
        Name = "MetricQueryModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.LinkId);
        Field<NonNullGraphType<LongGraphType>>("measurableId").Resolve(c => c.Source.Measurable?.Id ?? 0);
        Field<StringGraphType>("metricType").Resolve(c => c.Source.Divider is null ? "METRIC" : "DIVIDER");
        Field<StringGraphType>("title").Resolve(c => c.Source.Measurable?.Title ?? "");
        Field<UserType>("assignee").Resolve(c => c.Source.Measurable is { } m ? c.Bloom().Store.UserMap.GetValueOrDefault(m.OwnerId) : null);
        Field<MetricUnitEnum>("units").Resolve(c => c.Source.Measurable is { } m ? MetricState.UnitsOf(m) : "NONE");
        Field<MetricRuleEnum>("rule").Resolve(c => c.Source.Measurable is { } m ? MetricState.RuleOf(m) : "GREATER_THAN");
        Field<MetricFrequencyEnum>("frequency").Resolve(c => c.Source.Measurable?.Frequency ?? "WEEKLY");
        Field<StringGraphType>("singleGoalValue").Resolve(c => ResolveContextExtensions.Decimal(c.Source.Measurable?.Target));
        Field<StringGraphType>("minGoalValue").Resolve(c => ResolveContextExtensions.Decimal(c.Source.Measurable?.MinGoal));
        Field<StringGraphType>("maxGoalValue").Resolve(c => ResolveContextExtensions.Decimal(c.Source.Measurable?.MaxGoal));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(c => c.Source.Measurable?.Archived ?? false);
        Field<FloatGraphType>("archivedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.Measurable?.ArchiveTime));
        Field<NonNullGraphType<FloatGraphType>>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(CreatedOf(c.Bloom(), c.Source)));
        Field<NonNullGraphType<BooleanGraphType>>("isExternallySynced").Resolve(_ => false);
        Field<NonNullGraphType<IntGraphType>>("indexInTable").Resolve(c => c.Source.IndexInTable);
        PadNotesFields.Add(this, r => r.Measurable is null ? "0" : r.Measurable.NotesId, r => r.Measurable?.CollaborationEnabled ?? false,
            r => r.Measurable?.LocalHtml);
        Field<ListGraphType<NonNullGraphType<MetricScoreType>>>("scoresNonPaginated")
            .Argument<MetricScoreQueryModelFilterInput>("where")
            .Argument<ListGraphType<NonNullGraphType<MetricScoreQueryModelSortInput>>>("order")
            .Resolve(c =>
            {
                if (c.Source.Measurable is not { } m) return Array.Empty<EmulatorScore>();
                var store = c.Bloom().Store;
                IEnumerable<EmulatorScore> scores;
                lock (store.Sync) scores = store.ScoreMap.Values.Where(s => s.MeasurableId == m.Id).OrderBy(MetricState.AnchorOf).ToList();
                if (c.Arguments?.TryGetValue("where", out var w) == true && w.Value is IDictionary<string, object?> where)
                    scores = scores.Where(s => new MetricScoreQueryModelFilterInput().Matches(s, where));
                if (c.Arguments?.TryGetValue("order", out var o) == true && o.Value is IEnumerable<object?> order) scores = new MetricScoreQueryModelSortInput().Sort(scores, order);
                return scores.ToList();
            });
    }

    /// <summary>Seeded measurables have no creation time: the emulator's start stands in.</summary>
    internal static DateTime CreatedOf(BloomContext ctx, MetricRow row) =>
        row.Measurable?.CreateTime ?? ctx.Store.CurrentWeekStart;
}

/// <summary>A score (<c>MetricScoreQueryModel</c>): value a decimal string ("" when empty), timestamp = the period anchor.</summary>
public sealed class MetricScoreType : ObjectGraphType<EmulatorScore>
{
    public MetricScoreType()
    {
        Name = "MetricScoreQueryModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("measurableId").Resolve(c => c.Source.MeasurableId);
        Field<StringGraphType>("value").Resolve(c => ResolveContextExtensions.Decimal(c.Source.Measured) ?? "");
        Field<FloatGraphType>("timestamp").Resolve(c => ResolveContextExtensions.Unix(MetricState.AnchorOf(c.Source)));
        Field<StringGraphType>("notesText").Resolve(c => c.Source.Notes);
        Field<FloatGraphType>("dateEntered").Resolve(c => ResolveContextExtensions.Unix(c.Source.DateEntered));
    }
}

/// <summary><c>gqlUnitType</c> (§4.4).</summary>
public sealed class MetricUnitEnum : EnumerationGraphType
{
    public MetricUnitEnum()
    {
        Name = "gqlUnitType";
        foreach (var v in new[] { "NONE", "DOLLAR", "PERCENT", "POUND", "EUROS", "PESOS", "YEN", "YESNO", "INR", "DIRHAM", "RAND", "XCG" })
            Add(v, v);
    }
}

/// <summary><c>gqlLessGreater</c> (§4.4).</summary>
public sealed class MetricRuleEnum : EnumerationGraphType
{
    public MetricRuleEnum()
    {
        Name = "gqlLessGreater";
        foreach (var v in new[] { "EQUAL_TO", "GREATER_THAN", "GREATER_THAN_NOT_EQUAL", "LESS_THAN", "LESS_THAN_OR_EQUAL", "BETWEEN" })
            Add(v, v);
    }
}

/// <summary><c>gqlMetricFrequency</c> (§4.4).</summary>
public sealed class MetricFrequencyEnum : EnumerationGraphType
{
    public MetricFrequencyEnum()
    {
        Name = "gqlMetricFrequency";
        foreach (var v in new[] { "WEEKLY", "MONTHLY", "QUARTERLY", "DAILY" }) Add(v, v);
    }
}

/// <summary><c>MetricQueryModelFilterInput</c>.</summary>
public sealed class MetricQueryModelFilterInput : FilterInputType<MetricQueryModelFilterInput, MetricRow>
{
    public MetricQueryModelFilterInput() : base("MetricQueryModelFilterInput")
    {
        Long("id", r => r.LinkId);
        Long("measurableId", r => r.Measurable?.Id ?? 0);
        Bool("archived", r => r.Measurable?.Archived ?? false);
        String("metricType", r => r.Divider is null ? "METRIC" : "DIVIDER");
        // An enum on the server; a string operation here accepts the same JSON ("WEEKLY").
        String("frequency", r => r.Measurable?.Frequency ?? "WEEKLY");
        String("title", r => r.Measurable?.Title);
    }
}

/// <summary><c>MetricQueryModelSortInput</c>.</summary>
public sealed class MetricQueryModelSortInput : SortInputType<MetricQueryModelSortInput, MetricRow>
{
    public MetricQueryModelSortInput() : base("MetricQueryModelSortInput")
    {
        By("indexInTable", r => r.IndexInTable);
        By("dateCreated", r => r.Measurable?.CreateTime ?? DateTime.MinValue);
        By("measurableId", r => r.Measurable?.Id ?? 0);
        By("title", r => r.Measurable?.Title);
    }
}

/// <summary><c>MetricScoreQueryModelFilterInput</c> (timestamp compares with the period anchor, §15.6).</summary>
public sealed class MetricScoreQueryModelFilterInput : FilterInputType<MetricScoreQueryModelFilterInput, EmulatorScore>
{
    public MetricScoreQueryModelFilterInput() : base("MetricScoreQueryModelFilterInput")
    {
        Long("id", s => s.Id);
        Long("measurableId", s => s.MeasurableId);
        Float("timestamp", s => ResolveContextExtensions.Unix(MetricState.AnchorOf(s)));
    }
}

/// <summary><c>MetricScoreQueryModelSortInput</c>.</summary>
public sealed class MetricScoreQueryModelSortInput : SortInputType<MetricScoreQueryModelSortInput, EmulatorScore>
{
    public MetricScoreQueryModelSortInput() : base("MetricScoreQueryModelSortInput")
    {
        By("timestamp", s => MetricState.AnchorOf(s));
        By("id", s => s.Id);
    }
}

/// <summary><c>MetricCreateModelInput</c> (§15.3).</summary>
public sealed class MetricCreateModelInput : InputObjectGraphType
{
    public MetricCreateModelInput()
    {
        Name = "MetricCreateModelInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<LongGraphType>("assignee");
        Field<MetricUnitEnum>("units");
        Field<MetricRuleEnum>("rule");
        Field<MetricFrequencyEnum>("frequency");
        Field<StringGraphType>("singleGoalValue");
        Field<StringGraphType>("minGoalValue");
        Field<StringGraphType>("maxGoalValue");
        Field<StringGraphType>("averageOverrideType");
        Field<ListGraphType<LongGraphType>>("meetings");
        // Always [] in the SDK; the element type is not known (§15.3).
        Field<ListGraphType<StringGraphType>>("customGoals");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
    }
}

/// <summary><c>MetricEditModelInput</c> (§15.4, §15.5).</summary>
public sealed class MetricEditModelInput : InputObjectGraphType
{
    public MetricEditModelInput()
    {
        Name = "MetricEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("metricId");
        Field<StringGraphType>("title");
        Field<LongGraphType>("assignee");
        Field<MetricUnitEnum>("units");
        Field<MetricRuleEnum>("rule");
        Field<MetricFrequencyEnum>("frequency");
        Field<StringGraphType>("singleGoalValue");
        Field<StringGraphType>("minGoalValue");
        Field<StringGraphType>("maxGoalValue");
        Field<BooleanGraphType>("archived");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
    }
}

/// <summary><c>MetricScoreCreateModelInput</c> (§15.7).</summary>
public sealed class MetricScoreCreateModelInput : InputObjectGraphType
{
    public MetricScoreCreateModelInput()
    {
        Name = "MetricScoreCreateModelInput";
        Field<NonNullGraphType<LongGraphType>>("metricId");
        Field<StringGraphType>("value");
        Field<NonNullGraphType<FloatGraphType>>("timestamp");
    }
}

/// <summary><c>MetricScoreEditModelInput</c> (§15.8; value null clears).</summary>
public sealed class MetricScoreEditModelInput : InputObjectGraphType
{
    public MetricScoreEditModelInput()
    {
        Name = "MetricScoreEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("id");
        Field<StringGraphType>("value");
        Field<StringGraphType>("notesText");
    }
}
