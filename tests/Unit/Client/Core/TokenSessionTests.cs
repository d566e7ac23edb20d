using Bloomy.Client;
using Bloomy.Client.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Bloomy.Tests.Client.Core;

/// <summary>The token session of a credential connection: renewal before expiry, single flight, one renewal per 401 wave.</summary>
public sealed class TokenSessionTests : IDisposable
{
    private readonly FakeTimeProvider _time = CoreTest.NewTime();
    private readonly List<TaskCompletionSource<IssuedToken>> _exchanges = new();
    private readonly object _sync = new();
    private readonly BloomyTokenSession _session;
    private int _issued;

    public TokenSessionTests()
    {
        _session = new BloomyTokenSession(_ =>
        {
            var pending = new TaskCompletionSource<IssuedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_sync) _exchanges.Add(pending);
            return pending.Task;
        }, _time);
    }

    public void Dispose() => _session.Dispose();

    private int Started { get { lock (_sync) return _exchanges.Count; } }

    // Completes the latest exchange with a new token living `lifetime` from now.
    private string Issue(TimeSpan lifetime)
    {
        var value = "token-" + Interlocked.Increment(ref _issued);
        var now = _time.GetUtcNow();
        TaskCompletionSource<IssuedToken> last;
        lock (_sync) last = _exchanges[^1];
        last.SetResult(new IssuedToken(value, now, now + lifetime));
        return value;
    }

    private async Task WaitForExchanges(int count)
    {
        for (var i = 0; i < 500 && Started < count; i++) await Task.Delay(2);
        Assert.Equal(count, Started);
    }

    [Fact]
    public async Task Fifty_requests_at_once_share_the_first_exchange()
    {
        var waiting = Enumerable.Range(0, 50).Select(_ => _session.GetTokenAsync(default)).ToList();
        await WaitForExchanges(1);
        var token = Issue(TimeSpan.FromDays(14));

        Assert.All(await Task.WhenAll(waiting), t => Assert.Equal(token, t));
        Assert.Equal(1, Started);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromDays(14), _session.ExpiresAt);

        // The completed exchange is kept: a later caller gets its token without another one.
        Assert.Equal(token, await _session.GetTokenAsync(default));
        Assert.Equal(1, Started);
    }

    [Fact]
    public async Task A_token_is_renewed_in_the_background_in_its_last_tenth_and_waited_for_only_in_the_last_twentieth()
    {
        var first = _session.GetTokenAsync(default);
        await WaitForExchanges(1);
        var token = Issue(TimeSpan.FromSeconds(2));
        Assert.Equal(token, await first);

        _time.Advance(TimeSpan.FromMilliseconds(1790));
        Assert.Equal(token, await _session.GetTokenAsync(default));
        Assert.Equal(1, Started);

        // 1.81 s: due; the old token is still handed out while one renewal runs.
        _time.Advance(TimeSpan.FromMilliseconds(20));
        var during = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _session.GetTokenAsync(default)));
        Assert.All(during, t => Assert.Equal(token, t));
        await WaitForExchanges(2);

        // 1.91 s: too late to send the old one; requests wait for the renewal already running.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var waiting = Enumerable.Range(0, 10).Select(_ => _session.GetTokenAsync(default)).ToList();
        await Task.Delay(20);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        var next = Issue(TimeSpan.FromSeconds(2));

        Assert.All(await Task.WhenAll(waiting), t => Assert.Equal(next, t));
        Assert.Equal(2, Started);
    }

    [Fact]
    public async Task Production_tokens_are_renewed_a_minute_early()
    {
        var now = _time.GetUtcNow();
        Assert.Equal(TimeSpan.FromSeconds(60), BloomyTokenSession.RenewMargin(new IssuedToken("t", now, now.AddSeconds(1209599))));
        Assert.Equal(TimeSpan.FromMilliseconds(200), BloomyTokenSession.RenewMargin(new IssuedToken("t", now, now.AddSeconds(2))));
        Assert.Equal(TimeSpan.Zero, BloomyTokenSession.RenewMargin(new IssuedToken("t", now, null)));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Every_request_refused_with_the_same_token_waits_for_one_renewal_and_late_ones_get_the_new_token()
    {
        var first = _session.GetTokenAsync(default);
        await WaitForExchanges(1);
        var old = Issue(TimeSpan.FromDays(14));
        await first;

        var refused = Enumerable.Range(0, 20).Select(_ => _session.RenewAfterRejectionAsync(old, default)).ToList();
        await WaitForExchanges(2);
        var renewed = Issue(TimeSpan.FromDays(14));

        Assert.All(await Task.WhenAll(refused), t => Assert.Equal(renewed, t));
        // A request that was in flight with the old token and is refused afterwards takes the new one: no exchange.
        Assert.Equal(renewed, await _session.RenewAfterRejectionAsync(old, default));
        Assert.Equal(2, Started);
    }

    [Fact]
    public async Task A_failed_exchange_fails_every_waiter_and_the_next_request_tries_again()
    {
        var waiting = Enumerable.Range(0, 5).Select(_ => _session.GetTokenAsync(default)).ToList();
        await WaitForExchanges(1);
        lock (_sync) _exchanges[0].SetException(new BloomyAuthenticationException("The user name or password is incorrect.", 400));

        foreach (var w in waiting)
            Assert.Equal(400, (await Assert.ThrowsAsync<BloomyAuthenticationException>(() => w)).StatusCode);

        var retry = _session.GetTokenAsync(default);
        await WaitForExchanges(2);
        Assert.Equal(Issue(TimeSpan.FromDays(1)), await retry);
    }

    [Fact]
    public async Task Cancelling_one_waiter_leaves_the_exchange_to_the_others()
    {
        using var cancel = new CancellationTokenSource();
        var cancelled = _session.GetTokenAsync(cancel.Token);
        var other = _session.GetTokenAsync(default);
        await WaitForExchanges(1);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var token = Issue(TimeSpan.FromDays(1));

        Assert.Equal(token, await other);
        Assert.Equal(1, Started);
    }

    // An exchange that is already done when the session looks at it used to be able to finish before the session
    // recorded it as pending, and stay "pending": the refused token was then handed out again after a 401. The window
    // is a preempted thread, so many sessions run at once on more threads than cores.
    [Fact]
    public async Task An_exchange_that_finishes_at_once_is_never_handed_out_again_after_its_token_is_refused()
    {
        var rounds = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var round = 0; round < 150; round++)
            {
                var issued = 0;
                using var session = new BloomyTokenSession(_ =>
                {
                    var now = _time.GetUtcNow();
                    return Task.FromResult(new IssuedToken("tok-" + Interlocked.Increment(ref issued), now, now + TimeSpan.FromDays(1)));
                }, _time);

                var first = await session.GetTokenAsync(default);
                var renewed = await session.RenewAfterRejectionAsync(first, default);

                Assert.Equal("tok-1", first);
                Assert.Equal("tok-2", renewed);
                Assert.Equal("tok-2", await session.GetTokenAsync(default));
            }
        }));
        await Task.WhenAll(rounds);
    }
}
