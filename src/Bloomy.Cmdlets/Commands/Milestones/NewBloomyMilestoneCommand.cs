using System.Globalization;
using System.Management.Automation;
using Bloomy.Cmdlets.Completion;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Milestones;

/// <summary>
/// <para type="synopsis">Adds milestones to goals (rocks).</para>
/// <para type="description">New-BloomyMilestone adds a milestone titled -Title, due -DueDate, to goal -GoalId; -Completed adds it already done. A date without a time means that day (00:00 UTC). Every parameter binds by property name, so rows from Import-Csv with GoalId, Title, DueDate and optionally Completed (true/false, yes/no, 1/0; blank = false) columns add one milestone each, concurrently (up to -ThrottleLimit at once); a bad row becomes one error record naming it while the others are added. Returns the created milestones in input order, as the server reads them back.</para>
/// </summary>
/// <example>
///   <code>New-BloomyMilestone -GoalId 6001 -Title 'Draft spec' -DueDate 2026-10-30</code>
///   <para>Adds a milestone due on 30 October 2026 to goal 6001.</para>
/// </example>
/// <example>
///   <code>Get-BloomyGoal -MeetingId 2001 | New-BloomyMilestone -Title 'Mid-quarter review' -DueDate 2026-11-15</code>
///   <para>Adds the same milestone to every goal of meeting 2001. A piped goal gives only its id: -Title and -DueDate come from the command line.</para>
/// </example>
/// <example>
///   <code>Import-Csv milestones.csv | New-BloomyMilestone</code>
///   <para>Adds one milestone per CSV row (columns GoalId, Title, DueDate and optionally Completed).</para>
/// </example>
/// <example>
///   <code>New-BloomyMilestone -GoalId 6001 -Title 'Kick-off' -DueDate 2026-09-01 -Completed -WhatIf</code>
///   <para>Shows what would be added, without sending anything.</para>
/// </example>
[Cmdlet(VerbsCommon.New, "BloomyMilestone", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(Milestone))]
public sealed class NewBloomyMilestoneCommand : BloomyPipelineCmdlet
{
    /// <summary>
    /// <para type="description">The goal the milestone belongs to. Not needed for goals piped from Get-BloomyGoal.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    [GoalIdCompletion]
    [IdTransformation(ReportedByRow = true, Required = true)]
    public long? GoalId { get; set; }

    /// <summary>
    /// <para type="description">The milestone's title.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    [Alias("Name")]
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// <para type="description">When the milestone is due (required). A date without a time means that day (00:00 UTC).</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [DateTransformation(ReportedByRow = true)]
    public DateTime? DueDate { get; set; }

    /// <summary>
    /// <para type="description">Adds the milestone already completed. A CSV row says so with a Completed column (true/false, yes/no, 1/0).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Completed { get; set; }

    /// <summary>
    /// <para type="description">The pipeline row itself (such as a CSV row), kept so that a column that cannot be used, such as a DueDate that is not a date, is reported rather than silently left out.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    // Parameters given on the command line, as opposed to bound from each piped object.
    private HashSet<string> _fromCommandLine = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _fromCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        long? goalId = GoalId;
        if (InputObject?.BaseObject is Goal goal)
        {
            // A goal's own Title and DueDate bind by property name too; they are the goal's, not the milestone's.
            if (!_fromCommandLine.Contains(nameof(Title)) || !_fromCommandLine.Contains(nameof(DueDate)))
            {
                QueueFailure(goal, $"goal {goal.Id}", new PSArgumentException(
                    "A piped goal gives only the goal: give the milestone's -Title and -DueDate on the command line."));
                return;
            }
            goalId = goal.Id;
        }
        if (RejectUnusableCells(InputObject, nameof(GoalId), nameof(DueDate))) return;
        if (goalId is not long id)
        {
            QueueFailure(InputObject ?? BoundInput(), "Input row", new PSArgumentException("A milestone needs a goal: give -GoalId, a GoalId column, or pipe goals from Get-BloomyGoal."));
            return;
        }
        if (DueDate is not DateTime due)
        {
            QueueFailure(InputObject ?? BoundInput(), "Input row", new PSArgumentException("A milestone needs a due date: give -DueDate, or a DueDate column."));
            return;
        }
        if (!TryReadCompleted(out var completed, out var problem))
        {
            QueueFailure(InputObject, "Input row", new PSArgumentException(problem));
            return;
        }
        string title = Title;
        var dueDate = MilestoneDates.ToUtc(due);
        var when = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!ShouldProcess($"milestone of goal {id} '{title}' due {when}" + (completed ? " (completed)" : ""), "Create")) return;

        Queue(BoundInput(), $"milestone '{title}'", (client, ct) => client.Milestones.CreateAsync(id, title, dueDate, completed, ct));
    }

    // -Completed, or the Completed cell of a piped row: PowerShell would refuse the text "false" for a switch, and read
    // any other text as true, so the row's cell is read here.
    private bool TryReadCompleted(out bool completed, out string problem)
    {
        completed = Completed.IsPresent;
        problem = "";
        if (completed || InputObject?.Properties["Completed"]?.Value is not { } cell) return true;
        var raw = cell is PSObject wrapped ? wrapped.BaseObject : cell;
        switch (raw)
        {
            case bool b:
                completed = b;
                return true;
            case string text:
                switch (text.Trim().ToUpperInvariant())
                {
                    case "": case "FALSE": case "NO": case "0": case "$FALSE": return true;
                    case "TRUE": case "YES": case "1": case "$TRUE": completed = true; return true;
                }
                break;
        }
        problem = $"Completed '{raw}' cannot be used: give true or false (yes/no, 1/0).";
        return false;
    }
}
