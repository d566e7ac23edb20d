using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

public class AdaptiveConcurrencyTests
{
    [Fact]
    public async Task StartsAtTheCapHalvesOncePerBurstAndNeverGoesBelowOne()
    {
        var limiter = new AdaptiveConcurrency(64);
        Assert.Equal(64, limiter.Limit);

        var epoch = await limiter.EnterAsync(CancellationToken.None);
        limiter.Exit();
        // Every request of one burst reports its 429: the window halves once.
        for (var i = 0; i < 30; i++) limiter.OnRateLimited(epoch);
        Assert.Equal(32, limiter.Limit);

        for (var i = 0; i < 10; i++)
        {
            epoch = await limiter.EnterAsync(CancellationToken.None);
            limiter.Exit();
            limiter.OnRateLimited(epoch);
        }
        Assert.Equal(1, limiter.Limit);
    }

    [Fact]
    public async Task GrowsBackByOnePerWindowOfSuccessesUpToTheCap()
    {
        var limiter = new AdaptiveConcurrency(8);
        var epoch = await limiter.EnterAsync(CancellationToken.None);
        limiter.Exit();
        limiter.OnRateLimited(epoch);
        Assert.Equal(4, limiter.Limit);

        for (var i = 0; i < 4; i++) limiter.OnSuccess();
        Assert.Equal(4, limiter.Limit); // 4 + 4 × 1/4.x: just under 5
        limiter.OnSuccess();
        Assert.Equal(5, limiter.Limit);

        for (var i = 0; i < 1000; i++) limiter.OnSuccess();
        Assert.Equal(8, limiter.Limit);
    }

    [Fact]
    public async Task HoldsRequestsBeyondTheWindowAndReleasesThemInOrder()
    {
        var limiter = new AdaptiveConcurrency(2);
        await limiter.EnterAsync(CancellationToken.None);
        await limiter.EnterAsync(CancellationToken.None);
        var third = limiter.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.EnterAsync(cancel.Token);
        var fifth = limiter.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        limiter.Exit();
        await third;
        Assert.False(fifth.IsCompleted);
        limiter.Exit();
        await fifth; // the cancelled waiter took no slot
        Assert.Equal(2, limiter.InFlight);
    }
}
