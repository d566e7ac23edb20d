using System.Management.Automation;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Changes the title or due date of to-dos.</para>
/// <para type="description">Set-BloomyTodo renames to-dos (-Title) or moves their due date (-DueDate). Pipe to-dos from Get-BloomyTodo, or give their ids with -Id; only to-do objects bind from the pipeline, so a user or meeting object can never be taken for a to-do. At least one of -Title and -DueDate is required. With -PassThru, returns each to-do as it is after the change.</para>
/// </summary>
/// <example>
///   <code>Set-BloomyTodo -Id 5001 -DueDate 2026-12-15</code>
///   <para>Moves a to-do's due date.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo | Where-Object DueDate -lt (Get-Date) | Set-BloomyTodo -DueDate (Get-Date).AddDays(7) -PassThru</code>
///   <para>Gives every overdue to-do another week.</para>
/// </example>
[Cmdlet(VerbsCommon.Set, "BloomyTodo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Todo))]
public sealed class SetBloomyTodoCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">To-dos (from Get-BloomyTodo) to change.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Todo))]
    public Todo? Todo { get; set; }

    /// <summary>
    /// <para type="description">The new title.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateNotBlank]
    public string? Title { get; set; }

    /// <summary>
    /// <para type="description">The new due date.</para>
    /// </summary>
    [Parameter]
    [DateTransformation]
    public DateTime? DueDate { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed to-do.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && DueDate is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one field must be provided: give -Title or -DueDate."),
                "Bloomy.Validation", ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    /// <summary>
    /// <para type="description">The ids of the to-dos to change. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("to-do", Id, ParameterSetName == ByObjectSet ? (Todo!, Todo!.Id, null) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Update")) return;
        string? title = Title;
        DateTime? dueDate = DueDate;
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => client.Todos.SendUpdateAsync(id, title, dueDate, ct), (client, ct) => client.Todos.GetAsync(id, ct));
    }
}
