using System.Security.Cryptography;

namespace Bloomy.Emulator;

/// <summary>How the emulator judged the bearer value of a request.</summary>
public enum EmulatorCredentialKind
{
    /// <summary>Neither an API key nor a token the emulator issued.</summary>
    Unknown,
    /// <summary>A seeded user's API key (never expires).</summary>
    ApiKey,
    /// <summary>A token from POST /Token that has not expired.</summary>
    Token,
    /// <summary>A token from POST /Token whose lifetime is over: the request is refused with 401.</summary>
    ExpiredToken,
}

/// <summary>
/// The access tokens issued by POST /Token: random values distinct from the API keys, each with an expiry
/// (the lifetime in force when it was issued). Thread-safe; kept apart from the store lock so that
/// authorising a request never waits for a handler.
/// </summary>
public sealed class EmulatorTokens
{
    /// <summary>The lifetime production gives (expires_in 1209599 = 14 days − 1 s).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(1209599);

    private readonly object _sync = new();
    private readonly Dictionary<string, Issued> _tokens = new(StringComparer.Ordinal);
    private long _lifetimeTicks = DefaultLifetime.Ticks;

    /// <summary>One issued token.</summary>
    /// <param name="UserId">The user it signs in.</param>
    /// <param name="IssuedAt">When it was issued (UTC).</param>
    /// <param name="ExpiresAt">When it stops working (UTC).</param>
    public sealed record Issued(long UserId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
    {
        /// <summary>When the first request with this token was refused as expired (null until then).</summary>
        public DateTimeOffset? FirstRejectedAt { get; internal set; }
    }

    /// <summary>The lifetime of tokens issued from now on (at least 1 s; whole seconds, as <c>expires_in</c> is).</summary>
    public TimeSpan Lifetime
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _lifetimeTicks));
        set
        {
            var seconds = Math.Max(1, (long)Math.Round(value.TotalSeconds));
            Interlocked.Exchange(ref _lifetimeTicks, TimeSpan.FromSeconds(seconds).Ticks);
        }
    }

    /// <summary>
    /// Whether the /Token answer says when the token expires (<c>expires_in</c>, <c>.expires</c>; default true). False
    /// leaves them out, as a server that does not announce lifetimes would: a client then learns of expiry from 401s.
    /// </summary>
    public bool AnnounceLifetime { get; set; } = true;

    /// <summary>Ends every token issued so far now (a revocation, or a lifetime running out under a client's feet).</summary>
    public void ExpireAll(DateTimeOffset now)
    {
        lock (_sync)
            foreach (var key in _tokens.Keys.ToList())
            {
                var t = _tokens[key];
                if (t.ExpiresAt > now) _tokens[key] = new Issued(t.UserId, t.IssuedAt, now) { FirstRejectedAt = t.FirstRejectedAt };
            }
    }

    /// <summary>Every token issued so far (snapshot).</summary>
    public IReadOnlyDictionary<string, Issued> All { get { lock (_sync) return new Dictionary<string, Issued>(_tokens); } }

    internal (string Token, Issued Info) Issue(long userId, DateTimeOffset now)
    {
        var token = "bg-token-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var info = new Issued(userId, now, now + Lifetime);
        lock (_sync) _tokens[token] = info;
        return (token, info);
    }

    /// <summary>Looks a bearer value up among the issued tokens; null when it is not one.</summary>
    internal Issued? Find(string token) { lock (_sync) return _tokens.GetValueOrDefault(token); }

    /// <summary>Marks a refusal; true when a refusal of this token had already been answered before <paramref name="requestStart"/>.</summary>
    internal bool Reject(Issued info, DateTimeOffset requestStart, DateTimeOffset now)
    {
        lock (_sync)
        {
            var first = info.FirstRejectedAt;
            if (first is null)
            {
                info.FirstRejectedAt = now;
                return false;
            }
            return requestStart > first.Value;
        }
    }
}
