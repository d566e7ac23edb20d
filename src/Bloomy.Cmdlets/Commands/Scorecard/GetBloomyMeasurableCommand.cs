using System.Management.Automation;
using Bloomy.Client.Models;

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
[Cmdlet(VerbsCommon.Get, "BloomyMeasurable", DefaultParameterSetName = ByMeetingSet)]
[OutputType(typeof(Measurable))]
public sealed class GetBloomyMeasurableCommand : BloomyMeetingListCmdlet
{
    /// <inheritdoc />
    protected override void QueueForMeeting(object target, long meetingId) =>
        QueueMany(target, $"measurables of meeting {meetingId}", (client, ct) => client.Meetings.GetMeasurablesAsync(meetingId, ct));
}
