using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>
/// A goal (rock), bloom-graphql §13, over the REST goal records: <c>id title status dueDate archived archivedTimestamp
/// dateCreated</c>, notes, <c>assignee</c>, and the <c>meetings</c> and <c>milestones</c> connections.
/// </summary>
public sealed class GoalType : ObjectGraphType<EmulatorGoal>
{
    public GoalType()
    {
        Name = "Goal";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<GoalStatusType>>("status").Resolve(c => GoalStatusType.ToWire(c.Source.Completion));
        Field<FloatGraphType>("dueDate").Resolve(c => ResolveContextExtensions.Unix(c.Source.DueDate));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(c => c.Source.Archived);
        Field<FloatGraphType>("archivedTimestamp").Resolve(c => c.Source.Archived ? ResolveContextExtensions.Unix(c.Source.ArchivedTime ?? c.Source.CreateTime) : null);
        Field<NonNullGraphType<FloatGraphType>>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        Field<UserType>("assignee").Resolve(c => c.Bloom().Store.UserMap.GetValueOrDefault(c.Source.OwnerId));
        PadNotesFields.Add(this, g => g.NotesId, g => g.CollaborationEnabled, g => g.LocalHtml);
        Connections.Field<MeetingType, EmulatorMeeting>(this, "meetings",
            c => ((EmulatorGoal)c.Source!).MeetingId is { } id && c.Bloom().Store.MeetingMap.GetValueOrDefault(id) is { } m
                ? new[] { m } : Array.Empty<EmulatorMeeting>());
        // The server drops soft-deleted milestones itself; the where filter of the web app is accepted too (§13).
        Connections.Field<MilestoneType, EmulatorMilestone>(this, "milestones",
            c => MilestonesOf(c.Bloom().Store, ((EmulatorGoal)c.Source!).Id),
            where: typeof(MilestoneQueryModelFilterInput), order: typeof(MilestoneQueryModelSortInput));
    }

    /// <summary>The live (not deleted) milestones of a goal, by id.</summary>
    internal static IEnumerable<EmulatorMilestone> MilestonesOf(EmulatorStore store, long goalId) =>
        store.MilestoneMap.Values.Where(m => m.GoalId == goalId && m.DateDeleted is null).ToList();
}

/// <summary><c>gqlGoalStatus</c>: ON_TRACK, OFF_TRACK, COMPLETED (REST stores OnTrack, AtRisk, Complete).</summary>
public sealed class GoalStatusType : EnumerationGraphType
{
    public GoalStatusType()
    {
        Name = "gqlGoalStatus";
        Add("ON_TRACK", "ON_TRACK");
        Add("OFF_TRACK", "OFF_TRACK");
        Add("COMPLETED", "COMPLETED");
    }

    /// <summary>The REST completion word as the GraphQL enum name.</summary>
    public static string ToWire(string completion) => completion switch
    {
        "AtRisk" => "OFF_TRACK",
        "Complete" => "COMPLETED",
        _ => "ON_TRACK",
    };

    /// <summary>A GraphQL status name as the REST completion word; null when it is not one.</summary>
    public static string? FromWire(string? status) => status switch
    {
        "ON_TRACK" => "OnTrack",
        "OFF_TRACK" => "AtRisk",
        "COMPLETED" => "Complete",
        _ => null,
    };
}

/// <summary><c>GoalQueryModelFilterInput</c> (verified name, §4.1).</summary>
public sealed class GoalQueryModelFilterInput : FilterInputType<GoalQueryModelFilterInput, EmulatorGoal>
{
    public GoalQueryModelFilterInput() : base("GoalQueryModelFilterInput")
    {
        Long("id", g => g.Id);
        Bool("archived", g => g.Archived);
        String("title", g => g.Title);
        String("status", g => GoalStatusType.ToWire(g.Completion));
        Float("dueDate", g => ResolveContextExtensions.Unix(g.DueDate));
        Float("dateCreated", g => ResolveContextExtensions.Unix(g.CreateTime));
    }
}

/// <summary><c>GoalQueryModelSortInput</c> (inferred name).</summary>
public sealed class GoalQueryModelSortInput : SortInputType<GoalQueryModelSortInput, EmulatorGoal>
{
    public GoalQueryModelSortInput() : base("GoalQueryModelSortInput")
    {
        By("dueDate", g => g.DueDate);
        By("dateCreated", g => g.CreateTime);
        By("id", g => g.Id);
        By("title", g => g.Title);
    }
}

/// <summary>An item of <c>GoalCreateModelInput.meetingsAndPlans</c>.</summary>
public sealed class GoalMeetingModelInput : InputObjectGraphType
{
    public GoalMeetingModelInput()
    {
        Name = "GoalCreateMeetingModelInput";
        Field<NonNullGraphType<LongGraphType>>("meetingId");
        Field<BooleanGraphType>("addToDepartmentPlan");
    }
}

/// <summary><c>GoalCreateModelInput</c> (§13.3).</summary>
public sealed class GoalCreateModelInput : InputObjectGraphType
{
    public GoalCreateModelInput()
    {
        Name = "GoalCreateModelInput";
        Field<StringGraphType>("title");
        Field<LongGraphType>("assignee");
        Field<FloatGraphType>("dueDate");
        Field<StringGraphType>("status");
        Field<ListGraphType<NonNullGraphType<GoalMeetingModelInput>>>("meetingsAndPlans");
        Field<ListGraphType<NonNullGraphType<GoalMilestoneCreateModelInput>>>("milestones");
        Field<BooleanGraphType>("addToDepartmentPlan");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
    }
}

/// <summary><c>GoalEditModelInput</c> (§13.4).</summary>
public sealed class GoalEditModelInput : InputObjectGraphType
{
    public GoalEditModelInput()
    {
        Name = "GoalEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("goalId");
        Field<StringGraphType>("title");
        Field<StringGraphType>("status");
        Field<FloatGraphType>("dueDate");
        Field<LongGraphType>("assignee");
        Field<BooleanGraphType>("archived");
        Field<BooleanGraphType>("addToDepartmentPlan");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
    }
}
