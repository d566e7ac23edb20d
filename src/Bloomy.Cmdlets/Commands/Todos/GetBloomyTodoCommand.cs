using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Gets to-dos: yours, a user's, a meeting's, or to-dos by id.</para>
/// <para type="description">Without parameters Get-BloomyTodo returns your open to-dos. Users (from Get-BloomyUser) or -UserId give a user's to-dos; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's to-dos; -Id gets to-dos by id. A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's to-dos come out together, in input order. -IncludeNotes fills each to-do's Notes with its notes as plain text (one extra GraphQL read per to-do, made concurrently; off by default because of that cost). -IncludeArchived, for a meeting's to-dos, also lists its archived to-dos (read over the GraphQL API, the only one that lists them, every page; their notes come with them).</para>
/// </summary>
/// <example>
///   <code>Get-BloomyTodo</code>
///   <para>Lists your open to-dos.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 10</code>
///   <para>Lists every user's open to-dos, ten users at a time.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyTodo -IncludeClosed</code>
///   <para>Lists the open and completed to-dos of each of your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo -MeetingId 2001 -IncludeArchived -IncludeClosed | Where-Object Archived</code>
///   <para>Lists the archived to-dos of a meeting, completed or not.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo -Id 5001 -IncludeNotes | Select-Object Title, Notes</code>
///   <para>Shows a to-do's notes.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyTodo", DefaultParameterSetName = ListOwner.MineSet)]
[OutputType(typeof(Todo))]
public sealed class GetBloomyTodoCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose to-dos to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose to-dos to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose to-dos to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose to-dos to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of the to-dos to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [TodoIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Includes completed to-dos.</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.MineSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter IncludeClosed { get; set; }

    /// <summary>
    /// <para type="description">Fills each to-do's Notes (one extra GraphQL read per to-do).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeNotes { get; set; }

    /// <summary>
    /// <para type="description">Also lists a meeting's archived to-dos (over GraphQL; with their notes).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    public SwitchParameter IncludeArchived { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var includeClosed = IncludeClosed.IsPresent;
        var includeNotes = IncludeNotes.IsPresent;
        var includeArchived = IncludeArchived.IsPresent;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "to-dos", User, UserId, Meeting, MeetingId))
        {
            QueueMany(owner.Target, owner.Label, async (client, ct) =>
            {
                if (includeArchived && owner.MeetingId is { } archivedOf)
                {
                    return await client.Todos.ListMeetingTodosAsync(archivedOf, includeClosed, includeArchived: true, ct).ConfigureAwait(false);
                }
                var todos = await (owner.MeetingId is { } meetingId
                    ? client.Todos.ListAsync(meetingId: meetingId, includeClosed: includeClosed, cancellationToken: ct)
                    : client.Todos.ListAsync(userId: owner.UserId, includeClosed: includeClosed, cancellationToken: ct)).ConfigureAwait(false);
                return includeNotes ? await client.Todos.AddNotesAsync(todos, ct).ConfigureAwait(false) : todos;
            });
        }
        if (ParameterSetName != ByIdSet) return;
        foreach (var id in Id)
        {
            Queue(id, $"to-do {id}", async (client, ct) =>
            {
                var todo = await client.Todos.GetAsync(id, ct).ConfigureAwait(false);
                return includeNotes ? (await client.Todos.AddNotesAsync(new[] { todo }, ct).ConfigureAwait(false))[0] : todo;
            });
        }
    }
}
