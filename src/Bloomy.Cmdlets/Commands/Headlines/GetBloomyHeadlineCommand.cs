using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Gets headlines: yours, a user's, a meeting's, or headlines by id.</para>
/// <para type="description">Without parameters Get-BloomyHeadline returns your headlines. Users (from Get-BloomyUser) or -UserId give a user's headlines; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's headlines; -Id gets headlines by id, with the name of their meeting. A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's headlines come out together, in input order. -IncludeNotes fills each headline's Notes with its notes as plain text (one extra GraphQL read per headline, made concurrently; off by default because of that cost). -IncludeArchived lists archived headlines too (a meeting's open and archived ones, or all of a user's, read over the GraphQL API with every page; their notes come with them).</para>
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
/// <example>
///   <code>Get-BloomyHeadline -MeetingId 2001 -IncludeArchived | Where-Object Archived</code>
///   <para>Lists the archived headlines of a meeting.</para>
/// </example>
/// <example>
///   <code>Get-BloomyHeadline -Id 8001 -IncludeNotes | Select-Object Title, Notes</code>
///   <para>Shows a headline's notes.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyHeadline", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(Headline))]
public sealed class GetBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose headlines to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the headlines to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [HeadlineIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Fills each headline's Notes (one extra GraphQL read per headline).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeNotes { get; set; }

    /// <summary>
    /// <para type="description">Also lists archived headlines (over GraphQL; with their notes).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.MineSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var meetings = ActiveConnection.Meetings;
        var includeNotes = IncludeNotes.IsPresent;
        var includeArchived = IncludeArchived.IsPresent;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "headlines", User, UserId, Meeting, MeetingId))
        {
            var listedFor = owner.Target as Meeting;
            QueueMany(owner.Target, owner.Label, async (client, ct) =>
            {
                if (includeArchived)
                {
                    return await client.Headlines.ListOverGraphQLAsync(owner.UserId, owner.MeetingId, includeArchived: true, ct).ConfigureAwait(false);
                }
                var headlines = await MeetingNames.CompleteAsync(meetings,
                    owner.MeetingId is { } meetingId
                        ? await client.Headlines.ListAsync(meetingId: meetingId, cancellationToken: ct).ConfigureAwait(false)
                        : await client.Headlines.ListAsync(userId: owner.UserId, cancellationToken: ct).ConfigureAwait(false),
                    listedFor, ct).ConfigureAwait(false);
                return includeNotes ? await client.Headlines.AddNotesAsync(headlines, ct).ConfigureAwait(false) : headlines;
            });
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"headline {id}", async (client, ct) =>
            {
                var headline = await client.Headlines.GetAsync(id, ct).ConfigureAwait(false);
                return includeNotes ? (await client.Headlines.AddNotesAsync(new[] { headline }, ct).ConfigureAwait(false))[0] : headline;
            });
        }
    }
}
