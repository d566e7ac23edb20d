using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes headline ids with the current user's headlines, listed by title.</summary>
public sealed class HeadlineIdCompleter : ApiListCompleter<Headline>
{
    private protected override ExpiringCache<Headline> ListOf(BloomyConnection connection) => connection.Headlines;

    private protected override long IdOf(Headline item) => item.Id;

    private protected override string NameOf(Headline item) => item.Title;

    private protected override string ToolTipOf(Headline item) =>
        string.Format(CultureInfo.CurrentCulture, "Headline {0}: {1}{2}", item.Id, item.Title, string.IsNullOrEmpty(item.MeetingName) ? "" : $" ({item.MeetingName})");
}

/// <summary>
/// Put on every headline id parameter (<c>-Id</c> of Get-BloomyHeadline): Tab offers the current user's headlines of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class HeadlineIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="HeadlineIdCompleter"/>.</summary>
    public HeadlineIdCompletionAttribute() : base(typeof(HeadlineIdCompleter))
    {
    }
}
