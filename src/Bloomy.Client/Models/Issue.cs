namespace Bloomy.Client.Models;

/// <summary>An issue raised in a meeting.</summary>
public sealed class Issue
{
    /// <summary>The issue's id.</summary>
    public long Id { get; init; }

    /// <summary>The issue's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The URL of the issue's notes pad.</summary>
    public string? DetailsUrl { get; init; }

    /// <summary>When the issue was created.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>When the issue was closed (solved); this is what the SDKs call <c>completed_at</c>.</summary>
    public DateTime? CloseTime { get; init; }

    /// <summary>When the issue was completed, when the server reports it separately.</summary>
    public DateTime? CompleteTime { get; init; }

    /// <summary>True when the issue is solved (closed or marked complete).</summary>
    public bool Complete { get; init; }

    /// <summary>True when the issue is archived.</summary>
    public bool Archived { get; init; }

    /// <summary>The id of the meeting the issue belongs to.</summary>
    public long? MeetingId { get; init; }

    /// <summary>The name of the meeting the issue belongs to.</summary>
    public string? MeetingName { get; init; }

    /// <summary>The id of the issue's owner, when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the issue's owner, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The picture URL of the issue's owner, when known.</summary>
    public string? OwnerImageUrl { get; init; }

    /// <summary>
    /// True when the issue is on its meeting's long-term list (the department plan, "V/TO"), read over GraphQL. REST
    /// reads do not report it and leave it false.
    /// </summary>
    public bool LongTerm { get; init; }

    /// <summary>The issue's notes as plain text; filled only on request (Get-BloomyIssue -IncludeNotes), else null.</summary>
    public string? Notes { get; init; }

    /// <summary>Returns a short description such as <c>Issue 3001 'Churn is rising'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Issue {Id} '{Title}'" + (Complete ? " (solved)" : "");
}
