using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bloomy.Client.Auth;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bloomy.Client.Http;

// The transport every resource client goes through: one HttpClient, one Polly pipeline, one
// concurrency cap and one rate-limit gate per connection.
internal sealed class BloomyHttp : IDisposable
{
    internal static readonly ResiliencePropertyKey<RequestState> StateKey = new("Bloomy.Request");

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly byte[] NoBody = Array.Empty<byte>();
    private const int ErrorBodyLimit = 4096;

    private readonly HttpClient _client;
    private readonly string? _key;
    private readonly AuthenticationHeaderValue? _keyHeader;
    private readonly BloomyTokenSession? _session;
    private readonly System.Security.SecureString? _password;
    private readonly TimeSpan _retryBaseDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly Func<double> _jitter;
    private volatile bool _disposed;

    public BloomyHttp(BloomyClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        BaseUri = ValidateBaseUri(options.BaseUri, options.AllowInsecureHttp);
        ValidateRanges(options);
        if (options.TokenUri is { } tokenUri && (!tokenUri.IsAbsoluteUri || (tokenUri.Scheme != Uri.UriSchemeHttp && tokenUri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new BloomyConfigurationException($"TokenUri must be an absolute http or https URI; got '{tokenUri}'.");
        }
        PlainHttpGuard.ThrowIfExposed(options.TokenUri, options.AllowInsecureHttp, "TokenUri");

        Time = options.TimeProvider ?? TimeProvider.System;
        if (options.Credential is { } credential)
        {
            (_session, _password) = StartSession(options, credential, Time);
            ApiKeySource = BloomyApiKeySource.Explicit;
            AuthenticationMethod = BloomyAuthenticationMethod.Credential;
        }
        else
        {
            var environment = options.EnvironmentReader ?? EnvironmentReader.Process;
            var resolved = BloomyCredentials.TryResolve(options.ApiKey, options.ConfigFilePath, environment)
                ?? throw new BloomyConfigurationException(BloomyCredentials.NoKeyMessage);
            ApiKeyRules.ThrowIfUnusable(resolved);
            _key = resolved.Key;
            _keyHeader = new AuthenticationHeaderValue("Bearer", _key);
            ApiKeySource = resolved.Source;
            AuthenticationMethod = resolved.Source switch
            {
                BloomyApiKeySource.Environment => BloomyAuthenticationMethod.Environment,
                BloomyApiKeySource.ConfigFile => BloomyAuthenticationMethod.ConfigFile,
                _ => BloomyAuthenticationMethod.ApiKey,
            };
        }

        var copy = options.Clone();
        copy.ApiKey = null;
        copy.Credential = null;
        copy.BaseUri = BaseUri;
        Options = copy;

        MaxRetries = options.MaxRetries;
        MaxConcurrentRequests = options.MaxConcurrentRequests;
        _retryBaseDelay = options.RetryBaseDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _jitter = options.JitterSource ?? SharedRandom.NextDouble;
        Concurrency = new AdaptiveConcurrency(MaxConcurrentRequests);
        RateLimitBudget = options.TotalTimeout == System.Threading.Timeout.InfiniteTimeSpan ? UnboundedRateLimitBudget : options.TotalTimeout;
        MaxResponseBodyBytes = options.MaxResponseBodyBytes;

        _client = CreateHttpClient(options, BaseUri, MaxConcurrentRequests);
        _client.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        _client.DefaultRequestHeaders.ExpectContinue = false;
        var userAgent = string.IsNullOrWhiteSpace(options.UserAgent) ? DefaultUserAgent : options.UserAgent!.Trim();
        if (!_client.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent))
        {
            _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        Pipeline = BuildPipeline(options);
    }

    public Uri BaseUri { get; }

    public BloomyApiKeySource ApiKeySource { get; }

    public BloomyAuthenticationMethod AuthenticationMethod { get; }

    // When the token of a credential connection expires (null for an API key, whose expiry is unknown).
    public DateTimeOffset? TokenExpiresAt => _session?.ExpiresAt;

    // Token exchanges so far (credential connections).
    internal long TokenExchanges => _session?.Exchanges ?? 0;

    // The secret that must never appear in a message: the key, or the session's current token.
    private string CurrentSecret => _session?.CurrentValue ?? _key ?? string.Empty;

    // A copy of the validated options without the key, so nothing downstream can leak it.
    public BloomyClientOptions Options { get; }

    internal TimeProvider Time { get; }
    internal int MaxRetries { get; }
    internal int MaxConcurrentRequests { get; }
    internal RateLimitGate Gate { get; } = new();
    internal AdaptiveConcurrency Concurrency { get; }

    // How long one request may keep waiting out 429s: the total timeout, or this when that is infinite.
    internal static readonly TimeSpan UnboundedRateLimitBudget = TimeSpan.FromMinutes(10);
    internal TimeSpan RateLimitBudget { get; }
    internal long MaxResponseBodyBytes { get; }
    internal ResiliencePipeline<AttemptResult> Pipeline { get; }
    internal HttpClient Client => _client;

    internal static string DefaultUserAgent { get; } = "Bloomy/" + GetVersion();

    public Task<T> GetAsync<T>(string path, JsonTypeInfo<T> responseType, CancellationToken ct) =>
        SendCoreAsync(HttpMethod.Get, path, null, responseType ?? throw new ArgumentNullException(nameof(responseType)), ct);

    public Task<TResponse> SendAsync<TBody, TResponse>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        SendCoreAsync(method, path, Serialize(body, bodyType), responseType ?? throw new ArgumentNullException(nameof(responseType)), ct);

    public Task<TResponse> SendAsync<TResponse>(HttpMethod method, string path, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        SendCoreAsync(method, path, null, responseType ?? throw new ArgumentNullException(nameof(responseType)), ct);

    public Task SendVoidAsync<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken ct) =>
        SendVoidCoreAsync(method, path, Serialize(body, bodyType), ct);

    public Task SendVoidAsync(HttpMethod method, string path, CancellationToken ct) =>
        SendVoidCoreAsync(method, path, null, ct);

    public override string ToString() => $"BloomyHttp {BaseUri} ({AuthenticationMethod})";

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _client.Dispose();
        _session?.Dispose();
        _password?.Dispose();
    }

    private static byte[] Serialize<TBody>(TBody body, JsonTypeInfo<TBody> bodyType)
    {
        if (bodyType is null)
        {
            throw new ArgumentNullException(nameof(bodyType));
        }
        return JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
    }

    private async Task<T> SendCoreAsync<T>(HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken ct)
    {
        var state = CreateState(method, path, body, readBody: true);
        var result = await ExecuteAsync(state, ct).ConfigureAwait(false);
        return Deserialize(state, result, responseType);
    }

    private async Task SendVoidCoreAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct)
    {
        var state = CreateState(method, path, body, readBody: false);
        var result = await ExecuteAsync(state, ct).ConfigureAwait(false);
        if (IsHtml(result))
        {
            // The plural-path trap: a mistyped route can answer 200 with the web application's page, which
            // must not pass for an empty success.
            throw InvalidResponse(state, result,
                $"{state.MethodName} {state.Path} returned {result.StatusCode} with an HTML page where the API answers with an empty body " +
                "(wrong route?); nothing shows the change was made.", null);
        }
    }

    // An HTML page rather than the API's answer: typed text/html without a JSON-looking start, or starting with '<'.
    private static bool IsHtml(AttemptResult result)
    {
        var body = result.Body;
        if (body is not null && LooksLikeMarkup(body))
        {
            return true;
        }
        return result.MediaType is { } type && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0
            && !StartsLikeJson(body);
    }

    private static bool StartsLikeJson(byte[]? body)
    {
        if (body is null) return false;
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'{' or (byte)'[';
        }
        return false;
    }

    private RequestState CreateState(HttpMethod method, string path, byte[]? body, bool readBody)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }
        if (path.StartsWith("/", StringComparison.Ordinal) || path.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            // A leading slash would resolve against the host and drop /api/v1.
            throw new ArgumentException("The path must be relative to the API root, without a leading slash.", nameof(path));
        }
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(BloomyHttp));
        }
        return new RequestState(method, path, body, readBody, BloomyRequestScope.Capture()) { Started = Time.GetTimestamp() };
    }

    private async Task<AttemptResult> ExecuteAsync(RequestState state, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(StateKey, state);
        AttemptResult result;
        try
        {
            result = await Pipeline.ExecuteAsync(
                static (ctx, s) => s.http.SendAttemptAsync(ctx, s.state),
                context,
                (http: this, state)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ResponseTooLargeException tooLarge)
        {
            throw TooLarge(state, tooLarge);
        }
        catch (Exception ex) when (IsMappable(ex))
        {
            throw MapException(state, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        if (!result.IsSuccess)
        {
            if (IsDeleteAlreadyDone(state, result))
            {
                return result;
            }
            throw MapStatus(state, result);
        }
        return result;
    }

    // A DELETE retried after an attempt that may have reached the server (lost answer, timeout, server error)
    // and now answered 404 was carried out by that earlier attempt: the item is gone, which is what was asked.
    private bool IsDeleteAlreadyDone(RequestState state, AttemptResult result)
    {
        // Only for a DELETE that expects no answer: one that wants a body cannot be given one.
        if (result.StatusCode != 404 || state.MethodName != "DELETE" || state.ReadBody || state.Attempts < 2 || !state.MayHaveBeenApplied)
        {
            return false;
        }
        state.Raise(BloomyRequestEventKind.AlreadyDone, 404, TimeSpan.Zero, state.Attempts, MaxRetries, null,
            "an earlier attempt that may have reached the server already deleted it; counted as deleted");
        return true;
    }

    private BloomyApiException TooLarge(RequestState state, ResponseTooLargeException ex)
    {
        var what = state.MethodName + " " + state.Path;
        var applied = state.Idempotent ? string.Empty : " The request reached the server and may have been carried out.";
        return new BloomyApiException(BloomyFailureKind.InvalidResponse,
            $"{what} returned a body too large to read: {ex.Message} (MaxResponseBodyBytes; Connect-Bloomy -MaxResponseSizeMB raises it).{applied}",
            state.MethodName, state.Path, null, null, state.Retries, innerException: ex);
    }

    private async ValueTask<AttemptResult> SendAttemptAsync(ResilienceContext context, RequestState state)
    {
        var ct = context.CancellationToken;
        using var response = await SendAuthorizedAsync(state, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var retryAfter = status == 429 || status == 503 ? RetryAfterParser.Parse(response, Time) : null;
        byte[]? body = null;
        if (status >= 200 && status <= 299)
        {
            if (state.ReadBody && response.Content is not null)
            {
                body = await ResponseBodyReader.ReadAsync(response.Content, MaxResponseBodyBytes, failOverLimit: true, ct).ConfigureAwait(false);
            }
            else if (response.Content is not null)
            {
                // A void call's answer is normally empty (or a JSON literal); its start is read only to tell
                // the web application's HTML page (a mistyped route) from success.
                body = await ResponseBodyReader.ReadAsync(response.Content, ErrorBodyLimit, failOverLimit: false, ct).ConfigureAwait(false);
            }
        }
        else if (response.Content is not null)
        {
            try
            {
                body = await ResponseBodyReader.ReadAsync(response.Content, ErrorBodyLimit, failOverLimit: false, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                // The status already says what went wrong; a broken error body only costs the excerpt.
            }
        }
        return new AttemptResult(status, response.ReasonPhrase, retryAfter, body)
        {
            MediaType = response.Content?.Headers.ContentType?.MediaType,
        };
    }

    // Sends the request with the key, or with the session's token; a credential connection whose token the server
    // refuses (401) gets one renewed token, shared with every request refused alike, and sends the request once more.
    // That is safe for every method, a POST included: a 401 comes from the authorization check, before the server
    // acts on the request, so nothing can have been done twice. A key-only connection reports the 401 as it is.
    private async Task<HttpResponseMessage> SendAuthorizedAsync(RequestState state, CancellationToken ct)
    {
        if (_session is null)
        {
            return await SendOnceAsync(state, _keyHeader!, ct).ConfigureAwait(false);
        }
        var token = await _session.GetTokenAsync(ct).ConfigureAwait(false);
        var response = await SendOnceAsync(state, BearerHeader(token), ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || state.Reauthenticated)
        {
            return response;
        }
        state.Reauthenticated = true;
        response.Dispose();
        var renewed = await _session.RenewAfterRejectionAsync(token, ct).ConfigureAwait(false);
        return await SendOnceAsync(state, BearerHeader(renewed), ct).ConfigureAwait(false);
    }

    private static AuthenticationHeaderValue BearerHeader(string token)
    {
        CheckHeaderSafe(token, "The token from the token endpoint");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    private static void CheckHeaderSafe(string secret, string what)
    {
        if (secret.Any(char.IsControl))
        {
            throw new BloomyConfigurationException($"{what} contains control characters and cannot be sent in a header.");
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(RequestState state, AuthenticationHeaderValue authorization, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(state.Method, state.RelativeUri);
        request.Headers.Authorization = authorization;
        if (state.Body is not null)
        {
            request.Content = new ByteArrayContent(state.Body);
            request.Content.Headers.ContentType = JsonContentType;
        }
        else if (state.MethodName is "POST" or "PUT" or "PATCH")
        {
            // httpx sends Content-Length: 0 for bodiless POST/PUT; an empty content does the same.
            request.Content = new ByteArrayContent(NoBody);
            request.Content.Headers.ContentType = JsonContentType;
        }
        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    // The password grant behind a credential connection. The password stays a read-only SecureString copy and
    // becomes text only for the moment each exchange builds its form.
    private static (BloomyTokenSession Session, System.Security.SecureString Password) StartSession(
        BloomyClientOptions options, NetworkCredential credential, TimeProvider time)
    {
        var userName = credential.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw new BloomyConfigurationException("The credential has no user name; give the e-mail address you sign in with.");
        }
        // TokenUri itself was checked with the base URI; the default one shares the base URI's scheme and host.
        var tokenUri = options.GetEffectiveTokenUri();
        PlainHttpGuard.ThrowIfExposed(tokenUri, options.AllowInsecureHttp, "The token endpoint");
        var password = credential.SecurePassword.Copy();
        password.MakeReadOnly();
        var handler = options.Handler;
        var timeout = BloomyCredentials.TokenRequestTimeout;
        IssuedToken? initial = null;
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            var key = options.ApiKey!.Trim();
            ApiKeyRules.ThrowIfUnusable(new ResolvedApiKey(key, BloomyApiKeySource.Explicit));
            // Its expiry is unknown: it is used until the server refuses it, then the credential renews it.
            initial = new IssuedToken(key, time.GetUtcNow(), null);
        }
        var session = new BloomyTokenSession(
            ct => BloomyCredentials.ExchangeTokenCoreAsync(tokenUri, userName!, new NetworkCredential(string.Empty, password).Password,
                handler, timeout, time, ct),
            time, initial);
        return (session, password);
    }

    // Before each attempt: wait out any client-wide 429 pause, then take a concurrency slot. The gate
    // is checked again after the slot is taken, in case a 429 arrived while this request queued.
    // Returns the concurrency epoch the attempt was admitted in.
    internal async Task<long> EnterAsync(RequestState state, CancellationToken ct)
    {
        while (true)
        {
            var wait = Gate.Remaining(Time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                var pauseEnd = Gate.ResumeAt;
                if (pauseEnd != state.AnnouncedPauseEnd)
                {
                    state.AnnouncedPauseEnd = pauseEnd;
                    state.Raise(BloomyRequestEventKind.RateLimitPause, 429, TimeSpan.Zero, state.Attempts + 1, MaxRetries, wait, "rate limited");
                }
                await Time.Delay(wait, ct).ConfigureAwait(false);
                continue;
            }
            var epoch = await Concurrency.EnterAsync(ct).ConfigureAwait(false);
            if (Gate.Remaining(Time.GetUtcNow()) > TimeSpan.Zero)
            {
                Concurrency.Exit();
                continue;
            }
            return epoch;
        }
    }

    internal void Exit() => Concurrency.Exit();

    // Whether a request refused with 429 may wait <paramref name="wait"/> and try again: waits the server asks
    // for are bounded by time (the total timeout), not by MaxRetries, so a storm cannot use up an item's retries.
    internal bool MayWaitOutRateLimit(RequestState state, TimeSpan wait) =>
        MaxRetries > 0 && Time.GetElapsedTime(state.Started) + wait <= RateLimitBudget;

    internal TimeSpan CapDelay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        return delay > _maxRetryDelay ? _maxRetryDelay : delay;
    }

    // Exponential from RetryBaseDelay (retry n waits base·2^n), jittered to 75–125 % so that clients
    // that failed together do not retry together, capped at MaxRetryDelay.
    internal TimeSpan Backoff(int retryIndex)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(retryIndex, 0), 30));
        var jitter = 0.75 + (0.5 * Clamp01(_jitter()));
        var ticks = _retryBaseDelay.Ticks * factor * jitter;
        if (double.IsNaN(ticks) || ticks >= _maxRetryDelay.Ticks)
        {
            return _maxRetryDelay;
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    private static double Clamp01(double value) => double.IsNaN(value) ? 0.5 : Math.Max(0, Math.Min(1, value));

    private ResiliencePipeline<AttemptResult> BuildPipeline(BloomyClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult>
        {
            Name = "Bloomy",
            TimeProvider = Time,
        };
        if (options.TotalTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Bloomy.TotalTimeout", Timeout = options.TotalTimeout });
        }
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                Name = "Bloomy.Retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay > TimeSpan.Zero ? options.MaxRetryDelay : null,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryDelay(args.Outcome, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(StateKey, null!);
                    state.FailureRetries = args.AttemptNumber + 1;
                    state.Retries++;
                    state.Raise(BloomyRequestEventKind.RetryScheduled, args.Outcome.Result?.StatusCode, args.Duration,
                        args.AttemptNumber + 1, MaxRetries, args.RetryDelay,
                        args.Outcome.Exception is { } ex ? Describe(ex, args.Context.CancellationToken) : null);
                    return default;
                },
            });
        }
        builder.AddStrategy(_ => new AttemptGateStrategy(this), new AttemptGateStrategyOptions());
        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Bloomy.AttemptTimeout", Timeout = options.Timeout });
        }
        return builder.Build();
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<AttemptResult> outcome)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        if (outcome.Exception is { } ex)
        {
            return state.Idempotent && IsTransient(ex, context.CancellationToken);
        }
        var status = outcome.Result!.StatusCode;
        if (status == 429)
        {
            // The attempt strategy has already waited out every 429 the time budget allows.
            return false;
        }
        return state.Idempotent && (status == 408 || (status >= 500 && status <= 599));
    }

    private TimeSpan? RetryDelay(Outcome<AttemptResult> outcome, int attemptNumber)
    {
        var result = outcome.Result;
        return result?.RetryAfter is { } retryAfter ? CapDelay(retryAfter) : Backoff(attemptNumber);
    }

    private static bool IsTransient(Exception ex, CancellationToken token) => ex switch
    {
        _ when TransportFailure.IsPermanent(ex) => false,
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        SocketException => true,
        // HttpClient reports some aborted connections as cancellation of a token nobody cancelled.
        OperationCanceledException => !token.IsCancellationRequested,
        _ => false,
    };

    private static bool IsMappable(Exception ex) =>
        ex is TimeoutRejectedException or HttpRequestException or IOException or SocketException or OperationCanceledException;

    // True when the failure certainly happened before anything was sent (no connection was made),
    // so even a POST has not been processed.
    internal static bool CertainlyNotSent(Exception ex)
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

    internal string Describe(Exception ex, CancellationToken token) => ex switch
    {
        TimeoutRejectedException t => "timed out after " + Texts.Duration(t.Timeout),
        OperationCanceledException when token.IsCancellationRequested => "cancelled",
        OperationCanceledException => "aborted",
        _ => "transport error: " + Texts.Excerpt(Texts.Flatten(ex), CurrentSecret),
    };

    private Exception MapException(RequestState state, Exception ex)
    {
        // Keep the cause for debugging, unless something in it (a handler's message) holds the key.
        var secret = CurrentSecret;
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
                : "failed (" + Texts.Excerpt(Texts.Flatten(ex), CurrentSecret) + ") after it may have reached the server";
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
        if (TransportFailure.Describe(ex, BaseUri, HandshakeTimeout.Effective(Options)) is { } permanent)
        {
            return new BloomyApiException(BloomyFailureKind.Transport, $"{what} failed: {permanent} ({attempts}). The request was not sent.",
                state.MethodName, state.Path, retryCount: state.Retries, innerException: inner);
        }
        var notSent = CertainlyNotSent(ex) ? " The request was not sent." : string.Empty;
        return new BloomyApiException(BloomyFailureKind.Transport,
            $"{what} failed: could not reach the Bloom Growth API at {BaseUri.Authority} ({Texts.Excerpt(Texts.Flatten(ex), CurrentSecret)}; {attempts}).{notSent}",
            state.MethodName, state.Path, retryCount: state.Retries, innerException: inner);
    }

    private Exception MapStatus(RequestState state, AttemptResult result)
    {
        var status = result.StatusCode;
        var reason = Texts.Reason(status, result.ReasonPhrase);
        var what = state.MethodName + " " + state.Path;
        if (status == 401 && _session is not null)
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
        var excerpt = Texts.Excerpt(result.Body, result.Body?.Length ?? 0, CurrentSecret);
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
            message += $"; waiting again would pass the {Texts.Duration(RateLimitBudget)} limit on rate-limit waits (the total timeout)";
        }
        message += ".";
        if (excerpt is not null)
        {
            message += " " + excerpt;
        }
        return new BloomyApiException(BloomyFailureKind.HttpStatus, message, state.MethodName, state.Path,
            status, excerpt, state.Retries, result.RetryAfter);
    }

    private T Deserialize<T>(RequestState state, AttemptResult result, JsonTypeInfo<T> responseType)
    {
        var what = state.MethodName + " " + state.Path;
        var body = result.Body;
        if (body is null || body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw InvalidResponse(state, result, $"{what} returned {result.StatusCode} with an empty body where JSON was expected.", null);
        }
        if (IsHtml(result))
        {
            throw InvalidResponse(state, result,
                $"{what} returned a body that is not the expected JSON (an HTML page: a mistyped route answered by the web application, " +
                "or a proxy, sign-in or error page in front of the API).", null);
        }
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(body, responseType);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // A page of markup is usually a proxy, sign-in or error page standing in for the API: say so plainly.
            var detail = LooksLikeMarkup(body)
                ? "an HTML page, often a proxy, sign-in or error page in front of the API"
                : Texts.Excerpt(ex.Message, CurrentSecret);
            throw InvalidResponse(state, result, $"{what} returned a body that is not the expected JSON ({detail}).", ex);
        }
        if (value is null)
        {
            throw InvalidResponse(state, result, $"{what} returned JSON null where a value was expected.", null);
        }
        return value;
    }

    private static bool LooksLikeMarkup(byte[] body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'<';
        }
        return false;
    }

    private BloomyApiException InvalidResponse(RequestState state, AttemptResult result, string message, Exception? inner)
    {
        var excerpt = Texts.Excerpt(result.Body, result.Body?.Length ?? 0, CurrentSecret);
        if (excerpt is not null)
        {
            message += " Body: " + excerpt;
        }
        return new BloomyApiException(BloomyFailureKind.InvalidResponse, message, state.MethodName, state.Path,
            result.StatusCode, excerpt, state.Retries, innerException: inner);
    }

    private static string AttemptsText(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    internal static Uri ValidateBaseUri(Uri? uri, bool allowInsecureHttp)
    {
        if (uri is null)
        {
            throw new BloomyConfigurationException("BaseUri must be set (for example https://app.bloomgrowth.com/api/v1/).");
        }
        if (!uri.IsAbsoluteUri)
        {
            throw new BloomyConfigurationException($"BaseUri must be an absolute http or https URI; '{uri.OriginalString}' is relative.");
        }
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new BloomyConfigurationException($"BaseUri must use https (or http for a local emulator); '{uri.Scheme}' is not supported.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new BloomyConfigurationException("BaseUri must not contain a user name or password; the API key is sent in a header.");
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new BloomyConfigurationException("BaseUri must not contain a query or fragment.");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp)
        {
            throw new BloomyConfigurationException(
                $"BaseUri {uri.GetLeftPart(UriPartial.Authority)} uses plain http, which would send the API key unencrypted. " +
                "Use https, or set AllowInsecureHttp for a trusted network (http to localhost is always allowed).");
        }
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith("/", StringComparison.Ordinal) ? new Uri(text) : new Uri(text + "/");
    }

    private static void ValidateRanges(BloomyClientOptions o)
    {
        if (o.MaxConcurrentRequests < 1 || o.MaxConcurrentRequests > 1024)
        {
            throw new BloomyConfigurationException($"MaxConcurrentRequests must be between 1 and 1024; got {o.MaxConcurrentRequests}.");
        }
        if (o.MaxRetries < 0 || o.MaxRetries > 10)
        {
            throw new BloomyConfigurationException($"MaxRetries must be between 0 and 10; got {o.MaxRetries}.");
        }
        CheckTimeout(o.Timeout, nameof(o.Timeout));
        CheckTimeout(o.TotalTimeout, nameof(o.TotalTimeout));
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"RetryBaseDelay must be between 0 and 1 day; got {o.RetryBaseDelay}.");
        }
        if (o.MaxRetryDelay < TimeSpan.Zero || o.MaxRetryDelay > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"MaxRetryDelay must be between 0 and 1 day; got {o.MaxRetryDelay}.");
        }
        if (o.MaxResponseBodyBytes < BloomyClientOptions.MinResponseBodyBytes || o.MaxResponseBodyBytes > BloomyClientOptions.MaxResponseBodyBytesLimit)
        {
            throw new BloomyConfigurationException(
                $"MaxResponseBodyBytes must be between {BloomyClientOptions.MinResponseBodyBytes} and {BloomyClientOptions.MaxResponseBodyBytesLimit} (1 GB); got {o.MaxResponseBodyBytes}.");
        }
        if (o.TimeProvider is null)
        {
            throw new BloomyConfigurationException("TimeProvider must not be null.");
        }
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }
        // Polly's timeout strategy accepts 10 ms .. 24 h.
        if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"{name} must be between 10 ms and 1 day (or infinite); got {value}.");
        }
    }

    private static HttpClient CreateHttpClient(BloomyClientOptions options, Uri baseUri, int cap)
    {
        HttpClient client;
        if (options.Handler is { } injected)
        {
            client = new HttpClient(injected, disposeHandler: false);
        }
        else
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
            };
            if (handler.SupportsAutomaticDecompression)
            {
                handler.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
            }
            // Windows PowerShell 5.1 (.NET Framework) allows 2 connections per host by default, which
            // would silently cap every throttle limit at 2.
            try
            {
                handler.MaxConnectionsPerServer = Math.Max(cap, 2);
            }
            catch (PlatformNotSupportedException)
            {
            }
            try
            {
                var servicePoint = ServicePointManager.FindServicePoint(baseUri);
                if (servicePoint.ConnectionLimit < cap)
                {
                    servicePoint.ConnectionLimit = cap;
                }
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or NotSupportedException or InvalidOperationException)
            {
            }
            EnsureTls12();
            client = new HttpClient(HandshakeTimeout.Apply(handler, HandshakeTimeout.Effective(options)), disposeHandler: true);
        }
        client.BaseAddress = baseUri;
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        return client;
    }

    // .NET Framework before 4.7 (still seen under Windows PowerShell 5.1 on old servers) may not offer
    // TLS 1.2, which the API requires. SystemDefault (0), the modern default, is left alone.
    private static void EnsureTls12()
    {
        try
        {
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
        }
        catch (Exception ex) when (ex is NotSupportedException or PlatformNotSupportedException)
        {
        }
    }

    private static string GetVersion()
    {
        var assembly = typeof(BloomyHttp).GetTypeInfo().Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus > 0 ? informational.Substring(0, plus) : informational;
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }

    private static class SharedRandom
    {
        private static readonly Random Random = new();

        public static double NextDouble()
        {
            lock (Random)
            {
                return Random.NextDouble();
            }
        }
    }
}
