using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Reopens completed milestones of goals (rocks).</para>
/// <para type="description">Open-BloomyMilestone marks completed milestones as not done again. Pipe milestones from Get-BloomyMilestone, or give their ids with -Id and their goal with -GoalId: a milestone is always reached through its goal, and one that is not under that goal is reported and left unchanged. Milestones are reopened concurrently, up to -ThrottleLimit at once. To complete a milestone, use Complete-BloomyMilestone. With -PassThru, returns each reopened milestone.</para>
/// </summary>
/// <example>
///   <code>Open-BloomyMilestone -GoalId 6001 -Id 9001</code>
///   <para>Reopens milestone 9001 of goal 6001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMilestone -GoalId 6001 | Where-Object Completed | Open-BloomyMilestone -PassThru</code>
///   <para>Reopens every completed milestone of goal 6001 and returns them.</para>
/// </example>
[Cmdlet(VerbsCommon.Open, "BloomyMilestone", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Milestone))]
public sealed class OpenBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Milestones (from Get-BloomyMilestone) to reopen.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Milestone))]
    public Milestone? Milestone { get; set; }

    /// <summary>
    /// <para type="description">The ids of the milestones to reopen. Plain ids can be piped too.</para>
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
    /// <para type="description">Returns each reopened milestone.</para>
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
        if (!ShouldProcess($"{description} of goal {goalId}", "Reopen")) return;
        QueueChange(PassThru.IsPresent, target, description, "was reopened",
            (client, ct) => client.Milestones.SendUpdateAsync(goalId, id, new MilestoneUpdate { Completed = false }, ct),
            (client, ct) => client.Milestones.GetAsync(goalId, id, ct));
    }
}
