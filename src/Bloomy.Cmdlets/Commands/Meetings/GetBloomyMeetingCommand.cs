using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Meetings;

/// <summary>
/// <para type="synopsis">Gets Level 10 meetings: a user's meetings, or meetings by id with their details.</para>
/// <para type="description">Without parameters Get-BloomyMeeting lists the meetings the current user attends; -Visible lists every meeting you can see, including those you do not attend (GET L10/list: an administrator sees more than their own meetings); -UserId, or user objects from Get-BloomyUser on the pipeline, list other users' meetings. -Id gets meetings by id; with -Detailed each meeting also carries its attendees, issues, to-dos and measurables, fetched concurrently. Pipeline input is processed concurrently, up to -ThrottleLimit items at once, and comes out in input order.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyMeeting</code>
///   <para>Lists your meetings.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting -Visible</code>
///   <para>Lists every meeting you can see, attended or not.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting -Visible | Where-Object Id -notin (Get-BloomyMeeting).Id</code>
///   <para>Lists the meetings you can see but do not attend.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting -Id 2001 -Detailed</code>
///   <para>Gets one meeting with its attendees, open issues, open to-dos and measurables.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Get-BloomyTodo</code>
///   <para>Lists the open to-dos of each of your meetings.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyMeeting", DefaultParameterSetName = MineSet)]
[OutputType(typeof(Meeting), typeof(MeetingDetails))]
public sealed class GetBloomyMeetingCommand : BloomyPipelineCmdlet
{
    private const string MineSet = "Mine";
    private const string ByUserSet = "ByUser";
    private const string ByIdSet = "ById";
    private const string VisibleSet = "Visible";

    /// <summary>
    /// <para type="description">Lists the meetings this user attends instead of your own.</para>
    /// </summary>
    [Parameter(ParameterSetName = MineSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [UserIdCompletion]
    [IdTransformation]
    public long? UserId { get; set; }

    /// <summary>
    /// <para type="description">A user (from Get-BloomyUser) whose meetings to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByUserSet)]
    [ValidateNotNull]
    public User? User { get; set; }

    /// <summary>
    /// <para type="description">The ids of the meetings to get.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">Lists every meeting you can see, including those you do not attend, instead of only the meetings you attend.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = VisibleSet)]
    public SwitchParameter Visible { get; set; }

    /// <summary>
    /// <para type="description">Adds attendees, issues, to-dos and measurables to each meeting (five requests per meeting, four of them concurrent).</para>
    /// </summary>
    [Parameter(ParameterSetName = ByIdSet)]
    public SwitchParameter Detailed { get; set; }

    /// <summary>
    /// <para type="description">With -Detailed, includes solved issues and completed to-dos.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByIdSet)]
    public SwitchParameter IncludeClosed { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                var includeClosed = IncludeClosed.IsPresent;
                foreach (var id in Id)
                {
                    if (Detailed.IsPresent)
                    {
                        Queue(id, $"meeting {id}", (client, ct) => client.Meetings.GetDetailsAsync(id, includeClosed, ct));
                    }
                    else
                    {
                        Queue(id, $"meeting {id}", (client, ct) => client.Meetings.GetAsync(id, ct));
                    }
                }
                break;
            case ByUserSet:
                var user = User!;
                QueueMany(user, $"meetings of user {user.Id}", (client, ct) => client.Meetings.ListAsync(user.Id, ct));
                break;
            case VisibleSet:
                QueueMany(null, "the meetings you can see", (client, ct) => client.Meetings.ListVisibleAsync(ct));
                break;
            default:
                var userId = UserId;
                QueueMany(userId, userId is null ? "your meetings" : $"meetings of user {userId}",
                    (client, ct) => client.Meetings.ListAsync(userId, ct));
                break;
        }
    }
}
