using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Changes the title, notes or owner of issues, moves them to or from the long-term list, or archives them.</para>
/// <para type="description">Set-BloomyIssue renames issues (-Title) or replaces their notes (-Notes; an empty string clears them). Pipe issues from Get-BloomyIssue, or give their ids with -Id; only issue objects bind from the pipeline, so a user or meeting object can never be taken for an issue. -OwnerId reassigns them, -LongTerm moves them to the long-term list (the department plan; -LongTerm:$false moves them back) and -Archived archives them (-Archived:$false restores): these go over GraphQL, together with -Title and -Notes when given (notes then keep their line breaks as a new notes pad). At least one change is required. Issues are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each issue as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyIssue -Id 3001 -Title 'Churn is rising fast'</code>
///   <para>Renames one issue.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Set-BloomyIssue -Notes 'Discuss on Monday' -PassThru</code>
///   <para>Replaces the notes of every open issue of meeting 2001 and returns the changed issues.</para>
/// </example>
/// <example>
///   <code>Set-BloomyIssue -Id 3001 -LongTerm</code>
///   <para>Moves an issue to its meeting's long-term list (the department plan).</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Where-Object OwnerId -eq 1002 | Set-BloomyIssue -OwnerId 1003 -WhatIf</code>
///   <para>Shows which issues would be reassigned from user 1002 to user 1003, without changing anything.</para>
/// </example>
/// <example>
///   <code>Set-BloomyIssue -Id 3001, 3002 -Archived</code>
///   <para>Archives two issues; Restore-BloomyIssue brings them back.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Issue))]
public sealed class SetBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Issue))]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The new notes; an empty string clears them.</para>
    /// </summary>
    [Parameter]
    [AllowEmptyString]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">The id of the new owner (changed over GraphQL).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Moves the issues to their meeting's long-term list (the department plan); -LongTerm:$false moves them back to the short-term list. Changed over GraphQL.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter LongTerm { get; set; }

    /// <summary>
    /// <para type="description">Archives the issues; -Archived:$false restores them, as Restore-BloomyIssue does (a restored issue is short-term). Changed over GraphQL. Cannot be combined with -LongTerm.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool LongTermGiven => MyInvocation.BoundParameters.ContainsKey(nameof(LongTerm));

    private bool ArchivedGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Archived));

    // Owner, long-term and archive exist only over GraphQL; a change of title or notes alone stays on REST as before.
    private bool OverGraphQL => OwnerId is not null || LongTermGiven || ArchivedGiven;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && Notes is null && !OverGraphQL)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one field must be provided: give -Title or -Notes (or -OwnerId, -LongTerm, -Archived)."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        if (LongTermGiven && ArchivedGiven)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("-LongTerm and -Archived cannot be combined: archiving takes an issue off the long-term list, and restoring makes it short-term."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <summary>
    /// <para type="description">The ids of the issues to change. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [IssueIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("issue", Id, ParameterSetName == ByObjectSet ? (Issue!, Issue!.Id, null) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!OverGraphQL)
        {
            if (!ShouldProcess(description, "Update")) return;
            string? title = Title, notes = Notes;
            QueueChange(PassThru.IsPresent, target, description, "was changed",
                (client, ct) => client.Issues.SendUpdateAsync(id, title, notes, ct), (client, ct) => client.Issues.GetAsync(id, ct));
            return;
        }
        var change = new IssueChange
        {
            Title = Title, Notes = Notes, OwnerId = OwnerId,
            LongTerm = LongTermGiven ? LongTerm.IsPresent : null,
            Archived = ArchivedGiven ? Archived.IsPresent : null,
        };
        if (!ShouldProcess(description, "Set " + change)) return;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Issues.SendEditAsync(id, change, ct), (client, ct) => client.Issues.GetDetailsAsync(id, ct));
    }
}
