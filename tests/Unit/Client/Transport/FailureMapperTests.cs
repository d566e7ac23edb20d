using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Http;
using Polly.Timeout;

namespace Bloomy.Tests.Client.Transport;

public class FailureMapperTests
{
    private const string Secret = "sk-SECRET-0123456789abcdef";
    private static readonly Uri Base = new("https://api.example.test/api/v1/");

    private static FailureMapper Mapper(bool tokenSession = false) =>
        new(Base, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), tokenSession, () => Secret);

    private static RequestState State(string method, int attempts = 1, Exception? lastAttempt = null) =>
        new(new HttpMethod(method), "L10/7/issues", null, readBody: true, listener: null) { Attempts = attempts, LastAttemptException = lastAttempt };

    [Fact]
    public void AStatusNamesTheRequestAndKeepsTheSecretOutOfTheExcerpt()
    {
        var result = new AttemptResult(500, "Internal Server Error", null, Encoding.UTF8.GetBytes("boom " + Secret));

        var ex = Assert.IsType<BloomyApiException>(Mapper().MapStatus(State("GET"), result));

        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(500, ex.StatusCode);
        Assert.StartsWith("GET L10/7/issues failed: 500", ex.Message);
        Assert.DoesNotContain(Secret, ex.Message);
    }

    [Fact]
    public void A401SaysWhetherTheKeyOrTheSessionsTokenWasRefused()
    {
        var result = new AttemptResult(401, null, null, null);

        Assert.Contains("rejected the API key", Mapper().MapStatus(State("GET"), result).Message);
        Assert.Contains("even after signing in again", Mapper(tokenSession: true).MapStatus(State("GET"), result).Message);
    }

    [Fact]
    public void APostThatFailedInFlightIsAnUnknownOutcomeButOneNeverConnectedWasNotSent()
    {
        var lost = new HttpRequestException("connection reset");
        var unknown = Mapper().MapException(State("POST", lastAttempt: lost), lost);
        Assert.Equal(BloomyFailureKind.OutcomeUnknown, unknown.Kind);

        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        var notSent = Mapper().MapException(State("POST", lastAttempt: refused), refused);
        Assert.Equal(BloomyFailureKind.Transport, notSent.Kind);
        Assert.Contains("The request was not sent.", notSent.Message);
        Assert.True(FailureMapper.CertainlyNotSent(refused));
        Assert.False(FailureMapper.CertainlyNotSent(lost));
    }

    [Fact]
    public void AnAttemptTimeoutIsToldFromTheTotalTimeout()
    {
        var attempt = new TimeoutRejectedException("t", TimeSpan.FromSeconds(30));
        var total = new TimeoutRejectedException("t", TimeSpan.FromMinutes(2));

        Assert.Contains("timed out after 30 s", Mapper().MapException(State("GET", 1, attempt), attempt).Message);
        Assert.Contains("did not finish within the total timeout", Mapper().MapException(State("GET", 4, attempt), total).Message);
    }

    [Fact]
    public void DescribeKeepsTheSecretOutAndTellsCancelledFromAborted()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.DoesNotContain(Secret, Mapper().Describe(new HttpRequestException("bad " + Secret), CancellationToken.None));
        Assert.Equal("cancelled", Mapper().Describe(new OperationCanceledException(), cancelled.Token));
        Assert.Equal("aborted", Mapper().Describe(new OperationCanceledException(), CancellationToken.None));
    }
}
