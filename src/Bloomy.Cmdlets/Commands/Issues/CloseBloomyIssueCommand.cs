using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Solves issues.</para>
/// <para type="description">Close-BloomyIssue marks as solved the issues piped from Get-BloomyIssue or given with -Id, concurrently (up to -ThrottleLimit at once). Only issue objects bind from the pipeline, so a user or meeting object can never be solved by mistake. With -PassThru, returns each solved issue as the server reports it after solving.</para>
/// </summary>
/// <example>
///   <code>Close-BloomyIssue -Id 3001</code>
///   <para>Solves one issue.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Close-BloomyIssue -PassThru</code>
///   <para>Solves every open issue of meeting 2001 and returns the solved issues.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue | Close-BloomyIssue -WhatIf</code>
///   <para>Shows which of your issues would be solved, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Close, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Issue))]
public sealed class CloseBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue) to solve.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Issue))]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">Returns each solved issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the issues to solve. Plain ids can be piped too.</para>
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
        if (!ShouldProcess(description, "Solve")) return;
        QueueChange(PassThru.IsPresent, target, description, "was closed",
            (client, ct) => client.Issues.SendCompleteAsync(id, ct), (client, ct) => client.Issues.GetAsync(id, ct));
    }
}
