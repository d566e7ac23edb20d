using Polly;

namespace Bloomy.Client.Http;

internal sealed class AttemptGateStrategyOptions : ResilienceStrategyOptions
{
    public AttemptGateStrategyOptions() => Name = "Bloomy.RateLimitGateAndConcurrency";
}

// Sits between the retry and the per-attempt timeout: waits out a client-wide 429 pause, takes a
// concurrency slot only for the attempt itself (never during retry waits), reports the attempt, and
// starts a client-wide pause when the server answers 429. A 429 is tried again here, after the pause,
// for as long as the time budget allows, so 429s never use up the retries MaxRetries grants for failures.
// Keeping the slot wait outside the attempt timeout means a long queue behind the cap cannot make attempts
// time out. It works only with what it is given: the admission (gate and cap), the retry policy (back-off,
// MaxRetries), the failure mapper (event texts) and the clock.
internal sealed class AttemptGateStrategy : ResilienceStrategy<AttemptResult>
{
    private readonly AttemptAdmission _admission;
    private readonly RetryPolicy _retry;
    private readonly FailureMapper _failures;
    private readonly TimeProvider _time;

    public AttemptGateStrategy(AttemptAdmission admission, RetryPolicy retry, FailureMapper failures, TimeProvider time)
    {
        _admission = admission;
        _retry = retry;
        _failures = failures;
        _time = time;
    }

    protected override async ValueTask<Outcome<AttemptResult>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<AttemptResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        var rs = BloomyPipeline.State(context);
        var time = _time;
        var maxRetries = _retry.MaxRetries;
        while (true)
        {
            long epoch;
            try
            {
                epoch = await _admission.EnterAsync(rs, maxRetries, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
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
                _admission.Exit();
            }
            var elapsed = time.GetElapsedTime(started);
            rs.LastAttemptException = outcome.Exception;

            if (outcome.Result is { } result)
            {
                if (result.StatusCode == 429)
                {
                    // A Retry-After of zero, negative or in the past is no reason to hammer: it gets the normal back-off.
                    var pause = result.RetryAfter is { } ra && ra > TimeSpan.Zero ? _retry.CapDelay(ra) : _retry.Backoff(rs.RateLimitRetries);
                    var wait = _admission.OnRateLimited(epoch, pause);
                    rs.Raise(BloomyRequestEventKind.Failed, 429, elapsed, attempt, maxRetries, null, null);

                    // The server refused before doing anything, so even a POST is safe to repeat; the wait is the
                    // connection-wide pause, taken in EnterAsync with every other request of the connection.
                    // MaxRetries = 0 turns these waits off too.
                    if (maxRetries > 0 && _admission.WithinRateLimitBudget(rs, wait))
                    {
                        rs.RateLimitRetries++;
                        rs.Retries++;
                        rs.AnnouncedPauseEnd = _admission.Gate.ResumeAt;
                        rs.Raise(BloomyRequestEventKind.RetryScheduled, 429, elapsed, rs.RateLimitRetries, maxRetries, wait, null);
                        continue;
                    }
                    rs.RateLimitBudgetSpent = maxRetries > 0;
                    return outcome;
                }
                if (result.StatusCode < 500)
                {
                    _admission.OnAnswered();
                }
                if (result.StatusCode >= 500 || result.StatusCode == 408)
                {
                    rs.MayHaveBeenApplied = true;
                }
                rs.Raise(result.IsSuccess ? BloomyRequestEventKind.Completed : BloomyRequestEventKind.Failed,
                    result.StatusCode, elapsed, attempt, maxRetries, null, null);
            }
            else if (outcome.Exception is { } ex)
            {
                if (!FailureMapper.CertainlyNotSent(ex))
                {
                    rs.MayHaveBeenApplied = true;
                }
                rs.Raise(BloomyRequestEventKind.Failed, null, elapsed, attempt, maxRetries, null,
                    _failures.Describe(ex, context.CancellationToken));
            }
            return outcome;
        }
    }
}
