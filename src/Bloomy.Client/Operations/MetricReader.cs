using System.Text.Json;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

// Maps GraphQL metric and score objects (bloom-graphql.md §15.0) by hand, and the enums to and from their wire names.
internal static class MetricReader
{
    private static readonly (MetricUnit Value, string Wire)[] UnitNames =
    [
        (MetricUnit.None, "NONE"), (MetricUnit.Dollar, "DOLLAR"), (MetricUnit.Percent, "PERCENT"), (MetricUnit.Pound, "POUND"),
        (MetricUnit.Euro, "EUROS"), (MetricUnit.Peso, "PESOS"), (MetricUnit.Yen, "YEN"), (MetricUnit.YesNo, "YESNO"),
        (MetricUnit.Rupee, "INR"), (MetricUnit.Dirham, "DIRHAM"), (MetricUnit.Rand, "RAND"), (MetricUnit.Guilder, "XCG"),
    ];

    private static readonly (MetricRule Value, string Wire)[] RuleNames =
    [
        (MetricRule.GreaterOrEqual, "GREATER_THAN"), (MetricRule.Greater, "GREATER_THAN_NOT_EQUAL"), (MetricRule.Less, "LESS_THAN"),
        (MetricRule.LessOrEqual, "LESS_THAN_OR_EQUAL"), (MetricRule.Equal, "EQUAL_TO"), (MetricRule.Between, "BETWEEN"),
    ];

    private static readonly (MetricFrequency Value, string Wire)[] FrequencyNames =
    [
        (MetricFrequency.Weekly, "WEEKLY"), (MetricFrequency.Monthly, "MONTHLY"), (MetricFrequency.Quarterly, "QUARTERLY"),
        (MetricFrequency.Daily, "DAILY"),
    ];

    public static string Wire(MetricUnit value) => WireOf(UnitNames, value, "unit");
    public static string Wire(MetricRule value) => WireOf(RuleNames, value, "rule");
    public static string Wire(MetricFrequency value) => WireOf(FrequencyNames, value, "frequency");

    public static Metric ToMetric(JsonElement node, long? meetingId = null)
    {
        var owner = node.TryGetProperty("assignee", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        return new Metric
        {
            Id = GraphQLEntityReader.OptionalId(node, "measurableId") ?? throw new FormatException("A metric has no measurableId."),
            Title = GraphQLEntityReader.String(node, "title")?.Trim() ?? "",
            OwnerId = owner.ValueKind == JsonValueKind.Object ? GraphQLEntityReader.OptionalId(owner, "id") : null,
            OwnerName = owner.ValueKind == JsonValueKind.Object ? GraphQLEntityReader.String(owner, "fullName")?.Trim() : null,
            Units = EnumOf(UnitNames, GraphQLEntityReader.String(node, "units"), MetricUnit.Unknown),
            Rule = EnumOf(RuleNames, GraphQLEntityReader.String(node, "rule"), MetricRule.Unknown),
            Frequency = EnumOf(FrequencyNames, GraphQLEntityReader.String(node, "frequency"), MetricFrequency.Unknown),
            Goal = Plain(GraphQLDecimal.Read(node, "singleGoalValue")),
            MinGoal = Plain(GraphQLDecimal.Read(node, "minGoalValue")),
            MaxGoal = Plain(GraphQLDecimal.Read(node, "maxGoalValue")),
            Archived = node.TryGetProperty("archived", out var archived) && archived.ValueKind == JsonValueKind.True,
            CreatedDate = UnixTime.Read(node, "dateCreated") ?? default,
            IsExternallySynced = node.TryGetProperty("isExternallySynced", out var synced) && synced.ValueKind == JsonValueKind.True,
            MeetingId = meetingId,
            NotesId = PadNotes.PadId(node),
            Notes = PadNotes.ExtractText(node),
        };
    }

    // The same metric, marked as listed under a meeting.
    public static Metric InMeeting(Metric m, long meetingId) => new()
    {
        Id = m.Id, Title = m.Title, OwnerId = m.OwnerId, OwnerName = m.OwnerName, Units = m.Units, Rule = m.Rule, Frequency = m.Frequency,
        Goal = m.Goal, MinGoal = m.MinGoal, MaxGoal = m.MaxGoal, Archived = m.Archived, CreatedDate = m.CreatedDate,
        IsExternallySynced = m.IsExternallySynced, MeetingId = meetingId, NotesId = m.NotesId, Notes = m.Notes,
    };

    public static MetricScore ToScore(JsonElement node)
    {
        var note = GraphQLEntityReader.String(node, "notesText");
        return new MetricScore
        {
            Id = GraphQLEntityReader.OptionalId(node, "id") ?? throw new FormatException("A score has no id."),
            MeasurableId = GraphQLEntityReader.OptionalId(node, "measurableId") ?? 0,
            Value = Plain(GraphQLDecimal.Read(node, "value")),
            PeriodDate = UnixTime.Read(node, "timestamp"),
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
    }

    private static string WireOf<T>((T Value, string Wire)[] names, T value, string what) where T : struct, Enum
    {
        foreach (var (v, wire) in names)
        {
            if (EqualityComparer<T>.Default.Equals(v, value)) return wire;
        }
        throw new ArgumentOutOfRangeException(what, value, $"{value} is not a {what} the server accepts.");
    }

    private static T EnumOf<T>((T Value, string Wire)[] names, string? wire, T unknown) where T : struct, Enum
    {
        foreach (var (v, w) in names)
        {
            if (string.Equals(w, wire, StringComparison.Ordinal)) return v;
        }
        return unknown;
    }

    // "100.00000" → 100: the server's five decimals are its format, not the user's precision.
    private static decimal? Plain(decimal? value) => value is { } v ? v / 1.0000000000000000000000000000m : null;
}
