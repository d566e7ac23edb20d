using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Gets the measurables (scorecard rows) of Level 10 meetings.</para>
/// <para type="description">Get-BloomyMeasurable lists the measurables of the meetings piped from Get-BloomyMeeting or given with -MeetingId: title, target, unit, direction and owner. Objects with a MeetingId property (such as CSV rows) bind by that property. Meetings are read concurrently, up to -ThrottleLimit at once, and each meeting's measurables come out together, in input order. Pipe the measurables to Get-BloomyScorecard for their scores of one week, or use their ids with Set-BloomyScore.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001</code>
///   <para>Lists the measurables of meeting 2001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyMeasurable | Get-BloomyScorecard -WeekOffset -1</code>
///   <para>Gets last week's score of every measurable of your meetings.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyMeasurable", DefaultParameterSetName = ListOwner.ByMeetingSet)]
[OutputType(typeof(Measurable))]
public sealed class GetBloomyMeasurableCommand : BloomyPipelineCmdlet
{
    // The object set is the default: PowerShell binds pipeline input to the default set first, and a
    // meeting object cannot bind in a default set whose id parameter binds by property name.
    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose measurables to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose measurables to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "measurables", meeting: Meeting, meetingIds: MeetingId))
        {
            var meetingId = owner.MeetingId!.Value;
            QueueMany(owner.Target!, owner.Label, (client, ct) => client.Meetings.GetMeasurablesAsync(meetingId, ct));
        }
    }
}
