using System.Net.Http;

namespace Bloomy.Client;

/// <summary>
/// Settings for a <c>BloomyClient</c>: where the API is, which key to use, and how hard to try.
/// </summary>
/// <remarks>
/// The options are validated and copied when a client is created; changing them afterwards does not
/// affect an existing client.
/// </remarks>
public sealed class BloomyClientOptions
{
    /// <summary>The default API root, with the trailing slash relative paths need.</summary>
    public static readonly Uri DefaultBaseUri = BloomyDefaults.BaseUri;

    /// <summary>
    /// The API key. When null or blank the key comes from the <c>BG_API_KEY</c> environment variable,
    /// then from the <c>api_key</c> of <c>~/.bloomy/config.yaml</c>. Surrounding whitespace is ignored.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A user name (e-mail) and password to sign in with instead of a stored key. The client exchanges them at
    /// <see cref="TokenUri"/> for a token on first use, again shortly before the token expires (production tokens live
    /// 14 days) and once when the server refuses the token (401), so a long session keeps working. The password is
    /// kept only in memory as a <c>SecureString</c> copy and is never written anywhere. With <see cref="ApiKey"/> as well,
    /// that key is used first (for example a token just exchanged) and the credential renews it.
    /// </summary>
    public System.Net.NetworkCredential? Credential { get; set; }

    /// <summary>
    /// The API root (default <c>https://app.bloomgrowth.com/api/v1/</c>). A missing trailing slash is
    /// added, because without it the last segment (<c>v1</c>) would be dropped from every request.
    /// Plain <c>http</c> is accepted only for loopback hosts unless <see cref="AllowInsecureHttp"/> is set.
    /// </summary>
    public Uri BaseUri { get; set; } = DefaultBaseUri;

    /// <summary>
    /// The token endpoint used to exchange a user name and password for a key. Null means
    /// <c>{scheme}://{authority}/Token</c> of <see cref="BaseUri"/>.
    /// </summary>
    public Uri? TokenUri { get; set; }

    /// <summary>
    /// The GraphQL endpoint, used for the operations REST cannot do (milestones, metrics, notes, archive and restore...).
    /// Null means <c>{scheme}://{authority}/graphql/</c> of <see cref="BaseUri"/> (for the default base URI
    /// <c>https://app.bloomgrowth.com/graphql/</c>). It receives the same key as <see cref="BaseUri"/>, so the same rules
    /// apply: absolute, <c>https</c> (plain <c>http</c> only for loopback hosts unless <see cref="AllowInsecureHttp"/>),
    /// no user name, password, query or fragment.
    /// </summary>
    public Uri? GraphQLUri { get; set; }

    /// <summary>How long one attempt (sending the request and reading the answer) may take. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(BloomyDefaults.TimeoutSeconds);

    /// <summary>
    /// How long a whole operation may take, including retries, back-off and rate-limit pauses. Default 2 min.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(BloomyDefaults.TotalTimeoutSeconds);

    /// <summary>
    /// The most requests this client keeps in flight at once (1..1024, default 64). It bounds the fan-out
    /// of composite reads and bulk operations so that a large throttle limit cannot flood the server.
    /// After a 429 the client lowers its own limit (halving it, never below 1) and raises it again by one
    /// per round of successful answers, up to this cap.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = BloomyDefaults.MaxConcurrentRequests;

    /// <summary>
    /// How many times a failed request is retried (0..10, default 3): server errors, timeouts and connection
    /// failures, only for GET, PUT and DELETE, because retrying a POST could create something twice.
    /// Rate-limited requests (429) are retried for every method and do not count against this number: they
    /// wait as long as the server asks, for as long as <see cref="TotalTimeout"/> allows (10 min when it is
    /// infinite). 0 turns every retry off, 429s included.
    /// </summary>
    public int MaxRetries { get; set; } = BloomyDefaults.MaxRetries;

    /// <summary>The first retry delay; later ones double, with jitter. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(BloomyDefaults.RetryBaseDelayMilliseconds);

    /// <summary>The longest single retry delay, also the cap on a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(BloomyDefaults.MaxRetryDelaySeconds);

    /// <summary>The default <see cref="MaxResponseBodyBytes"/>: 32 MB.</summary>
    public const long DefaultMaxResponseBodyBytes = BloomyDefaults.MaxResponseBodyBytes;

    /// <summary>The smallest allowed <see cref="MaxResponseBodyBytes"/>: 1 KB.</summary>
    public const long MinResponseBodyBytes = 1024;

    /// <summary>The largest allowed <see cref="MaxResponseBodyBytes"/>: 1 GB.</summary>
    public const long MaxResponseBodyBytesLimit = 1024L * 1024 * 1024;

    /// <summary>
    /// The largest response body the client reads, counted after decompression (1 KB..1 GB, default 32 MB).
    /// A longer body, an endless one or a compressed "bomb" is an <c>InvalidResponse</c> error for that call,
    /// and memory stays bounded while reading; the server's Content-Length is never trusted for sizing.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// Allows <c>http://</c> to non-loopback hosts, which would send the key in clear text. Loopback
    /// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>) is always allowed, for local emulators.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// A message handler to send requests through (tests, proxies). The client does not dispose it.
    /// When null the client creates its own handler sized for <see cref="MaxConcurrentRequests"/>.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The User-Agent header. Null means <c>Bloomy/&lt;version&gt;</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The clock used for timeouts, retry delays and rate-limit pauses (replaceable in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The config file to read the key from. Null means the <c>BLOOMY_CONFIG_PATH</c> environment
    /// variable, else <c>~/.bloomy/config.yaml</c> (the file the Python and Ruby SDKs share).
    /// </summary>
    public string? ConfigFilePath { get; set; }

    // How long establishing a connection, TLS handshake included, may take where the runtime can bound it
    // (PowerShell 7): an https URI pointed at a plain-http server then fails in seconds. Capped by Timeout.
    // Internal: a test seam, not a setting.
    internal TimeSpan ConnectTimeout { get; set; } = Http.HandshakeTimeout.Default;

    // Test seams: environment reads and jitter are injectable so tests neither mutate the process
    // environment nor depend on random numbers.
    internal Func<string, string?>? EnvironmentReader { get; set; }
    internal Func<double>? JitterSource { get; set; }

    // TokenUri, or /Token on the host of BaseUri (an emulator serves both on one port).
    internal Uri GetEffectiveTokenUri()
    {
        if (TokenUri is not null)
        {
            return TokenUri;
        }
        var b = BaseUri ?? DefaultBaseUri;
        return new Uri(b.GetLeftPart(UriPartial.Authority) + "/Token");
    }

    // GraphQLUri, or /graphql/ on the host of BaseUri (bloom-graphql.md §1: the trailing slash is sent).
    internal Uri GetEffectiveGraphQLUri()
    {
        if (GraphQLUri is not null)
        {
            return GraphQLUri;
        }
        var b = BaseUri ?? DefaultBaseUri;
        return new Uri(b.GetLeftPart(UriPartial.Authority) + "/graphql/");
    }

    internal BloomyClientOptions Clone() => (BloomyClientOptions)MemberwiseClone();
}
