using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bloomy.Client.Auth;
using Bloomy.Client.GraphQL;
using Polly;

namespace Bloomy.Client.Http;

// The transport every resource client goes through: one HttpClient, one Polly pipeline, one concurrency cap
// and one rate-limit gate per connection. It only coordinates; each job is its own type:
// OptionsValidator (settings), RequestAuthorizer (key or token session), HttpClientFactory (the HttpClient),
// BloomyPipeline with RetryPolicy and AttemptAdmission (timeouts, retries, 429 pauses, concurrency),
// RequestSender (one attempt), FailureMapper (errors) and ResponseDeserializer (answers).
internal sealed class BloomyHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly RequestAuthorizer _authorizer;
    private readonly RequestSender _sender;
    private readonly FailureMapper _failures;
    private readonly ResponseDeserializer _deserializer;
    private volatile bool _disposed;

    public BloomyHttp(BloomyClientOptions options)
    {
        BaseUri = OptionsValidator.Validate(options);
        GraphQLUri = options.GetEffectiveGraphQLUri();
        Time = options.TimeProvider ?? TimeProvider.System;
        _authorizer = new RequestAuthorizer(options, Time);

        var copy = options.Clone();
        copy.ApiKey = null;
        copy.Credential = null;
        copy.BaseUri = BaseUri;
        copy.GraphQLUri = GraphQLUri;
        Options = copy;

        Retry = RetryPolicy.From(options);
        Admission = new AttemptAdmission(options.MaxConcurrentRequests, options.TotalTimeout, Time);
        _failures = new FailureMapper(BaseUri, HandshakeTimeout.Effective(options), Admission.RateLimitBudget,
            _authorizer.UsesTokenSession, () => _authorizer.CurrentSecret);
        _deserializer = new ResponseDeserializer(_failures);
        _client = HttpClientFactory.Create(options, BaseUri);
        _sender = new RequestSender(_client, _authorizer, Time, options.MaxResponseBodyBytes);
        Pipeline = BloomyPipeline.Build(options, Time, Retry, Admission, _failures);
        GraphQL = new GraphQLTransport(this, _failures);
    }

    public Uri BaseUri { get; }

    // The GraphQL endpoint (GraphQLUri, or /graphql/ on the host of BaseUri).
    public Uri GraphQLUri { get; }

    // The second transport of the connection, on this one's HttpClient, pipeline, cap, gate and token session.
    internal GraphQLTransport GraphQL { get; }

    public BloomyApiKeySource ApiKeySource => _authorizer.ApiKeySource;

    public BloomyAuthenticationMethod AuthenticationMethod => _authorizer.AuthenticationMethod;

    // When the token of a credential connection expires (null for an API key, whose expiry is unknown).
    public DateTimeOffset? TokenExpiresAt => _authorizer.TokenExpiresAt;

    // A copy of the validated options without the key, so nothing downstream can leak it.
    public BloomyClientOptions Options { get; }

    internal TimeProvider Time { get; }
    internal RetryPolicy Retry { get; }
    internal AttemptAdmission Admission { get; }
    internal ResiliencePipeline<AttemptResult> Pipeline { get; }

    public Task<T> GetAsync<T>(string path, JsonTypeInfo<T> responseType, CancellationToken ct) =>
        SendCoreAsync(HttpMethod.Get, path, null, responseType ?? throw new ArgumentNullException(nameof(responseType)), ct);

    public Task<TResponse> SendAsync<TBody, TResponse>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken ct) =>
        SendCoreAsync(method, path, Serialize(body, bodyType), responseType ?? throw new ArgumentNullException(nameof(responseType)), ct);

    public Task SendVoidAsync<TBody>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, CancellationToken ct) =>
        SendVoidCoreAsync(method, path, Serialize(body, bodyType), ct);

    public Task SendVoidAsync(HttpMethod method, string path, CancellationToken ct) =>
        SendVoidCoreAsync(method, path, null, ct);

    // Sends one POST to an endpoint outside the API root (the GraphQL endpoint) through the same pipeline, and returns
    // the answer whatever its status: a GraphQL answer of 400 (or 200) carries errors its reader must see. Transport
    // failures, timeouts, cancellation and the body cap fail as for REST. label names it in events and errors.
    internal async Task<(RequestState State, AttemptResult Result)> PostToEndpointAsync(
        Uri target, string label, byte[] body, bool idempotent, CancellationToken ct)
    {
        if (target is null || !target.IsAbsoluteUri)
        {
            throw new ArgumentException("The endpoint must be an absolute URI.", nameof(target));
        }
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(BloomyHttp));
        }
        var state = new RequestState(target, label, body, idempotent, BloomyRequestScope.Capture()) { Started = Time.GetTimestamp() };
        var result = await ExecuteAsync(state, ct, mapStatus: false).ConfigureAwait(false);
        return (state, result);
    }

    public override string ToString() => $"BloomyHttp {BaseUri} ({AuthenticationMethod})";

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _client.Dispose();
        _authorizer.Dispose();
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
        return _deserializer.Deserialize(state, result, responseType);
    }

    private async Task SendVoidCoreAsync(HttpMethod method, string path, byte[]? body, CancellationToken ct)
    {
        var state = CreateState(method, path, body, readBody: false);
        var result = await ExecuteAsync(state, ct).ConfigureAwait(false);
        _deserializer.EnsureNotHtml(state, result);
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

    private async Task<AttemptResult> ExecuteAsync(RequestState state, CancellationToken ct, bool mapStatus = true)
    {
        ct.ThrowIfCancellationRequested();
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(BloomyPipeline.StateKey, state);
        AttemptResult result;
        try
        {
            result = await Pipeline.ExecuteAsync(
                static (ctx, s) => s.sender.SendAttemptAsync(ctx, s.state),
                context,
                (sender: _sender, state)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ResponseTooLargeException tooLarge)
        {
            throw _failures.TooLarge(state, tooLarge);
        }
        catch (Exception ex) when (FailureMapper.IsMappable(ex))
        {
            throw _failures.MapException(state, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        if (!result.IsSuccess && mapStatus)
        {
            if (IsDeleteAlreadyDone(state, result))
            {
                return result;
            }
            throw _failures.MapStatus(state, result);
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
        state.Raise(BloomyRequestEventKind.AlreadyDone, 404, TimeSpan.Zero, state.Attempts, Retry.MaxRetries, null,
            "an earlier attempt that may have reached the server already deleted it; counted as deleted");
        return true;
    }
}
