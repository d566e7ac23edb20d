using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Restores archived headlines.</para>
/// <para type="description">Restore-BloomyHeadline brings archived headlines back to their meeting's list (over the GraphQL API, the only one that can): pipe them from Get-BloomyHeadline -IncludeArchived or give their ids with -Id. Headlines are restored concurrently, up to -ThrottleLimit at once. To archive headlines, use Set-BloomyHeadline -Archived. With -PassThru, returns each restored headline.</para>
/// </summary>
/// <example>
///   <code>Restore-BloomyHeadline -Id 8003</code>
///   <para>Restores one archived headline.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -MeetingId 2001 -IncludeArchived | Where-Object Archived | Restore-BloomyHeadline -PassThru</code>
///   <para>Restores every archived headline of a meeting and returns them.</para>
/// </example>
[Cmdlet(VerbsData.Restore, "BloomyHeadline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Headline))]
public sealed class RestoreBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Headlines (from Get-BloomyHeadline -IncludeArchived) to restore.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Headline))]
    public Headline? Headline { get; set; }

    /// <summary>
    /// <para type="description">Returns each restored headline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the archived headlines to restore. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [HeadlineIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("headline", Id, ParameterSetName == ByObjectSet ? (Headline!, Headline!.Id, Headline.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Restore")) return;
        QueueChange(PassThru.IsPresent, target, description, "was restored",
            (client, ct) => client.Headlines.RestoreAsync(id, ct), (client, ct) => client.Headlines.GetWithNotesAsync(id, ct));
    }
}
