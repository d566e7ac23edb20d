namespace Bloomy.Emulator;

/// <summary>Meeting-link ids of scorecard rows: distinct from measurable ids (bloom-graphql §15.0, §17.5).</summary>
public static class MetricLinks
{
    /// <summary>A measurable's link id is its id plus this.</summary>
    public const long MeasurableLinkBase = 900_000;

    /// <summary>A divider's link id is its meeting id plus this.</summary>
    public const long DividerLinkBase = 800_000;

    public static long For(EmulatorMeasurable m) => MeasurableLinkBase + m.Id;
}

/// <summary>
/// Metric rules of GraphQL (rule, units, score periods) over the measurables and scores REST shares (§15, §17.5).
/// Call the mutating members under <see cref="EmulatorStore.Sync"/>.
/// </summary>
public static class MetricState
{
    /// <summary>Days of DAILY placeholders before and after today, made when a DAILY metric is created (§17.5).</summary>
    public const int DailyPlaceholderDays = 120;

    private static readonly (string Wire, string GraphQL)[] Rules =
    [
        (">=", "GREATER_THAN"), (">", "GREATER_THAN_NOT_EQUAL"), ("<", "LESS_THAN"), ("<=", "LESS_THAN_OR_EQUAL"),
        ("==", "EQUAL_TO"), ("between", "BETWEEN"),
    ];

    private static readonly (string Wire, string GraphQL)[] Units =
    [
        ("Number", "NONE"), ("Dollar", "DOLLAR"), ("Percent", "PERCENT"), ("Pound", "POUND"), ("Euros", "EUROS"),
        ("Pesos", "PESOS"), ("Yen", "YEN"), ("YesNo", "YESNO"), ("INR", "INR"), ("Dirham", "DIRHAM"), ("Rand", "RAND"),
        ("XCG", "XCG"),
    ];

    public static string RuleOf(EmulatorMeasurable m) => Rules.FirstOrDefault(r => r.Wire == m.Direction).GraphQL ?? "GREATER_THAN";
    public static string DirectionOf(string rule) => Rules.FirstOrDefault(r => r.GraphQL == rule).Wire ?? ">=";
    public static string UnitsOf(EmulatorMeasurable m) => Units.FirstOrDefault(u => u.Wire == m.Unit).GraphQL ?? "NONE";
    public static string UnitOf(string units) => Units.FirstOrDefault(u => u.GraphQL == units).Wire ?? "Number";

    /// <summary>The period anchor a score of a metric of <paramref name="frequency"/> is stored on (§15.7, §17.5).</summary>
    public static DateTime Anchor(string frequency, DateTime utc)
    {
        var d = DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc);
        return frequency switch
        {
            "DAILY" => d,
            "MONTHLY" => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            "QUARTERLY" => new DateTime(d.Year, (d.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => d.AddDays(-(int)d.DayOfWeek), // WEEKLY: the Sunday on or before
        };
    }

    /// <summary>A score's period anchor: its own, or for a weekly score the Sunday before its REST week's Monday.</summary>
    public static DateTime AnchorOf(EmulatorScore s) => s.Anchor ?? EmulatorStore.WeekStart(s.WeekNumber).AddDays(-1);

    /// <summary>The score of a metric's period, if any.</summary>
    public static EmulatorScore? Find(EmulatorStore store, EmulatorMeasurable m, DateTime anchor)
    {
        if (m.Frequency == "WEEKLY")
        {
            var week = EmulatorStore.WeekNumberOf(anchor.AddDays(1));
            return store.ScoreIndex.TryGetValue((m.Id, week), out var id) ? store.ScoreMap[id] : null;
        }
        return store.ScoreMap.Values.FirstOrDefault(s => s.MeasurableId == m.Id && s.Anchor == anchor);
    }

    /// <summary>Adds a score (value null = an empty placeholder) on a period anchor.</summary>
    public static EmulatorScore Add(EmulatorStore store, EmulatorMeasurable m, DateTime anchor, decimal? value, DateTime now)
    {
        var weekly = m.Frequency == "WEEKLY";
        var score = new EmulatorScore
        {
            Id = store.NextScoreId++, MeasurableId = m.Id, WeekNumber = EmulatorStore.WeekNumberOf(weekly ? anchor.AddDays(1) : anchor),
            Measured = value, DateEntered = value is null ? null : now, Anchor = weekly ? null : anchor,
        };
        if (weekly) store.AddScore(score);
        else store.ScoreMap[score.Id] = score;
        return score;
    }

    /// <summary>DAILY metrics have an empty score for every day around today (§15.7, §17.5).</summary>
    public static void AddDailyPlaceholders(EmulatorStore store, EmulatorMeasurable m, DateTime now)
    {
        var today = DateTime.SpecifyKind(now.Date, DateTimeKind.Utc);
        for (int d = -DailyPlaceholderDays; d <= DailyPlaceholderDays; d++)
            Add(store, m, today.AddDays(d), null, now);
    }
}
