using Polly;
using Polly.Timeout;

namespace Bloomy.Client.Http;

internal sealed class AttemptGateStrategyOptions : ResilienceStrategyOptions
{
    public AttemptGateStrategyOptions() => Name = "Bloomy.RateLimitGateAndConcurrency";
}

// Sits between the retry and the per-attempt timeout: waits out a client-wide 429 pause, takes a
// concurrency slot only for the attempt itself (never during retry waits), reports the attempt, and
// starts a client-wide pause when the server answers 429. A 429 is tried again here, after the pause,
// for as long as the time budget allows, so 429s never use up the retries MaxRetries grants for failures. Keeping the slot wait outside the attempt
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
        while (true)
        {
            long epoch;
            try
            {
                epoch = await _http.EnterAsync(rs, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
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
                    _http.Concurrency.OnRateLimited(epoch);
                    // A Retry-After of zero, negative or in the past is no reason to hammer: it gets the normal back-off.
                    var pause = result.RetryAfter is { } ra && ra > TimeSpan.Zero ? _http.CapDelay(ra) : _http.Backoff(rs.RateLimitRetries);
                    _http.Gate.PauseUntil(time.GetUtcNow() + pause);
                    rs.Raise(BloomyRequestEventKind.Failed, 429, elapsed, attempt, _http.MaxRetries, null, null);

                    // The server refused before doing anything, so even a POST is safe to repeat; the wait is the
                    // connection-wide pause, taken in EnterAsync with every other request of the connection.
                    var wait = _http.Gate.Remaining(time.GetUtcNow());
                    if (_http.MayWaitOutRateLimit(rs, wait))
                    {
                        rs.RateLimitRetries++;
                        rs.Retries++;
                        rs.AnnouncedPauseEnd = _http.Gate.ResumeAt;
                        rs.Raise(BloomyRequestEventKind.RetryScheduled, 429, elapsed, rs.RateLimitRetries, _http.MaxRetries, wait, null);
                        continue;
                    }
                    rs.RateLimitBudgetSpent = _http.MaxRetries > 0;
                    return outcome;
                }
                if (result.StatusCode < 500)
                {
                    _http.Concurrency.OnSuccess();
                }
                if (result.StatusCode >= 500 || result.StatusCode == 408)
                {
                    rs.MayHaveBeenApplied = true;
                }
                rs.Raise(result.IsSuccess ? BloomyRequestEventKind.Completed : BloomyRequestEventKind.Failed,
                    result.StatusCode, elapsed, attempt, _http.MaxRetries, null, null);
            }
            else if (outcome.Exception is { } ex)
            {
                if (!BloomyHttp.CertainlyNotSent(ex))
                {
                    rs.MayHaveBeenApplied = true;
                }
                rs.Raise(BloomyRequestEventKind.Failed, null, elapsed, attempt, _http.MaxRetries, null,
                    _http.Describe(ex, context.CancellationToken));
            }
            return outcome;
        }
    }
}
