using System.Net.Http;
using System.Net.Http.Headers;
using Polly;

namespace Bloomy.Client.Http;

// Sends one attempt of a request: builds the HTTP message (JSON body, Authorization from the authorizer),
// sends it, and reads the answer into an AttemptResult with every body read bounded in size.
internal sealed class RequestSender
{
    // What is read of an error answer or of a call's answer that expects no body.
    private const int ShortBodyLimit = 4096;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly byte[] NoBody = Array.Empty<byte>();

    private readonly HttpClient _client;
    private readonly RequestAuthorizer _authorizer;
    private readonly TimeProvider _time;
    private readonly long _maxResponseBodyBytes;
    private readonly Func<RequestState, AuthenticationHeaderValue, CancellationToken, Task<HttpResponseMessage>> _sendOnce;

    public RequestSender(HttpClient client, RequestAuthorizer authorizer, TimeProvider time, long maxResponseBodyBytes)
    {
        _client = client;
        _authorizer = authorizer;
        _time = time;
        _maxResponseBodyBytes = maxResponseBodyBytes;
        _sendOnce = SendOnceAsync;
    }

    public async ValueTask<AttemptResult> SendAttemptAsync(ResilienceContext context, RequestState state)
    {
        var ct = context.CancellationToken;
        using var response = await _authorizer.SendAsync(state, _sendOnce, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var retryAfter = status == 429 || status == 503 ? RetryAfterParser.Parse(response, _time) : null;
        byte[]? body = null;
        if (status >= 200 && status <= 299)
        {
            if (state.ReadBody && response.Content is not null)
            {
                body = await ResponseBodyReader.ReadAsync(response.Content, _maxResponseBodyBytes, failOverLimit: true, ct).ConfigureAwait(false);
            }
            else if (response.Content is not null)
            {
                // A void call's answer is normally empty (or a JSON literal); its start is read only to tell
                // the web application's HTML page (a mistyped route) from success.
                body = await ResponseBodyReader.ReadAsync(response.Content, ShortBodyLimit, failOverLimit: false, ct).ConfigureAwait(false);
            }
        }
        else if (response.Content is not null)
        {
            try
            {
                var limit = state.ReadErrorBody ? _maxResponseBodyBytes : ShortBodyLimit;
                body = await ResponseBodyReader.ReadAsync(response.Content, limit, failOverLimit: false, ct).ConfigureAwait(false);
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

    private async Task<HttpResponseMessage> SendOnceAsync(RequestState state, AuthenticationHeaderValue authorization, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(state.Method, state.Target);
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
}
