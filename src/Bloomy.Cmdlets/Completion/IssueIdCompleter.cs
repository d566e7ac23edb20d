using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes issue ids with the current user's open issues, listed by title.</summary>
public sealed class IssueIdCompleter : ApiListCompleter<Issue>
{
    private protected override ExpiringCache<Issue> ListOf(BloomyConnection connection) => connection.Issues;

    private protected override long IdOf(Issue item) => item.Id;

    private protected override string NameOf(Issue item) => item.Title;

    private protected override string ToolTipOf(Issue item) =>
        string.Format(CultureInfo.CurrentCulture, "Issue {0}: {1}{2}", item.Id, item.Title, string.IsNullOrEmpty(item.MeetingName) ? "" : $" ({item.MeetingName})");
}

/// <summary>
/// Put on every issue id parameter (<c>-Id</c> of Get-BloomyIssue): Tab offers the current user's open issues of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class IssueIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="IssueIdCompleter"/>.</summary>
    public IssueIdCompletionAttribute() : base(typeof(IssueIdCompleter))
    {
    }
}
