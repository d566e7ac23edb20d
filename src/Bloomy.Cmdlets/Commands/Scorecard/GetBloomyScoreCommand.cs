using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Gets the score history of measurables, for any frequency.</para>
/// <para type="description">Get-BloomyScore lists the scores of the measurables given with -MeasurableId or piped from Get-BloomyMeasurable (over GraphQL), newest first: each score's Id, Value, PeriodDate (the start of its week, month, quarter or day, UTC) and Note. -Start and -End keep the scores whose period starts between those dates (dates are read as 00:00 UTC; widen the window by a week to be sure to catch a weekly score, whose period starts on the Sunday). Empty scores are left out unless -IncludeEmpty. Measurables are read concurrently, up to -ThrottleLimit at once, and each one's scores come out together, in input order. Pipe the scores to Set-BloomyScore -Note or Clear-BloomyScore.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyScore -MeasurableId 4001 -Start (Get-Date).AddDays(-90)</code>
///   <para>Lists the last 90 days of scores of measurable 4001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001 | Get-BloomyScore -IncludeEmpty</code>
///   <para>Lists every score, empty ones too, of a meeting's measurables.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyScore", DefaultParameterSetName = MeasurableItems.ByIdSet)]
[OutputType(typeof(MetricScore))]
public sealed class GetBloomyScoreCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The measurables whose scores to list. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeasurableId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -Id or -IncludeNotes).</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMetricSet)]
    [ValidateNotNull]
    public Metric? Metric { get; set; }

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -MeetingId).</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMeasurableSet)]
    [ValidateNotNull]
    public Measurable? Measurable { get; set; }

    /// <summary>
    /// <para type="description">Only scores whose period starts on or after this date (00:00 UTC).</para>
    /// </summary>
    [Parameter]
    [DateTransformation]
    public DateTime? Start { get; set; }

    /// <summary>
    /// <para type="description">Only scores whose period starts on or before this date (00:00 UTC).</para>
    /// </summary>
    [Parameter]
    [DateTransformation]
    public DateTime? End { get; set; }

    /// <summary>
    /// <para type="description">Keeps scores without a value.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeEmpty { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Start is { } s && End is { } e && s.Date > e.Date)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Start is after -End."), "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DateTimeOffset? start = Start is { } s ? ScoreDates.UtcDate(s) : null;
        DateTimeOffset? end = End is { } e ? ScoreDates.UtcDate(e) : null;
        var includeEmpty = IncludeEmpty.IsPresent;
        ForEachItem("measurable", MeasurableId, MeasurableItems.Bound(ParameterSetName, Metric, Measurable), (target, id, label) =>
            QueueMany(target, label, (client, ct) => client.Metrics.GetScoresAsync(id, start, end, includeEmpty, ct)));
    }
}

/// <summary>Dates of score cmdlets: the calendar date given, at 00:00 UTC, in every culture and time zone.</summary>
internal static class ScoreDates
{
    public static DateTimeOffset UtcDate(DateTime value) => new(value.Year, value.Month, value.Day, 0, 0, 0, TimeSpan.Zero);
}
