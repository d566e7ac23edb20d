using System.Globalization;
using System.Management.Automation;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Enters or clears scorecard scores.</para>
/// <para type="description">Set-BloomyScore sets the score of measurable -MeasurableId to -Value for one week: -WeekOffset counts from the current week (0 = this week, the default; -1 = last week), -WeekNumber names the week as scores and Get-BloomyScorecardWeek do. -Value $null clears the score. Every parameter binds by property name, so rows from Import-Csv (MeasurableId, Value and optionally WeekOffset) enter one score each, and scores piped from Get-BloomyScorecard are set for their own week (their WeekNumber). Scores are entered concurrently, up to -ThrottleLimit at once; a bad item becomes one error record naming it while the others are entered.</para>
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
[Cmdlet(VerbsCommon.Set, "BloomyScore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class SetBloomyScoreCommand : BloomyPipelineCmdlet
{
    private int? _currentWeekNumber;

    /// <summary>
    /// <para type="description">The measurable whose score to set.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeasurableId { get; set; }

    /// <summary>
    /// <para type="description">The value; $null clears the score.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [EmptyCellAsNull]
    public decimal? Value { get; set; }

    /// <summary>
    /// <para type="description">The week relative to the current one (0 = this week, the default; -1 = last week). Cannot be combined with -WeekNumber.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public int? WeekOffset { get; set; }

    /// <summary>
    /// <para type="description">The week's number, as scores and Get-BloomyScorecardWeek give it. Cannot be combined with -WeekOffset.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public int? WeekNumber { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a DueDate that is not a date, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (WeekOffset is not null && WeekNumber is not null) ThrowTerminatingError(BothWeeks(null));
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(InputObject, nameof(MeasurableId), nameof(WeekOffset), nameof(WeekNumber))) return;
        if (WeekOffset is not null && WeekNumber is not null)
        {
            QueueFailure(BoundInput(), "Input row", BothWeeks(null).Exception);
            return;
        }

        var measurableId = MeasurableId;
        var value = Value;
        var week = WeekNumber is int number ? $"week {number}" : $"week offset {WeekOffset ?? 0}";
        var target = $"measurable {measurableId}, {week}";
        var action = value is null ? "Clear score" : "Set score to " + value.Value.ToString(CultureInfo.InvariantCulture);
        if (!ShouldProcess(target, action)) return;

        var weekOffset = WeekNumber is int weekNumber ? weekNumber - CurrentWeekNumber() : WeekOffset ?? 0;
        QueueAction(BoundInput(), target, (client, ct) => client.Scorecard.ScoreAsync(measurableId, value, weekOffset, ct));
    }

    /// <summary>The API takes an offset from the current week, so a week number needs the current one: read it once.</summary>
    private int CurrentWeekNumber() =>
        _currentWeekNumber ??= Run(ct => Client.Scorecard.GetCurrentWeekAsync(ct)).WeekNumber;

    private static ErrorRecord BothWeeks(object? target) => new(
        new PSArgumentException("Give the week either as -WeekOffset or as -WeekNumber, not both."),
        "Bloomy.Validation", ErrorCategory.InvalidArgument, target);
}
