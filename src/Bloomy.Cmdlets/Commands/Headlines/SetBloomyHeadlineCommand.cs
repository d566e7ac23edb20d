using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Renames headlines.</para>
/// <para type="description">Set-BloomyHeadline gives headlines a new -Title. Pipe headlines from Get-BloomyHeadline, or give their ids with -Id; only headline objects bind from the pipeline, so a user or meeting object can never be taken for a headline. Headlines are renamed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each headline as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyHeadline -Id 8001 -Title 'Closed our two biggest deals'</code>
///   <para>Renames one headline.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -Id 8001 | Set-BloomyHeadline -Title 'Deal signed' -PassThru</code>
///   <para>Renames a piped headline and returns it as changed.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyHeadline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Headline))]
public sealed class SetBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Headlines (from Get-BloomyHeadline) to rename.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Headline))]
    public Headline? Headline { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">Returns each renamed headline.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the headlines to rename. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("headline", Id, ParameterSetName == ByObjectSet ? (Headline!, Headline!.Id, null) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Rename")) return;
        string title = Title;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Headlines.SendUpdateAsync(id, title, ct), (client, ct) => client.Headlines.GetAsync(id, ct));
    }
}
