using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Restores archived goals (rocks).</para>
/// <para type="description">Restore-BloomyGoal moves archived goals back to the active list: pipe them from Get-BloomyGoal -IncludeArchived or give their ids with -Id. Goals are restored concurrently, up to -ThrottleLimit at once. To archive goals, use Set-BloomyGoal -Archived. With -PassThru, returns each restored goal.</para>
/// </summary>
/// <example>
///   <code>Restore-BloomyGoal -Id 6003</code>
///   <para>Restores one archived goal.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -IncludeArchived | Where-Object Archived | Restore-BloomyGoal -PassThru</code>
///   <para>Restores all your archived goals and returns them.</para>
/// </example>
[Cmdlet(VerbsData.Restore, "BloomyGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Goal))]
public sealed class RestoreBloomyGoalCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Goals (from Get-BloomyGoal -IncludeArchived) to restore.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Goal))]
    public Goal? Goal { get; set; }

    /// <summary>
    /// <para type="description">Returns each restored goal.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the archived goals to restore. Plain ids can be piped too.</para>
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
        if (!ShouldProcess(description, "Restore")) return;
        QueueChange(PassThru.IsPresent, target, description, "was restored",
            (client, ct) => client.Goals.RestoreAsync(id, ct), (client, ct) => client.Goals.GetAsync(id, ct));
    }
}
