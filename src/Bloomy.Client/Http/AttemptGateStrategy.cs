using Polly;
using Polly.Timeout;

namespace Bloomy.Client.Http;

internal sealed class AttemptGateStrategyOptions : ResilienceStrategyOptions
{
    public AttemptGateStrategyOptions() => Name = "Bloomy.RateLimitGateAndConcurrency";
}

// Sits between the retry and the per-attempt timeout: waits out a client-wide 429 pause, takes a
// concurrency slot only for the attempt itself (never during retry waits), reports the attempt, and
// starts a client-wide pause when the server answers 429. Keeping the slot wait outside the attempt
// timeout means a long queue behind the cap cannot make attempts time out.
internal sealed class AttemptGateStrategy : ResilienceStrategy<AttemptResult>
{
    private readonly BloomyHttp _http;

    public AttemptGateStrategy(BloomyHttp http) => _http = http;

    protected override async ValueTask<Outcome<AttemptResult>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<AttemptResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        var rs = context.Properties.GetValue(BloomyHttp.StateKey, null!);
        var time = _http.Time;
        try
        {
            await _http.EnterAsync(rs, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<AttemptResult>(ex);
        }

        var attempt = Interlocked.Increment(ref rs.Attempts);
        var started = time.GetTimestamp();
        Outcome<AttemptResult> outcome;
        try
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception ex)
        {
            outcome = Outcome.FromException<AttemptResult>(ex);
        }
        finally
        {
            _http.Exit();
        }
        var elapsed = time.GetElapsedTime(started);
        rs.LastAttemptException = outcome.Exception;

        if (outcome.Result is { } result)
        {
            if (result.StatusCode == 429)
            {
                var pause = result.RetryAfter is { } ra ? _http.CapDelay(ra) : _http.Backoff(attempt - 1);
                _http.Gate.PauseUntil(time.GetUtcNow() + pause);
            }
            rs.Raise(result.IsSuccess ? BloomyRequestEventKind.Completed : BloomyRequestEventKind.Failed,
                result.StatusCode, elapsed, attempt, _http.MaxRetries, null, null);
        }
        else if (outcome.Exception is { } ex)
        {
            rs.Raise(BloomyRequestEventKind.Failed, null, elapsed, attempt, _http.MaxRetries, null,
                _http.Describe(ex, context.CancellationToken));
        }
        return outcome;
    }
}
