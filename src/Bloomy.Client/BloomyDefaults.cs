namespace Bloomy.Client;

/// <summary>
/// The default of every connection setting, in one place: <see cref="BloomyClientOptions"/> and the
/// parameters of <c>Connect-Bloomy</c> both start from these values.
/// </summary>
public static class BloomyDefaults
{
    /// <summary>The API root, with the trailing slash relative paths need.</summary>
    public static readonly Uri BaseUri = new("https://app.bloomgrowth.com/api/v1/");

    /// <summary>Seconds one attempt (sending the request and reading the answer) may take: 30.</summary>
    public const int TimeoutSeconds = 30;

    /// <summary>Seconds one whole operation may take, retries and waits included: 120.</summary>
    public const int TotalTimeoutSeconds = 120;

    /// <summary>Requests one connection keeps in flight at most: 64.</summary>
    public const int MaxConcurrentRequests = 64;

    /// <summary>Retries of a failed request where repeating it is safe: 3.</summary>
    public const int MaxRetries = 3;

    /// <summary>Milliseconds before the first retry; later ones double, with jitter: 500.</summary>
    public const int RetryBaseDelayMilliseconds = 500;

    /// <summary>Seconds of the longest single retry delay, also the cap on a server's <c>Retry-After</c>: 30.</summary>
    public const int MaxRetryDelaySeconds = 30;

    /// <summary>The largest response body read, counted after decompression: 32 MB.</summary>
    public const long MaxResponseBodyBytes = 32L * 1024 * 1024;
}
