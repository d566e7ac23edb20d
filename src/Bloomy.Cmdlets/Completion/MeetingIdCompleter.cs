using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes meeting ids with the current user's meetings, listed by name.</summary>
public sealed class MeetingIdCompleter : ApiListCompleter<Meeting>
{
    private protected override ExpiringCache<Meeting> ListOf(BloomyConnection connection) => connection.Meetings;

    private protected override long IdOf(Meeting item) => item.Id;

    private protected override string NameOf(Meeting item) => item.Name;

    private protected override string ToolTipOf(Meeting item) =>
        string.Format(CultureInfo.CurrentCulture, "Meeting {0}: {1}", item.Id, item.Name);
}

/// <summary>
/// Put on every meeting id parameter (<c>-MeetingId</c>): Tab offers the meetings of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MeetingIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="MeetingIdCompleter"/>.</summary>
    public MeetingIdCompletionAttribute() : base(typeof(MeetingIdCompleter))
    {
    }
}
