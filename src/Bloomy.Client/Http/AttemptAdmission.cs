namespace Bloomy.Client.Http;

// Admits each attempt of a connection: waits out the connection-wide 429 pause, then takes a slot under the
// adaptive concurrency cap; records a 429 by pausing everyone and lowering the cap.
internal sealed class AttemptAdmission
{
    // How long one request may keep waiting out 429s when the total timeout is infinite.
    internal static readonly TimeSpan UnboundedRateLimitBudget = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;

    public AttemptAdmission(int maxConcurrentRequests, TimeSpan totalTimeout, TimeProvider time)
    {
        _time = time;
        Concurrency = new AdaptiveConcurrency(maxConcurrentRequests);
        RateLimitBudget = totalTimeout == System.Threading.Timeout.InfiniteTimeSpan ? UnboundedRateLimitBudget : totalTimeout;
    }

    public RateLimitGate Gate { get; } = new();

    public AdaptiveConcurrency Concurrency { get; }

    // How long one request may keep waiting out 429s: the total timeout, or UnboundedRateLimitBudget.
    public TimeSpan RateLimitBudget { get; }

    // Before each attempt: wait out any connection-wide 429 pause, then take a concurrency slot. The gate
    // is checked again after the slot is taken, in case a 429 arrived while this request queued.
    // Returns the concurrency epoch the attempt was admitted in.
    public async Task<long> EnterAsync(RequestState state, int maxRetries, CancellationToken ct)
    {
        while (true)
        {
            var wait = Gate.Remaining(_time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                var pauseEnd = Gate.ResumeAt;
                if (pauseEnd != state.AnnouncedPauseEnd)
                {
                    state.AnnouncedPauseEnd = pauseEnd;
                    state.Raise(BloomyRequestEventKind.RateLimitPause, 429, TimeSpan.Zero, state.Attempts + 1, maxRetries, wait, "rate limited");
                }
                await _time.Delay(wait, ct).ConfigureAwait(false);
                continue;
            }
            var epoch = await Concurrency.EnterAsync(ct).ConfigureAwait(false);
            if (Gate.Remaining(_time.GetUtcNow()) > TimeSpan.Zero)
            {
                Concurrency.Exit();
                continue;
            }
            return epoch;
        }
    }

    public void Exit() => Concurrency.Exit();

    // A 429 answered an attempt admitted in epoch: lower the cap and pause the whole connection; returns
    // what is left of the pause (an earlier, longer pause may already be running).
    public TimeSpan OnRateLimited(long epoch, TimeSpan pause)
    {
        Concurrency.OnRateLimited(epoch);
        Gate.PauseUntil(_time.GetUtcNow() + pause);
        return Gate.Remaining(_time.GetUtcNow());
    }

    public void OnAnswered() => Concurrency.OnSuccess();

    // Whether a request refused with 429 may wait that long and try again: waits the server asks for are
    // bounded by time (the total timeout), not by MaxRetries, so a storm cannot use up an item's retries.
    public bool WithinRateLimitBudget(RequestState state, TimeSpan wait) =>
        _time.GetElapsedTime(state.Started) + wait <= RateLimitBudget;
}
