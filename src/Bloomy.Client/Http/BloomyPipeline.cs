using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bloomy.Client.Http;

// The resilience pipeline every request of a connection runs through, outermost first: the total timeout,
// the retry of failures, the attempt gate (rate-limit pause, concurrency slot, 429 waits) and the attempt timeout.
internal static class BloomyPipeline
{
    // Where a request's RequestState travels with it through the pipeline's callbacks.
    public static readonly ResiliencePropertyKey<RequestState> StateKey = new("Bloomy.Request");

    public static RequestState State(ResilienceContext context) => context.Properties.GetValue(StateKey, null!);

    public static ResiliencePipeline<AttemptResult> Build(
        BloomyClientOptions options, TimeProvider time, RetryPolicy retry, AttemptAdmission admission, FailureMapper failures)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult>
        {
            Name = "Bloomy",
            TimeProvider = time,
        };
        if (options.TotalTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Bloomy.TotalTimeout", Timeout = options.TotalTimeout });
        }
        if (retry.MaxRetries > 0)
        {
            // Every delay comes from the generator, which always returns one: Polly's BackoffType, UseJitter, Delay
            // and MaxDelay would never be consulted, so they are not set.
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                Name = "Bloomy.Retry",
                MaxRetryAttempts = retry.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(RetryPolicy.ShouldRetry(State(args.Context), args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(retry.Delay(args.Outcome.Result, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var state = State(args.Context);
                    state.FailureRetries = args.AttemptNumber + 1;
                    state.Retries++;
                    state.Raise(BloomyRequestEventKind.RetryScheduled, args.Outcome.Result?.StatusCode, args.Duration,
                        args.AttemptNumber + 1, retry.MaxRetries, args.RetryDelay,
                        args.Outcome.Exception is { } ex ? failures.Describe(ex, args.Context.CancellationToken) : null);
                    return default;
                },
            });
        }
        builder.AddStrategy(_ => new AttemptGateStrategy(admission, retry, failures, time), new AttemptGateStrategyOptions());
        if (options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Bloomy.AttemptTimeout", Timeout = options.Timeout });
        }
        return builder.Build();
    }
}
