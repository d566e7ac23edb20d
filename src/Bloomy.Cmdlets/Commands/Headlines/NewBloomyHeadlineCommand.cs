using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Shares headlines in meetings — one, or many from the pipeline.</para>
/// <para type="description">New-BloomyHeadline shares a headline titled -Title in meeting -MeetingId. -OwnerId makes someone else its owner (default: you) and -Notes adds notes. Every parameter binds by property name, so rows from Import-Csv with MeetingId, Title, OwnerId (or UserId) and Notes columns share one headline each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are shared. Returns the new headlines in input order.</para>
/// </summary>
/// <example>
///   <code>New-BloomyHeadline -MeetingId 2001 -Title 'Closed our biggest deal'</code>
///   <para>Shares a headline in meeting 2001, owned by you.</para>
/// </example>
/// <example>
///   <code>Import-Csv headlines.csv | New-BloomyHeadline</code>
///   <para>Shares one headline per CSV row.</para>
/// </example>
/// <example>
///   <code>[pscustomobject]@{ MeetingId = 2001; Title = 'New hire starts Monday'; OwnerId = 1002 } | New-BloomyHeadline -WhatIf</code>
///   <para>Shows what would be shared, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyHeadline", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Headline))]
public sealed class NewBloomyHeadlineCommand : BloomyNewMeetingItemCmdlet
{
    /// <inheritdoc />
    protected override string ItemName => "headline";

    /// <inheritdoc />
    protected override void QueueCreate(PSObject target, string label, long meetingId, string title, long? ownerId, string? notes) =>
        Queue(target, label, (client, ct) => client.Headlines.CreateAsync(meetingId, title, ownerId, notes, ct));
}
