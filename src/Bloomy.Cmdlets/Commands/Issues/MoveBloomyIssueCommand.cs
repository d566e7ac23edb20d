using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Moves issues to another meeting.</para>
/// <para type="description">Move-BloomyIssue moves the issues piped from Get-BloomyIssue, or given with -Id, to the meeting -MeetingId names (over GraphQL; REST cannot move an issue). Rows with Id and MeetingId columns (such as a CSV file) move each issue to its own row's meeting. Only issue objects bind as issues, so a meeting object can never be moved by mistake; an issue object's own MeetingId (where it is now) is never taken as the destination. Issues are moved concurrently, up to -ThrottleLimit at once. With -PassThru, returns each issue as it is after the move.</para>
/// </summary>
/// <example>
///   <code>Move-BloomyIssue -Id 3001 -MeetingId 2002</code>
///   <para>Moves one issue to meeting 2002.</para>
/// </example>
/// <example>
///   <code>Get-BloomyIssue -MeetingId 2001 | Where-Object Title -like '*hiring*' | Move-BloomyIssue -MeetingId 2002 -WhatIf</code>
///   <para>Shows which issues of meeting 2001 would move to meeting 2002, without moving anything.</para>
/// </example>
/// <example>
///   <code>Import-Csv moves.csv | Move-BloomyIssue -PassThru</code>
///   <para>Moves each issue of a CSV file with Id and MeetingId columns to its meeting and returns the moved issues.</para>
/// </example>
[Cmdlet(VerbsCommon.Move, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Issue))]
public sealed class MoveBloomyIssueCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">Issues (from Get-BloomyIssue) to move.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    public Issue? Issue { get; set; }

    /// <summary>
    /// <para type="description">The ids of the issues to move. Plain ids can be piped too, and rows with an Id column.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IssueIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// <para type="description">The meeting to move the issues to. Rows given by id may carry it in a MeetingId column.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByObjectSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">Returns each moved issue.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The pipeline item itself, kept to tell a row from an issue object: an issue's own MeetingId is where it is now, never where to move it.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true, ParameterSetName = ByIdSet)]
    public PSObject? InputObject { get; set; }

    private bool _meetingOnCommandLine;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Only command-line values are bound before the pipeline starts.
        _meetingOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(MeetingId));
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet && !_meetingOnCommandLine && InputObject?.BaseObject is Issue issue)
        {
            QueueFailure(issue, $"issue {issue.Id}", new PSArgumentException(
                $"Give -MeetingId to move issue {issue.Id}: an issue's own MeetingId ({issue.MeetingId}) is the meeting it is in now, not where to move it."));
            return;
        }
        ForEachItem("issue", Id, ParameterSetName == ByObjectSet ? (Issue!, Issue!.Id, Issue.Title) : null, Act);
    }

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        long meetingId = MeetingId;
        if (!ShouldProcess(description, $"Move to meeting {meetingId}")) return;
        var change = new IssueChange { MeetingId = meetingId };
        QueueChange(PassThru.IsPresent, target, description, $"was moved to meeting {meetingId}",
            (client, ct) => client.Issues.SendEditAsync(id, change, ct), (client, ct) => client.Issues.GetDetailsAsync(id, ct));
    }
}
