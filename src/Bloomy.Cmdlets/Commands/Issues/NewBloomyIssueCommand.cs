using System.Management.Automation;
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
[Cmdlet(VerbsCommon.New, "BloomyIssue", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Issue))]
public sealed class NewBloomyIssueCommand : BloomyNewMeetingItemCmdlet
{
    /// <inheritdoc />
    protected override string ItemName => "issue";

    /// <inheritdoc />
    protected override void QueueCreate(PSObject target, string label, long meetingId, string title, long? ownerId, string? notes) =>
        Queue(target, label, (client, ct) => client.Issues.CreateAsync(meetingId, title, ownerId, notes, ct));
}
