using Bloomy.Client.Auth;
using Bloomy.Client.Http;
using Bloomy.Client.Json;
using Bloomy.Client.Operations;

namespace Bloomy.Client;

/// <summary>
/// An async client for the Bloom Growth API (v1). One instance holds one connection (one HTTP client,
/// one concurrency cap, one retry pipeline); it is safe to use from many threads at once.
/// </summary>
/// <example>
/// <code>
/// using var client = new BloomyClient(new BloomyClientOptions { ApiKey = key });
/// var todos = await client.Todos.ListAsync();
/// </code>
/// </example>
public sealed class BloomyClient : IDisposable
{
    private readonly object _currentUserGate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private Lazy<Task<long>>? _currentUserId;
    private int _disposed;

    /// <summary>Creates a client: validates the options and resolves the API key.</summary>
    /// <param name="options">The settings; they are copied, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="BloomyConfigurationException">No API key was found, or an option is invalid.</exception>
    public BloomyClient(BloomyClientOptions options)
        : this(new BloomyHttp(options ?? throw new ArgumentNullException(nameof(options))))
    {
    }

    /// <summary>Wraps an existing transport (tests, benchmarks). The client owns and disposes it.</summary>
    internal BloomyClient(BloomyHttp http)
    {
        Http = http ?? throw new ArgumentNullException(nameof(http));
        Users = new UsersClient(this);
        Meetings = new MeetingsClient(this);
        Todos = new TodosClient(this);
        Goals = new GoalsClient(this);
        Scorecard = new ScorecardClient(this);
        Issues = new IssuesClient(this);
        Headlines = new HeadlinesClient(this);
        Metrics = new MetricsClient(this);
        Milestones = new MilestonesClient(this);
    }

    /// <summary>The API root every request path is relative to.</summary>
    public Uri BaseUri => Http.BaseUri;

    /// <summary>The GraphQL endpoint the client sends its GraphQL operations to (by default <c>/graphql/</c> on the host of <see cref="BaseUri"/>).</summary>
    public Uri GraphQLUri => Http.GraphQLUri;

    /// <summary>Where the API key came from (never the key itself).</summary>
    public BloomyApiKeySource ApiKeySource => Http.ApiKeySource;

    /// <summary>How the client signs its requests: an API key (given, from the environment or the config file) or a credential.</summary>
    public BloomyAuthenticationMethod AuthenticationMethod => Http.AuthenticationMethod;

    /// <summary>
    /// When the current token of a credential connection expires (it is renewed shortly before); null for an API
    /// key, whose expiry the server does not tell, and before the first request of a credential connection.
    /// </summary>
    public DateTimeOffset? TokenExpiresAt => Http.TokenExpiresAt;

    /// <summary>The most requests this client keeps in flight at once.</summary>
    public int MaxConcurrentRequests => Http.Options.MaxConcurrentRequests;

    /// <summary>How many times a failed request is retried.</summary>
    public int MaxRetries => Http.Options.MaxRetries;

    /// <summary>The per-attempt timeout.</summary>
    public TimeSpan Timeout => Http.Options.Timeout;

    /// <summary>The time a whole operation may take, retries and waits included.</summary>
    public TimeSpan TotalTimeout => Http.Options.TotalTimeout;

    /// <summary>The first retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay => Http.Options.RetryBaseDelay;

    /// <summary>The longest single retry delay, also the cap on a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay => Http.Options.MaxRetryDelay;

    /// <summary>The largest response body this client reads, in bytes after decompression.</summary>
    public long MaxResponseBodyBytes => Http.Options.MaxResponseBodyBytes;

    /// <summary>User operations (details, direct reports, positions, search, list).</summary>
    public UsersClient Users { get; }

    /// <summary>Meeting (Level 10) operations.</summary>
    public MeetingsClient Meetings { get; }

    /// <summary>To-do operations.</summary>
    public TodosClient Todos { get; }

    /// <summary>Goal (rock) operations.</summary>
    public GoalsClient Goals { get; }

    /// <summary>Scorecard operations (weeks, scores).</summary>
    public ScorecardClient Scorecard { get; }

    /// <summary>Issue operations.</summary>
    public IssuesClient Issues { get; }

    /// <summary>Headline operations.</summary>
    public HeadlinesClient Headlines { get; }

    /// <summary>Metrics (measurables) and scores over GraphQL: details, create, update, archive, score history and edits.</summary>
    public MetricsClient Metrics { get; }
    /// <summary>Milestone operations (over GraphQL).</summary>
    public MilestonesClient Milestones { get; }

    /// <summary>The transport shared by the resource clients.</summary>
    internal BloomyHttp Http { get; }

    /// <summary>
    /// Returns the id of the user the API key belongs to (<c>GET users/mine</c>). The answer is fetched at
    /// most once per client, even when many calls need it at the same moment; a failed or cancelled
    /// lookup is not remembered, so the next call asks again.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the shared lookup itself goes on for other callers.</param>
    /// <returns>The current user's id.</returns>
    /// <exception cref="BloomyApiException">The request failed, or the answer had no <c>Id</c>.</exception>
    public Task<long> GetCurrentUserIdAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Lazy<Task<long>> lookup;
        lock (_currentUserGate)
        {
            var current = _currentUserId;
            if (current is null || (current.IsValueCreated && (current.Value.IsFaulted || current.Value.IsCanceled)))
            {
                current = new Lazy<Task<long>>(FetchCurrentUserIdAsync, LazyThreadSafetyMode.ExecutionAndPublication);
                _currentUserId = current;
            }

            lookup = current;
        }

        return WaitAsync(lookup.Value, cancellationToken);
    }

    /// <summary>Releases the HTTP resources. Calls in flight are cancelled.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        Http.Dispose();
        _lifetime.Dispose();
    }

    /// <summary>Describes the client (API root and where the key came from; never the key).</summary>
    /// <returns>The description, e.g. <c>BloomyClient https://app.bloomgrowth.com/api/v1/ (key: Environment)</c>.</returns>
    public override string ToString() => $"BloomyClient {BaseUri} (key: {ApiKeySource})";

    /// <summary>The given user id, or the current user's when none was given.</summary>
    internal Task<long> ResolveUserIdAsync(long? userId, CancellationToken cancellationToken) =>
        userId.HasValue ? Task.FromResult(userId.Value) : GetCurrentUserIdAsync(cancellationToken);

    private async Task<long> FetchCurrentUserIdAsync()
    {
        var path = Routes.CurrentUser().Path;
        var token = _lifetime.Token;
        var dto = await Http.GetAsync(path, BloomyJsonContext.Instance.CurrentUserDto, token).ConfigureAwait(false);
        if (dto?.Id is not long id)
        {
            throw new BloomyApiException(
                BloomyFailureKind.InvalidResponse,
                "GET users/mine answered without a user Id.",
                "GET",
                path,
                statusCode: 200);
        }

        return id;
    }

    private static async Task<long> WaitAsync(Task<long> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                // Observe the shared task's outcome later without leaking an unobserved exception.
                _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(BloomyClient));
        }
    }
}
