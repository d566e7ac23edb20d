namespace Bloomy.Client.Models;

/// <summary>The current scorecard week.</summary>
public sealed class ScorecardWeek
{
    /// <summary>The week's id (a .NET tick count on the real server).</summary>
    public long Id { get; init; }

    /// <summary>The week number (weeks since the server's epoch); scores carry the same number.</summary>
    public int WeekNumber { get; init; }

    /// <summary>The week's start, as the server sends it.</summary>
    public string WeekStart { get; init; } = "";

    /// <summary>The week's end, as the server sends it.</summary>
    public string WeekEnd { get; init; } = "";

    /// <summary>Returns a short description such as <c>Week 25 (2024-06-17 - 2024-06-23)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Week {WeekNumber} ({WeekStart} - {WeekEnd})";
}

/// <summary>One weekly score of a measurable.</summary>
public sealed class ScorecardItem
{
    /// <summary>The score's id.</summary>
    public long Id { get; init; }

    /// <summary>The id of the measurable the score belongs to.</summary>
    public long MeasurableId { get; init; }

    /// <summary>The id of the user accountable for the measurable.</summary>
    public long AccountableUserId { get; init; }

    /// <summary>The measurable's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The target for that week, when set.</summary>
    public decimal? Target { get; init; }

    /// <summary>The measured value; null when nothing was entered.</summary>
    public decimal? Value { get; init; }

    /// <summary>The week, as the server sends it (an opaque string).</summary>
    public string Week { get; init; } = "";

    /// <summary>The week number (compare with <see cref="ScorecardWeek.WeekNumber"/>).</summary>
    public int WeekNumber { get; init; }

    /// <summary>When the value was entered, when known.</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>Returns a short description such as <c>Score 7001 'Weekly revenue' week 25: 95000</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"Score {Id} '{Title}' week {WeekNumber}: " + (Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(empty)");
}
