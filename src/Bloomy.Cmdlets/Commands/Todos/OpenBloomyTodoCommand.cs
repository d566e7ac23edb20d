using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Reopens completed to-dos.</para>
/// <para type="description">Open-BloomyTodo marks as not done the to-dos piped from Get-BloomyTodo -IncludeClosed or given with -Id, concurrently (up to -ThrottleLimit at once): the opposite of Complete-BloomyTodo. Only to-do objects bind from the pipeline, so a user or meeting object can never be reopened by mistake. With -PassThru, returns each reopened to-do as the server reports it afterwards.</para>
/// </summary>
/// <example>
///   <code>Open-BloomyTodo -Id 5003</code>
///   <para>Reopens one to-do.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo -IncludeClosed | Where-Object Complete | Open-BloomyTodo -WhatIf</code>
///   <para>Shows which of your completed to-dos would be reopened, without sending anything.</para>
/// </example>
/// <example>
///   <code>Complete-BloomyTodo -Id 5001; Open-BloomyTodo -Id 5001 -PassThru</code>
///   <para>Undoes a completion and returns the to-do, open again.</para>
/// </example>
[Cmdlet(VerbsCommon.Open, "BloomyTodo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(Todo))]
public sealed class OpenBloomyTodoCommand : BloomyPipelineCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByObjectSet = "ByObject";

    /// <summary>
    /// <para type="description">To-dos (from Get-BloomyTodo) to reopen.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByObjectSet)]
    [ValidateNotNull]
    public Todo? Todo { get; set; }

    /// <summary>
    /// <para type="description">Returns each reopened to-do.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// <para type="description">The ids of the to-dos to reopen. Plain ids can be piped too.</para>
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
        if (!ShouldProcess(description, "Reopen")) return;
        QueueChange(PassThru.IsPresent, target, description, "was reopened",
            (client, ct) => client.Todos.SendReopenAsync(id, ct), (client, ct) => client.Todos.GetAsync(id, ct));
    }
}
