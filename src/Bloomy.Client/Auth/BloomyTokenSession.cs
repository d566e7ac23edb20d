namespace Bloomy.Client.Auth;

/// <summary>An access token from the token endpoint and when it stops working (null when the server did not say).</summary>
internal sealed class IssuedToken
{
    public IssuedToken(string value, DateTimeOffset receivedAt, DateTimeOffset? expiresAt)
    {
        Value = value;
        ReceivedAt = receivedAt;
        ExpiresAt = expiresAt;
    }

    public string Value { get; }

    public DateTimeOffset ReceivedAt { get; }

    public DateTimeOffset? ExpiresAt { get; }

    public override string ToString() => "token (***)" + (ExpiresAt is { } at ? $" until {at:u}" : "");
}

/// <summary>
/// Keeps a credential connection signed in: hands out the current token, exchanges the credential again shortly
/// before the token expires, and once more when the server refuses a token with 401. However many requests need a
/// new token at the same moment, one exchange runs and all of them wait for it (single flight).
/// </summary>
/// <remarks>
/// The credential itself stays with the exchange delegate (a SecureString); this class only ever holds tokens.
/// </remarks>
internal sealed class BloomyTokenSession : IDisposable
{
    // Production tokens live 14 days; renewing a minute early (as other public clients do) costs nothing. Short test
    // lifetimes get a tenth of their length instead, so that a 2 s token is still used for 1.8 s.
    internal static readonly TimeSpan MaxRenewMargin = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly Func<CancellationToken, Task<IssuedToken>> _exchange;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _lifetime = new();
    private IssuedToken? _current;
    private Task<IssuedToken>? _pending;

    /// <param name="exchange">Runs the password grant once; its cancellation token is the session's lifetime.</param>
    /// <param name="time">The clock that decides when a token is due for renewal.</param>
    /// <param name="initial">A token to start with (for example one just exchanged and saved), renewed like any other.</param>
    public BloomyTokenSession(Func<CancellationToken, Task<IssuedToken>> exchange, TimeProvider time, IssuedToken? initial = null)
    {
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _current = initial;
    }

    /// <summary>The token in use (for redacting it from messages), null before the first exchange.</summary>
    public string? CurrentValue => Volatile.Read(ref _current)?.Value;

    /// <summary>When the current token expires, if known; null before the first exchange or when the server did not say.</summary>
    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _current)?.ExpiresAt;

    /// <summary>The token to send now: the current one, or a fresh one when it is missing or about to expire.</summary>
    /// <remarks>
    /// In the last tenth of its life (the renewal margin) the token is renewed in the background while requests go on
    /// using it; only in the last half of that margin do requests wait for the new one, so a pipeline does not stall
    /// on each renewal.
    /// </remarks>
    public Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is null || IsLate(current))
        {
            return RenewAsync(null, cancellationToken);
        }
        if (IsDue(current))
        {
            RenewInBackground();
        }
        return Task.FromResult(current.Value);
    }

    /// <summary>
    /// The token to retry with after the server refused <paramref name="rejected"/> with 401: a newer one if another
    /// request already renewed it, else the result of the one exchange every refused request shares.
    /// </summary>
    public Task<string> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken)
    {
        if (rejected is null)
        {
            throw new ArgumentNullException(nameof(rejected));
        }
        return RenewAsync(rejected, cancellationToken);
    }

    /// <summary>Stops any exchange in flight.</summary>
    public void Dispose()
    {
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        _lifetime.Dispose();
    }

    internal static TimeSpan RenewMargin(IssuedToken token)
    {
        if (token.ExpiresAt is not { } expires)
        {
            return TimeSpan.Zero;
        }
        var tenth = TimeSpan.FromTicks(Math.Max(0, (expires - token.ReceivedAt).Ticks / 10));
        return tenth < MaxRenewMargin ? tenth : MaxRenewMargin;
    }

    private bool IsDue(IssuedToken token) =>
        token.ExpiresAt is { } expires && _time.GetUtcNow() >= expires - RenewMargin(token);

    // Too close to expiry to send: a request could reach the server after the token ended.
    private bool IsLate(IssuedToken token) =>
        token.ExpiresAt is { } expires && _time.GetUtcNow() >= expires - TimeSpan.FromTicks(RenewMargin(token).Ticks / 2);

    private void RenewInBackground()
    {
        Task<IssuedToken> shared;
        lock (_gate)
        {
            var current = _current;
            if (current is not null && !IsDue(current))
            {
                return;
            }
            shared = _pending ?? StartExchange();
        }
        // A failure here is seen by the next request that has to wait for a token; it is not lost unobserved.
        _ = shared.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<string> RenewAsync(string? rejected, CancellationToken cancellationToken)
    {
        Task<IssuedToken> shared;
        lock (_gate)
        {
            var current = _current;
            if (current is not null && !IsDue(current) && !string.Equals(current.Value, rejected, StringComparison.Ordinal))
            {
                // Renewed by another request since this one looked (or never due): no second exchange.
                return current.Value;
            }
            shared = _pending ?? StartExchange();
        }
        var token = await WaitAsync(shared, cancellationToken).ConfigureAwait(false);
        return token.Value;
    }

    // Called under _gate. The exchange publishes its token and frees the pending slot under the same lock, so it can
    // never finish before the slot is taken: an exchange that completes at once cannot be left behind as "pending"
    // and handed out again after the server refused its token.
    private Task<IssuedToken> StartExchange()
    {
        var done = new TaskCompletionSource<IssuedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending = done.Task;
        // Runs apart from any one caller: cancelling one pipeline must not fail the others waiting for the token.
        _ = Task.Run(async () =>
        {
            IssuedToken? token = null;
            Exception? failure = null;
            try
            {
                token = await _exchange(_lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            lock (_gate)
            {
                if (ReferenceEquals(_pending, done.Task))
                {
                    _pending = null;
                }
                if (token is not null)
                {
                    Volatile.Write(ref _current, token);
                }
            }
            if (token is not null)
            {
                done.SetResult(token);
            }
            else if (failure is OperationCanceledException cancelled)
            {
                done.TrySetCanceled(cancelled.CancellationToken);
            }
            else
            {
                done.SetException(failure ?? new InvalidOperationException("The token exchange returned no token."));
            }
        });
        return done.Task;
    }

    private static async Task<IssuedToken> WaitAsync(Task<IssuedToken> task, CancellationToken cancellationToken)
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
                _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new OperationCanceledException(cancellationToken);
            }
        }
        return await task.ConfigureAwait(false);
    }
}
