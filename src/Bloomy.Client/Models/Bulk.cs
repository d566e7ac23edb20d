namespace Bloomy.Client.Models;

/// <summary>The outcome of a bulk operation: what succeeded and what failed, each in input order.</summary>
/// <typeparam name="T">The type of a successful item's result.</typeparam>
public sealed class BulkResult<T>
{
    /// <summary>The results of the items that succeeded, in input order.</summary>
    public IReadOnlyList<T> Successful { get; init; } = Array.Empty<T>();

    /// <summary>The items that failed, in input order.</summary>
    public IReadOnlyList<BulkFailure> Failed { get; init; } = Array.Empty<BulkFailure>();

    /// <summary>Returns a short description such as <c>BulkResult: 3 successful, 1 failed</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BulkResult: {Successful.Count} successful, {Failed.Count} failed";
}

/// <summary>One failed item of a bulk operation.</summary>
public sealed class BulkFailure
{
    /// <summary>The 0-based position of the item in the input.</summary>
    public int Index { get; init; }

    /// <summary>The input item as given (for <c>GetManyAsync</c>, the meeting id).</summary>
    public object Input { get; init; } = null!;

    /// <summary>The exception that made the item fail.</summary>
    public Exception Error { get; init; } = null!;

    /// <summary>The exception's message.</summary>
    public string Message { get; init; } = "";

    /// <summary>Returns a short description such as <c>Item 2 failed: Title is required</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Item {Index} failed: {Message}";
}

/// <summary>
/// One to-do to create with <c>TodosClient.CreateAsync</c>, or with <c>TodosClient.CreateManyAsync</c> (meeting to-dos only).
/// </summary>
public sealed class TodoCreateItem
{
    /// <summary>The title (required).</summary>
    public string? Title { get; init; }

    /// <summary>The meeting to attach the to-do to (required by <c>CreateManyAsync</c>; without it <c>CreateAsync</c> creates a personal to-do).</summary>
    public long? MeetingId { get; init; }

    /// <summary>The due date (optional).</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>The owner (optional; defaults to the current user).</summary>
    public long? UserId { get; init; }

    /// <summary>Notes (optional).</summary>
    public string? Notes { get; init; }

    /// <summary>Returns a short description of the item.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"TodoCreateItem '{Title}' meeting {MeetingId}";
}

/// <summary>One goal to create with <c>GoalsClient.CreateManyAsync</c>.</summary>
public sealed class GoalCreateItem
{
    /// <summary>The title (required).</summary>
    public string? Title { get; init; }

    /// <summary>The meeting to attach the goal to (required).</summary>
    public long? MeetingId { get; init; }

    /// <summary>The owner (optional; defaults to the current user).</summary>
    public long? UserId { get; init; }

    /// <summary>Returns a short description of the item.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"GoalCreateItem '{Title}' meeting {MeetingId}";
}

/// <summary>One issue to create with <c>IssuesClient.CreateManyAsync</c>.</summary>
public sealed class IssueCreateItem
{
    /// <summary>The meeting to raise the issue in (required; checked first).</summary>
    public long? MeetingId { get; init; }

    /// <summary>The title (required).</summary>
    public string? Title { get; init; }

    /// <summary>The owner (optional; defaults to the current user).</summary>
    public long? UserId { get; init; }

    /// <summary>Notes (optional).</summary>
    public string? Notes { get; init; }

    /// <summary>Returns a short description of the item.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"IssueCreateItem '{Title}' meeting {MeetingId}";
}

/// <summary>One meeting to create with <c>MeetingsClient.CreateManyAsync</c>.</summary>
public sealed class MeetingCreateItem
{
    /// <summary>The title (required).</summary>
    public string? Title { get; init; }

    /// <summary>Whether the server should add the caller as an attendee (default true).</summary>
    public bool AddSelf { get; init; } = true;

    /// <summary>Further attendees to add after creation (optional).</summary>
    public IReadOnlyList<long>? AttendeeIds { get; init; }

    /// <summary>Returns a short description of the item.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"MeetingCreateItem '{Title}'";
}
