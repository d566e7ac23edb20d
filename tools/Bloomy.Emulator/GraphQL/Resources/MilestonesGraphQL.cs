using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// Milestones (bloom-graphql §14): CreateMilestone, EditMilestone (F-id) and DeleteMilestone (F-response, soft delete).
/// Reads go through goal(id) { milestones } (GoalType); there is no root milestone(id).
/// </summary>
internal static class MilestonesGraphQL
{
    internal static void Register(BloomQuery q, BloomMutation m)
    {
        m.Field<IdModelType>("CreateMilestone")
            .Argument<NonNullGraphType<MilestoneCreateModelInput>>("input")
            .Resolve(c =>
            {
                var store = c.Bloom().Store;
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var goalId = input["rockId"] is long g ? g : 0;
                if (!store.GoalMap.ContainsKey(goalId)) throw BloomErrors.Unexpected($"Rock {goalId} does not exist.");
                return Add(store, goalId, input, DateTime.UtcNow).Id;
            });
        m.Field<IdModelType>("EditMilestone")
            .Argument<NonNullGraphType<MilestoneEditModelInput>>("input")
            .Resolve(c =>
            {
                var store = c.Bloom().Store;
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var id = input["milestoneId"] is long l ? l : 0;
                var milestone = Live(store, id) ?? throw BloomErrors.Unexpected($"Milestone {id} does not exist.");
                if (input.TryGetValue("title", out var t))
                {
                    if (t is not string title || string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A milestone needs a title.");
                    milestone = milestone with { Title = title };
                }
                if (input.ContainsKey("dueDate"))
                    milestone = milestone with { DueDate = GraphQLInputs.Time(input, "dueDate") ?? throw BloomErrors.Unexpected("A milestone needs a due date.") };
                if (GraphQLInputs.Value(input, "completed") is bool completed) milestone = milestone with { Completed = completed };
                CheckStatus(input);
                store.MilestoneMap[id] = milestone;
                return id;
            });
        m.Field<GraphQLResponseOfBooleanType>("DeleteMilestone")
            .Argument<NonNullGraphType<LongGraphType>>("milestoneId")
            .Resolve(c =>
            {
                var store = c.Bloom().Store;
                var id = c.GetArgument<long>("milestoneId");
                if (Live(store, id) is not { } milestone) return GraphQLResponse.Failed();
                store.MilestoneMap[id] = milestone with { DateDeleted = DateTime.UtcNow };
                return GraphQLResponse.Ok(true);
            });
    }

    /// <summary>A milestone that exists and is not deleted, under a goal that still exists.</summary>
    private static EmulatorMilestone? Live(EmulatorStore store, long id) =>
        store.MilestoneMap.GetValueOrDefault(id) is { DateDeleted: null } m && store.GoalMap.ContainsKey(m.GoalId) ? m : null;

    /// <summary>Adds a milestone to a goal from a create input (CreateMilestone or CreateGoal.milestones).</summary>
    internal static EmulatorMilestone Add(EmulatorStore store, long goalId, IDictionary<string, object?> input, DateTime now)
    {
        var title = GraphQLInputs.Value(input, "title") as string;
        if (string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A milestone needs a title.");
        CheckStatus(input);
        var milestone = new EmulatorMilestone
        {
            Id = store.NextMilestoneId++, GoalId = goalId, Title = title!, CreateTime = now,
            DueDate = GraphQLInputs.Time(input, "dueDate") ?? throw BloomErrors.Unexpected("A milestone needs a due date."),
            Completed = GraphQLInputs.Value(input, "completed") is true,
        };
        store.MilestoneMap[milestone.Id] = milestone;
        return milestone;
    }

    // An invalid status string makes the server throw (§14.3).
    private static void CheckStatus(IDictionary<string, object?> input)
    {
        if (GraphQLInputs.Value(input, "status") is string s && s is not ("INCOMPLETED" or "COMPLETED" or "OVERDUE"))
            throw BloomErrors.Unexpected($"'{s}' is not a milestone status.");
    }
}
