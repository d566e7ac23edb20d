using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Completes milestones of goals (rocks).</para>
/// <para type="description">Complete-BloomyMilestone marks milestones as done. Pipe milestones from Get-BloomyMilestone, or give their ids with -Id and their goal with -GoalId: a milestone is always reached through its goal, and one that is not under that goal is reported and left unchanged. Milestones are completed concurrently, up to -ThrottleLimit at once. To reopen a milestone, use Open-BloomyMilestone. With -PassThru, returns each completed milestone.</para>
/// </summary>
/// <example>
///   <code>Complete-BloomyMilestone -GoalId 6001 -Id 9001</code>
///   <para>Completes milestone 9001 of goal 6001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMilestone -GoalId 6001 | Where-Object DueDate -lt (Get-Date) | Complete-BloomyMilestone -PassThru</code>
///   <para>Completes the milestones of goal 6001 that are past due, and returns them.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Complete, "BloomyMilestone", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Milestone))]
public sealed class CompleteBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Milestones (from Get-BloomyMilestone) to complete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Milestone))]
    public Milestone? Milestone { get; set; }

    /// <summary>
    /// <para type="description">The ids of the milestones to complete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MilestoneIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The goal the milestones belong to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation]
    public long GoalId { get; set; }

    /// <summary>
    /// <para type="description">Returns each completed milestone.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var goalId = ParameterSetName == ByObjectSet ? Milestone!.GoalId : GoalId;
        ForEachItem("milestone", Id, ParameterSetName == ByObjectSet ? (Milestone!, Milestone!.Id, Milestone.Title) : null,
            (target, id, description) => Act(target, goalId, id, description));
    }

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long goalId, long id, string description)
    {
        if (!ShouldProcess($"{description} of goal {goalId}", "Complete")) return;
        QueueChange(PassThru.IsPresent, target, description, "was completed",
            (client, ct) => client.Milestones.SendUpdateAsync(goalId, id, new MilestoneUpdate { Completed = true }, ct),
            (client, ct) => client.Milestones.GetAsync(goalId, id, ct));
    }
}
