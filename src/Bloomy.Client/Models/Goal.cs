namespace Bloomy.Client.Models;

/// <summary>A goal (a "rock").</summary>
public sealed class Goal
{
    /// <summary>The goal's id.</summary>
    public long Id { get; init; }

    /// <summary>The goal's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The id of the goal's owner (accountable user), when known.</summary>
    public long? OwnerId { get; init; }

    /// <summary>The name of the goal's owner, when known.</summary>
    public string? OwnerName { get; init; }

    /// <summary>When the goal is due.</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>When the goal was created.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>
    /// The goal's status as the API reports it, in the words Set-BloomyGoal -Status takes: <c>OnTrack</c>,
    /// <c>AtRisk</c> (what OffTrack is stored as) or <c>Complete</c>, the same for active, archived and new goals;
    /// null when the API did not say.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>True for archived goals.</summary>
    public bool Archived { get; init; }

    /// <summary>The id of the meeting the goal is attached to, when known.</summary>
    public long? MeetingId { get; init; }

    /// <summary>The name of the meeting the goal is attached to, when known.</summary>
    public string? MeetingName { get; init; }

    /// <summary>The goal's notes as plain text; filled only on request (Get-BloomyGoal -IncludeNotes), else null.</summary>
    public string? Notes { get; init; }

    /// <summary>A copy of this goal with <see cref="Notes"/> set.</summary>
    /// <param name="notes">The notes.</param>
    /// <returns>The copy.</returns>
    public Goal WithNotes(string? notes) => new()
    {
        Id = Id, Title = Title, OwnerId = OwnerId, OwnerName = OwnerName, DueDate = DueDate, CreateTime = CreateTime,
        Status = Status, Archived = Archived, MeetingId = MeetingId, MeetingName = MeetingName, Notes = notes,
    };

    /// <summary>Returns a short description such as <c>Goal 6001 'Launch v2 pricing' [OnTrack]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Goal {Id} '{Title}' [{Status}]" + (Archived ? " (archived)" : "");
}

/// <summary>The status a goal can be set to.</summary>
public enum GoalStatus
{
    /// <summary>On track (SDK word <c>on</c>, wire value <c>OnTrack</c>).</summary>
    OnTrack = 0,

    /// <summary>At risk / off track (SDK word <c>off</c>, wire value <c>AtRisk</c>).</summary>
    AtRisk = 1,

    /// <summary>Alias of <see cref="AtRisk"/>.</summary>
    OffTrack = AtRisk,

    /// <summary>Complete (SDK word <c>complete</c>, wire value <c>Complete</c>).</summary>
    Complete = 2,
}
