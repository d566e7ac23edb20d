using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;
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
[Cmdlet(VerbsCommon.Get, "BloomyMeetingAttendee", DefaultParameterSetName = ListOwner.ByMeetingSet)]
[OutputType(typeof(User))]
public sealed class GetBloomyMeetingAttendeeCommand : BloomyPipelineCmdlet
{
    // The object set is the default: PowerShell binds pipeline input to the default set first, and a
    // meeting object cannot bind in a default set whose id parameter binds by property name.
    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose attendees to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose attendees to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var directory = ActiveConnection.Users;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "attendees", meeting: Meeting, meetingIds: MeetingId))
        {
            var meetingId = owner.MeetingId!.Value;
            QueueMany(owner.Target!, owner.Label, async (client, ct) => await UserDirectory.CompleteAsync(
                directory, await client.Meetings.GetAttendeesAsync(meetingId, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
        }
    }
}
