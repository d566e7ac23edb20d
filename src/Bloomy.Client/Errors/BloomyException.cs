namespace Bloomy.Client;

/// <summary>The base of every error the Bloomy client raises on purpose.</summary>
/// <remarks>Argument errors use the standard <see cref="ArgumentException"/> family instead.</remarks>
public class BloomyException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    public BloomyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What went wrong, without secrets.</param>
    /// <param name="innerException">The cause.</param>
    public BloomyException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>
/// The client cannot be set up: no API key anywhere, or an option is invalid (base URI, limits).
/// </summary>
public class BloomyConfigurationException : BloomyException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the configuration.</param>
    public BloomyConfigurationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What is wrong with the configuration.</param>
    /// <param name="innerException">The cause.</param>
    public BloomyConfigurationException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>
/// The server rejected the credentials: an API call answered 401 or 403, or a user name and password
/// could not be exchanged for a key.
/// </summary>
public class BloomyAuthenticationException : BloomyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was rejected, never the key or password.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BloomyAuthenticationException(string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status (401, 403, or the token endpoint's status); null when no answer came.</summary>
    public int? StatusCode { get; }
}

/// <summary>Why an API call failed.</summary>
public enum BloomyFailureKind
{
    /// <summary>The server answered with a status outside 2xx.</summary>
    HttpStatus,
    /// <summary>An attempt or the whole operation ran out of time.</summary>
    Timeout,
    /// <summary>The connection failed (DNS, refused, reset, TLS).</summary>
    Transport,
    /// <summary>The server answered 2xx but the body was not the expected JSON.</summary>
    InvalidResponse,
    /// <summary>
    /// A request that is not safe to repeat (POST) failed after it may have reached the server: it may or
    /// may not have been processed, so it was not retried.
    /// </summary>
    OutcomeUnknown,
}

/// <summary>An API call failed: the server said no, did not answer in time, or answered nonsense.</summary>
public class BloomyApiException : BloomyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the call failed.</param>
    /// <param name="message">A message naming the method and path, never the key.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the API root, with its query.</param>
    /// <param name="statusCode">The HTTP status, if the server answered.</param>
    /// <param name="responseExcerpt">The start of the response body (at most 200 characters).</param>
    /// <param name="retryCount">How many retries were made before giving up.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if it sent one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BloomyApiException(
        BloomyFailureKind kind,
        string message,
        string method,
        string path,
        int? statusCode = null,
        string? responseExcerpt = null,
        int retryCount = 0,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Method = method ?? string.Empty;
        Path = path ?? string.Empty;
        StatusCode = statusCode;
        ResponseExcerpt = responseExcerpt;
        RetryCount = retryCount;
        RetryAfter = retryAfter;
    }

    /// <summary>Why the call failed.</summary>
    public BloomyFailureKind Kind { get; }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The HTTP method (GET, POST, PUT, DELETE).</summary>
    public string Method { get; }

    /// <summary>The request path relative to the API root, including the query.</summary>
    public string Path { get; }

    /// <summary>The start of the response body (at most 200 characters), when there was one.</summary>
    public string? ResponseExcerpt { get; }

    /// <summary>How many retries were made before giving up (0 when the first failure was final).</summary>
    public int RetryCount { get; }

    /// <summary>How long the server asked to wait (<c>Retry-After</c>), for 429 and some 503 answers.</summary>
    public TimeSpan? RetryAfter { get; }
}
