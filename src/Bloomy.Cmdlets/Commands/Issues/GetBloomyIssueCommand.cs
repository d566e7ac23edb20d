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
[Cmdlet(VerbsCommon.Get, "BloomyIssue", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Issue))]
public sealed class GetBloomyIssueCommand : BloomyUserOrMeetingListCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">The ids of the issues to get, open or solved.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IssueIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override string ListName => "issues";

    /// <inheritdoc />
    protected override void QueueForUser(object? target, long? userId, string label) =>
        QueueMany(target, label, (client, ct) => client.Issues.ListAsync(userId: userId, cancellationToken: ct));

    /// <inheritdoc />
    protected override void QueueForMeeting(object target, long meetingId, string label) =>
        QueueMany(target, label, (client, ct) => client.Issues.ListAsync(meetingId: meetingId, cancellationToken: ct));

    /// <inheritdoc />
    protected override void ProcessOtherSet()
    {
        foreach (var id in Id)
        {
            Queue(id, $"issue {id}", (client, ct) => client.Issues.GetAsync(id, ct));
        }
    }
}
