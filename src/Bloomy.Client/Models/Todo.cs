namespace Bloomy.Client.Models;

/// <summary>A to-do, personal or attached to a meeting.</summary>
public sealed class Todo
{
    /// <summary>The to-do's id.</summary>
    public long Id { get; init; }

    /// <summary>The to-do's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The URL of the to-do's notes pad.</summary>
    public string? DetailsUrl { get; init; }

    /// <summary>When the to-do is due.</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>When the to-do was created.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the to-do was completed.</summary>
    public DateTime? CompleteTime { get; init; }

    /// <summary>The id of the meeting the to-do belongs to; null for personal to-dos.</summary>
    public long? MeetingId { get; init; }

    /// <summary>The name of the meeting the to-do belongs to (<c>Individual</c> for personal to-dos, as the server says).</summary>
    public string? MeetingName { get; init; }

    /// <summary>True when the to-do is completed.</summary>
    public bool Complete { get; init; }

    /// <summary>True when the to-do is closed (archived).</summary>
    public bool Archived { get; init; }

    /// <summary>The id of the to-do's owner, when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the to-do's owner, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>
    /// The to-do's notes as plain text: filled only when asked for (Get-BloomyTodo -IncludeNotes, GraphQL reads);
    /// null when the to-do has none or they were not read.
    /// </summary>
    public string? Notes { get; init; }

    /// <summary>When the to-do was archived (GraphQL reads only); null when it is not archived or was read over REST.</summary>
    public DateTime? ArchiveTime { get; init; }

    /// <summary>Returns a short description such as <c>Todo 5001 'Send Q3 plan'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Todo {Id} '{Title}'" + (Complete ? " (complete)" : "");
}
