namespace Bloomy.Client.Models;

/// <summary>A milestone: a dated step of a goal (rock).</summary>
public sealed class Milestone
{
    /// <summary>The milestone's id.</summary>
    public long Id { get; init; }

    /// <summary>The id of the goal the milestone belongs to.</summary>
    public long GoalId { get; init; }

    /// <summary>The milestone's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>When the milestone is due (UTC; a date is 00:00 UTC of that day).</summary>
    public DateTimeOffset DueDate { get; init; }

    /// <summary>True once the milestone is done.</summary>
    public bool Completed { get; init; }

    /// <summary>The server's status word (<c>INCOMPLETED</c>, <c>COMPLETED</c>, <c>OVERDUE</c>) when it gives one; usually null: use <see cref="Completed"/>.</summary>
    public string? Status { get; init; }

    /// <summary>When the milestone was created, when known (UTC).</summary>
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>Returns a short description such as <c>Milestone 9001 'Draft spec' (goal 6001)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Milestone {Id} '{Title}' (goal {GoalId})" + (Completed ? " [done]" : "");
}

/// <summary>Changes to a milestone; null leaves a field as it is. At least one change is required.</summary>
public sealed class MilestoneUpdate
{
    /// <summary>The new title.</summary>
    public string? Title { get; init; }

    /// <summary>The new due date (a date means 00:00 UTC of that day).</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>True completes the milestone, false reopens it.</summary>
    public bool? Completed { get; init; }
}
