namespace Bloomy.Client.Models;

/// <summary>
/// Changes to a headline sent in one GraphQL <c>EditHeadline</c> (bloom-graphql.md §11.4–11.6): only the given fields
/// change.
/// </summary>
public sealed class HeadlineChange
{
    /// <summary>The new title; null leaves it.</summary>
    public string? Title { get; init; }

    /// <summary>The new owner; null leaves it.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The new notes (plain text, line breaks kept; "" empties them); null leaves them.</summary>
    public string? Notes { get; init; }

    /// <summary>True archives, false restores; null leaves the archived state.</summary>
    public bool? Archived { get; init; }

    /// <summary>Whether nothing would change.</summary>
    public bool IsEmpty => Title is null && OwnerId is null && Notes is null && Archived is null;

    /// <summary>Returns a short description of the changes.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"HeadlineChange title '{Title}' owner {OwnerId} archived {Archived}" + (Notes is null ? "" : " with notes");
}
