using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

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
[Cmdlet(VerbsCommon.Get, "BloomyIssue", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(Issue))]
public sealed class GetBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose issues to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the issues to get, open or solved.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IssueIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "issues", User, UserId, Meeting, MeetingId))
        {
            QueueMany(owner.Target, owner.Label, (client, ct) => owner.MeetingId is { } meetingId
                ? client.Issues.ListAsync(meetingId: meetingId, cancellationToken: ct)
                : client.Issues.ListAsync(userId: owner.UserId, cancellationToken: ct));
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"issue {id}", (client, ct) => client.Issues.GetAsync(id, ct));
        }
    }
}
