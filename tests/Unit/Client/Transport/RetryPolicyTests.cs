using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Bloomy.Client.Http;
using Polly;
using Polly.Timeout;

namespace Bloomy.Tests.Client.Transport;

public class RetryPolicyTests
{
    private static RetryPolicy Policy(double jitter = 0.5) =>
        new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => jitter);

    private static RequestState State(string method) => new(new HttpMethod(method), "x", null, readBody: true, listener: null);

    private static Outcome<AttemptResult> Status(int status) => Outcome.FromResult(new AttemptResult(status, null, null, null));

    [Fact]
    public void BackoffDoublesFromTheBaseDelayWithJitterAndStopsAtTheMaximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), Policy().Backoff(0));
        Assert.Equal(TimeSpan.FromSeconds(4), Policy().Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(0.75), Policy(0).Backoff(0));
        Assert.Equal(TimeSpan.FromSeconds(1.25), Policy(1).Backoff(0));
        Assert.Equal(TimeSpan.FromSeconds(10), Policy().Backoff(30));
        Assert.Equal(TimeSpan.FromSeconds(1), Policy(double.NaN).Backoff(0));
    }

    [Fact]
    public void DelayIsTheServersRetryAfterCappedElseTheBackoff()
    {
        var policy = Policy();
        Assert.Equal(TimeSpan.FromSeconds(7), policy.Delay(new AttemptResult(503, null, TimeSpan.FromSeconds(7), null), 0));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Delay(new AttemptResult(503, null, TimeSpan.FromMinutes(5), null), 0));
        Assert.Equal(TimeSpan.Zero, policy.Delay(new AttemptResult(503, null, TimeSpan.FromSeconds(-3), null), 0));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(new AttemptResult(500, null, null, null), 1));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(null, 1));
    }

    [Theory]
    [InlineData("GET", 500, true)]
    [InlineData("PUT", 503, true)]
    [InlineData("DELETE", 408, true)]
    [InlineData("POST", 500, false)]
    [InlineData("GET", 429, false)]
    [InlineData("GET", 404, false)]
    [InlineData("GET", 400, false)]
    public void OnlyServerErrorsOfRepeatableRequestsAreRetried(string method, int status, bool retried)
    {
        Assert.Equal(retried, RetryPolicy.ShouldRetry(State(method), Status(status), CancellationToken.None));
    }

    [Fact]
    public void TransientFailuresOfRepeatableRequestsAreRetriedButNotPermanentOnesOrCancellation()
    {
        var get = State("GET");
        Assert.True(RetryPolicy.ShouldRetry(get, Outcome.FromException<AttemptResult>(new HttpRequestException("reset")), CancellationToken.None));
        Assert.True(RetryPolicy.ShouldRetry(get, Outcome.FromException<AttemptResult>(new TimeoutRejectedException()), CancellationToken.None));
        Assert.True(RetryPolicy.ShouldRetry(get, Outcome.FromException<AttemptResult>(new SocketException()), CancellationToken.None));
        Assert.False(RetryPolicy.ShouldRetry(State("POST"), Outcome.FromException<AttemptResult>(new HttpRequestException("reset")), CancellationToken.None));
        Assert.False(RetryPolicy.ShouldRetry(get, Outcome.FromException<AttemptResult>(
            new HttpRequestException("tls", new AuthenticationException("handshake"))), CancellationToken.None));
        Assert.False(RetryPolicy.ShouldRetry(get, Outcome.FromException<AttemptResult>(new InvalidOperationException()), CancellationToken.None));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.True(RetryPolicy.IsTransient(new OperationCanceledException(), CancellationToken.None));
        Assert.False(RetryPolicy.IsTransient(new OperationCanceledException(), cancelled.Token));
    }
}
