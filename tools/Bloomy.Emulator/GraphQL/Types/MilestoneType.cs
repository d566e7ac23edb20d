using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A milestone of a goal (bloom-graphql §14): <c>id goalId title dueDate completed status dateCreated</c>.</summary>
public sealed class MilestoneType : ObjectGraphType<EmulatorMilestone>
{
    public MilestoneType()
    {
        Name = "Milestone";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("goalId").Resolve(c => c.Source.GoalId);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<FloatGraphType>>("dueDate").Resolve(c => ResolveContextExtensions.Unix(c.Source.DueDate));
        Field<NonNullGraphType<BooleanGraphType>>("completed").Resolve(c => c.Source.Completed);
        // Recorded as null in production (§14); the server enum exists but is not filled.
        Field<MilestoneStatusType>("status").Resolve(_ => null);
        Field<FloatGraphType>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        Field<FloatGraphType>("dateDeleted").Resolve(c => ResolveContextExtensions.Unix(c.Source.DateDeleted));
    }
}

/// <summary><c>gqlMilestoneStatus</c> [SRV].</summary>
public sealed class MilestoneStatusType : EnumerationGraphType
{
    public MilestoneStatusType()
    {
        Name = "gqlMilestoneStatus";
        Add("INCOMPLETED", "INCOMPLETED");
        Add("COMPLETED", "COMPLETED");
        Add("OVERDUE", "OVERDUE");
    }
}

/// <summary><c>MilestoneQueryModelFilterInput</c> (inferred name, §4.1): dateDeleted, id, completed, dueDate.</summary>
public sealed class MilestoneQueryModelFilterInput : FilterInputType<MilestoneQueryModelFilterInput, EmulatorMilestone>
{
    public MilestoneQueryModelFilterInput() : base("MilestoneQueryModelFilterInput")
    {
        Float("dateDeleted", m => ResolveContextExtensions.Unix(m.DateDeleted));
        Long("id", m => m.Id);
        Bool("completed", m => m.Completed);
        Float("dueDate", m => ResolveContextExtensions.Unix(m.DueDate));
    }
}

/// <summary><c>MilestoneQueryModelSortInput</c> (inferred name).</summary>
public sealed class MilestoneQueryModelSortInput : SortInputType<MilestoneQueryModelSortInput, EmulatorMilestone>
{
    public MilestoneQueryModelSortInput() : base("MilestoneQueryModelSortInput")
    {
        By("dueDate", m => m.DueDate);
        By("dateCreated", m => m.CreateTime);
        By("id", m => m.Id);
        By("title", m => m.Title);
    }
}

/// <summary><c>MilestoneCreateModelInput</c> (§14.3): rockId is the goal id.</summary>
public sealed class MilestoneCreateModelInput : InputObjectGraphType
{
    public MilestoneCreateModelInput()
    {
        Name = "MilestoneCreateModelInput";
        Field<NonNullGraphType<LongGraphType>>("rockId");
        Field<StringGraphType>("title");
        Field<NonNullGraphType<FloatGraphType>>("dueDate");
        Field<BooleanGraphType>("completed");
        Field<StringGraphType>("status");
    }
}

/// <summary><c>MilestoneEditModelInput</c> (§14.4).</summary>
public sealed class MilestoneEditModelInput : InputObjectGraphType
{
    public MilestoneEditModelInput()
    {
        Name = "MilestoneEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("milestoneId");
        Field<StringGraphType>("title");
        Field<FloatGraphType>("dueDate");
        Field<BooleanGraphType>("completed");
        Field<StringGraphType>("status");
    }
}

/// <summary>An item of <c>GoalCreateModelInput.milestones</c> (inferred name <c>Goal_MilestoneCreateModelInput</c>).</summary>
public sealed class GoalMilestoneCreateModelInput : InputObjectGraphType
{
    public GoalMilestoneCreateModelInput()
    {
        Name = "Goal_MilestoneCreateModelInput";
        Field<StringGraphType>("title");
        Field<NonNullGraphType<FloatGraphType>>("dueDate");
        Field<BooleanGraphType>("completed");
        Field<StringGraphType>("status");
    }
}
