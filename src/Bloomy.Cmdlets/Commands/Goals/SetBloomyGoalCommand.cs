using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Client.Operations;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Changes goals (rocks): title, owner, status, or archived state.</para>
/// <para type="description">Set-BloomyGoal renames goals (-Title), hands them to another owner (-OwnerId), sets their status (-Status OnTrack, OffTrack, AtRisk or Complete; OffTrack means AtRisk, and the SDK's on, off and complete are accepted too) replaces their notes (-Notes, over GraphQL; multi-line text keeps its lines) and archives them (-Archived) or restores them (-Archived:$false, the same as Restore-BloomyGoal). Pipe goals from Get-BloomyGoal, or give their ids with -Id; only goal objects bind from the pipeline, so a user or meeting object can never be taken for a goal. At least one change is required. Goals are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each goal as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyGoal -Id 6001 -Status OffTrack</code>
///   <para>Marks a goal as off track (at risk).</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal | Set-BloomyGoal -Status Complete -PassThru</code>
///   <para>Completes all your active goals and returns them.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal | Where-Object Status -eq 'Complete' | Set-BloomyGoal -Archived</code>
///   <para>Archives your completed goals.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Goal))]
public sealed class SetBloomyGoalCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    private GoalStatus? _status;

    /// <summary>
    /// <para type="description">Goals (from Get-BloomyGoal) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Goal))]
    public Goal? Goal { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The id of the new owner (accountable user).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [Alias("UserId", "AccountableUserId")]
    [UserIdCompletion]
    [IdTransformation]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">The new status: OnTrack, OffTrack (the same as AtRisk), AtRisk or Complete; the SDK's On, Off and Complete are accepted too. Case does not matter.</para>
    /// </summary>
    [Parameter]
    [ValidateGoalStatus]
    [GoalStatusCompletion]
    public string? Status { get; set; }

    /// <summary>
    /// <para type="description">The new notes (plain text; line breaks are kept), replacing the old ones. Sent over GraphQL.</para>
    /// </summary>
    [Parameter]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">-Archived archives the goals; -Archived:$false restores archived goals.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed goal.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool ArchivedGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Archived));

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && OwnerId is null && Status is null && Notes is null && !ArchivedGiven)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one change must be provided: give -Title, -OwnerId, -Status, -Notes or -Archived."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        _status = Status is null ? null : GoalsClient.ParseStatus(Status);
        base.BeginProcessing();
    }

    /// <summary>
    /// <para type="description">The ids of the goals to change. Plain ids can be piped too.</para>
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
        if (!ShouldProcess(description, "Set " + DescribeChanges())) return;

        string? newTitle = Title;
        long? ownerId = OwnerId;
        GoalStatus? status = _status;
        bool? archive = ArchivedGiven ? Archived.IsPresent : null;
        string? notes = Notes;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => ApplyAsync(client, id, newTitle, ownerId, status, notes, archive, ct),
            async (client, ct) =>
            {
                var goal = await client.Goals.GetAsync(id, ct).ConfigureAwait(false);
                return notes is null ? goal : goal.WithNotes(await client.Goals.GetNotesAsync(id, ct).ConfigureAwait(false));
            });
    }

    /// <summary>Updates the fields, then the notes, then archives or restores; reads nothing back.</summary>
    private static async Task ApplyAsync(BloomyClient client, long id, string? title, long? ownerId, GoalStatus? status,
        string? notes, bool? archive, CancellationToken ct)
    {
        if (title is not null || ownerId is not null || status is not null)
        {
            await client.Goals.SendUpdateAsync(id, title, ownerId, status, ct).ConfigureAwait(false);
        }
        if (notes is not null)
        {
            await client.Goals.SetNotesAsync(id, notes, ct).ConfigureAwait(false);
        }
        if (archive is null) return;

        await (archive.Value ? client.Goals.ArchiveAsync(id, ct) : client.Goals.RestoreAsync(id, ct)).ConfigureAwait(false);
    }

    private string DescribeChanges()
    {
        var changes = new List<string>();
        if (Title is not null) changes.Add($"title '{Title}'");
        if (OwnerId is not null) changes.Add($"owner {OwnerId}");
        if (_status is not null) changes.Add($"status {_status}");
        if (Notes is not null) changes.Add("notes");
        if (ArchivedGiven) changes.Add(Archived.IsPresent ? "archived" : "restored");
        return string.Join(", ", changes);
    }
}
