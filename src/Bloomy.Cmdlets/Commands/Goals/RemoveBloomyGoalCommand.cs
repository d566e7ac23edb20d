using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Deletes goals (rocks).</para>
/// <para type="description">Remove-BloomyGoal deletes the goals piped from Get-BloomyGoal or given with -Id, concurrently (up to -ThrottleLimit at once). A deleted goal is gone, not archived: use Set-BloomyGoal -Archived to keep it. Only goal objects bind from the pipeline, so a user or meeting object can never be deleted by mistake. Asks for confirmation unless -Confirm:$false.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyGoal -Id 6001</code>
///   <para>Deletes one goal, after asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -IncludeArchived | Where-Object Archived | Remove-BloomyGoal -Confirm:$false</code>
///   <para>Deletes all your archived goals without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyGoalCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Goals (from Get-BloomyGoal) to delete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Goal))]
    public Goal? Goal { get; set; }

    /// <summary>
    /// <para type="description">The ids of the goals to delete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [GoalIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("goal", Id, ParameterSetName == ByObjectSet ? (Goal!, Goal!.Id, Goal.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Delete")) return;
        QueueAction(target, description, (client, ct) => client.Goals.DeleteAsync(id, ct));
    }
}
