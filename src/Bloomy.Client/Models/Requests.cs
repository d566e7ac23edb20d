namespace Bloomy.Client.Models;

/// <summary>Which scores <c>ScorecardClient.ListAsync</c> returns (every property is optional).</summary>
public sealed class ScorecardQuery
{
    /// <summary>The user whose scorecard to read; null (and no meeting) means the current user.</summary>
    public long? UserId { get; init; }

    /// <summary>The meeting whose scorecard to read; cannot be combined with <see cref="UserId"/>.</summary>
    public long? MeetingId { get; init; }

    /// <summary>Keep scores without a value.</summary>
    public bool ShowEmpty { get; init; }

    /// <summary>Keep only the week this many weeks from the current one (0 = this week, -1 = last week); null keeps every week.</summary>
    public int? WeekOffset { get; init; }

    /// <summary>Returns a short description of the query.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"ScorecardQuery user {UserId} meeting {MeetingId} week {WeekOffset}{(ShowEmpty ? " (with empty)" : "")}";
}

/// <summary>The changes <c>GoalsClient.UpdateAsync</c> makes to a goal; only the given ones are sent.</summary>
public sealed class GoalUpdate
{
    /// <summary>The new title.</summary>
    public string? Title { get; init; }

    /// <summary>The new owner; the owner changes only when this is given.</summary>
    public long? AccountableUserId { get; init; }

    /// <summary>The new status.</summary>
    public GoalStatus? Status { get; init; }

    /// <summary>Returns a short description of the changes.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"GoalUpdate '{Title}' owner {AccountableUserId} status {Status}";
}

/// <summary>Which to-dos <c>TodosClient.ListAsync</c> returns (every property is optional).</summary>
public sealed class TodoListQuery
{
    /// <summary>The user whose to-dos to list; null (and no meeting) means the current user.</summary>
    public long? UserId { get; init; }

    /// <summary>The meeting whose to-dos to list; cannot be combined with <see cref="UserId"/>.</summary>
    public long? MeetingId { get; init; }

    /// <summary>Also return completed to-dos.</summary>
    public bool IncludeClosed { get; init; }

    /// <summary>Returns a short description of the query.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"TodoListQuery user {UserId} meeting {MeetingId}{(IncludeClosed ? " (with closed)" : "")}";
}

/// <summary>Which user <c>UsersClient.GetAsync</c> reads, and what it fetches with them (every property is optional).</summary>
public sealed class UserQuery
{
    /// <summary>The user; null means the current user.</summary>
    public long? UserId { get; init; }

    /// <summary>Also fetch the user's direct reports.</summary>
    public bool IncludeDirectReports { get; init; }

    /// <summary>Also fetch the user's positions (accountability-chart seats).</summary>
    public bool IncludePositions { get; init; }

    /// <summary>Returns a short description of the query.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"UserQuery user {UserId}";
}
