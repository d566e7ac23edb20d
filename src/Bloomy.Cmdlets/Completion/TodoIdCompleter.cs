using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes to-do ids with the current user's open to-dos, listed by title.</summary>
public sealed class TodoIdCompleter : ApiListCompleter<Todo>
{
    private protected override ExpiringCache<Todo> ListOf(BloomyConnection connection) => connection.Todos;

    private protected override long IdOf(Todo item) => item.Id;

    private protected override string NameOf(Todo item) => item.Title;

    private protected override string ToolTipOf(Todo item) =>
        string.Format(CultureInfo.CurrentCulture, "To-do {0}: {1}{2}", item.Id, item.Title, string.IsNullOrEmpty(item.MeetingName) ? "" : $" ({item.MeetingName})");
}

/// <summary>
/// Put on every to-do id parameter (<c>-Id</c> of Get-BloomyTodo): Tab offers the current user's open to-dos of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class TodoIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="TodoIdCompleter"/>.</summary>
    public TodoIdCompletionAttribute() : base(typeof(TodoIdCompleter))
    {
    }
}
