using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Client.Operations;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Changes measurables: title, owner, unit, rule, goals or notes.</para>
/// <para type="description">Set-BloomyMeasurable changes the measurables piped from Get-BloomyMeasurable or given with -Id (over GraphQL), only in what is given: -Title, -OwnerId, -Units, -Rule, -Goal, -MinGoal, -MaxGoal, -Notes (a new notes text replaces the old one). The words of -Units and -Rule are those of New-BloomyMeasurable. At least one change is required. Goals must fit the rule: with -Rule Between give -MinGoal/-MaxGoal, with another rule -Goal; without -Rule, -Goal together with -MinGoal/-MaxGoal is refused. The frequency cannot be changed. Only measurable objects bind from the pipeline, so a meeting or user object can never be taken for one. Measurables are changed concurrently, up to -ThrottleLimit at once. With -PassThru, returns each measurable as it is after the change. To archive one, use Remove-BloomyMeasurable.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyMeasurable -Id 4001 -Goal 120000</code>
///   <para>Raises the goal of measurable 4001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001 | Where-Object Title -like '*churn*' | Set-BloomyMeasurable -Rule LessOrEqual -Goal 2 -PassThru</code>
///   <para>Makes the churn measurables "at most 2" and returns them.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyMeasurable", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = MeasurableItems.ByIdSet)]
[OutputType(typeof(Metric))]
public sealed class SetBloomyMeasurableCommand : BloomyPipelineCmdlet
{
    private MetricUpdate? _update;

    /// <summary>
    /// <para type="description">The ids of the measurables to change. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -Id or -IncludeNotes) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMetricSet)]
    [ValidateNotNull]
    public Metric? Metric { get; set; }

    /// <summary>
    /// <para type="description">Measurables (from Get-BloomyMeasurable -MeetingId) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = MeasurableItems.ByMeasurableSet)]
    [ValidateNotNull]
    public Measurable? Measurable { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The id of the new owner (accountable user).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [Alias("UserId", "AccountableUserId")]
    [UserIdCompletion]
    [IdTransformation]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">The new unit: None, Dollar, Percent, Pound, Euro, Peso, Yen, YesNo, Rupee, Dirham, Rand or Guilder.</para>
    /// </summary>
    [Parameter]
    public MetricUnit? Units { get; set; }

    /// <summary>
    /// <para type="description">The new rule: GreaterOrEqual, Greater, Less, LessOrEqual, Equal or Between.</para>
    /// </summary>
    [Parameter]
    public MetricRule? Rule { get; set; }

    /// <summary>
    /// <para type="description">The new goal.</para>
    /// </summary>
    [Parameter]
    public decimal? Goal { get; set; }

    /// <summary>
    /// <para type="description">The new lower goal (Between).</para>
    /// </summary>
    [Parameter]
    public decimal? MinGoal { get; set; }

    /// <summary>
    /// <para type="description">The new upper goal (Between).</para>
    /// </summary>
    [Parameter]
    public decimal? MaxGoal { get; set; }

    /// <summary>
    /// <para type="description">New notes (plain text; line breaks are kept).</para>
    /// </summary>
    [Parameter]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed measurable.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _update = new MetricUpdate
        {
            Title = Title, OwnerId = OwnerId, Units = Units, Rule = Rule, Goal = Goal, MinGoal = MinGoal, MaxGoal = MaxGoal, Notes = Notes,
        };
        try
        {
            if (_update.IsEmpty)
            {
                throw new ArgumentException("At least one change must be provided: give -Title, -OwnerId, -Units, -Rule, -Goal, -MinGoal, -MaxGoal or -Notes.");
            }
            if (Units == MetricUnit.Unknown || Rule == MetricRule.Unknown)
            {
                throw new ArgumentException("Unknown is not a value the server accepts for -Units or -Rule.");
            }
            MetricsClient.CheckGoals(Rule ?? MetricRule.Unknown, Goal, MinGoal, MaxGoal, ruleGiven: Rule is not null);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message, ex), "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("measurable", Id, MeasurableItems.Bound(ParameterSetName, Metric, Measurable), Act);

    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Set")) return;
        var update = _update!;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Metrics.UpdateAsync(id, update, ct), (client, ct) => client.Metrics.GetAsync(id, ct));
    }
}

/// <summary>The parameter sets of the cmdlets that act on measurables: by id, or a piped Metric or Measurable.</summary>
internal static class MeasurableItems
{
    public const string ByIdSet = "ById";
    public const string ByMetricSet = "ByMetric";
    public const string ByMeasurableSet = "ByMeasurable";

    public static (object Item, long Id, string? Title)? Bound(string parameterSet, Metric? metric, Measurable? measurable) =>
        parameterSet switch
        {
            ByMetricSet => (metric!, metric!.Id, metric.Title),
            ByMeasurableSet => (measurable!, measurable!.Id, measurable.Title),
            _ => null,
        };
}
