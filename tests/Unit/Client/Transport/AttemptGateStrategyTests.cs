using System.Net.Http;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;
using Polly;

namespace Bloomy.Tests.Client.Transport;

// The gate is built from the pieces it is given (admission, retry policy, failure mapper, clock), with no
// BloomyHttp behind it.
public class AttemptGateStrategyTests
{
    private static async Task<(AttemptResult Result, RequestState State)> RunAsync(
        Microsoft.Extensions.Time.Testing.FakeTimeProvider time, AttemptAdmission admission, int maxRetries, string method, params AttemptResult[] answers)
    {
        var retry = new RetryPolicy(maxRetries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.5);
        var failures = new FailureMapper(new Uri("https://api.example.test/api/v1/"), TimeSpan.FromSeconds(10), admission.RateLimitBudget, false, () => "sk");
        var pipeline = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddStrategy(_ => new AttemptGateStrategy(admission, retry, failures, time), new AttemptGateStrategyOptions())
            .Build();
        var state = new RequestState(new HttpMethod(method), "x", null, readBody: true, listener: null) { Started = time.GetTimestamp() };
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(BloomyPipeline.StateKey, state);
        var next = 0;
        var run = pipeline.ExecuteAsync((_, _) => new ValueTask<AttemptResult>(answers[next++]), context, 0).AsTask();
        var result = await time.Drive(run);
        ResilienceContextPool.Shared.Return(context);
        return (result, state);
    }

    [Fact]
    public async Task A429IsWaitedOutAndTriedAgainEvenForAPostWithoutUsingARetry()
    {
        var time = CoreTest.NewTime();
        var admission = new AttemptAdmission(8, TimeSpan.FromMinutes(2), time);
        var started = time.GetUtcNow();

        var (result, state) = await RunAsync(time, admission, 3, "POST",
            new AttemptResult(429, null, TimeSpan.FromSeconds(2), null), new AttemptResult(200, null, null, null));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, state.Attempts);
        Assert.Equal(1, state.RateLimitRetries);
        Assert.Equal(0, state.FailureRetries);
        Assert.True(time.GetUtcNow() - started >= TimeSpan.FromSeconds(2));
        Assert.Equal(0, admission.Concurrency.InFlight);
    }

    [Fact]
    public async Task With0RetriesA429IsReturnedAtOnce()
    {
        var time = CoreTest.NewTime();
        var admission = new AttemptAdmission(8, TimeSpan.FromMinutes(2), time);

        var (result, state) = await RunAsync(time, admission, 0, "GET", new AttemptResult(429, null, TimeSpan.FromSeconds(2), null));

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(1, state.Attempts);
        Assert.False(state.RateLimitBudgetSpent);
        Assert.True(admission.Gate.Remaining(time.GetUtcNow()) > TimeSpan.Zero);
    }

    [Fact]
    public async Task AServerErrorMarksTheRequestAsPossiblyCarriedOut()
    {
        var time = CoreTest.NewTime();
        var admission = new AttemptAdmission(8, TimeSpan.FromMinutes(2), time);

        var (result, state) = await RunAsync(time, admission, 3, "DELETE", new AttemptResult(503, null, null, null));

        Assert.Equal(503, result.StatusCode);
        Assert.True(state.MayHaveBeenApplied);
    }
}
