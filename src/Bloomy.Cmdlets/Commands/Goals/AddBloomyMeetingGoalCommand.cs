using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Attaches existing goals (rocks) to a Level 10 meeting. Preview.</para>
/// <para type="description">Add-BloomyMeetingGoal attaches goals to the meeting given with -MeetingId: goals piped from Get-BloomyGoal (or New-BloomyGoal without -MeetingId, which makes a goal attached to no meeting), or goal ids given with -Id. Only goal objects bind from the pipeline, so a user or meeting object can never be attached by mistake. Goals are attached concurrently, up to -ThrottleLimit at once. With -PassThru, returns each goal as the server reports it afterwards. Preview: the route (POST L10/{meetingId}/rocks/{goalId}) comes from the server's source and no recorded answer; check the result in Bloom Growth before relying on it.</para>
/// </summary>
/// <example>
///   <code>New-BloomyGoal -Title 'Hire 3 AEs' | Add-BloomyMeetingGoal -MeetingId 2001 -PassThru</code>
///   <para>Creates a goal without a meeting, then attaches it to meeting 2001 and returns it.</para>
/// </example>
/// <example>
///   <code>Add-BloomyMeetingGoal -MeetingId 2002 -Id 6001, 6002 -WhatIf</code>
///   <para>Shows which goals would be attached to meeting 2002, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Add, "BloomyMeetingGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(Goal))]
public sealed class AddBloomyMeetingGoalCommand : BloomyPipelineCmdlet
{
    private const string ByObjectSet = "ByObject";
    private const string ByIdSet = "ById";

    /// <summary>
    /// <para type="description">The id of the meeting to attach the goals to.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The ids of the goals to attach.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">A goal (from Get-BloomyGoal or New-BloomyGoal) to attach.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    public Goal? Goal { get; set; }

    /// <summary>
    /// <para type="description">Returns each goal after it was attached, read back from the server.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByObjectSet)
        {
            Attach(Goal!, Goal!.Id, $"goal {Goal.Id} '{Goal.Title}'");
            return;
        }
        foreach (var id in Id) Attach(id, id, $"goal {id}");
    }

    private void Attach(object target, long goalId, string description)
    {
        var meetingId = MeetingId;
        if (!ShouldProcess(description, $"Attach to meeting {meetingId}")) return;
        QueueChange(PassThru.IsPresent, target, description, $"was attached to meeting {meetingId}",
            (client, ct) => client.Goals.AttachToMeetingAsync(meetingId, goalId, ct),
            (client, ct) => client.Goals.GetAsync(goalId, ct));
    }
}
