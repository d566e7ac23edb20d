using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Marks to-dos as done.</para>
/// <para type="description">Complete-BloomyTodo completes the to-dos piped from Get-BloomyTodo or given with -Id, concurrently (up to -ThrottleLimit at once). Only to-do objects bind from the pipeline, so a user or meeting object can never be completed by mistake. With -PassThru, returns each completed to-do.</para>
/// </summary>
/// <example>
///   <code>Complete-BloomyTodo -Id 5001</code>
///   <para>Completes one to-do.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo | Complete-BloomyTodo -WhatIf</code>
///   <para>Shows which of your to-dos would be completed, without sending anything.</para>
/// </example>
[Cmdlet(VerbsLifecycle.Complete, "BloomyTodo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Todo))]
public sealed class CompleteBloomyTodoCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">To-dos (from Get-BloomyTodo) to complete.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    [RowAsItem(typeof(Todo))]
    public Todo? Todo { get; set; }

    /// <summary>
    /// <para type="description">Returns each completed to-do.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the to-dos to complete. Plain ids can be piped too.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1, long.MaxValue)]
    [IdTransformation(IsList = true)]
    [TodoIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("to-do", Id, ParameterSetName == ByObjectSet ? (Todo!, Todo!.Id, Todo.Title) : null, Act);

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Complete")) return;
        QueueChange(PassThru.IsPresent, target, description, "was completed",
            (client, ct) => client.Todos.SendCompleteAsync(id, ct), (client, ct) => client.Todos.GetAsync(id, ct));
    }
}
