using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Gets open issues: yours, a user's, a meeting's, or issues by id with their details.</para>
/// <para type="description">Without parameters Get-BloomyIssue returns your open issues. Users (from Get-BloomyUser) or -UserId give a user's open issues; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's open issues; -Id gets issues by id, with their owner and meeting. A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's issues come out together, in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyIssue</code>
///   <para>Lists your open issues.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyIssue</code>
///   <para>Lists the open issues of each of your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -Id 3001</code>
///   <para>Gets one issue with its owner, meeting and solved state.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyIssue", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Issue))]
public sealed class GetBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string MineSet = "Mine";
    private const string ByUserSet = "ByUser";
    private const string ByUserIdSet = "ByUserId";
    private const string ByMeetingSet = "ByMeeting";
    private const string ByMeetingIdSet = "ByMeetingId";
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose open issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose open issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose open issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose open issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the issues to get, open or solved.</para>
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
                    Queue(id, $"issue {id}", (client, ct) => client.Issues.GetAsync(id, ct));
                }
                break;
            default:
                QueueMany(null, "your issues", (client, ct) => client.Issues.ListAsync(cancellationToken: ct));
                break;
        }
    }

    private void QueueUser(object target, long userId) =>
        QueueMany(target, $"issues of user {userId}", (client, ct) => client.Issues.ListAsync(userId: userId, cancellationToken: ct));

    private void QueueMeeting(object target, long meetingId) =>
        QueueMany(target, $"issues of meeting {meetingId}", (client, ct) => client.Issues.ListAsync(meetingId: meetingId, cancellationToken: ct));
}
