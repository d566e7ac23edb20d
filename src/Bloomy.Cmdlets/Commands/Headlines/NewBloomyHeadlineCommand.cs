using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Headlines;

/// <summary>
/// <para type="synopsis">Shares headlines in meetings — one, or many from the pipeline.</para>
/// <para type="description">New-BloomyHeadline shares a headline titled -Title in meeting -MeetingId. -OwnerId makes someone else its owner (default: you) and -Notes adds notes (line breaks are kept): a headline with notes is shared over the GraphQL API, which alone writes notes (its notes pad first, then the headline, then it is read back; if the pad cannot be made, nothing is shared). Every parameter binds by property name, so rows from Import-Csv with MeetingId, Title, OwnerId (or UserId) and Notes columns share one headline each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are shared. Returns the new headlines in input order.</para>
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
public sealed class NewBloomyHeadlineCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The meeting to add the new headline to.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The title of the new headline.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The id of the owner of the new headline. Default: you, as it is when the value is an empty CSV cell.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Notes for the new headline, as plain text; line breaks are kept. Read them back with Get-BloomyHeadline -IncludeNotes.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Notes { get; set; }

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
        if (!ShouldProcess($"headline in meeting {meetingId} '{title}'", "Create")) return;

        Queue(BoundInput(), $"headline '{title}'", (client, ct) => notes is null
            ? client.Headlines.CreateAsync(meetingId, title, ownerId, null, ct)
            : client.Headlines.CreateWithNotesAsync(meetingId, title, notes, ownerId, ct));
    }
}
