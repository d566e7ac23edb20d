using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// Goals (bloom-graphql §13) over the REST goal records: goal(id), goals(userId), meeting.goals, user.goals,
/// CreateGoal and EditGoal (notes, status, archive that detaches from the meeting, restore that re-attaches).
/// </summary>
internal static class GoalsGraphQL
{
    /// <summary>Restore re-attaches meeting links detached within this long of the archive (§13.6).</summary>
    internal static readonly TimeSpan ReattachWindow = TimeSpan.FromMinutes(3);

    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<GoalType>("goal")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c => c.Bloom().Store.GoalMap.GetValueOrDefault(c.GetArgument<long>("id")));
        // The root field drops archived goals whatever where says (live, §13.2).
        Connections.Field<GoalType, EmulatorGoal>(q, "goals",
            c => c.Bloom().Store.GoalMap.Values.Where(g => g.OwnerId == c.GetArgument<long>("userId") && !g.Archived).ToList(),
            where: typeof(GoalQueryModelFilterInput), order: typeof(GoalQueryModelSortInput))
            .Arguments!.Add(new QueryArgument<NonNullGraphType<LongGraphType>> { Name = "userId" });
        q.Extensions.Meeting(t => Connections.Field<GoalType, EmulatorGoal>(t, "goals",
            c => c.Bloom().Store.GoalMap.Values.Where(g => g.MeetingId == ((EmulatorMeeting)c.Source!).Id).ToList(),
            where: typeof(GoalQueryModelFilterInput), order: typeof(GoalQueryModelSortInput)));
        q.Extensions.User(t => Connections.Field<GoalType, EmulatorGoal>(t, "goals",
            c => c.Bloom().Store.GoalMap.Values.Where(g => g.OwnerId == ((EmulatorUser)c.Source!).Id).ToList(),
            where: typeof(GoalQueryModelFilterInput), order: typeof(GoalQueryModelSortInput)));

        m.Field<IdModelType>("CreateGoal")
            .Argument<NonNullGraphType<GoalCreateModelInput>>("input")
            .Resolve(c => Create(c.Bloom(), c.GetArgument<Dictionary<string, object?>>("input")));
        m.Field<IdModelType>("EditGoal")
            .Argument<NonNullGraphType<GoalEditModelInput>>("input")
            .Resolve(c => Edit(c.Bloom(), c.GetArgument<Dictionary<string, object?>>("input")));
    }

    private static long Create(BloomContext ctx, Dictionary<string, object?> input)
    {
        if (ctx.Settings.CreateGoalRejected) return 0;
        var store = ctx.Store;
        var title = input.GetValueOrDefault("title") as string;
        if (string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A goal needs a title.");
        var owner = input.GetValueOrDefault("assignee") is long a ? a : ctx.CallerId;
        if (!store.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
        var completion = Status(input) ?? "OnTrack";
        long? meetingId = null;
        if (input.GetValueOrDefault("meetingsAndPlans") is IEnumerable<object?> plans
            && plans.OfType<IDictionary<string, object?>>().FirstOrDefault() is { } plan && GraphQLInputs.Value(plan, "meetingId") is long mid)
        {
            if (!store.MeetingMap.ContainsKey(mid)) throw BloomErrors.Unexpected($"Meeting {mid} does not exist.");
            meetingId = mid;
        }
        var now = DateTime.UtcNow;
        var goal = new EmulatorGoal
        {
            Id = store.NextGoalId++, Title = title!, OwnerId = owner, MeetingId = meetingId, CreateTime = now,
            DueDate = GraphQLInputs.Time(input, "dueDate") ?? now.Date.AddDays(90), Completion = completion,
            NotesId = input.GetValueOrDefault("notesId") as string,
            CollaborationEnabled = input.GetValueOrDefault("collaborationEnabled") is true,
        };
        store.GoalMap[goal.Id] = goal;
        if (input.GetValueOrDefault("milestones") is IEnumerable<object?> milestones)
        {
            foreach (var item in milestones.OfType<Dictionary<string, object?>>())
                MilestonesGraphQL.Add(store, goal.Id, item, now);
        }
        return goal.Id;
    }

    private static long Edit(BloomContext ctx, Dictionary<string, object?> input)
    {
        var store = ctx.Store;
        var id = input["goalId"] is long l ? l : 0;
        var goal = store.GoalMap.GetValueOrDefault(id) ?? throw BloomErrors.Unexpected($"Goal {id} does not exist.");
        if (input.TryGetValue("title", out var t))
        {
            if (t is not string title || string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A goal needs a title.");
            goal = goal with { Title = title };
        }
        if (input.ContainsKey("status")) goal = goal with { Completion = Status(input) ?? goal.Completion };
        if (input.ContainsKey("dueDate")) goal = goal with { DueDate = GraphQLInputs.Time(input, "dueDate") };
        if (input.GetValueOrDefault("assignee") is long owner)
        {
            if (!store.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
            goal = goal with { OwnerId = owner };
        }
        if (input.ContainsKey("notesId")) goal = goal with { NotesId = input["notesId"] as string };
        if (input.GetValueOrDefault("collaborationEnabled") is bool collaboration) goal = goal with { CollaborationEnabled = collaboration };
        if (input.GetValueOrDefault("archived") is bool archived) goal = SetArchived(ctx, goal, archived);
        store.GoalMap[goal.Id] = goal;
        return goal.Id;
    }

    // Archive detaches the goal from its meeting (remembering when); restore re-attaches a link detached within ±3 min
    // of the archive (§13.6). The fault flag makes archive report success and change nothing (§13.5).
    private static EmulatorGoal SetArchived(BloomContext ctx, EmulatorGoal goal, bool archived)
    {
        var now = DateTime.UtcNow;
        if (archived)
        {
            if (ctx.Settings.GoalArchiveDoesNotStick || goal.Archived) return goal;
            return goal with
            {
                Archived = true, ArchivedTime = now, MeetingId = null,
                DetachedMeetingId = goal.MeetingId ?? goal.DetachedMeetingId,
                DetachedTime = goal.MeetingId is null ? goal.DetachedTime : now,
            };
        }
        if (!goal.Archived) return goal;
        var reattach = goal.MeetingId is null && goal.DetachedMeetingId is { } meeting && goal.DetachedTime is { } detached
            && goal.ArchivedTime is { } archivedAt && (detached - archivedAt).Duration() <= ReattachWindow
            && ctx.Store.MeetingMap.ContainsKey(meeting);
        return goal with
        {
            Archived = false,
            MeetingId = reattach ? goal.DetachedMeetingId : goal.MeetingId,
            DetachedMeetingId = reattach ? null : goal.DetachedMeetingId,
            DetachedTime = reattach ? null : goal.DetachedTime,
        };
    }

    private static string? Status(Dictionary<string, object?> input)
    {
        if (input.GetValueOrDefault("status") is not string s) return null;
        return GoalStatusType.FromWire(s) ?? throw BloomErrors.Unexpected($"'{s}' is not a goal status (ON_TRACK, OFF_TRACK, COMPLETED).");
    }
}
