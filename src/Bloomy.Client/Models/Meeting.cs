namespace Bloomy.Client.Models;

/// <summary>A Level 10 meeting (a meeting recurrence) with its id and name.</summary>
public class Meeting
{
    /// <summary>The meeting's id.</summary>
    public long Id { get; init; }

    /// <summary>The meeting's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Returns a short description such as <c>Meeting 2001 'Leadership L10'</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Meeting {Id} '{Name}'";
}

/// <summary>A meeting with its attendees, issues, to-dos and measurables.</summary>
public sealed class MeetingDetails : Meeting
{
    /// <summary>The meeting's start date (UTC) when the server has one.</summary>
    public DateTime? StartDateUtc { get; init; }

    /// <summary>When the meeting was created.</summary>
    public DateTime? CreateTime { get; init; }

    /// <summary>The id of the meeting's organisation.</summary>
    public long? OrganizationId { get; init; }

    /// <summary>The meeting's attendees.</summary>
    public IReadOnlyList<User> Attendees { get; init; } = Array.Empty<User>();

    /// <summary>The meeting's issues (open ones, plus closed ones when they were requested).</summary>
    public IReadOnlyList<Issue> Issues { get; init; } = Array.Empty<Issue>();

    /// <summary>The meeting's to-dos (open ones, plus closed ones when they were requested).</summary>
    public IReadOnlyList<Todo> Todos { get; init; } = Array.Empty<Todo>();

    /// <summary>The meeting's measurables (scorecard rows).</summary>
    public IReadOnlyList<Measurable> Measurables { get; init; } = Array.Empty<Measurable>();

    /// <summary>Returns a short description such as <c>Meeting 2001 'Leadership L10' (3 attendees, 2 issues, 5 todos, 4 measurables)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"Meeting {Id} '{Name}' ({Attendees.Count} attendees, {Issues.Count} issues, {Todos.Count} todos, {Measurables.Count} measurables)";
}

/// <summary>A meeting that was just created, with the attendees that were added to it.</summary>
public sealed class CreatedMeeting : Meeting
{
    /// <summary>The ids of the attendees added after creation (the caller, added by the server when requested, is not listed).</summary>
    public IReadOnlyList<long> AttendeeIds { get; init; } = Array.Empty<long>();
}
