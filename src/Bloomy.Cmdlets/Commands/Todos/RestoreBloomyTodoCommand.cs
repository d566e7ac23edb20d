using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Restores archived to-dos.</para>
/// <para type="description">Restore-BloomyTodo brings archived to-dos back to their lists (over the GraphQL API, the only one that can): pipe them from Get-BloomyTodo -MeetingId 2001 -IncludeArchived or give their ids with -Id. To-dos are restored concurrently, up to -ThrottleLimit at once. To archive to-dos, use Set-BloomyTodo -Archived. With -PassThru, returns each restored to-do.</para>
/// </summary>
/// <example>
///   <code>Restore-BloomyTodo -Id 5003</code>
///   <para>Restores one archived to-do.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo -MeetingId 2001 -IncludeArchived | Where-Object Archived | Restore-BloomyTodo -PassThru</code>
///   <para>Restores every archived to-do of a meeting and returns them.</para>
/// </example>
[Cmdlet(VerbsData.Restore, "BloomyTodo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Todo))]
public sealed class RestoreBloomyTodoCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">To-dos (from Get-BloomyTodo -IncludeArchived) to restore.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Todo))]
    public Todo? Todo { get; set; }

    /// <summary>
    /// <para type="description">Returns each restored to-do.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the archived to-dos to restore. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [TodoIdCompletion]
    [IdTransformation(IsList = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("to-do", Id, ParameterSetName == ByObjectSet ? (Todo!, Todo!.Id, Todo.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Restore")) return;
        QueueChange(PassThru.IsPresent, target, description, "was restored",
            (client, ct) => client.Todos.RestoreAsync(id, ct), (client, ct) => client.Todos.GetWithNotesAsync(id, ct));
    }
}
