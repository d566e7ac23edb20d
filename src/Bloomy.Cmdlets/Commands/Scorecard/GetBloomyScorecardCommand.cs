using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Gets scorecard scores: yours, a user's, a meeting's, or one measurable's score for a week.</para>
/// <para type="description">Without parameters Get-BloomyScorecard returns the scores of your scorecard. Users (from Get-BloomyUser) or -UserId give a user's scorecard; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's. -WeekOffset keeps one week only (0 = this week, -1 = last week); scores without a value are left out unless -IncludeEmpty. Measurables (from Get-BloomyMeasurable) or -MeasurableId give one measurable's score for the week of -WeekOffset (default this week), empty or not, read from its owner's scorecard (with -MeasurableId, the owner is looked up first, so any measurable the key can see is read); a measurable that does not exist, or has no score cell that week, is an error record naming it. A user object always binds as a user and a meeting object as a meeting, never the other way round. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's scores come out together, in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyScorecard -WeekOffset 0 -IncludeEmpty</code>
///   <para>Lists your scores for this week, including the ones not entered yet.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyScorecard -WeekOffset -1</code>
///   <para>Lists last week's scores of each of your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001 | Get-BloomyScorecard -WeekOffset -2</code>
///   <para>Gets the score of each measurable of meeting 2001 from two weeks ago.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyScorecard", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(ScorecardItem))]
public sealed class GetBloomyScorecardCommand : BloomyPipelineCmdlet
{
    private const string ByMeasurableSet = "ByMeasurable";
    private const string ByMeasurableIdSet = "ByMeasurableId";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose scores to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose scores to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose scores to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose scores to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A measurable (from Get-BloomyMeasurable) whose score to get, from its owner's scorecard.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByMeasurableSet)]
    [ValidateNotNull]
    public Measurable? Measurable { get; set; }

    /// <summary>
    /// <para type="description">The ids of the measurables whose score to get: any measurable the key can see, read from its owner's scorecard.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeasurableIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeasurableId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The week relative to the current one (0 = this week, -1 = last week). Lists keep only that week (default: every week); a measurable's score is that week's (default: this week).</para>
    /// </summary>
    [Parameter]
    public int? WeekOffset { get; set; }

    /// <summary>
    /// <para type="description">Keeps scores that have no value yet.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.MineSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter IncludeEmpty { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "scorecard", User, UserId, Meeting, MeetingId))
        {
            QueueList(owner.Target, owner.Label, owner.UserId, owner.MeetingId);
        }
        if (ParameterSetName == ByMeasurableSet)
        {
            QueueScore(Measurable!, Measurable!.Id, Measurable.OwnerId);
            return;
        }
        if (ParameterSetName != ByMeasurableIdSet) return;
        foreach (var id in MeasurableId) QueueScore(id, id, null);
    }

    private void QueueList(object? target, string label, long? userId, long? meetingId)
    {
        var includeEmpty = IncludeEmpty.IsPresent;
        var weekOffset = WeekOffset;
        QueueMany(target, label, (client, ct) => client.Scorecard.ListAsync(userId, meetingId, includeEmpty, weekOffset, ct));
    }

    private void QueueScore(object target, long measurableId, long? ownerId)
    {
        var weekOffset = WeekOffset ?? 0;
        var label = $"score of measurable {measurableId} for week offset {weekOffset}";
        Queue(target, label, async (client, ct) =>
        {
            // A measurable's scores are on its owner's scorecard; the owner of one given by id comes from the
            // measurable itself, so any measurable the key can see is read, not only the current user's.
            var owner = ownerId;
            if (owner is null)
            {
                var measurable = await client.Scorecard.GetMeasurableAsync(measurableId, ct).ConfigureAwait(false)
                    ?? throw new ItemNotFoundException($"Measurable {measurableId} does not exist, or this API key cannot see it.");
                owner = measurable.OwnerId;
            }
            return await client.Scorecard.GetAsync(measurableId, owner, weekOffset, ct).ConfigureAwait(false)
                ?? throw new ItemNotFoundException(
                    $"Measurable {measurableId} has no score cell that week (week offset {weekOffset}) on {(owner is null ? "your" : $"user {owner}'s")} scorecard.");
        });
    }
}
