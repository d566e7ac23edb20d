using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>User operations: details, direct reports, positions, search and the organisation's user list.</summary>
public sealed class UsersClient : ResourceClient
{
    internal UsersClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Gets a user (<c>GET users/{id}</c>), optionally with direct reports and positions (fetched concurrently).</summary>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="includeDirectReports">Also fetch the user's direct reports.</param>
    /// <param name="includePositions">Also fetch the user's positions (accountability-chart seats).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<User> GetAsync(long? userId = null, bool includeDirectReports = false, bool includePositions = false,
        CancellationToken cancellationToken = default) =>
        GetAsync(new UserQuery { UserId = userId, IncludeDirectReports = includeDirectReports, IncludePositions = includePositions },
            cancellationToken);

    /// <summary>Gets a user as <see cref="GetAsync(long?, bool, bool, CancellationToken)"/> does, the options given as one query.</summary>
    /// <param name="query">Which user, and whether to fetch their direct reports and positions too.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The user id is not positive.</exception>
    public Task<User> GetAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query, nameof(query));
        Guard.OptionalId(query.UserId, "userId");
        // Read now: the query is the caller's object and may change while the request runs.
        var (userId, includeDirectReports, includePositions) = (query.UserId, query.IncludeDirectReports, query.IncludePositions);
        return RunAsync();

        async Task<User> RunAsync()
        {
            var id = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var dto = await GetAsync(Routes.User(id), Json.UserDto, cancellationToken).ConfigureAwait(false);
            var reports = includeDirectReports ? DirectReportsAsync(id, cancellationToken) : null;
            var positions = includePositions ? PositionsAsync(id, cancellationToken) : null;
            var pending = new List<Task>(2);
            if (reports is not null)
            {
                pending.Add(reports);
            }

            if (positions is not null)
            {
                pending.Add(positions);
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
            return Mapper.ToUser(
                dto,
                directReports: reports is null ? null : await reports.ConfigureAwait(false),
                positions: positions is null ? null : await positions.ConfigureAwait(false));
        }
    }

    /// <summary>Gets a user's direct reports (<c>GET users/{id}/directreports</c>).</summary>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The direct reports.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<IReadOnlyList<User>> GetDirectReportsAsync(long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.OptionalId(userId, nameof(userId));
        return WithUserAsync(userId, DirectReportsAsync, cancellationToken);
    }

    /// <summary>Gets a user's positions (<c>GET users/{id}/seats</c>).</summary>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The positions.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<IReadOnlyList<UserPosition>> GetPositionsAsync(long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.OptionalId(userId, nameof(userId));
        return WithUserAsync(userId, PositionsAsync, cancellationToken);
    }

    /// <summary>Searches users by name or e-mail (<c>GET search/user?term=...</c>).</summary>
    /// <param name="term">The search text (sent form-encoded; empty is allowed).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The matching users.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="term"/> is null.</exception>
    public Task<IReadOnlyList<User>> SearchAsync(string term, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(term, nameof(term));
        return RunAsync();

        async Task<IReadOnlyList<User>> RunAsync()
        {
            var items = await GetAsync(Routes.SearchUsers(term), Json.ListSearchResultDto, cancellationToken)
                .ConfigureAwait(false);
            return Mapper.List(items, Mapper.ToUser);
        }
    }

    /// <summary>Lists the organisation's users (<c>GET search/all?term=%25</c>, users only).</summary>
    /// <param name="includePlaceholders">Keep placeholder users (those without an e-mail address).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<User>> ListAsync(bool includePlaceholders = false, CancellationToken cancellationToken = default)
    {
        var route = Routes.SearchAll();
        var results = await GetAsync(route, Json.ListSearchResultDto, cancellationToken).ConfigureAwait(false);
        var users = new List<User>();
        for (var i = 0; i < results.Count; i++)
        {
            var item = results[i];
            if (item is null)
            {
                continue;
            }

            // ResultType says what an entry is (user, team, position...); without it nothing can be kept or
            // dropped honestly, so the answer is malformed rather than "no users".
            if (item.ResultType is null)
            {
                throw Mapper.Missing("GET", route.Path, $"entry {i + 1} of {results.Count} (Id {item.Id}) has no ResultType");
            }

            if (!string.Equals(item.ResultType, "User", StringComparison.Ordinal))
            {
                continue;
            }

            if (!includePlaceholders && Mapper.IsPlaceholder(item))
            {
                continue;
            }

            users.Add(Mapper.ToUser(item));
        }

        return users;
    }

    /// <summary>
    /// Lists every user visible to the current user (<c>GET users/mineviewable</c>), the list the server itself
    /// keeps for owner pickers. Its users carry id, name and picture only (no e-mail or position, unlike
    /// <see cref="ListAsync"/>); placeholders are told by their placeholder picture.
    /// </summary>
    /// <param name="includePlaceholders">Keep placeholder users (open seats).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<User>> ListVisibleAsync(bool includePlaceholders = false, CancellationToken cancellationToken = default)
    {
        var items = await GetAsync(Routes.VisibleUsers(), Json.ListUserDto, cancellationToken).ConfigureAwait(false);
        var users = Mapper.List(items, u => Mapper.ToUser(u));
        return includePlaceholders ? users : users.Where(u => !u.IsPlaceholder).ToList();
    }

    private async Task<IReadOnlyList<T>> WithUserAsync<T>(long? userId,
        Func<long, CancellationToken, Task<IReadOnlyList<T>>> fetch, CancellationToken cancellationToken)
    {
        var id = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
        return await fetch(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<User>> DirectReportsAsync(long userId, CancellationToken cancellationToken)
    {
        var items = await GetAsync(Routes.DirectReports(userId), Json.ListUserDto, cancellationToken)
            .ConfigureAwait(false);
        return Mapper.List(items, u => Mapper.ToUser(u));
    }

    private async Task<IReadOnlyList<UserPosition>> PositionsAsync(long userId, CancellationToken cancellationToken)
    {
        var route = Routes.Positions(userId);
        var seats = await GetAsync(route, Json.ListSeatDto, cancellationToken).ConfigureAwait(false);
        return Mapper.ToPositions(seats, route.Path);
    }
}
