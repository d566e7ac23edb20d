using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Gets the milestones of goals (rocks).</para>
/// <para type="description">Get-BloomyMilestone lists every milestone of the goals piped from Get-BloomyGoal, or of the goals given with -GoalId, by due date; deleted milestones are never listed. With -Id it gets those milestones of the goal. Lists are read to the end, page after page. Goals are read concurrently, up to -ThrottleLimit at once, and each goal's milestones come out together, in input order. Objects with a GoalId property (such as CSV rows) bind by that property. Milestones travel over Bloom Growth's GraphQL endpoint.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyGoal | Get-BloomyMilestone</code>
///   <para>Lists the milestones of all your active goals.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMilestone -GoalId 6001</code>
///   <para>Lists the milestones of goal 6001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyGoal | Get-BloomyMilestone -ThrottleLimit 10 | Where-Object { -not $_.Completed -and $_.DueDate -lt (Get-Date) }</code>
///   <para>Finds every overdue milestone in the organisation, ten goals at a time.</para>
/// </example>
// One parameter set: with a ByGoal and a ByGoalId set, PowerShell settles on the default set before it sees the piped
// object (both sets' mandatory parameters take pipeline input), so a piped goal could not bind. Here a goal binds to
// -Goal by type and anything with a GoalId property (a row, a milestone) to -GoalId; ProcessRecord requires one.
[Cmdlet(VerbsCommon.Get, "BloomyMilestone")]
[OutputType(typeof(Milestone))]
public sealed class GetBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">Goals (from Get-BloomyGoal) whose milestones to list.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public Goal? Goal { get; set; }

    /// <summary>
    /// <para type="description">The ids of the goals whose milestones to list (or pipe goals from Get-BloomyGoal).</para>
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] GoalId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of milestones of the goal to get (instead of all of them).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [MilestoneIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (Goal is { } goal)
        {
            var milestoneIds = Id;
            if (milestoneIds.Length == 0)
            {
                QueueMany(goal, $"goal {goal.Id} '{goal.Title}'", (client, ct) => client.Milestones.ListAsync(goal.Id, ct));
                return;
            }
            foreach (var id in milestoneIds)
            {
                Queue(id, $"milestone {id} of goal {goal.Id}", (client, ct) => client.Milestones.GetAsync(goal.Id, id, ct));
            }
            return;
        }
        if (GoalId.Length == 0)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("Give the goal: -GoalId, or pipe goals from Get-BloomyGoal (or rows with a GoalId column)."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        foreach (var goalId in GoalId)
        {
            if (Id.Length == 0)
            {
                QueueMany(goalId, $"goal {goalId}", (client, ct) => client.Milestones.ListAsync(goalId, ct));
                continue;
            }
            foreach (var id in Id)
            {
                Queue(id, $"milestone {id} of goal {goalId}", (client, ct) => client.Milestones.GetAsync(goalId, id, ct));
            }
        }
    }
}
