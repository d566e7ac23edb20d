using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Goals;

/// <summary>
/// <para type="synopsis">Creates goals (rocks) in a meeting, or outside any meeting (preview).</para>
/// <para type="description">New-BloomyGoal creates a goal titled -Title in meeting -MeetingId, owned by -OwnerId (alias -UserId; default: you). Without -MeetingId (or with an empty MeetingId cell) the goal belongs to no meeting (POST rocks/create); that route is a preview, known from one old integration only, so check the result in the web application. Every parameter binds by property name, so rows from Import-Csv with Title, MeetingId and OwnerId (or UserId) columns create one goal each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are created. -Notes (or a Notes column) sets the goal's notes after it is created (over GraphQL; multi-line text keeps its lines); if that fails, the error says the goal was created. Returns the created goals in input order.</para>
/// </summary>
/// <example>
///   <code>New-BloomyGoal -Title 'Launch v2 pricing' -MeetingId 2001</code>
///   <para>Creates a goal for you in meeting 2001.</para>
/// </example>
/// <example>
///   <code>New-BloomyGoal -Title 'Write the handbook' -OwnerId 1002</code>
///   <para>Preview: creates a goal for user 1002 that belongs to no meeting.</para>
/// </example>
/// <example>
///   <code>Import-Csv rocks.csv | New-BloomyGoal</code>
///   <para>Creates one goal per CSV row (columns Title, MeetingId and optionally OwnerId or UserId).</para>
/// </example>
/// <example>
///   <code>New-BloomyGoal -Title 'Hire 3 AEs' -MeetingId 2001 -OwnerId 1002 -WhatIf</code>
///   <para>Shows what would be created, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyGoal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Goal))]
public sealed class NewBloomyGoalCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The goal's title.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">The meeting the goal belongs to. Without it the goal belongs to no meeting (preview: POST rocks/create).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [MeetingIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? MeetingId { get; set; }

    /// <summary>
    /// <para type="description">The owner's (accountable user's) id. Default: you.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("UserId", "AccountableUserId")]
    [UserIdCompletion]
    [IdTransformation(ReportedByRow = true)]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">Notes for the goal (plain text; line breaks are kept). Set over GraphQL once the goal is created.</para>
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
        if (RejectUnusableCells(InputObject, nameof(MeetingId), nameof(OwnerId))) return;
        string title = Title;
        long? ownerId = OwnerId;
        string? notes = string.IsNullOrEmpty(Notes) ? null : Notes;
        if (MeetingId is not long meetingId)
        {
            if (!ShouldProcess($"goal without a meeting '{title}'", "Create")) return;
            Queue(BoundInput(), $"goal '{title}'", (client, ct) => WithNotesAsync(client, client.Goals.CreateWithoutMeetingAsync(title, ownerId, ct), notes, ct));
            return;
        }
        if (!ShouldProcess($"goal in meeting {meetingId} '{title}'", "Create")) return;

        Queue(BoundInput(), $"goal '{title}'", (client, ct) => WithNotesAsync(client, client.Goals.CreateAsync(title, meetingId, ownerId, ct), notes, ct));
    }

    // Notes go over GraphQL once the goal exists (REST has no notes for goals); a failure then says the goal was made.
    private static async Task<Goal> WithNotesAsync(Bloomy.Client.BloomyClient client, Task<Goal> create, string? notes, CancellationToken ct)
    {
        var goal = await create.ConfigureAwait(false);
        if (notes is null) return goal;
        try
        {
            await client.Goals.SetNotesAsync(goal.Id, notes, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Pipeline.ChangeAppliedException($"goal {goal.Id} '{goal.Title}' was created, but setting its notes failed: {ex.Message}", ex);
        }
        return goal.WithNotes(notes);
    }
}
