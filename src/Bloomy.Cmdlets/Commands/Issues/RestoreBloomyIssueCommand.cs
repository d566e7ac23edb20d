using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Restores archived issues.</para>
/// <para type="description">Restore-BloomyIssue brings archived issues back to their meeting's open short-term list (over GraphQL): pipe them from Get-BloomyIssue -IncludeArchived or give their ids with -Id. An issue that was long-term before it was archived comes back short-term; use Set-BloomyIssue -LongTerm to put it back on the long-term list. Issues are restored concurrently, up to -ThrottleLimit at once. To archive issues, use Set-BloomyIssue -Archived. With -PassThru, returns each restored issue.</para>
/// </summary>
/// <example>
///   <code>Restore-BloomyIssue -Id 3004</code>
///   <para>Restores one archived issue.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 -IncludeArchived | Where-Object Archived | Restore-BloomyIssue -PassThru</code>
///   <para>Restores every archived issue of meeting 2001 and returns them.</para>
/// </example>
/// <example>
///   <code>Restore-BloomyIssue -Id 3004, 3008 -WhatIf</code>
///   <para>Shows which issues would be restored, without sending anything.</para>
/// </example>
[Cmdlet(VerbsData.Restore, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Issue))]
public sealed class RestoreBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue -IncludeArchived) to restore.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Issue))]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">Returns each restored issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the archived issues to restore. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IssueIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("issue", Id, ParameterSetName == ByObjectSet ? (Issue!, Issue!.Id, Issue.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Restore")) return;
        var change = new IssueChange { Archived = false };
        QueueChange(PassThru.IsPresent, target, description, "was restored",
            (client, ct) => client.Issues.SendEditAsync(id, change, ct), (client, ct) => client.Issues.GetDetailsAsync(id, ct));
    }
}
