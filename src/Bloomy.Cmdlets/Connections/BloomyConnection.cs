using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Models;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// A connection to one Bloom Growth organisation, as returned by <c>Connect-Bloomy -PassThru</c> and
/// accepted by every cmdlet's <c>-Connection</c> parameter. It never exposes the API key.
/// </summary>
public sealed class BloomyConnection : IDisposable
{
    internal BloomyConnection(BloomyClient client, long userId, string userName, int defaultThrottleLimit)
    {
        Client = client;
        UserId = userId;
        UserName = userName;
        DefaultThrottleLimit = defaultThrottleLimit;
        ConnectedAt = DateTime.Now;
        Meetings = new ExpiringCache<Meeting>(ct => client.Meetings.ListAsync(null, ct), CompletionCacheLifetime);
        Users = new ExpiringCache<User>(ct => client.Users.ListAsync(false, ct), CompletionCacheLifetime);
        Todos = new ExpiringCache<Todo>(ct => client.Todos.ListAsync(cancellationToken: ct), CompletionCacheLifetime);
        Goals = new ExpiringCache<Goal>(ct => client.Goals.ListAsync(cancellationToken: ct), CompletionCacheLifetime);
        Issues = new ExpiringCache<Issue>(ct => client.Issues.ListAsync(cancellationToken: ct), CompletionCacheLifetime);
        Headlines = new ExpiringCache<Headline>(ct => client.Headlines.ListAsync(cancellationToken: ct), CompletionCacheLifetime);
        Measurables = new ExpiringCache<ScorecardItem>(async ct => OnePerMeasurable(
            await client.Scorecard.ListAsync(showEmpty: true, cancellationToken: ct).ConfigureAwait(false)), CompletionCacheLifetime);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, ExpiringCache<Milestone>> _milestones = new();

    /// <summary>The milestones of one goal, for tab completion (one cache per goal asked about).</summary>
    internal ExpiringCache<Milestone> MilestonesOf(long goalId) =>
        _milestones.GetOrAdd(goalId, id => new ExpiringCache<Milestone>(ct => Client.Milestones.ListAsync(id, ct), CompletionCacheLifetime));

    private static IReadOnlyList<ScorecardItem> OnePerMeasurable(IReadOnlyList<ScorecardItem> scores) =>
        scores.GroupBy(s => s.MeasurableId).Select(g => g.First()).ToList();

    /// <summary>How long tab completion reuses the lists it fetched.</summary>
    internal static readonly TimeSpan CompletionCacheLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The current user's meetings, for tab completion.</summary>
    internal ExpiringCache<Meeting> Meetings { get; }

    /// <summary>The organisation's users, for tab completion.</summary>
    internal ExpiringCache<User> Users { get; }

    /// <summary>The current user's open to-dos, for tab completion.</summary>
    internal ExpiringCache<Todo> Todos { get; }

    /// <summary>The current user's goals, for tab completion.</summary>
    internal ExpiringCache<Goal> Goals { get; }

    /// <summary>The current user's open issues, for tab completion.</summary>
    internal ExpiringCache<Issue> Issues { get; }

    /// <summary>The current user's headlines, for tab completion.</summary>
    internal ExpiringCache<Headline> Headlines { get; }

    /// <summary>The measurables of the current user's scorecard (one score each, for its title), for tab completion.</summary>
    internal ExpiringCache<ScorecardItem> Measurables { get; }

    internal BloomyClient Client { get; }

    /// <summary>The API's base address, e.g. https://app.bloomgrowth.com/api/v1/.</summary>
    public Uri BaseUri => Client.BaseUri;

    /// <summary>The GraphQL endpoint of the same host, e.g. https://app.bloomgrowth.com/graphql/.</summary>
    public Uri GraphQLUri => Client.GraphQLUri;

    /// <summary>The id of the user the key belongs to.</summary>
    public long UserId { get; }

    /// <summary>The name of the user the key belongs to.</summary>
    public string UserName { get; }

    /// <summary>Where the API key came from (explicit, environment, config file).</summary>
    public BloomyApiKeySource KeySource => Client.ApiKeySource;

    /// <summary>How the connection signs in: ApiKey, Credential (user name and password kept in memory), Environment (BG_API_KEY) or ConfigFile. Never the key, token or password.</summary>
    public BloomyAuthenticationMethod AuthenticatedBy => Client.AuthenticationMethod;

    /// <summary>When the current token of a Credential connection expires (local time); it is renewed shortly before. Null for an API key, whose expiry the server does not tell.</summary>
    public DateTime? TokenExpires => Client.TokenExpiresAt?.LocalDateTime;

    /// <summary>The cap on requests in flight over this connection, across all cmdlets.</summary>
    public int MaxConcurrentRequests => Client.MaxConcurrentRequests;

    /// <summary>How often a failed request is retried where retrying is safe.</summary>
    public int MaxRetries => Client.MaxRetries;

    /// <summary>The time one request attempt may take.</summary>
    public TimeSpan Timeout => Client.Timeout;

    /// <summary>The time one operation may take, retries and waits included.</summary>
    public TimeSpan TotalTimeout => Client.TotalTimeout;

    /// <summary>The wait before the first retry; later waits double, with jitter.</summary>
    public TimeSpan RetryDelay => Client.RetryBaseDelay;

    /// <summary>The longest wait before one retry, also the cap on how long a server's Retry-After is honoured.</summary>
    public TimeSpan MaxRetryDelay => Client.MaxRetryDelay;

    /// <summary>The -ThrottleLimit cmdlets use on this connection when none is given.</summary>
    public int DefaultThrottleLimit { get; }

    /// <summary>When the connection was made (local time).</summary>
    public DateTime ConnectedAt { get; }

    /// <summary>True once Disconnect-Bloomy has closed the connection.</summary>
    public bool IsDisconnected { get; private set; }

    /// <summary>Describes the connection — who, where, throttle and retry settings — never the key.</summary>
    /// <returns>For example <c>Ada Admin (1001) at https://app.bloomgrowth.com/api/v1/, throttle 5, up to 64 requests at once, 3 retries</c>.</returns>
    public override string ToString() =>
        $"{UserName} ({UserId}) at {BaseUri}, throttle {DefaultThrottleLimit}, up to {MaxConcurrentRequests} requests at once, {MaxRetries} retries"
        + (IsDisconnected ? " (disconnected)" : "");

    /// <summary>Releases the underlying HTTP client.</summary>
    public void Dispose()
    {
        if (IsDisconnected) return;
        IsDisconnected = true;
        Client.Dispose();
    }
}
