using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes goal ids with the current user's goals, listed by title.</summary>
public sealed class GoalIdCompleter : ApiListCompleter<Goal>
{
    private protected override ExpiringCache<Goal> ListOf(BloomyConnection connection) => connection.Goals;

    private protected override long IdOf(Goal item) => item.Id;

    private protected override string NameOf(Goal item) => item.Title;

    private protected override string ToolTipOf(Goal item) =>
        string.Format(CultureInfo.CurrentCulture, "Goal {0}: {1}{2}", item.Id, item.Title, string.IsNullOrEmpty(item.Status) ? "" : $" [{item.Status}]");
}

/// <summary>
/// Put on every goal id parameter (<c>-Id</c> of Get-BloomyGoal): Tab offers the current user's goals of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class GoalIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="GoalIdCompleter"/>.</summary>
    public GoalIdCompletionAttribute() : base(typeof(GoalIdCompleter))
    {
    }
}
