using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Meetings;

/// <summary>
/// <para type="synopsis">Deletes Level 10 meetings.</para>
/// <para type="description">Remove-BloomyMeeting deletes the meetings piped from Get-BloomyMeeting or given with -Id, concurrently (up to -ThrottleLimit at once). Only meeting objects and plain ids bind from the pipeline, so a user object can never be deleted as a meeting. Asks for confirmation unless -Confirm:$false.</para>
/// </summary>
/// <example>
///   <code>Remove-BloomyMeeting -Id 2005</code>
///   <para>Deletes one meeting, after asking.</para>
/// </example>
/// <example>
///   <code>Get-BloomyMeeting | Where-Object Name -like 'Test*' | Remove-BloomyMeeting -WhatIf</code>
///   <para>Shows which of your test meetings would be deleted, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.Remove, "BloomyMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(void))]
public sealed class RemoveBloomyMeetingCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Meetings (from Get-BloomyMeeting) to delete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Meeting))]
    public Meeting? Meeting { get; set; }

    /// <summary>
    /// <para type="description">The ids of the meetings to delete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [MeetingIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("meeting", Id, ParameterSetName == ByObjectSet ? (Meeting!, Meeting!.Id, Meeting.Name) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Delete")) return;
        QueueAction(target, description, (client, ct) => client.Meetings.DeleteAsync(id, ct));
    }
}
