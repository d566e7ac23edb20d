using System.Net.Http;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.Transport;

public class AttemptAdmissionTests
{
    private static RequestState State() => new(HttpMethod.Get, "x", null, readBody: true, listener: null);

    [Fact]
    public async Task AnAttemptIsAdmittedOnlyAfterTheConnectionsRateLimitPause()
    {
        var time = CoreTest.NewTime();
        var admission = new AttemptAdmission(4, TimeSpan.FromMinutes(2), time);
        var epoch = await admission.EnterAsync(State(), 3, CancellationToken.None);

        var left = admission.OnRateLimited(epoch, TimeSpan.FromSeconds(5));
        admission.Exit();

        Assert.Equal(TimeSpan.FromSeconds(5), left);
        Assert.Equal(2, admission.Concurrency.Limit);
        var next = admission.EnterAsync(State(), 3, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(20);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, admission.Concurrency.InFlight);
    }

    [Fact]
    public void AShorterPauseDoesNotCutALongerOneShort()
    {
        var time = CoreTest.NewTime();
        var admission = new AttemptAdmission(4, TimeSpan.FromMinutes(2), time);

        admission.OnRateLimited(0, TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), admission.OnRateLimited(0, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void RateLimitWaitsAreBoundedByTheTotalTimeoutOrTenMinutesWhenItIsInfinite()
    {
        var time = CoreTest.NewTime();
        var bounded = new AttemptAdmission(4, TimeSpan.FromSeconds(60), time);
        var unbounded = new AttemptAdmission(4, Timeout.InfiniteTimeSpan, time);
        var state = State();
        state.Started = time.GetTimestamp();
        time.Advance(TimeSpan.FromSeconds(50));

        Assert.True(bounded.WithinRateLimitBudget(state, TimeSpan.FromSeconds(10)));
        Assert.False(bounded.WithinRateLimitBudget(state, TimeSpan.FromSeconds(11)));
        Assert.Equal(TimeSpan.FromMinutes(10), unbounded.RateLimitBudget);
        Assert.True(unbounded.WithinRateLimitBudget(state, TimeSpan.FromMinutes(9)));
    }
}
