using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Clears scores (removes their values).</para>
/// <para type="description">Clear-BloomyScore removes the value of the scores piped from Get-BloomyScore or given with -ScoreId (over GraphQL). The score stays as an empty one: Get-BloomyScore shows it only with -IncludeEmpty, and Set-BloomyScore can fill it again. Scores are cleared concurrently, up to -ThrottleLimit at once; a failing one becomes an error record naming it while the others are cleared.</para>
/// </summary>
/// <example>
///   <code>Clear-BloomyScore -ScoreId 7001</code>
///   <para>Clears one score.</para>
/// </example>
/// <example>
///   <code>Get-BloomyScore -MeasurableId 4001 -Start 2026-01-01 | Where-Object Value -lt 0 | Clear-BloomyScore -WhatIf</code>
///   <para>Shows which negative scores would be cleared.</para>
/// </example>
[Cmdlet(VerbsCommon.Clear, "BloomyScore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class ClearBloomyScoreCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByScoreSet = "ByScore";

    /// <summary>
    /// <para type="description">The ids of the scores to clear. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    public long[] ScoreId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Scores (from Get-BloomyScore) to clear.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByScoreSet)]
    [ValidateNotNull]
    public MetricScore? Score { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("score", ScoreId, ParameterSetName == ByScoreSet ? (Score!, Score!.Id, null) : null, Act);

    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Clear")) return;
        QueueAction(target, description, (client, ct) => client.Metrics.ClearScoreAsync(id, ct));
    }
}
