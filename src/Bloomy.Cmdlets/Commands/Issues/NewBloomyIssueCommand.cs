using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Issues;

/// <summary>
/// <para type="synopsis">Raises issues in meetings — one, or many from the pipeline.</para>
/// <para type="description">New-BloomyIssue raises an issue titled -Title in meeting -MeetingId. -OwnerId makes someone else its owner (default: you) and -Notes adds notes. Every parameter binds by property name, so rows from Import-Csv with MeetingId, Title, OwnerId (or UserId) and Notes columns raise one issue each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are raised. Returns the raised issues in input order.</para>
/// </summary>
/// <example>
///   <code>New-BloomyIssue -MeetingId 2001 -Title 'Hiring is slow' -Notes 'see Q3'</code>
///   <para>Raises an issue in meeting 2001, owned by you.</para>
/// </example>
/// <example>
///   <code>Import-Csv issues.csv | New-BloomyIssue -ThrottleLimit 10</code>
///   <para>Raises one issue per CSV row, ten at a time.</para>
/// </example>
/// <example>
///   <code>[pscustomobject]@{ MeetingId = 2001; Title = 'Churn is rising'; OwnerId = 1002 } | New-BloomyIssue -WhatIf</code>
///   <para>Shows what would be raised, without sending anything.</para>
/// </example>
/// <example>
///   <code>New-BloomyIssue -MeetingId 2001 -Title 'Open a second office' -LongTerm</code>
///   <para>Raises an issue straight on the meeting's long-term list (department plan).</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Issue))]
public sealed class NewBloomyIssueCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The meeting to add the new issue to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The title of the new issue.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the owner of the new issue. Default: you, as it is when the value is an empty CSV cell.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Notes for the new issue.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">Creates the issue on the meeting's long-term list (the department plan), over GraphQL; notes then keep their line breaks as a notes pad.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter LongTerm { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a MeetingId that is not an id, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(InputObject, nameof(MeetingId), nameof(OwnerId))) return;
        long meetingId = MeetingId;
        string title = Title;
        long? ownerId = OwnerId;
        string? notes = string.IsNullOrEmpty(Notes) ? null : Notes;
        if (!ShouldProcess($"issue in meeting {meetingId} '{title}'", "Create")) return;

        if (LongTerm.IsPresent)
        {
            Queue(BoundInput(), $"long-term issue '{title}'", (client, ct) => client.Issues.CreateOverGraphQLAsync(meetingId, title, true, ownerId, notes, ct));
            return;
        }
        Queue(BoundInput(), $"issue '{title}'", (client, ct) => client.Issues.CreateAsync(meetingId, title, ownerId, notes, ct));
    }
}
