namespace Bloomy.Client.Models;

/// <summary>
/// The changes <c>IssuesClient.EditAsync</c> makes to an issue over GraphQL (<c>EditIssue</c>); only the given ones are
/// sent, at least one is required.
/// </summary>
public sealed class IssueChange
{
    /// <summary>The new title.</summary>
    public string? Title { get; init; }

    /// <summary>The new owner.</summary>
    public long? OwnerId { get; init; }

    /// <summary>Moves the issue to this meeting.</summary>
    public long? MeetingId { get; init; }

    /// <summary>True puts the issue on the long-term list (department plan), false takes it back to the short-term list.</summary>
    public bool? LongTerm { get; init; }

    /// <summary>True archives the issue, false restores it (a restored issue is short-term).</summary>
    public bool? Archived { get; init; }

    /// <summary>New notes (plain text, line breaks kept): a new notes pad is written first, then the issue points at it.</summary>
    public string? Notes { get; init; }

    /// <summary>True when no change is given.</summary>
    public bool IsEmpty => Title is null && OwnerId is null && MeetingId is null && LongTerm is null && Archived is null && Notes is null;

    /// <summary>Returns a short description of the changes.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Title is not null) parts.Add($"title '{Title}'");
        if (OwnerId is not null) parts.Add($"owner {OwnerId}");
        if (MeetingId is not null) parts.Add($"meeting {MeetingId}");
        if (LongTerm is not null) parts.Add(LongTerm.Value ? "long-term" : "short-term");
        if (Archived is not null) parts.Add(Archived.Value ? "archived" : "restored");
        if (Notes is not null) parts.Add("notes");
        return string.Join(", ", parts);
    }
}
