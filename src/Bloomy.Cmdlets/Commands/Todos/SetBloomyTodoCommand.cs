using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands.Todos;

/// <summary>
/// <para type="synopsis">Changes to-dos: title, due date, owner, notes, or archived state.</para>
/// <para type="description">Set-BloomyTodo renames to-dos (-Title), moves their due date (-DueDate), hands them to another owner (-OwnerId), replaces their notes (-Notes; line breaks are kept) and archives them (-Archived) or restores them (-Archived:$false, the same as Restore-BloomyTodo). Pipe to-dos from Get-BloomyTodo, or give their ids with -Id; only to-do objects bind from the pipeline, so a user or meeting object can never be taken for a to-do. At least one change is required. -Title and -DueDate go over the REST API; -OwnerId, -Notes and -Archived over the GraphQL API, which alone can make those changes. When one call gives both kinds, both are made for each to-do, REST first; if either fails, one error names the to-do and says which part was applied. With -PassThru, returns each to-do as it is after the change (with its notes when -Notes, -OwnerId or -Archived was given).</para>
/// </summary>
/// <example>
///   <code>Set-BloomyTodo -Id 5001 -DueDate 2026-12-15</code>
///   <para>Moves a to-do's due date.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo | Where-Object DueDate -lt (Get-Date) | Set-BloomyTodo -DueDate (Get-Date).AddDays(7) -PassThru</code>
///   <para>Gives every overdue to-do another week.</para>
/// </example>
/// <example>
///   <code>Set-BloomyTodo -Id 5001 -OwnerId 1002 -Notes "Call first`nThen e-mail"</code>
///   <para>Hands a to-do to another owner and replaces its notes with two lines.</para>
/// </example>
/// <example>
///   <code>Get-BloomyTodo -IncludeClosed | Where-Object Complete | Set-BloomyTodo -Archived</code>
///   <para>Archives your completed to-dos.</para>
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
    /// <para type="description">The id of the new owner (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, long.MaxValue)]
    [Alias("UserId")]
    [UserIdCompletion]
    [IdTransformation]
    public long? OwnerId { get; set; }

    /// <summary>
    /// <para type="description">The new notes, as plain text; line breaks are kept. They replace the old notes (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public string? Notes { get; set; }

    /// <summary>
    /// <para type="description">-Archived archives the to-dos; -Archived:$false restores archived to-dos (sent over GraphQL).</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Archived { get; set; }

    /// <summary>
    /// <para type="description">Returns each changed to-do.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (Title is null && DueDate is null && !UsesGraphQL)
        {
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("At least one field must be provided: give -Title, -DueDate, -OwnerId, -Notes or -Archived."),
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
    [TodoIdCompletion]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <inheritdoc />
    protected override void ProcessRecord() =>
        ForEachItem("to-do", Id, ParameterSetName == ByObjectSet ? (Todo!, Todo!.Id, null) : null, Act);

    private bool ArchivedGiven => MyInvocation.BoundParameters.ContainsKey(nameof(Archived));

    // -OwnerId, -Notes and -Archived exist only over GraphQL (bloom-api-extras.md §13).
    private bool UsesGraphQL => OwnerId is not null || Notes is not null || ArchivedGiven;

    /// <summary>Asks ShouldProcess for one item and, if allowed, queues the work on it.</summary>
    private void Act(object target, long id, string description)
    {
        if (!ShouldProcess(description, "Update")) return;
        string? title = Title;
        DateTime? dueDate = DueDate;
        if (!UsesGraphQL)
        {
            QueueChange(PassThru.IsPresent, target, description, "was changed",
                (client, ct) => client.Todos.SendUpdateAsync(id, title, dueDate, ct), (client, ct) => client.Todos.GetAsync(id, ct));
            return;
        }
        var change = new TodoChange { OwnerId = OwnerId, Notes = Notes, Archived = ArchivedGiven ? Archived.IsPresent : null };
        QueueChange(PassThru.IsPresent, target, description, "was changed",
            (client, ct) => ApplyAsync(client, id, description, title, dueDate, change, ct), (client, ct) => client.Todos.GetWithNotesAsync(id, ct));
    }

    /// <summary>The REST part (title, due date) first, then the GraphQL part; a failure of the second says the first was applied.</summary>
    private static async Task ApplyAsync(BloomyClient client, long id, string description, string? title, DateTime? dueDate,
        TodoChange change, CancellationToken ct)
    {
        if (title is null && dueDate is null)
        {
            await client.Todos.SendChangeAsync(id, change, ct).ConfigureAwait(false);
            return;
        }
        await client.Todos.SendUpdateAsync(id, title, dueDate, ct).ConfigureAwait(false);
        try
        {
            await client.Todos.SendChangeAsync(id, change, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new PartlyAppliedException(
                $"{description}: the {Describe(title, dueDate)} was changed, but {DescribeGraphQL(change)} failed: {ex.Message}", ex);
        }
    }

    private static string Describe(string? title, DateTime? dueDate) =>
        title is not null && dueDate is not null ? "title and due date" : title is not null ? "title" : "due date";

    private static string DescribeGraphQL(TodoChange change)
    {
        var parts = new List<string>();
        if (change.OwnerId is not null) parts.Add("the owner change");
        if (change.Notes is not null) parts.Add("the notes");
        if (change.Archived is bool archive) parts.Add(archive ? "archiving" : "restoring");
        return string.Join(" and ", parts);
    }
}
