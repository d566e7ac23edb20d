using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Meetings;

/// <summary>
/// <para type="synopsis">Creates Level 10 meetings.</para>
/// <para type="description">New-BloomyMeeting creates a meeting titled -Title with you as an attendee (unless -ExcludeSelf), then adds the users of -AttendeeId. Title and AttendeeId bind by property name, so rows from Import-Csv with a Title column create one meeting each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are created. Returns the created meetings in input order; their AttendeeIds list the attendees added after creation.</para>
/// </summary>
/// <example>
///   <code>New-BloomyMeeting -Title 'Sales L10' -AttendeeId 1002, 1003</code>
///   <para>Creates a meeting with you, 1002 and 1003 as attendees.</para>
/// </example>
/// <example>
///   <code>Import-Csv meetings.csv | New-BloomyMeeting -ExcludeSelf</code>
///   <para>Creates one meeting per CSV row, without adding you to them.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(CreatedMeeting))]
public sealed class NewBloomyMeetingCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The meeting's title.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The ids of users to add as attendees.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true, ReportedByRow = true)]
    [UserIdCompletion]
    public long[] AttendeeId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Does not add you as an attendee.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter ExcludeSelf { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a DueDate that is not a date, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(InputObject, nameof(AttendeeId))) return;
        string title = Title;
        var attendees = AttendeeId;
        var addSelf = !ExcludeSelf.IsPresent;
        var with = attendees.Length == 0 ? "" : $" with attendees {string.Join(", ", attendees)}";
        if (!ShouldProcess($"meeting '{title}'{with}", "Create")) return;

        Queue(BoundInput(), $"meeting '{title}'", (client, ct) => client.Meetings.CreateAsync(title, addSelf, attendees, ct));
    }
}
