using System.Globalization;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Completion;

/// <summary>Completes user ids with the organisation's users, listed by name and matched by name or e-mail.</summary>
public sealed class UserIdCompleter : ApiListCompleter<User>
{
    private protected override ExpiringCache<User> ListOf(BloomyConnection connection) => connection.Users;

    private protected override long IdOf(User item) => item.Id;

    private protected override string NameOf(User item) => item.Name;

    private protected override string? AlsoMatchOf(User item) => item.Email;

    private protected override string ToolTipOf(User item) =>
        string.Format(CultureInfo.CurrentCulture, "User {0}: {1}{2}", item.Id, item.Name,
            string.IsNullOrEmpty(item.Email) ? "" : $" <{item.Email}>");
}

/// <summary>
/// Put on every user id parameter (<c>-UserId</c>, <c>-OwnerId</c>…): Tab offers the users of the connection in use.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UserIdCompletionAttribute : System.Management.Automation.ArgumentCompleterAttribute
{
    /// <summary>Completes with <see cref="UserIdCompleter"/>.</summary>
    public UserIdCompletionAttribute() : base(typeof(UserIdCompleter))
    {
    }
}
