using System.Globalization;
using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Enters or clears scorecard scores.</para>
/// <para type="description">Set-BloomyScore sets the score of measurable -MeasurableId to -Value for the week of -WeekOffset (0 = this week, the default; -1 = last week); -Value $null clears it. MeasurableId, Value and WeekOffset bind by property name, so rows from Import-Csv enter one score each. Scores from Get-BloomyScorecard can be piped too: each is set to -Value for its own week. Scores are entered concurrently, up to -ThrottleLimit at once.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyScore -MeasurableId 4001 -Value 98000</code>
///   <para>Enters this week's score of measurable 4001.</para>
/// </example>
/// <example>
///   <code>Set-BloomyScore -MeasurableId 4001 -Value $null -WeekOffset -1</code>
///   <para>Clears last week's score.</para>
/// </example>
/// <example>
///   <code>Import-Csv scores.csv | Set-BloomyScore</code>
///   <para>Enters one score per CSV row (columns MeasurableId, Value and optionally WeekOffset).</para>
/// </example>
/// <example>
///   <code>Get-BloomyScorecard -WeekOffset -1 -IncludeEmpty | Where-Object { $null -eq $_.Value } | Set-BloomyScore -Value 0</code>
///   <para>Fills last week's missing scores with 0.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyScore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByMeasurableIdSet)]
[OutputType(typeof(void))]
public sealed class SetBloomyScoreCommand : BloomyPipelineCmdlet
{
    private const string ByMeasurableIdSet = "ByMeasurableId";
    private const string ByScoreSet = "ByScore";

    private int? _currentWeekNumber;

    /// <summary>
    /// <para type="description">The measurable whose score to set.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeasurableIdSet)]
    [ValidateRange(1, long.MaxValue)]
    public long MeasurableId { get; set; }

    /// <summary>
    /// <para type="description">A score (from Get-BloomyScorecard) to set, for its own week.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByScoreSet)]
    [ValidateNotNull]
    public ScorecardItem? Score { get; set; }

    /// <summary>
    /// <para type="description">The value; $null clears the score.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public decimal? Value { get; set; }

    /// <summary>
    /// <para type="description">The week relative to the current one (0 = this week, the default; -1 = last week).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeasurableIdSet)]
    public int WeekOffset { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var value = Value;
        var action = value is null ? "Clear score" : "Set score to " + value.Value.ToString(CultureInfo.InvariantCulture);
        if (ParameterSetName == ByScoreSet)
        {
            var score = Score!;
            var description = $"measurable {score.MeasurableId} '{score.Title}', week {score.WeekNumber}";
            if (!ShouldProcess(description, action)) return;
            var offset = score.WeekNumber - CurrentWeekNumber();
            QueueScore(score, description, score.MeasurableId, value, offset);
            return;
        }

        var measurableId = MeasurableId;
        var weekOffset = WeekOffset;
        var target = $"measurable {measurableId}, week offset {weekOffset}";
        if (!ShouldProcess(target, action)) return;
        QueueScore(BoundInput(), target, measurableId, value, weekOffset);
    }

    private void QueueScore(object target, string label, long measurableId, decimal? value, int weekOffset) =>
        QueueAction(target, label, (client, ct) => client.Scorecard.ScoreAsync(measurableId, value, weekOffset, ct));

    /// <summary>Piped scores carry a week number, but the API takes an offset from the current week: read it once.</summary>
    private int CurrentWeekNumber() =>
        _currentWeekNumber ??= Run(ct => Client.Scorecard.GetCurrentWeekAsync(ct)).WeekNumber;
}
