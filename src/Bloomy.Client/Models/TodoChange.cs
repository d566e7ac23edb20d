namespace Bloomy.Client.Models;

/// <summary>
/// Changes to a to-do sent in one GraphQL <c>EditTodo</c> (bloom-graphql.md §12.4–12.8): only the given fields change.
/// </summary>
public sealed class TodoChange
{
    /// <summary>The new title; null leaves it.</summary>
    public string? Title { get; init; }

    /// <summary>The new due date (a date alone means 00:00 UTC); null leaves it (a due date cannot be cleared).</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>The new owner; null leaves it.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The new notes (plain text, line breaks kept; "" empties them); null leaves them.</summary>
    public string? Notes { get; init; }

    /// <summary>True archives, false restores; null leaves the archived state.</summary>
    public bool? Archived { get; init; }

    /// <summary>Whether nothing would change.</summary>
    public bool IsEmpty => Title is null && DueDate is null && OwnerId is null && Notes is null && Archived is null;

    /// <summary>Returns a short description of the changes.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"TodoChange title '{Title}' due {DueDate:yyyy-MM-dd} owner {OwnerId} archived {Archived}" + (Notes is null ? "" : " with notes");
}
