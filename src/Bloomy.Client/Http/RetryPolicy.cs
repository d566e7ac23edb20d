using System.Net.Http;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace Bloomy.Client.Http;

// Which failures are tried again and how long to wait before each retry. The pipeline's retry strategy asks
// only this, so these are the only delays: Polly's own back-off settings are left at their defaults, unused.
internal sealed class RetryPolicy
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<double> _jitter;

    public RetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? jitter)
    {
        MaxRetries = maxRetries;
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _jitter = jitter ?? SharedRandom.NextDouble;
    }

    public static RetryPolicy From(BloomyClientOptions options) =>
        new(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, options.JitterSource);

    // Retries of failures (server errors, timeouts, lost connections); 429s are waited out apart from these.
    public int MaxRetries { get; }

    // A server's Retry-After, never negative and never longer than MaxRetryDelay.
    public TimeSpan CapDelay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        return delay > _maxDelay ? _maxDelay : delay;
    }

    // Exponential from RetryBaseDelay (retry n waits base·2^n), jittered to 75–125 % so that clients
    // that failed together do not retry together, capped at MaxRetryDelay.
    public TimeSpan Backoff(int retryIndex)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(retryIndex, 0), 30));
        var jitter = 0.75 + (0.5 * Clamp01(_jitter()));
        var ticks = _baseDelay.Ticks * factor * jitter;
        if (double.IsNaN(ticks) || ticks >= _maxDelay.Ticks)
        {
            return _maxDelay;
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    // The wait before retry number attemptNumber + 1: what the server asked for, else the back-off. Always a value.
    public TimeSpan Delay(AttemptResult? result, int attemptNumber) =>
        result?.RetryAfter is { } retryAfter ? CapDelay(retryAfter) : Backoff(attemptNumber);

    // Whether an attempt's outcome is worth another try: a transient failure or a server error, only for
    // requests whose repetition cannot duplicate work.
    public static bool ShouldRetry(RequestState state, Outcome<AttemptResult> outcome, CancellationToken token)
    {
        if (outcome.Exception is { } ex)
        {
            return state.Idempotent && IsTransient(ex, token);
        }
        var status = outcome.Result!.StatusCode;
        if (status == 429)
        {
            // The attempt strategy has already waited out every 429 the time budget allows.
            return false;
        }
        return state.Idempotent && (status == 408 || (status >= 500 && status <= 599));
    }

    public static bool IsTransient(Exception ex, CancellationToken token) => ex switch
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

    private static double Clamp01(double value) => double.IsNaN(value) ? 0.5 : Math.Max(0, Math.Min(1, value));

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
