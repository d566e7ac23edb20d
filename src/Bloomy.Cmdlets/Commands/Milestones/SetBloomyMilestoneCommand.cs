using System.Globalization;
using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Changes milestones of goals (rocks): title or due date.</para>
/// <para type="description">Set-BloomyMilestone renames milestones (-Title) and moves their due date (-DueDate; a date without a time means that day, 00:00 UTC). Pipe milestones from Get-BloomyMilestone, or give their ids with -Id and their goal with -GoalId: a milestone is always reached through its goal, and one that is not under that goal is reported and left unchanged. At least one change is required. To complete or reopen milestones use Complete-BloomyMilestone and Open-BloomyMilestone. Milestones are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each milestone as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyMilestone -GoalId 6001 -Id 9001 -DueDate 2026-11-15</code>
///   <para>Moves a milestone of goal 6001 to 15 November 2026.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMilestone -GoalId 6001 | Where-Object Title -like 'Draft*' | Set-BloomyMilestone -Title 'Write the spec' -PassThru</code>
///   <para>Renames the matching milestones and returns them.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyMilestone", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Milestone))]
public sealed class SetBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Milestones (from Get-BloomyMilestone) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Milestone))]
    public Milestone? Milestone { get; set; }

    /// <summary>
    /// <para type="description">The ids of the milestones to change. Plain ids can be piped too.</para>
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
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The new due date. A date without a time means that day (00:00 UTC).</para>
    /// </summary>
    [Parameter]
    [DateTransformation]
    public DateTime? DueDate { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed milestone.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && DueDate is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one change must be provided: give -Title or -DueDate."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

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
        var changes = new MilestoneUpdate { Title = Title, DueDate = DueDate is DateTime due ? MilestoneDates.ToUtc(due) : null };
        if (!ShouldProcess($"{description} of goal {goalId}", "Set " + DescribeChanges(changes))) return;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Milestones.SendUpdateAsync(goalId, id, changes, ct), (client, ct) => client.Milestones.GetAsync(goalId, id, ct));
    }

    private static string DescribeChanges(MilestoneUpdate changes)
    {
        var list = new List<string>();
        if (changes.Title is not null) list.Add($"title '{changes.Title}'");
        if (changes.DueDate is { } due) list.Add("due date " + due.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        return string.Join(", ", list);
    }
}
