using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;
using Bloomy.Cmdlets.Completion;

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
public sealed class GetBloomyHeadlineCommand : BloomyUserOrMeetingListCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">The ids of the headlines to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [HeadlineIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override string ListName => "headlines";

    /// <inheritdoc />
    protected override void QueueForUser(object? target, long? userId, string label)
    {
        var meetings = ActiveConnection.Meetings;
        QueueMany(target, label, async (client, ct) => await MeetingNames.CompleteAsync(
            meetings, await client.Headlines.ListAsync(userId: userId, cancellationToken: ct).ConfigureAwait(false), null, ct).ConfigureAwait(false));
    }

    /// <inheritdoc />
    protected override void QueueForMeeting(object target, long meetingId, string label)
    {
        var meetings = ActiveConnection.Meetings;
        var listedFor = target as Meeting;
        QueueMany(target, label, async (client, ct) => await MeetingNames.CompleteAsync(
            meetings, await client.Headlines.ListAsync(meetingId: meetingId, cancellationToken: ct).ConfigureAwait(false), listedFor, ct).ConfigureAwait(false));
    }

    /// <inheritdoc />
    protected override void ProcessOtherSet()
    {
        foreach (var id in Id)
        {
            Queue(id, $"headline {id}", (client, ct) => client.Headlines.GetAsync(id, ct));
        }
    }
}
