using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Deletes headlines.</para>
/// <para type="description">Remove-BloomyHeadline deletes the headlines piped from Get-BloomyHeadline or given with -Id, concurrently (up to -ThrottleLimit at once). Deleting cannot be undone, so PowerShell asks for confirmation of each headline unless -Confirm:$false is given; -WhatIf shows what would be deleted without sending anything. Only headline objects bind from the pipeline, so a user or meeting object can never be deleted by mistake. Writes nothing to the pipeline.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyHeadline -Id 8001</code>
///   <para>Deletes one headline after asking for confirmation.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -MeetingId 2001 | Remove-BloomyHeadline -WhatIf</code>
///   <para>Shows which headlines of meeting 2001 would be deleted, without deleting anything.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -MeetingId 2001 | Remove-BloomyHeadline -Confirm:$false</code>
///   <para>Deletes every headline of meeting 2001 without asking.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyHeadline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Headlines (from Get-BloomyHeadline) to delete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Headline))]
    public Headline? Headline { get; set; }

    /// <summary>
    /// <para type="description">The ids of the headlines to delete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [HeadlineIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("headline", Id, ParameterSetName == ByObjectSet ? (Headline!, Headline!.Id, Headline.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Delete")) return;
        QueueAction(target, description, (client, ct) => client.Headlines.DeleteAsync(id, ct));
    }
}
