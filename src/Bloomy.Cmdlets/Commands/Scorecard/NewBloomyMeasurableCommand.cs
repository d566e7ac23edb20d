using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Client.Operations;
using Bloomy.Cmdlets.Completion;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Creates measurables (scorecard metrics) on meetings' scorecards.</para>
/// <para type="description">New-BloomyMeasurable adds a measurable to the scorecard of meeting -MeetingId (over GraphQL) and returns it as it was stored. -Units: None (a plain number, the default), Dollar, Percent, Pound, Euro, Peso, Yen, YesNo, Rupee (INR), Dirham, Rand or Guilder (XCG). -Rule: GreaterOrEqual (value ≥ goal, the default; the server's GREATER_THAN), Greater (&gt;, GREATER_THAN_NOT_EQUAL), Less (&lt;, LESS_THAN), LessOrEqual (≤), Equal, or Between (-MinGoal ≤ value ≤ -MaxGoal). -Frequency: Weekly (the default), Monthly, Quarterly or Daily. Between takes -MinGoal and -MaxGoal and no -Goal; every other rule takes -Goal and neither -MinGoal nor -MaxGoal: goals that do not fit the rule are refused before anything is sent. -Notes (several lines allowed) become the measurable's notes. Every parameter binds by property name, so Import-Csv rows create one measurable each; a bad row becomes one error record naming it while the others are created.</para>
/// </summary>
/// <example>
///   <code>New-BloomyMeasurable -MeetingId 2001 -Title 'New customers' -Goal 100</code>
///   <para>Adds a weekly measurable "at least 100" owned by you.</para>
/// </example>
/// <example>
///   <code>New-BloomyMeasurable -MeetingId 2001 -Title 'Room temperature' -Rule Between -MinGoal 18 -MaxGoal 22 -Frequency Daily -Notes "Office thermostat`nCelsius"</code>
///   <para>Adds a daily measurable that is on target between 18 and 22, with two lines of notes.</para>
/// </example>
/// <example>
///   <code>Import-Csv measurables.csv | New-BloomyMeasurable</code>
///   <para>Creates one measurable per row (columns MeetingId, Title, Goal and optionally OwnerId, Units, Rule, Frequency, MinGoal, MaxGoal, Notes).</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyMeasurable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Metric))]
public sealed class NewBloomyMeasurableCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The meeting whose scorecard gets the measurable.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The measurable's title.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The accountable user's id. Default: you.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "AccountableUserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">The unit: None (default), Dollar, Percent, Pound, Euro, Peso, Yen, YesNo, Rupee, Dirham, Rand or Guilder.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public MetricUnit? Units { get; set; }

    /// <summary>
    /// <para type="description">How a value meets the goal: GreaterOrEqual (default), Greater, Less, LessOrEqual, Equal or Between.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public MetricRule? Rule { get; set; }

    /// <summary>
    /// <para type="description">How often it is scored: Weekly (default), Monthly, Quarterly or Daily.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public MetricFrequency? Frequency { get; set; }

    /// <summary>
    /// <para type="description">The goal (every rule but Between).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public decimal? Goal { get; set; }

    /// <summary>
    /// <para type="description">The lower goal (Between only).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public decimal? MinGoal { get; set; }

    /// <summary>
    /// <para type="description">The upper goal (Between only).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public decimal? MaxGoal { get; set; }

    /// <summary>
    /// <para type="description">Notes (plain text; line breaks are kept).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyCellAsNull]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a Goal that is not a number, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(InputObject, nameof(OwnerId), nameof(Units), nameof(Rule), nameof(Frequency), nameof(Goal),
            nameof(MinGoal), nameof(MaxGoal))) return;
        var request = new MetricCreateRequest
        {
            MeetingId = MeetingId, Title = Title, OwnerId = OwnerId, Units = Units ?? MetricUnit.None,
            Rule = Rule ?? MetricRule.GreaterOrEqual, Frequency = Frequency ?? MetricFrequency.Weekly,
            Goal = Goal, MinGoal = MinGoal, MaxGoal = MaxGoal, Notes = Notes,
        };
        var label = $"measurable '{Title}'";
        try
        {
            MeasurableInput.Check(request);
        }
        catch (ArgumentException ex)
        {
            QueueFailure(BoundInput(), label, ex);
            return;
        }
        if (!ShouldProcess($"measurable in meeting {MeetingId} '{Title}'", "Create")) return;

        Queue(BoundInput(), label, async (client, ct) =>
        {
            var id = await client.Metrics.CreateAsync(request, ct).ConfigureAwait(false);
            try
            {
                return await client.Metrics.GetAsync(id, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ChangeAppliedException($"measurable {id} '{request.Title}' was created, but reading it back failed: {ex.Message}", ex);
            }
        });
    }
}

/// <summary>Checks of measurable input shared by New- and Set-BloomyMeasurable, before ShouldProcess and any request.</summary>
internal static class MeasurableInput
{
    public static void Check(MetricCreateRequest request)
    {
        if (request.Units == MetricUnit.Unknown || request.Rule == MetricRule.Unknown || request.Frequency == MetricFrequency.Unknown)
        {
            throw new ArgumentException("Unknown is not a value the server accepts for -Units, -Rule or -Frequency.");
        }
        MetricsClient.CheckGoals(request.Rule, request.Goal, request.MinGoal, request.MaxGoal, ruleGiven: true);
    }
}
