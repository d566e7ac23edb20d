using System.Globalization;
using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Enters or clears scorecard scores.</para>
/// <para type="description">Set-BloomyScore sets the score of measurable -MeasurableId to -Value for one week: -WeekOffset counts from the current week (0 = this week, the default; -1 = last week), -WeekNumber names the week as scores and Get-BloomyScorecardWeek do. -Value $null clears the score. Every parameter binds by property name, so rows from Import-Csv (MeasurableId, Value and optionally WeekOffset) enter one score each, and scores piped from Get-BloomyScorecard are set for their own week (their WeekNumber). -Date (over GraphQL) sets the score of the period holding that date for a measurable of any frequency: its week (weeks start on Sunday), month, quarter or day; a daily measurable's day is filled in. A score from Get-BloomyScore, or -ScoreId, changes that score: its -Value and/or its -Note (the cell note). Scores are entered concurrently, up to -ThrottleLimit at once; a bad item becomes one error record naming it while the others are entered.</para>
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
/// <example>
///   <code>Set-BloomyScore -MeasurableId 4001 -Value 42 -Date 2026-05-17</code>
///   <para>Sets the score of the period holding 17 May 2026 (its week, month, quarter or day, by the measurable's frequency).</para>
/// </example>
/// <example>
///   <code>Get-BloomyScore -MeasurableId 4001 | Select-Object -First 1 | Set-BloomyScore -Note 'Holiday week'</code>
///   <para>Adds a note to the newest score.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyScore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByWeekSet)]
[OutputType(typeof(void))]
public sealed class SetBloomyScoreCommand : BloomyPipelineCmdlet
{
    private const string ByWeekSet = "ByWeek";
    private const string ByScoreSet = "ByScore";
    private const string ByScoreIdSet = "ByScoreId";

    private int? _currentWeekNumber;

    /// <summary>
    /// <para type="description">The measurable whose score to set.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByWeekSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeasurableId { get; set; }

    /// <summary>
    /// <para type="description">The value; $null clears the score (by week). With a score or -ScoreId it may be left out to change only the note.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByWeekSet)]
    [Parameter(ParameterSetName = ByScoreSet)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByScoreIdSet)]
    [AllowNull]
    [EmptyCellAsNull]
    public decimal? Value { get; set; }

    /// <summary>
    /// <para type="description">The week relative to the current one (0 = this week, the default; -1 = last week). Cannot be combined with -WeekNumber.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByWeekSet)]
    [EmptyCellAsNull]
    public int? WeekOffset { get; set; }

    /// <summary>
    /// <para type="description">The week's number, as scores and Get-BloomyScorecardWeek give it. Cannot be combined with -WeekOffset.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByWeekSet)]
    [EmptyCellAsNull]
    public int? WeekNumber { get; set; }

    /// <summary>
    /// <para type="description">A date inside the period to set (read as that calendar date, 00:00 UTC), for a measurable of any frequency (over GraphQL). Cannot be combined with -WeekOffset or -WeekNumber.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByWeekSet)]
    [DateTransformation(ReportedByRow = true)]
    public DateTime? Date { get; set; }

    /// <summary>
    /// <para type="description">Scores (from Get-BloomyScore) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByScoreSet)]
    [ValidateNotNull]
    public MetricScore? Score { get; set; }

    /// <summary>
    /// <para type="description">The id of the score to change (as Get-BloomyScore gives it).</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByScoreIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long ScoreId { get; set; }

    /// <summary>
    /// <para type="description">The score's cell note ('' removes it); with a score or -ScoreId.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByScoreSet)]
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByScoreIdSet)]
    public string? Note { get; set; }

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
        if (ParameterSetName is ByScoreSet or ByScoreIdSet)
        {
            EditScore();
            return;
        }
        if (Date is not null)
        {
            SetByDate();
            return;
        }
        if (RejectUnusableCells(InputObject, nameof(MeasurableId), nameof(WeekOffset), nameof(WeekNumber), nameof(Date))) return;
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

    /// <summary>Sets the score of the period holding -Date (GraphQL, any frequency).</summary>
    private void SetByDate()
    {
        if (RejectUnusableCells(InputObject, nameof(MeasurableId), nameof(Date))) return;
        var measurableId = MeasurableId;
        var target = $"measurable {measurableId}, period of " + Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (WeekOffset is not null || WeekNumber is not null)
        {
            QueueFailure(BoundInput(), target, new PSArgumentException("Give the period either as -Date or as -WeekOffset/-WeekNumber, not both."));
            return;
        }
        if (Value is not decimal value)
        {
            QueueFailure(BoundInput(), target, new PSArgumentException("A score is set by -Date with a -Value; to empty a score, use Clear-BloomyScore."));
            return;
        }
        var at = ScoreDates.UtcDate(Date.Value);
        if (!ShouldProcess(target, "Set score to " + value.ToString(CultureInfo.InvariantCulture))) return;
        QueueAction(BoundInput(), target, (client, ct) => client.Metrics.SetScoreAsync(measurableId, value, at, ct));
    }

    /// <summary>Changes one score's value and/or note (GraphQL).</summary>
    private void EditScore()
    {
        var byScore = ParameterSetName == ByScoreSet;
        var scoreId = byScore ? Score!.Id : ScoreId;
        object target = byScore ? Score! : BoundInput();
        var label = $"score {scoreId}";
        var value = Value;
        var note = Note;
        if (value is null && note is null)
        {
            QueueFailure(target, label, new PSArgumentException("Give -Value or -Note to change the score."));
            return;
        }
        var changes = new List<string>();
        if (value is not null) changes.Add("value " + value.Value.ToString(CultureInfo.InvariantCulture));
        if (note is not null) changes.Add($"note '{note}'");
        if (!ShouldProcess(label, "Set " + string.Join(", ", changes))) return;
        QueueAction(target, label, (client, ct) => client.Metrics.UpdateScoreAsync(scoreId, value, note, ct));
    }

    /// <summary>The API takes an offset from the current week, so a week number needs the current one: read it once.</summary>
    private int CurrentWeekNumber() =>
        _currentWeekNumber ??= Run(ct => Client.Scorecard.GetCurrentWeekAsync(ct)).WeekNumber;

    private static ErrorRecord BothWeeks(object? target) => new(
        new PSArgumentException("Give the week either as -WeekOffset or as -WeekNumber, not both."),
        "Bloomy.Validation", ErrorCategory.InvalidArgument, target);
}
