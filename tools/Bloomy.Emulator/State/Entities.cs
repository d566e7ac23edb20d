namespace Bloomy.Emulator;

/// <summary>An accountability-chart seat of a user (users/{id}/seats → Group.Position).</summary>
public sealed record EmulatorSeat(long Id, long PositionId, string? PositionName);

/// <summary>A seeded user (real or placeholder).</summary>
public sealed record EmulatorUser
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string? ImageUrl { get; init; }
    /// <summary>Position title, sent as search <c>Description</c>.</summary>
    public string? Description { get; init; }
    public long? ManagerId { get; init; }
    public bool IsPlaceholder { get; init; }
    public long OrganizationId { get; init; }
    public IReadOnlyList<EmulatorSeat> Seats { get; init; } = [];
    /// <summary>The user's API key ("" for placeholders, which cannot sign in).</summary>
    public string ApiKey { get; init; } = "";
}

/// <summary>A non-user search result (team/group) returned by search/all.</summary>
public sealed record EmulatorGroup(long Id, string Name, string ResultType);

/// <summary>An L10 meeting (recurrence).</summary>
public sealed record EmulatorMeeting
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public DateTime CreateTime { get; init; }
    public IReadOnlyList<long> AttendeeIds { get; init; } = [];
    public long CreatorId { get; init; }
    /// <summary>Listed by GET L10/list for every user, attendee or not (bloom-api-extras §9).</summary>
    public bool VisibleToAll { get; init; }
}

/// <summary>A to-do.</summary>
public sealed record EmulatorTodo
{
    /// <summary>GraphQL notes pad id (bloom-graphql §6); null when the item has no pad.</summary>
    public string? NotesId { get; init; }
    /// <summary>Whether the pad (not <see cref="LocalHtml"/>) is authoritative for the notes.</summary>
    public bool CollaborationEnabled { get; init; }
    /// <summary>Legacy HTML description, used when collaboration is off.</summary>
    public string? LocalHtml { get; init; }
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? Notes { get; init; }
    public long OwnerId { get; init; }
    /// <summary>Meeting id; null for a personal to-do.</summary>
    public long? MeetingId { get; init; }
    public DateTime? DueDate { get; init; }
    public DateTime CreateTime { get; init; }
    public DateTime? CompleteTime { get; init; }
    public DateTime? CloseTime { get; init; }
    public bool Complete { get; init; }
    /// <summary>When the to-do was archived over GraphQL (bloom-graphql §12.5–12.8); archived iff non-null.</summary>
    public DateTime? ArchiveTime { get; init; }
}

/// <summary>An issue.</summary>
public sealed record EmulatorIssue
{
    /// <summary>GraphQL notes pad id (bloom-graphql §6); null when the item has no pad.</summary>
    public string? NotesId { get; init; }
    /// <summary>Whether the pad (not <see cref="LocalHtml"/>) is authoritative for the notes.</summary>
    public bool CollaborationEnabled { get; init; }
    /// <summary>Legacy HTML description, used when collaboration is off.</summary>
    public string? LocalHtml { get; init; }
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? Notes { get; init; }
    public long OwnerId { get; init; }
    public long MeetingId { get; init; }
    public DateTime CreateTime { get; init; }
    public DateTime? CloseTime { get; init; }
    public DateTime? CompleteTime { get; init; }
    public bool Complete { get; init; }
    public bool Archived { get; init; }
    /// <summary>
    /// Taken off its meeting's lists by DELETE L10/{mid}/issues/{iid}. The emulator keeps the record readable by id
    /// (one plausible reading of the server's "remove from meeting"; bloom-api-extras §6 leaves it open).
    /// </summary>
    public bool RemovedFromMeeting { get; init; }
    /// <summary>
    /// On the long-term list (GraphQL <c>addToDepartmentPlan</c>). The server stores such an issue with
    /// <see cref="Archived"/> true (bloom-graphql §10, §17.5).
    /// </summary>
    public bool LongTerm { get; init; }
    /// <summary>When the issue was last archived (GraphQL <c>archivedTimestamp</c>).</summary>
    public DateTime? ArchiveTime { get; init; }
}

/// <summary>A rock (goal). Completion: "OnTrack", "AtRisk" or "Complete".</summary>
public sealed record EmulatorGoal
{
    /// <summary>GraphQL notes pad id (bloom-graphql §6); null when the item has no pad.</summary>
    public string? NotesId { get; init; }
    /// <summary>Whether the pad (not <see cref="LocalHtml"/>) is authoritative for the notes.</summary>
    public bool CollaborationEnabled { get; init; }
    /// <summary>Legacy HTML description, used when collaboration is off.</summary>
    public string? LocalHtml { get; init; }
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public long OwnerId { get; init; }
    public long? MeetingId { get; init; }
    public DateTime? DueDate { get; init; }
    public DateTime CreateTime { get; init; }
    public string Completion { get; init; } = "OnTrack";
    public bool Archived { get; init; }
    public bool Complete => Completion == "Complete";
    /// <summary>When the goal was last archived (GraphQL archivedTimestamp); null when never archived.</summary>
    public DateTime? ArchivedTime { get; init; }
    /// <summary>The meeting a GraphQL archive detached the goal from, and when (restore re-attaches within ±3 min).</summary>
    public long? DetachedMeetingId { get; init; }
    /// <summary>When <see cref="DetachedMeetingId"/> was detached.</summary>
    public DateTime? DetachedTime { get; init; }
}

/// <summary>A milestone of a goal (bloom-graphql §14). Soft-deleted: <see cref="DateDeleted"/> set, never listed again.</summary>
public sealed record EmulatorMilestone
{
    public long Id { get; init; }
    public long GoalId { get; init; }
    public string Title { get; init; } = "";
    public DateTime DueDate { get; init; }
    public bool Completed { get; init; }
    public DateTime CreateTime { get; init; }
    public DateTime? DateDeleted { get; init; }
}

/// <summary>A measurable.</summary>
public sealed record EmulatorMeasurable
{
    /// <summary>GraphQL notes pad id (bloom-graphql §6); null when the item has no pad.</summary>
    public string? NotesId { get; init; }
    /// <summary>Whether the pad (not <see cref="LocalHtml"/>) is authoritative for the notes.</summary>
    public bool CollaborationEnabled { get; init; }
    /// <summary>Legacy HTML description, used when collaboration is off.</summary>
    public string? LocalHtml { get; init; }
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public long OwnerId { get; init; }
    public long AdminId { get; init; }
    public long? MeetingId { get; init; }
    public decimal? Target { get; init; }
    public string Direction { get; init; } = ">=";
    public string Unit { get; init; } = "Number";
    // GraphQL metric fields (bloom-graphql §15); the rule and units are Direction and Unit above, in REST's words.
    /// <summary>WEEKLY, MONTHLY, QUARTERLY or DAILY.</summary>
    public string Frequency { get; init; } = "WEEKLY";
    public decimal? MinGoal { get; init; }
    public decimal? MaxGoal { get; init; }
    /// <summary>Archived metrics stay readable by id and in meeting.metrics, never come back (§15.5).</summary>
    public bool Archived { get; init; }
    public DateTime? ArchiveTime { get; init; }
    /// <summary>Null for seeded rows (read as the store's start).</summary>
    public DateTime? CreateTime { get; init; }
}

/// <summary>A score cell (one measurable, one week). WeekNumber = weeks since 1970-01-05.</summary>
public sealed record EmulatorScore
{
    public long Id { get; init; }
    public long MeasurableId { get; init; }
    public int WeekNumber { get; init; }
    public decimal? Measured { get; init; }
    public DateTime? DateEntered { get; init; }
    /// <summary>The cell note of GraphQL's notesText; null when none.</summary>
    public string? Notes { get; init; }
    /// <summary>
    /// The period anchor of a score of a non-weekly metric (first day of month/quarter, the day); null for weekly
    /// scores, whose anchor is the Sunday before the REST week's Monday (so REST and GraphQL share weekly rows).
    /// </summary>
    public DateTime? Anchor { get; init; }
}

/// <summary>A scorecard divider row of a meeting (GraphQL meeting.metrics only: metricType DIVIDER, measurableId 0).</summary>
public sealed record EmulatorMetricDivider(long LinkId, long MeetingId, int Position);

/// <summary>A headline.</summary>
public sealed record EmulatorHeadline
{
    /// <summary>GraphQL notes pad id (bloom-graphql §6); null when the item has no pad.</summary>
    public string? NotesId { get; init; }
    /// <summary>Whether the pad (not <see cref="LocalHtml"/>) is authoritative for the notes.</summary>
    public bool CollaborationEnabled { get; init; }
    /// <summary>Legacy HTML description, used when collaboration is off.</summary>
    public string? LocalHtml { get; init; }
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? Notes { get; init; }
    public long OwnerId { get; init; }
    public long MeetingId { get; init; }
    public DateTime CreateTime { get; init; }
    public DateTime? CloseTime { get; init; }
}

/// <summary>Kinds of created objects counted by <see cref="EmulatorStats"/>.</summary>
public enum EmulatorEntityKind { Todo, Issue, Goal, Meeting, Headline }
