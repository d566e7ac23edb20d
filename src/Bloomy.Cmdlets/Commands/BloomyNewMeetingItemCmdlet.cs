using System.Management.Automation;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of the New- cmdlets that add a titled item with an owner and notes to a meeting (issues, headlines).
/// Every parameter binds by property name, so each CSV row creates one item, and a failed row is the error
/// record of its bound values.
/// </summary>
public abstract class BloomyNewMeetingItemCmdlet : BloomyRowCmdlet
{
    /// <summary>
    /// <para type="description">The meeting to add the new issue or headline to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The title of the new issue or headline.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the owner of the new issue or headline. Default: you, as it is when the value is an empty CSV cell.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Notes for the new issue or headline.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Notes { get; set; }

    /// <summary>What the cmdlet creates ("issue"), in the ShouldProcess target and the work item's label.</summary>
    protected abstract string ItemName { get; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(nameof(MeetingId), nameof(OwnerId))) return;
        long meetingId = MeetingId;
        string title = Title;
        long? ownerId = OwnerId;
        string? notes = string.IsNullOrEmpty(Notes) ? null : Notes;
        if (!ShouldProcess($"{ItemName} in meeting {meetingId} '{title}'", "Create")) return;

        QueueCreate(BoundInput(), $"{ItemName} '{title}'", meetingId, title, ownerId, notes);
    }

    /// <summary>Queues the creation of one item, whose result is written.</summary>
    /// <param name="target">The bound values of the record (the error target).</param>
    /// <param name="label">Names the work item in progress and error messages.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="title">The title.</param>
    /// <param name="ownerId">The owner; null means you.</param>
    /// <param name="notes">The notes; null when none were given.</param>
    protected abstract void QueueCreate(PSObject target, string label, long meetingId, string title, long? ownerId, string? notes);
}
