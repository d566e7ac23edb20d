using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Archives measurables, for good.</para>
/// <para type="description">Remove-BloomyMeasurable archives the measurables piped from Get-BloomyMeasurable or given with -Id (over GraphQL). Archiving a measurable cannot be undone: Bloom Growth has no way to restore it, and it leaves the meeting's scorecard (it can still be read with Get-BloomyMeasurable -Id). Asks for confirmation unless -Confirm:$false. Only measurable objects bind from the pipeline, so a meeting or user object can never be taken for one. Measurables are archived concurrently, up to -ThrottleLimit at once.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyMeasurable -Id 4001</code>
///   <para>Archives measurable 4001 for good, after asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001 | Where-Object Title -eq 'Old metric' | Remove-BloomyMeasurable -WhatIf</code>
///   <para>Shows which measurables would be archived.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyMeasurable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = MeasurableItems.ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyMeasurableCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The ids of the measurables to archive. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -Id or -IncludeNotes) to archive.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMetricSet)]
    [ValidateNotNull]
    public Metric? Metric { get; set; }

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -MeetingId) to archive.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMeasurableSet)]
    [ValidateNotNull]
    public Measurable? Measurable { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("measurable", Id, MeasurableItems.Bound(ParameterSetName, Metric, Measurable), Act);

    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Archive (cannot be undone)")) return;
        QueueAction(target, description, (client, ct) => client.Metrics.ArchiveAsync(id, ct));
    }
}
