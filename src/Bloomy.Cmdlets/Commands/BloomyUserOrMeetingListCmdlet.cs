using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the Get- cmdlets that list a user's or a meeting's items: adds to <see cref="BloomyUserListCmdlet"/> a
/// meeting object (ByMeeting) and meeting ids (ByMeetingId). A user object binds as a user and a meeting object as
/// a meeting, never the other way round, since each binds by value only to its own type.
/// </summary>
public abstract class BloomyUserOrMeetingListCmdlet : BloomyUserListCmdlet
{
    /// <summary>The items of the meetings piped from Get-BloomyMeeting.</summary>
    protected const string ByMeetingSet = "ByMeeting";
    /// <summary>The items of meetings given by id.</summary>
    protected const string ByMeetingIdSet = "ByMeetingId";

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose items to list: its to-dos for Get-BloomyTodo, its issues for Get-BloomyIssue, and so on.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose items to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override bool TryQueueList()
    {
        switch (ParameterSetName)
        {
            case ByMeetingSet:
                QueueForMeeting(Meeting!, Meeting!.Id, $"{ListName} of meeting {Meeting.Id}");
                return true;
            case ByMeetingIdSet:
                foreach (var id in MeetingId) QueueForMeeting(id, id, $"{ListName} of meeting {id}");
                return true;
            default:
                return base.TryQueueList();
        }
    }

    /// <summary>Queues the list of one meeting's items.</summary>
    /// <param name="target">The pipeline item the list is for (the error target).</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="label">Names the work item in progress and error messages.</param>
    protected abstract void QueueForMeeting(object target, long meetingId, string label);
}
