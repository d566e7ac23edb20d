using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Deletes milestones of goals (rocks).</para>
/// <para type="description">Remove-BloomyMilestone deletes the milestones piped from Get-BloomyMilestone or given with -Id, concurrently (up to -ThrottleLimit at once). A deleted milestone is never listed again. Only milestone objects (and rows with an Id) bind from the pipeline, so a goal can never be taken for a milestone. Asks for confirmation unless -Confirm:$false.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyMilestone -Id 9001</code>
///   <para>Deletes one milestone, after asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMilestone -GoalId 6001 | Where-Object Completed | Remove-BloomyMilestone -Confirm:$false</code>
///   <para>Deletes the completed milestones of goal 6001 without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyMilestone", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Milestones (from Get-BloomyMilestone) to delete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Milestone))]
    public Milestone? Milestone { get; set; }

    /// <summary>
    /// <para type="description">The ids of the milestones to delete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MilestoneIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("milestone", Id, ParameterSetName == ByObjectSet ? (Milestone!, Milestone!.Id, Milestone.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Delete")) return;
        QueueAction(target, description, (client, ct) => client.Milestones.DeleteAsync(id, ct));
    }
}
