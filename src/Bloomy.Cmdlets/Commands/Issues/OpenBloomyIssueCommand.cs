using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Reopens solved issues.</para>
/// <para type="description">Open-BloomyIssue marks as not solved the issues piped from Get-BloomyIssue or given with -Id, concurrently (up to -ThrottleLimit at once): the opposite of Close-BloomyIssue. Only issue objects bind from the pipeline, so a user or meeting object can never be reopened by mistake. With -PassThru, returns each reopened issue as the server reports it afterwards.</para>
/// </summary>
/// <example>
///   <code>Open-BloomyIssue -Id 3004</code>
///   <para>Reopens one solved issue.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting -Id 2001 -Detailed -IncludeClosed | Select-Object -ExpandProperty Issues | Where-Object Complete | Open-BloomyIssue -PassThru</code>
///   <para>Reopens every solved issue of meeting 2001 and returns them.</para>
/// </example>
/// <example>
///   <code>Open-BloomyIssue -Id 3004, 3008 -WhatIf</code>
///   <para>Shows which issues would be reopened, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Open, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Issue))]
public sealed class OpenBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue) to reopen.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">Returns each reopened issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the issues to reopen. Plain ids can be piped too.</para>
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
        if (!ShouldProcess(description, "Reopen")) return;
        QueueChange(PassThru.IsPresent, target, description, "was reopened",
            (client, ct) => client.Issues.SendReopenAsync(id, ct), (client, ct) => client.Issues.GetAsync(id, ct));
    }
}
