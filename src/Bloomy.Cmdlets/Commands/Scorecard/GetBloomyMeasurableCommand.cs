using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Scorecard;

/// <summary>
/// <para type="synopsis">Gets measurables (scorecard rows): a meeting's, a user's, or one by id with its unit, rule, frequency, goals and notes.</para>
/// <para type="description">Get-BloomyMeasurable lists the measurables of the meetings piped from Get-BloomyMeeting or given with -MeetingId: title, target, unit, direction and owner. Objects with a MeetingId property (such as CSV rows) bind by that property. Meetings are read concurrently, up to -ThrottleLimit at once, and each meeting's measurables come out together, in input order. Pipe the measurables to Get-BloomyScorecard for their scores of one week, to Get-BloomyScore for their score history, or use their ids with Set-BloomyScore. -Id reads measurables by id over GraphQL, whoever owns them and archived or not, with what GraphQL adds: Units, Rule (GreaterOrEqual, Greater, Less, LessOrEqual, Equal, Between), Frequency (Weekly, Monthly, Quarterly, Daily), Goal/MinGoal/MaxGoal, Archived and Notes. -IncludeNotes lists a meeting's measurables over GraphQL the same way (one more read per measurable, concurrently). -UserId (or users piped from Get-BloomyUser) lists the measurables a user owns, on every scorecard, over GraphQL; -Frequency keeps those of one frequency (Weekly, Monthly, Quarterly or Daily). Lists over GraphQL leave archived measurables out and return the same detailed objects as -Id.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001</code>
///   <para>Lists the measurables of meeting 2001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyMeasurable | Get-BloomyScorecard -WeekOffset -1</code>
///   <para>Gets last week's score of every measurable of your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -Id 4001 | Format-List</code>
///   <para>Shows one measurable with its unit, rule, frequency, goals and notes.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeasurable -MeetingId 2001 -IncludeNotes | Select-Object Title, Rule, Goal, Notes</code>
///   <para>Lists a meeting's measurables with their rules and notes.</para>
/// </example>
/// <example>
///   <code>Get-BloomyUser -All | Get-BloomyMeasurable -Frequency Monthly | Format-Table OwnerId, Title, Rule, Goal</code>
///   <para>Lists the monthly measurables of every user, fetched concurrently.</para>
/// </example>
/// <example>
///   <code>Import-Csv owners.csv | Get-BloomyMeasurable</code>
///   <para>Lists the measurables of the user in each row's UserId column (or of the meeting in its MeetingId column).</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyMeasurable", DefaultParameterSetName = ListOwner.ByMeetingSet)]
[OutputType(typeof(Measurable), typeof(Metric))]
public sealed class GetBloomyMeasurableCommand : BloomyPipelineCmdlet
{
    // The object set is the default: PowerShell binds pipeline input to the default set first, and a
    // meeting object cannot bind in a default set whose id parameter binds by property name.
    /// <summary>
    /// <para type="description">A meeting (from Get-BloomyMeeting) whose measurables to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByMeetingSet)]
    [ValidateNotNull]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of meetings whose measurables to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByMeetingIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] MeetingId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose measurables to list, over GraphQL.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ListOwner.ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of users whose measurables to list, over GraphQL.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] UserId { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The ids of measurables to read (over GraphQL, with notes).</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeasurableIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Lists the measurables over GraphQL with their notes, units, rules, frequency and goals (one more read per measurable).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    public SwitchParameter IncludeNotes { get; set; }

    /// <summary>
    /// <para type="description">Lists only the measurables of this frequency: Weekly, Monthly, Quarterly or Daily (the list is read over GraphQL).</para>
    /// </summary>
    [Parameter(ParameterSetName = ListOwner.ByMeetingSet)]
    [Parameter(ParameterSetName = ListOwner.ByMeetingIdSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserSet)]
    [Parameter(ParameterSetName = ListOwner.ByUserIdSet)]
    [ValidateSet("Weekly", "Monthly", "Quarterly", "Daily", IgnoreCase = true)]
    public MetricFrequency? Frequency { get; set; }

    private const string ByIdSet = "ById";

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in Id)
            {
                Queue(id, $"measurable {id}", (client, ct) => client.Metrics.GetAsync(id, ct));
            }
            return;
        }
        var includeNotes = IncludeNotes.IsPresent;
        var frequency = Frequency;
        foreach (var owner in ListOwner.FromBound(ParameterSetName, "measurables", User, UserId, Meeting, MeetingId))
        {
            var meetingId = owner.MeetingId;
            var userId = owner.UserId;
            if (includeNotes)
            {
                QueueMany(owner.Target!, owner.Label, (client, ct) => client.Metrics.ListWithNotesAsync(meetingId, userId, frequency, ct));
            }
            else if (meetingId is long meeting && frequency is null)
            {
                // The REST list, as before GraphQL: scripts that read its Measurable objects keep working.
                QueueMany(owner.Target!, owner.Label, (client, ct) => client.Meetings.GetMeasurablesAsync(meeting, ct));
            }
            else
            {
                QueueMany(owner.Target!, owner.Label, (client, ct) => client.Metrics.ListAsync(meetingId, userId, frequency, ct));
            }
        }
    }
}
