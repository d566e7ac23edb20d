using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Gets to-dos: yours, a user's, a meeting's, or to-dos by id.</para>
/// <para type="description">Without parameters Get-BloomyTodo returns your open to-dos. Users (from Get-BloomyUser) or -UserId give a user's to-dos; meetings (from Get-BloomyMeeting) or -MeetingId give a meeting's to-dos; -Id gets to-dos by id. A user object always binds as a user and a meeting object as a meeting, never the other way round; objects with a UserId or MeetingId property (such as CSV rows) bind by that property. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and each item's to-dos come out together, in input order.</para>
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
[Cmdlet(VerbsCommon.Get, "BloomyTodo", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Todo))]
public sealed class GetBloomyTodoCommand : BloomyUserOrMeetingListCmdlet
{
    private const string ByIdSet = "ById";

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
    [Parameter(ParameterSetName = MineSet)]
    [Parameter(ParameterSetName = ByUserSet)]
    [Parameter(ParameterSetName = ByUserIdSet)]
    [Parameter(ParameterSetName = ByMeetingSet)]
    [Parameter(ParameterSetName = ByMeetingIdSet)]
    public SwitchParameter IncludeClosed { get; set; }

    /// <inheritdoc />
    protected override string ListName => "to-dos";

    /// <inheritdoc />
    protected override void QueueForUser(object? target, long? userId, string label)
    {
        var includeClosed = IncludeClosed.IsPresent;
        QueueMany(target, label, (client, ct) => client.Todos.ListAsync(userId: userId, includeClosed: includeClosed, cancellationToken: ct));
    }

    /// <inheritdoc />
    protected override void QueueForMeeting(object target, long meetingId, string label)
    {
        var includeClosed = IncludeClosed.IsPresent;
        QueueMany(target, label, (client, ct) => client.Todos.ListAsync(meetingId: meetingId, includeClosed: includeClosed, cancellationToken: ct));
    }

    /// <inheritdoc />
    protected override void ProcessOtherSet()
    {
        foreach (var id in Id)
        {
            Queue(id, $"to-do {id}", (client, ct) => client.Todos.GetAsync(id, ct));
        }
    }
}
