using System.Management.Automation;
using Bloomy.Client.Models;

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
public sealed class OpenBloomyTodoCommand : BloomyItemCmdlet
{
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

    /// <inheritdoc />
    protected override string ItemNoun => "to-do";

    /// <inheritdoc />
    protected override (object Item, long Id, string? Title) BoundItem => (Todo!, Todo!.Id, Todo.Title);

    /// <inheritdoc />
    protected override void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Reopen")) return;
        QueueChange(PassThru.IsPresent, target, description, "was reopened",
            (client, ct) => client.Todos.SendReopenAsync(id, ct), (client, ct) => client.Todos.GetAsync(id, ct));
    }
}
