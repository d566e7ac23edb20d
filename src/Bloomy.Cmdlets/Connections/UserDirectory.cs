using Bloomy.Client;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// Fills in what a user read (<c>users/mine</c>, <c>users/{id}</c>), a meeting's attendee list and a direct-report
/// list do not return — e-mail, position, organisation — from the organisation's user list (<c>search/all</c>),
/// which the connection keeps for a minute. A user the list does not know (a placeholder) stays as read, and so
/// does everyone when the list cannot be had: the read itself succeeded.
/// </summary>
internal static class UserDirectory
{
    public static async Task<User> CompleteAsync(ExpiringCache<User> directory, User user, CancellationToken cancellationToken) =>
        (await CompleteAsync(directory, new[] { user }, cancellationToken).ConfigureAwait(false))[0];

    public static async Task<IReadOnlyList<User>> CompleteAsync(ExpiringCache<User> directory, IReadOnlyList<User> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0) return users;
        IReadOnlyList<User> known;
        try
        {
            known = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BloomyException)
        {
            return users;
        }
        var byId = new Dictionary<long, User>();
        foreach (var entry in known) byId[entry.Id] = entry;
        return users.Select(user => Complete(user, byId)).ToList();
    }

    private static User Complete(User user, Dictionary<long, User> byId)
    {
        byId.TryGetValue(user.Id, out var listed);
        var reports = user.DirectReports?.Select(report => Complete(report, byId)).ToList();
        if (listed is null && reports is null) return user;
        return new User
        {
            Id = user.Id,
            Name = user.Name,
            Email = user.Email ?? listed?.Email,
            Position = user.Position ?? listed?.Position,
            ImageUrl = user.ImageUrl ?? listed?.ImageUrl,
            OrganizationId = user.OrganizationId ?? listed?.OrganizationId,
            IsPlaceholder = user.IsPlaceholder,
            DirectReports = reports,
            Positions = user.Positions,
        };
    }
}
