using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace Bloomy.Client.Http;

// Turns what went wrong with a request into the exception the caller sees: a clear sentence naming the
// request, what is known about whether it was carried out, and never the connection's secret.
internal sealed class FailureMapper
{
    private readonly Uri _baseUri;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _rateLimitBudget;
    private readonly bool _tokenSession;
    private readonly Func<string> _currentSecret;

    // tokenSession: a 401 comes after the session already signed in again. currentSecret: what to keep out of messages.
    public FailureMapper(Uri baseUri, TimeSpan connectTimeout, TimeSpan rateLimitBudget, bool tokenSession, Func<string> currentSecret)
    {
        _baseUri = baseUri;
        _connectTimeout = connectTimeout;
        _rateLimitBudget = rateLimitBudget;
        _tokenSession = tokenSession;
        _currentSecret = currentSecret;
    }

    // The failures a request's execution may end with that become a BloomyApiException.
    public static bool IsMappable(Exception ex) =>
        ex is TimeoutRejectedException or HttpRequestException or IOException or SocketException or OperationCanceledException;

    // True when the failure certainly happened before anything was sent (no connection was made),
    // so even a POST has not been processed.
    public static bool CertainlyNotSent(Exception ex)
    {
        if (TransportFailure.IsPermanent(ex))
        {
            return true;
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NoData
                    or SocketError.TryAgain or SocketError.AddressNotAvailable;
            }
            if (e is WebException web)
            {
                return web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure
                    or WebExceptionStatus.ProxyNameResolutionFailure;
            }
        }
        return false;
    }

    // A short account of a failed attempt, for request events.
    public string Describe(Exception ex, CancellationToken token) => ex switch
    {
        TimeoutRejectedException t => "timed out after " + Texts.Duration(t.Timeout),
        OperationCanceledException when token.IsCancellationRequested => "cancelled",
        OperationCanceledException => "aborted",
        _ => "transport error: " + Redact(Texts.Flatten(ex)),
    };

    // Text from outside (an exception's message) shortened, with the secret taken out.
    public string? Redact(string text) => Texts.Excerpt(text, _currentSecret());

    // Text from the server (GraphQL error messages) in full, with the secret taken out.
    public string RedactAll(string text) => Texts.Redact(text, _currentSecret());

    public BloomyApiException MapException(RequestState state, Exception ex)
    {
        // Keep the cause for debugging, unless something in it (a handler's message) holds the key.
        var secret = _currentSecret();
        var inner = secret.Length > 0 && ex.ToString().IndexOf(secret, StringComparison.Ordinal) >= 0 ? null : ex;
        var what = state.MethodName + " " + state.Path;
        var attempts = AttemptsText(state.Attempts);
        var failedInFlight = state.LastAttemptException is not null;
        if (!state.Idempotent && failedInFlight && !CertainlyNotSent(state.LastAttemptException!))
        {
            var cause = ex is TimeoutRejectedException t
                ? (ReferenceEquals(ex, state.LastAttemptException)
                    ? "timed out after " + Texts.Duration(t.Timeout)
                    : "did not finish within the total timeout of " + Texts.Duration(t.Timeout))
                : "failed (" + Redact(Texts.Flatten(ex)) + ") after it may have reached the server";
            return new BloomyApiException(BloomyFailureKind.OutcomeUnknown,
                $"{what} {cause}; the request may or may not have been processed, so the item may or may not have been created or changed; check before retrying.",
                state.MethodName, state.Path, retryCount: state.Retries, innerException: inner);
        }
        if (ex is TimeoutRejectedException timeout)
        {
            var message = ReferenceEquals(ex, state.LastAttemptException)
                ? $"{what} timed out after {Texts.Duration(timeout.Timeout)} ({attempts})."
                : $"{what} did not finish within the total timeout of {Texts.Duration(timeout.Timeout)} ({attempts}).";
            return new BloomyApiException(BloomyFailureKind.Timeout, message, state.MethodName, state.Path,
                retryCount: state.Retries, innerException: inner);
        }
        if (TransportFailure.Describe(ex, _baseUri, _connectTimeout) is { } permanent)
        {
            return new BloomyApiException(BloomyFailureKind.Transport, $"{what} failed: {permanent} ({attempts}). The request was not sent.",
                state.MethodName, state.Path, retryCount: state.Retries, innerException: inner);
        }
        var notSent = CertainlyNotSent(ex) ? " The request was not sent." : string.Empty;
        return new BloomyApiException(BloomyFailureKind.Transport,
            $"{what} failed: could not reach the Bloom Growth API at {_baseUri.Authority} ({Redact(Texts.Flatten(ex))}; {attempts}).{notSent}",
            state.MethodName, state.Path, retryCount: state.Retries, innerException: inner);
    }

    public Exception MapStatus(RequestState state, AttemptResult result)
    {
        var status = result.StatusCode;
        var reason = Texts.Reason(status, result.ReasonPhrase);
        var what = state.MethodName + " " + state.Path;
        if (status == 401 && _tokenSession)
        {
            return new BloomyAuthenticationException(
                $"The Bloom Growth API refused the session's token (401 {reason}) for {what}, even after signing in again. Connect again.", 401);
        }
        if (status == 401)
        {
            return new BloomyAuthenticationException(
                $"The Bloom Growth API rejected the API key (401 {reason}) for {what}. Connect again with a valid key.", 401);
        }
        if (status == 403)
        {
            return new BloomyAuthenticationException(
                $"The Bloom Growth API refused access (403 {reason}) for {what}: the key is valid but not allowed to do this.", 403);
        }
        var excerpt = Texts.Excerpt(result.Body, result.Body?.Length ?? 0, _currentSecret());
        var message = $"{what} failed: {status} {reason}";
        if (status == 429 && result.RetryAfter is { } ra)
        {
            message += $" (the server asked to wait {Texts.Duration(ra)})";
        }
        if (status >= 300 && status <= 399)
        {
            message += " (redirects are not followed; check the base URI)";
        }
        if (state.Retries > 0)
        {
            message += $" after {state.Retries} {(state.Retries == 1 ? "retry" : "retries")}";
        }
        if (status == 429 && state.RateLimitBudgetSpent)
        {
            message += $"; waiting again would pass the {Texts.Duration(_rateLimitBudget)} limit on rate-limit waits (the total timeout)";
        }
        message += ".";
        if (excerpt is not null)
        {
            message += " " + excerpt;
        }
        return new BloomyApiException(BloomyFailureKind.HttpStatus, message, state.MethodName, state.Path,
            status, excerpt, state.Retries, result.RetryAfter);
    }

    public BloomyApiException TooLarge(RequestState state, ResponseTooLargeException ex)
    {
        var what = state.MethodName + " " + state.Path;
        var applied = state.Idempotent ? string.Empty : " The request reached the server and may have been carried out.";
        return new BloomyApiException(BloomyFailureKind.InvalidResponse,
            $"{what} returned a body too large to read: {ex.Message} (MaxResponseBodyBytes; Connect-Bloomy -MaxResponseSizeMB raises it).{applied}",
            state.MethodName, state.Path, null, null, state.Retries, innerException: ex);
    }

    public BloomyApiException InvalidResponse(RequestState state, AttemptResult result, string message, Exception? inner)
    {
        var excerpt = Texts.Excerpt(result.Body, result.Body?.Length ?? 0, _currentSecret());
        if (excerpt is not null)
        {
            message += " Body: " + excerpt;
        }
        return new BloomyApiException(BloomyFailureKind.InvalidResponse, message, state.MethodName, state.Path,
            result.StatusCode, excerpt, state.Retries, innerException: inner);
    }

    private static string AttemptsText(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";
}
