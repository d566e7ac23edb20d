using System.Net.Http;
using Bloomy.Client;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;
using Polly;
using Polly.Retry;
using Polly.Testing;

namespace Bloomy.Tests.Client.Transport;

public class PipelineAndClientTests
{
    [Fact]
    public void TheRetryStrategyTakesEveryDelayFromTheRetryPolicyAndSetsNoInertPollyBackoff()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
            o.MaxRetryDelay = TimeSpan.FromSeconds(9);
        });

        var retry = Assert.Single(http.Pipeline.GetPipelineDescriptor().Strategies,
            s => s.Options is RetryStrategyOptions<AttemptResult>).Options as RetryStrategyOptions<AttemptResult>;
        var defaults = new RetryStrategyOptions<AttemptResult>();

        Assert.NotNull(retry!.DelayGenerator);
        // The generator always returns a delay, so Polly never consults these: they stay at Polly's defaults.
        Assert.Equal(defaults.BackoffType, retry.BackoffType);
        Assert.Equal(defaults.UseJitter, retry.UseJitter);
        Assert.Equal(defaults.Delay, retry.Delay);
        Assert.Equal(defaults.MaxDelay, retry.MaxDelay);
    }

    [Fact]
    public async Task TheDelayGeneratorAnswersWithTheRetryPolicysDelay()
    {
        var time = CoreTest.NewTime();
        using var http = CoreTest.Http(new FakeHandler(time), time, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromSeconds(2);
            o.MaxRetryDelay = TimeSpan.FromSeconds(9);
            o.JitterSource = () => 0.5;
        });
        var retry = (RetryStrategyOptions<AttemptResult>)http.Pipeline.GetPipelineDescriptor().Strategies
            .Single(s => s.Options is RetryStrategyOptions<AttemptResult>).Options!;
        var context = ResilienceContextPool.Shared.Get();
        var failed = Outcome.FromResult(new AttemptResult(500, null, null, null));
        var asked = Outcome.FromResult(new AttemptResult(503, null, TimeSpan.FromSeconds(30), null));

        Assert.Equal(TimeSpan.FromSeconds(8), await retry.DelayGenerator!(new RetryDelayGeneratorArguments<AttemptResult>(context, failed, 2)));
        Assert.Equal(TimeSpan.FromSeconds(9), await retry.DelayGenerator!(new RetryDelayGeneratorArguments<AttemptResult>(context, asked, 0)));
        ResilienceContextPool.Shared.Return(context);
    }

    [Fact]
    public void TheHttpClientCarriesBloomysUserAgentOrTheOneGiven()
    {
        using var own = HttpClientFactory.Create(new BloomyClientOptions { Handler = new HttpClientHandler() }, new Uri("https://api.example.test/api/v1/"));
        using var given = HttpClientFactory.Create(new BloomyClientOptions { Handler = new HttpClientHandler(), UserAgent = " Probe/1.0 " },
            new Uri("https://api.example.test/api/v1/"));

        Assert.StartsWith("Bloomy/", own.DefaultRequestHeaders.UserAgent.ToString());
        Assert.Equal(HttpClientFactory.DefaultUserAgent, own.DefaultRequestHeaders.UserAgent.ToString());
        Assert.Equal("Probe/1.0", given.DefaultRequestHeaders.UserAgent.ToString());
        Assert.Equal(Timeout.InfiniteTimeSpan, own.Timeout);
        Assert.False(own.DefaultRequestHeaders.ExpectContinue);
    }
}
