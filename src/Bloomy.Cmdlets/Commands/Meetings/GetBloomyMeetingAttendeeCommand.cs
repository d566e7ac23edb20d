using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Commands.Meetings;

/// <summary>
/// <para type="synopsis">Gets the attendees of Level 10 meetings.</para>
/// <para type="description">Get-BloomyMeetingAttendee lists the attendees of the meetings piped from Get-BloomyMeeting or given with -MeetingId, as user objects, so they can be piped on to Get-BloomyTodo, Get-BloomyGoal or Get-BloomyScorecard. Objects with a MeetingId property (such as CSV rows) bind by that property. Meetings are read concurrently, up to -ThrottleLimit at once, and each meeting's attendees come out together, in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyMeetingAttendee -MeetingId 2001</code>
///   <para>Lists the attendees of meeting 2001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting -Id 2001 | Get-BloomyMeetingAttendee | Get-BloomyTodo</code>
///   <para>Lists the open to-dos of everyone in meeting 2001.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyMeetingAttendee", DefaultParameterSetName = ByMeetingSet)]
[OutputType(typeof(User))]
public sealed class GetBloomyMeetingAttendeeCommand : BloomyMeetingListCmdlet
{
    /// <inheritdoc />
    protected override void QueueForMeeting(object target, long meetingId)
    {
        var directory = ActiveConnection.Users;
        QueueMany(target, $"attendees of meeting {meetingId}", async (client, ct) => await UserDirectory.CompleteAsync(
            directory, await client.Meetings.GetAttendeesAsync(meetingId, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
    }
}
