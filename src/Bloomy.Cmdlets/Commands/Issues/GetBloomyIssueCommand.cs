using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Gets open issues: yours, a user's, a meeting's, or issues by id with their details.</para>
/// <para type="description">Without parameters Get-BloomyIssue returns your open issues. Users (from Get-BloomyUser) or -UserId give a user's open issues; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's open issues; -Id gets issues by id, with their owner and meeting. For meetings, -LongTerm lists the long-term issues (the department plan) instead and -IncludeArchived adds the archived ones; -IncludeNotes fills each issue's Notes (one extra request per issue). A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's issues come out together, in input order.</para>
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
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 -LongTerm</code>
///   <para>Lists the long-term issues (department plan) of meeting 2001, with their notes.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 -IncludeArchived -IncludeNotes | Format-List Id, Title, Archived, Notes</code>
///   <para>Lists the open and archived issues of meeting 2001 with their notes as text.</para>
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

    /// <summary>
    /// <para type="description">Lists the meetings' long-term issues (the department plan, "V/TO") instead of their open short-term issues. Read over GraphQL, with their notes.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter LongTerm { get; set; }

    /// <summary>
    /// <para type="description">Also lists the meetings' archived issues (read over GraphQL), after the open ones. Cannot be combined with -LongTerm.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <summary>
    /// <para type="description">Fills each issue's Notes with its notes as plain text. Off by default: it costs one extra GraphQL read per issue (made concurrently).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeNotes { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (LongTerm.IsPresent && IncludeArchived.IsPresent)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("-LongTerm and -IncludeArchived cannot be combined: long-term issues are listed on their own (an archived issue is no longer long-term)."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        bool longTerm = LongTerm.IsPresent, archived = IncludeArchived.IsPresent, notes = IncludeNotes.IsPresent;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "issues", User, UserId, Meeting, MeetingId))
        {
            QueueMany(owner.Target, longTerm ? "long-term " + owner.Label : owner.Label, (client, ct) => owner.MeetingId is { } meetingId
                ? ListMeetingAsync(client, meetingId, longTerm, archived, notes, ct)
                : WithNotesAsync(client, client.Issues.ListAsync(userId: owner.UserId, cancellationToken: ct), notes, ct));
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"issue {id}", (client, ct) => GetOneAsync(client, id, notes, ct));
        }
    }

    // Long-term and archived lists come over GraphQL with their notes; the open list is REST, as without the switches.
    private static async Task<IReadOnlyList<Issue>> ListMeetingAsync(Bloomy.Client.BloomyClient client, long meetingId, bool longTerm,
        bool archived, bool notes, CancellationToken ct)
    {
        if (longTerm)
        {
            return await client.Issues.ListLongTermAsync(meetingId, ct).ConfigureAwait(false);
        }
        var open = await WithNotesAsync(client, client.Issues.ListAsync(meetingId: meetingId, cancellationToken: ct), notes, ct).ConfigureAwait(false);
        if (!archived)
        {
            return open;
        }
        var archivedIssues = await client.Issues.ListArchivedAsync(meetingId, ct).ConfigureAwait(false);
        return open.Concat(archivedIssues.Where(a => open.All(o => o.Id != a.Id))).ToList();
    }

    private static async Task<Issue> GetOneAsync(Bloomy.Client.BloomyClient client, long id, bool notes, CancellationToken ct)
    {
        var issue = await client.Issues.GetAsync(id, ct).ConfigureAwait(false);
        return notes ? (await client.Issues.IncludeNotesAsync(new[] { issue }, ct).ConfigureAwait(false))[0] : issue;
    }

    private static async Task<IReadOnlyList<Issue>> WithNotesAsync(Bloomy.Client.BloomyClient client, Task<IReadOnlyList<Issue>> list,
        bool notes, CancellationToken ct)
    {
        var issues = await list.ConfigureAwait(false);
        return notes ? await client.Issues.IncludeNotesAsync(issues, ct).ConfigureAwait(false) : issues;
    }
}
