using System.Net.Http;

namespace Bloomy.Client.Http;

// Everything one logical call needs across its attempts; reached from Polly callbacks through the
// ResilienceContext properties.
internal sealed class RequestState
{
    public RequestState(HttpMethod method, string path, byte[]? body, bool readBody, BloomyRequestScope.Node? listener)
    {
        Method = method;
        MethodName = method.Method.ToUpperInvariant();
        Path = path;
        RelativeUri = new Uri(path, UriKind.Relative);
        Target = RelativeUri;
        Body = body;
        ReadBody = readBody;
        Idempotent = IsIdempotent(MethodName);
        Listener = listener;
    }

    // A request to an endpoint outside the API root (the GraphQL endpoint): sent to the absolute target, shown as
    // label (e.g. "graphql/ EditTodo") in events and errors, retried only when idempotent says so (a GraphQL query is
    // a POST that is safe to repeat, a mutation is not), and its error answers read in full, up to the body cap, because
    // they carry the GraphQL errors.
    public RequestState(Uri target, string label, byte[] body, bool idempotent, BloomyRequestScope.Node? listener)
    {
        Method = HttpMethod.Post;
        MethodName = "POST";
        Path = label;
        RelativeUri = target;
        Target = target;
        Body = body;
        ReadBody = true;
        ReadErrorBody = true;
        Idempotent = idempotent;
        Listener = listener;
    }

    public HttpMethod Method { get; }
    public string MethodName { get; }
    public string Path { get; }
    public Uri RelativeUri { get; }

    // Where the request goes: RelativeUri (resolved against the API root) or an absolute endpoint.
    public Uri Target { get; }

    // Whether a non-2xx answer is read in full (up to the body cap) rather than only its start.
    public bool ReadErrorBody { get; }
    public byte[]? Body { get; }
    public bool ReadBody { get; }

    // Whether repeating the request cannot duplicate work; only these are retried after a server
    // error or a failure that may have happened after the server received the request.
    public bool Idempotent { get; }
    public BloomyRequestScope.Node? Listener { get; }

    public int Attempts;

    // Retries of every kind (what errors report), and of each kind: failures count against MaxRetries,
    // 429s against the time budget only.
    public int Retries;
    public int FailureRetries;
    public int RateLimitRetries;

    // When the logical request started (TimeProvider timestamp): the start of its rate-limit wait budget.
    public long Started;

    // Whether the last 429 was given up on because waiting again would pass the time budget.
    public bool RateLimitBudgetSpent;

    // Whether an earlier attempt may have been carried out by the server although no success came back
    // (lost in flight, timed out, or a server error): a DELETE retried after that and answered 404 is done.
    public bool MayHaveBeenApplied;

    // Set once the request was sent again with a renewed token after a 401: a request is re-authenticated once at most.
    public bool Reauthenticated;

    // The exception the most recent attempt ended with (null if it produced a response); tells an
    // attempt timeout from the total timeout, and "failed in flight" from "failed while waiting".
    public Exception? LastAttemptException;

    // The end of the last rate-limit pause reported for this request: a pause is announced once, not
    // again each time the wait wakes a moment early against the wall clock.
    public DateTimeOffset AnnouncedPauseEnd;

    public static bool IsIdempotent(string method) =>
        method is "GET" or "HEAD" or "OPTIONS" or "PUT" or "DELETE" or "TRACE";

    public void Raise(BloomyRequestEventKind kind, int? status, TimeSpan elapsed, int attempt, int maxRetries, TimeSpan? delay, string? detail)
    {
        Listener?.Raise(new BloomyRequestEvent(kind, MethodName, Path, status, elapsed, attempt, maxRetries, delay, detail));
    }
}
