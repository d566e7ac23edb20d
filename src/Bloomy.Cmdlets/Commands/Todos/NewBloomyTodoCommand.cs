using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Creates to-dos, personal or in a meeting — one, or many from the pipeline.</para>
/// <para type="description">New-BloomyTodo creates a to-do titled -Title. With -MeetingId it is a meeting to-do, otherwise a personal one. -OwnerId (alias -UserId) makes someone else accountable (default: you), -DueDate sets the due date (default: the server's, a week from now) and -Notes adds notes (line breaks are kept): a to-do with notes is created over the GraphQL API, which alone writes notes (its notes pad first, then the to-do; if the pad cannot be made, nothing is created). Every parameter binds by property name, so rows from Import-Csv with Title, MeetingId, DueDate, OwnerId (or UserId) and Notes columns create one to-do each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are created. Returns the created to-dos in input order.</para>
/// </summary>
/// <example>
///   <code>New-BloomyTodo -Title 'Send Q3 plan' -MeetingId 2001 -DueDate 2026-12-01</code>
///   <para>Creates a to-do in meeting 2001, due on 1 December.</para>
/// </example>
/// <example>
///   <code>Import-Csv todos.csv | New-BloomyTodo -ThrottleLimit 10</code>
///   <para>Creates one to-do per CSV row, ten at a time.</para>
/// </example>
/// <example>
///   <code>[pscustomobject]@{ Title = 'Call Ada'; MeetingId = 2001; DueDate = '2026-12-01' } | New-BloomyTodo -WhatIf</code>
///   <para>Shows what would be created, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyTodo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Todo))]
public sealed class NewBloomyTodoCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The to-do's title.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The meeting the to-do belongs to; omit it for a personal to-do.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? MeetingId { get; set; }

    /// <summary>
    /// <para type="description">When the to-do is due. Default: the server's (a week from now).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [DateTransformation(ReportedByRow = true)]
    public DateTime? DueDate { get; set; }

    /// <summary>
    /// <para type="description">The accountable user's id. Default: you.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "AccountableUserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Notes for the to-do, as plain text; line breaks are kept. Read them back with Get-BloomyTodo -IncludeNotes.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a DueDate that is not a date, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (RejectUnusableCells(InputObject, nameof(DueDate), nameof(MeetingId), nameof(OwnerId))) return;
        string title = Title;
        long? meetingId = MeetingId, ownerId = OwnerId;
        DateTime? dueDate = DueDate;
        string? notes = string.IsNullOrEmpty(Notes) ? null : Notes;
        var where = meetingId is null ? "personal to-do" : $"to-do in meeting {meetingId}";
        if (!ShouldProcess($"{where} '{title}'", "Create")) return;

        Queue(BoundInput(), $"to-do '{title}'",
            (client, ct) => notes is null
                ? client.Todos.CreateAsync(title, meetingId, dueDate, ownerId, null, ct)
                : client.Todos.CreateWithNotesAsync(title, notes, meetingId, dueDate, ownerId, ct));
    }
}
