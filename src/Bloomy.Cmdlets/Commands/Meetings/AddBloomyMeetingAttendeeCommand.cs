using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Meetings;

/// <summary>
/// <para type="synopsis">Adds attendees to a Level 10 meeting.</para>
/// <para type="description">Add-BloomyMeetingAttendee adds users to a meeting. Give the meeting with -MeetingId or as a meeting object (-Meeting, or piped from Get-BloomyMeeting), and the users with -UserId or as user objects (-User, or piped from Get-BloomyUser). A user object always binds as a user and a meeting object as a meeting, never the other way round; plain user ids may be piped too. Users are added concurrently, up to -ThrottleLimit at once; adding someone who already attends changes nothing.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyUser -Id 1002, 1003 | Add-BloomyMeetingAttendee -MeetingId 2001</code>
///   <para>Adds two users to meeting 2001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Add-BloomyMeetingAttendee -UserId 1004 -WhatIf</code>
///   <para>Shows which of your meetings user 1004 would be added to, without sending anything.</para>
/// </example>
/// <example>
///   <code>1002, 1003 | Add-BloomyMeetingAttendee -MeetingId 2001</code>
///   <para>Adds two users to meeting 2001 by id.</para>
/// </example>
[Cmdlet(VerbsCommon.Add, "BloomyMeetingAttendee", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    DefaultParameterSetName = UserToMeetingIdSet)]
[OutputType(typeof(void))]
public sealed class AddBloomyMeetingAttendeeCommand : BloomyPipelineCmdlet
{
    // The user-object set is the default: PowerShell binds pipeline input to the default set first.
    private const string UserToMeetingIdSet = "UserToMeetingId";
    private const string UserIdToMeetingIdSet = "UserIdToMeetingId";
    private const string UserIdToMeetingSet = "UserIdToMeeting";
    private const string UserToMeetingSet = "UserToMeeting";

    /// <summary>
    /// <para type="description">The id of the meeting to add the attendees to.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserToMeetingIdSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserIdToMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The meeting (from Get-BloomyMeeting) to add the attendees to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserIdToMeetingSet)]
    [Parameter(Mandatory = true, ParameterSetName = UserToMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of the users to add.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserIdToMeetingIdSet)]
    [Parameter(Mandatory = true, ParameterSetName = UserIdToMeetingSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) to add.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserToMeetingIdSet)]
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UserToMeetingSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var meetingId = Meeting?.Id ?? MeetingId;
        switch (ParameterSetName)
        {
            case UserToMeetingIdSet:
            case UserToMeetingSet:
                Add(User!, User!.Id, meetingId);
                break;
            case UserIdToMeetingIdSet:
                foreach (var userId in UserId) Add(userId, userId, meetingId);
                break;
            default:
                foreach (var userId in UserId) Add(Meeting!, userId, meetingId);
                break;
        }
    }

    private void Add(object target, long userId, long meetingId)
    {
        if (!ShouldProcess($"meeting {meetingId}", $"Add attendee user {userId}")) return;
        QueueAction(target, $"user {userId} in meeting {meetingId}",
            (client, ct) => client.Meetings.AddAttendeeAsync(meetingId, userId, ct));
    }
}
