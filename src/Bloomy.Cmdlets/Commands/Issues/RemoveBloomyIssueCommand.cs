using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Removes issues from their meeting.</para>
/// <para type="description">Remove-BloomyIssue takes issues off their meeting's issue list (DELETE L10/{meetingId}/issues/{issueId}), concurrently (up to -ThrottleLimit at once). Pipe issues from Get-BloomyIssue, which carry their MeetingId, or give -MeetingId with -Id. An issue object without a meeting becomes an error record naming it, and the others go on. Whether the server also deletes the issue record is not documented: to keep an issue restorable, solve it with Close-BloomyIssue instead. Asks for confirmation unless -Confirm:$false.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyIssue -MeetingId 2001 -Id 3002</code>
///   <para>Removes issue 3002 from meeting 2001, after asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Where-Object Title -like '*duplicate*' | Remove-BloomyIssue -Confirm:$false</code>
///   <para>Removes the duplicate issues of meeting 2001 without asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue | Remove-BloomyIssue -WhatIf</code>
///   <para>Shows which of your issues would be removed from which meeting, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue) to remove from the meeting named by their MeetingId.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">The meeting the issues given with -Id are removed from.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The ids of the issues to remove from the meeting given with -MeetingId. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [IssueIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("issue", Id, ParameterSetName == ByObjectSet ? (Issue!, Issue!.Id, Issue.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        long? meetingId = ParameterSetName == ByObjectSet ? Issue!.MeetingId : MeetingId;
        if (meetingId is not long meeting)
        {
            // Reported in its place among the results, before anything is sent.
            QueueFailure(target, description,
                new ArgumentException($"The {description} has no MeetingId, so there is no meeting to remove it from.", nameof(Issue)));
            return;
        }
        if (!ShouldProcess($"{description} from meeting {meeting}", "Remove")) return;
        QueueAction(target, description, (client, ct) => client.Issues.RemoveFromMeetingAsync(meeting, id, ct));
    }
}
