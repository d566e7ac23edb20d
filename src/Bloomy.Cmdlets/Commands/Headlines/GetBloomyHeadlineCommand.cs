using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Gets headlines: yours, a user's, a meeting's, or headlines by id.</para>
/// <para type="description">Without parameters Get-BloomyHeadline returns your headlines. Users (from Get-BloomyUser) or -UserId give a user's headlines; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's headlines; -Id gets headlines by id, with the name of their meeting. A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's headlines come out together, in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyHeadline</code>
///   <para>Lists your headlines.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyHeadline</code>
///   <para>Lists the headlines of each of your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -Id 8001</code>
///   <para>Gets one headline with its meeting's name.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyHeadline", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Headline))]
public sealed class GetBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string MineSet = "Mine";
    private const string ByUserSet = "ByUser";
    private const string ByUserIdSet = "ByUserId";
    private const string ByMeetingSet = "ByMeeting";
    private const string ByMeetingIdSet = "ByMeetingId";
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the headlines to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByUserSet:
                QueueUser(User!, User!.Id);
                break;
            case ByUserIdSet:
                foreach (var id in UserId) QueueUser(id, id);
                break;
            case ByMeetingSet:
                QueueMeeting(Meeting!, Meeting!.Id);
                break;
            case ByMeetingIdSet:
                foreach (var id in MeetingId) QueueMeeting(id, id);
                break;
            case ByIdSet:
                foreach (var id in Id)
                {
                    Queue(id, $"headline {id}", (client, ct) => client.Headlines.GetAsync(id, ct));
                }
                break;
            default:
                QueueMany(null, "your headlines", (client, ct) => client.Headlines.ListAsync(cancellationToken: ct));
                break;
        }
    }

    private void QueueUser(object target, long userId) =>
        QueueMany(target, $"headlines of user {userId}", (client, ct) => client.Headlines.ListAsync(userId: userId, cancellationToken: ct));

    private void QueueMeeting(object target, long meetingId) =>
        QueueMany(target, $"headlines of meeting {meetingId}", (client, ct) => client.Headlines.ListAsync(meetingId: meetingId, cancellationToken: ct));
}
