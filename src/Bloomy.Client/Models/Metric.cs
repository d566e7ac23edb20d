namespace Bloomy.Client.Models;

/// <summary>
/// The unit of a metric (GraphQL <c>gqlUnitType</c>): <c>None</c> = NONE (a plain number), <c>Dollar</c> = DOLLAR,
/// <c>Percent</c> = PERCENT, <c>Pound</c> = POUND, <c>Euro</c> = EUROS, <c>Peso</c> = PESOS, <c>Yen</c> = YEN,
/// <c>YesNo</c> = YESNO, <c>Rupee</c> = INR, <c>Dirham</c> = DIRHAM, <c>Rand</c> = RAND, <c>Guilder</c> = XCG.
/// </summary>
public enum MetricUnit
{
    /// <summary>A value the server sent that this version does not know.</summary>
    Unknown,
    /// <summary>A plain number (NONE).</summary>
    None,
    /// <summary>US dollars (DOLLAR).</summary>
    Dollar,
    /// <summary>A percentage (PERCENT).</summary>
    Percent,
    /// <summary>Pounds sterling (POUND).</summary>
    Pound,
    /// <summary>Euros (EUROS).</summary>
    Euro,
    /// <summary>Pesos (PESOS).</summary>
    Peso,
    /// <summary>Yen (YEN).</summary>
    Yen,
    /// <summary>Yes (1) or no (0) (YESNO).</summary>
    YesNo,
    /// <summary>Indian rupees (INR).</summary>
    Rupee,
    /// <summary>UAE dirhams (DIRHAM).</summary>
    Dirham,
    /// <summary>South African rand (RAND).</summary>
    Rand,
    /// <summary>Caribbean guilders (XCG).</summary>
    Guilder,
}

/// <summary>
/// How a metric's value is compared with its goal (GraphQL <c>gqlLessGreater</c>): <c>GreaterOrEqual</c> = GREATER_THAN
/// (the server's name means ≥), <c>Greater</c> = GREATER_THAN_NOT_EQUAL (&gt;), <c>Less</c> = LESS_THAN (&lt;),
/// <c>LessOrEqual</c> = LESS_THAN_OR_EQUAL (≤), <c>Equal</c> = EQUAL_TO, <c>Between</c> = BETWEEN (min ≤ value ≤ max).
/// </summary>
public enum MetricRule
{
    /// <summary>A value the server sent that this version does not know.</summary>
    Unknown,
    /// <summary>value ≥ goal (GREATER_THAN).</summary>
    GreaterOrEqual,
    /// <summary>value &gt; goal (GREATER_THAN_NOT_EQUAL).</summary>
    Greater,
    /// <summary>value &lt; goal (LESS_THAN).</summary>
    Less,
    /// <summary>value ≤ goal (LESS_THAN_OR_EQUAL).</summary>
    LessOrEqual,
    /// <summary>value = goal (EQUAL_TO).</summary>
    Equal,
    /// <summary>min goal ≤ value ≤ max goal (BETWEEN).</summary>
    Between,
}

/// <summary>How often a metric is scored (GraphQL <c>gqlMetricFrequency</c>).</summary>
public enum MetricFrequency
{
    /// <summary>A value the server sent that this version does not know.</summary>
    Unknown,
    /// <summary>Once a week (a week starts on Sunday 00:00 UTC).</summary>
    Weekly,
    /// <summary>Once a month.</summary>
    Monthly,
    /// <summary>Once a quarter.</summary>
    Quarterly,
    /// <summary>Every day.</summary>
    Daily,
}

/// <summary>A metric (a measurable, a scorecard row) as GraphQL describes it (bloom-graphql.md §15).</summary>
public sealed class Metric
{
    /// <summary>The measurable's id (GraphQL <c>measurableId</c>; the same id as REST's).</summary>
    public long Id { get; init; }

    /// <summary>The title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The id of the accountable user, when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the accountable user, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The unit.</summary>
    public MetricUnit Units { get; init; }

    /// <summary>How a value is compared with the goal.</summary>
    public MetricRule Rule { get; init; }

    /// <summary>How often it is scored.</summary>
    public MetricFrequency Frequency { get; init; }

    /// <summary>The goal (every rule but Between).</summary>
    public decimal? Goal { get; init; }

    /// <summary>The lower goal (meaningful for Between only).</summary>
    public decimal? MinGoal { get; init; }

    /// <summary>The upper goal (meaningful for Between only).</summary>
    public decimal? MaxGoal { get; init; }

    /// <summary>Whether the metric is archived (for good: there is no restore).</summary>
    public bool Archived { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedDate { get; init; }

    /// <summary>Whether its scores come from an integration.</summary>
    public bool IsExternallySynced { get; init; }

    /// <summary>The meeting it was listed under, when listed by meeting.</summary>
    public long? MeetingId { get; init; }

    /// <summary>The notes pad id, when there are notes.</summary>
    public string? NotesId { get; init; }

    /// <summary>The notes as plain text; null unless read with notes (Get-BloomyMeasurable -IncludeNotes) or empty.</summary>
    public string? Notes { get; init; }

    /// <summary>Returns a short description such as <c>Metric 4001 'Weekly revenue'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Metric {Id} '{Title}'";
}

/// <summary>One score of a metric for one period (bloom-graphql.md §15.0).</summary>
public sealed class MetricScore
{
    /// <summary>The score's id.</summary>
    public long Id { get; init; }

    /// <summary>The metric's (measurable's) id.</summary>
    public long MeasurableId { get; init; }

    /// <summary>The value; null for an empty score.</summary>
    public decimal? Value { get; init; }

    /// <summary>The start of the period the score is for (UTC): a week's Sunday, a month's or quarter's first day, the day.</summary>
    public DateTimeOffset? PeriodDate { get; init; }

    /// <summary>The score's own cell note.</summary>
    public string? Note { get; init; }

    /// <summary>Returns a short description such as <c>Score 7001 of measurable 4001 on 2026-09-20: 42</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"Score {Id} of measurable {MeasurableId} on {PeriodDate?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: "
        + (Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(empty)");
}

/// <summary>A new metric (bloom-graphql.md §15.3).</summary>
public sealed class MetricCreateRequest
{
    /// <summary>The meeting whose scorecard gets the metric.</summary>
    public long MeetingId { get; init; }

    /// <summary>The title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The accountable user; null means you.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The unit (default None).</summary>
    public MetricUnit Units { get; init; } = MetricUnit.None;

    /// <summary>The rule (default GreaterOrEqual).</summary>
    public MetricRule Rule { get; init; } = MetricRule.GreaterOrEqual;

    /// <summary>The frequency (default Weekly).</summary>
    public MetricFrequency Frequency { get; init; } = MetricFrequency.Weekly;

    /// <summary>The goal (every rule but Between).</summary>
    public decimal? Goal { get; init; }

    /// <summary>The lower goal (Between only).</summary>
    public decimal? MinGoal { get; init; }

    /// <summary>The upper goal (Between only).</summary>
    public decimal? MaxGoal { get; init; }

    /// <summary>Notes (plain text, several lines allowed); null for none.</summary>
    public string? Notes { get; init; }
}

/// <summary>Changes to a metric (bloom-graphql.md §15.4); null members are left unchanged. At least one is required.</summary>
public sealed class MetricUpdate
{
    /// <summary>The new title.</summary>
    public string? Title { get; init; }

    /// <summary>The new accountable user.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The new unit.</summary>
    public MetricUnit? Units { get; init; }

    /// <summary>The new rule.</summary>
    public MetricRule? Rule { get; init; }

    /// <summary>The new goal.</summary>
    public decimal? Goal { get; init; }

    /// <summary>The new lower goal.</summary>
    public decimal? MinGoal { get; init; }

    /// <summary>The new upper goal.</summary>
    public decimal? MaxGoal { get; init; }

    /// <summary>New notes (a new pad replaces the old one).</summary>
    public string? Notes { get; init; }

    /// <summary>Whether nothing would change.</summary>
    public bool IsEmpty => Title is null && OwnerId is null && Units is null && Rule is null && Goal is null && MinGoal is null
        && MaxGoal is null && Notes is null;
}
