using System.Globalization;
using System.Text;

namespace Bloomy.Client.Http;

/// <summary>What happened to a request.</summary>
public enum BloomyRequestEventKind
{
    /// <summary>An attempt got a 2xx answer.</summary>
    Completed,
    /// <summary>An attempt failed (non-2xx, timeout, transport error).</summary>
    Failed,
    /// <summary>A failed attempt will be retried after <see cref="BloomyRequestEvent.Delay"/>.</summary>
    RetryScheduled,
    /// <summary>The request waits because the server rate-limited this client (429).</summary>
    RateLimitPause,
    /// <summary>
    /// A retried request was refused in a way that shows an earlier attempt already did the work (a DELETE
    /// answered 404 after an attempt that may have reached the server), so it counts as done.
    /// </summary>
    AlreadyDone,
}

/// <summary>
/// One observation of a request, for diagnostics such as <c>-Verbose</c>. It carries the method, the
/// relative path and timing, never headers or the API key.
/// </summary>
public sealed class BloomyRequestEvent
{
    internal BloomyRequestEvent(
        BloomyRequestEventKind kind, string method, string path, int? statusCode, TimeSpan elapsed,
        int attempt, int maxRetries, TimeSpan? delay, string? detail)
    {
        Kind = kind;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Elapsed = elapsed;
        Attempt = attempt;
        MaxRetries = maxRetries;
        Delay = delay;
        Detail = detail;
    }

    /// <summary>What happened.</summary>
    public BloomyRequestEventKind Kind { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path relative to the API root, with its query (e.g. <c>todo/user/1001</c>).</summary>
    public string Path { get; }

    /// <summary>The HTTP status of the attempt, when there was an answer.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the attempt took (zero for events that are not about a finished attempt).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// The attempt number, starting at 1. For <see cref="BloomyRequestEventKind.RetryScheduled"/> it is the
    /// number of the retry being scheduled (1 for the first retry); rate-limit retries (429) are numbered on their own,
    /// because they are bounded by time rather than by <see cref="MaxRetries"/>.
    /// </summary>
    public int Attempt { get; }

    /// <summary>The retry limit of the client, so a retry can be shown as "retry 1/3".</summary>
    public int MaxRetries { get; }

    /// <summary>The wait before the retry, or the rate-limit pause.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>A short explanation (e.g. "timed out after 30 s"), never the key.</summary>
    public string? Detail { get; }

    /// <summary>A one-line description, e.g. <c>GET todo/user/1001 → 200 in 52 ms</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(Method).Append(' ').Append(Path);
        switch (Kind)
        {
            case BloomyRequestEventKind.Completed:
            case BloomyRequestEventKind.Failed:
                b.Append(" → ");
                if (StatusCode is { } s)
                {
                    b.Append(s.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    b.Append(Detail ?? "failed");
                }
                b.Append(" in ").Append(Texts.Duration(Elapsed));
                if (Attempt > 1)
                {
                    b.Append(" (attempt ").Append(Attempt.ToString(CultureInfo.InvariantCulture)).Append(')');
                }
                break;
            case BloomyRequestEventKind.RetryScheduled when StatusCode == 429:
                // Rate-limit retries are bounded by time, not by MaxRetries, so they have no "n/max".
                b.Append(" → 429; retry ").Append(Attempt.ToString(CultureInfo.InvariantCulture))
                    .Append(" in ").Append(Texts.Seconds(Delay ?? TimeSpan.Zero))
                    .Append(" (rate limited)");
                break;
            case BloomyRequestEventKind.RetryScheduled:
                b.Append(" → ").Append(StatusCode?.ToString(CultureInfo.InvariantCulture) ?? Detail ?? "failed")
                    .Append("; retry ").Append(Attempt.ToString(CultureInfo.InvariantCulture))
                    .Append('/').Append(MaxRetries.ToString(CultureInfo.InvariantCulture))
                    .Append(" in ").Append(Texts.Seconds(Delay ?? TimeSpan.Zero));
                break;
            case BloomyRequestEventKind.AlreadyDone:
                b.Append(" → ").Append(StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "done")
                    .Append(" on attempt ").Append(Attempt.ToString(CultureInfo.InvariantCulture))
                    .Append(": ").Append(Detail ?? "already done");
                break;
            case BloomyRequestEventKind.RateLimitPause:
                b.Append(" paused ").Append(Texts.Seconds(Delay ?? TimeSpan.Zero))
                    .Append(": the server rate-limited this connection (429)");
                break;
        }
        return b.ToString();
    }
}

/// <summary>
/// Observes the requests made by Bloomy clients within the current asynchronous flow (for example one
/// cmdlet invocation), without a logging framework.
/// </summary>
public static class BloomyRequestScope
{
    private static readonly AsyncLocal<Node?> Current = new();

    /// <summary>
    /// Starts observing: every request started in this asynchronous flow, until the returned object is
    /// disposed, reports its events to <paramref name="listener"/>. Scopes nest; outer listeners keep
    /// receiving events.
    /// </summary>
    /// <param name="listener">
    /// Called on whichever thread the request runs on; must be thread-safe and quick. Its exceptions are
    /// ignored so that diagnostics cannot break a request.
    /// </param>
    /// <returns>Ends the scope when disposed.</returns>
    public static IDisposable Begin(Action<BloomyRequestEvent> listener)
    {
        if (listener is null)
        {
            throw new ArgumentNullException(nameof(listener));
        }
        var node = new Node(listener, Current.Value);
        Current.Value = node;
        return new Scope(node);
    }

    internal static Node? Capture() => Current.Value;

    internal sealed class Node
    {
        public Node(Action<BloomyRequestEvent> listener, Node? parent)
        {
            Listener = listener;
            Parent = parent;
        }

        public Action<BloomyRequestEvent> Listener { get; }
        public Node? Parent { get; }
        public bool Disposed { get; set; }

        public void Raise(BloomyRequestEvent e)
        {
            for (var n = this; n is not null; n = n.Parent)
            {
                if (n.Disposed)
                {
                    continue;
                }
                try
                {
                    n.Listener(e);
                }
                catch (Exception)
                {
                    // Diagnostics must never fail a request.
                }
            }
        }
    }

    private sealed class Scope : IDisposable
    {
        private readonly Node _node;

        public Scope(Node node) => _node = node;

        public void Dispose()
        {
            if (_node.Disposed)
            {
                return;
            }
            _node.Disposed = true;
            if (ReferenceEquals(Current.Value, _node))
            {
                Current.Value = _node.Parent;
            }
        }
    }
}
