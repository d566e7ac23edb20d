using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the Get- cmdlets that list what belongs to meetings: meeting objects piped from Get-BloomyMeeting
/// (ByMeeting) or meeting ids given, piped or bound by property name (ByMeetingId).
/// </summary>
public abstract class BloomyMeetingListCmdlet : BloomyPipelineCmdlet
{
    // The object set is the default: PowerShell binds pipeline input to the default set first, and a
    // meeting object cannot bind in a default set whose id parameter binds by property name.
    /// <summary>The items of the meetings piped from Get-BloomyMeeting; the default set.</summary>
    protected const string ByMeetingSet = "ByMeeting";
    /// <summary>The items of meetings given by id.</summary>
    protected const string ByMeetingIdSet = "ByMeetingId";

    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose items to list: its attendees for Get-BloomyMeetingAttendee, its measurables for Get-BloomyMeasurable.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose items to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByMeetingSet)
        {
            QueueForMeeting(Meeting!, Meeting!.Id);
            return;
        }
        foreach (var id in MeetingId) QueueForMeeting(id, id);
    }

    /// <summary>Queues the list of one meeting's items.</summary>
    /// <param name="target">The pipeline item the list is for (the error target).</param>
    /// <param name="meetingId">The meeting.</param>
    protected abstract void QueueForMeeting(object target, long meetingId);
}
