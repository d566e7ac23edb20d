using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Changes the title or notes of issues.</para>
/// <para type="description">Set-BloomyIssue renames issues (-Title) or replaces their notes (-Notes; an empty string clears them). Pipe issues from Get-BloomyIssue, or give their ids with -Id; only issue objects bind from the pipeline, so a user or meeting object can never be taken for an issue. At least one of -Title and -Notes is required. Issues are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each issue as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyIssue -Id 3001 -Title 'Churn is rising fast'</code>
///   <para>Renames one issue.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Set-BloomyIssue -Notes 'Discuss on Monday' -PassThru</code>
///   <para>Replaces the notes of every open issue of meeting 2001 and returns the changed issues.</para>
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
    /// <para type="description">Returns each changed issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && Notes is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one field must be provided: give -Title or -Notes."),
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
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("issue", Id, ParameterSetName == ByObjectSet ? (Issue!, Issue!.Id, null) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Update")) return;
        string? title = Title, notes = Notes;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Issues.SendUpdateAsync(id, title, notes, ct), (client, ct) => client.Issues.GetAsync(id, ct));
    }
}
