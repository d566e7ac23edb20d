using Bloomy.Client;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

public class OptionsAndQueryTests
{
    private static BloomyHttp Create(Action<BloomyClientOptions> configure)
    {
        var options = new BloomyClientOptions { ApiKey = "k", EnvironmentReader = _ => null };
        configure(options);
        return new BloomyHttp(options);
    }

    [Theory]
    [InlineData("api/v1/", UriKind.Relative)]
    [InlineData("ftp://example.com/api/v1/", UriKind.Absolute)]
    [InlineData("http://app.bloomgrowth.com/api/v1/", UriKind.Absolute)]
    [InlineData("http://192.168.1.10:5080/api/v1/", UriKind.Absolute)]
    [InlineData("https://user:pw@app.bloomgrowth.com/api/v1/", UriKind.Absolute)]
    [InlineData("https://app.bloomgrowth.com/api/v1/?x=1", UriKind.Absolute)]
    public void BadBaseUrisAreRejected(string uri, UriKind kind)
    {
        Assert.Throws<BloomyConfigurationException>(() => Create(o => o.BaseUri = new Uri(uri, kind)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/api/v1/")]
    [InlineData("http://127.8.9.10/api/v1/")]
    [InlineData("http://localhost:5080/api/v1/")]
    [InlineData("http://[::1]:5080/api/v1/")]
    public void PlainHttpToLoopbackIsAllowed(string uri)
    {
        using var http = Create(o => o.BaseUri = new Uri(uri));
        Assert.Equal(new Uri(uri), http.BaseUri);
    }

    [Fact]
    public void PlainHttpElsewhereNeedsAllowInsecureHttp()
    {
        using var http = Create(o =>
        {
            o.BaseUri = new Uri("http://bloom.internal/api/v1");
            o.AllowInsecureHttp = true;
        });
        Assert.Equal("http://bloom.internal/api/v1/", http.BaseUri.AbsoluteUri);
    }

    [Fact]
    public void TrailingSlashIsNormalisedAndOptionsAreCopiedWithoutTheKey()
    {
        using var http = Create(o => o.BaseUri = new Uri("https://app.bloomgrowth.com/api/v1"));
        Assert.Equal("https://app.bloomgrowth.com/api/v1/", http.BaseUri.AbsoluteUri);
        Assert.Equal(http.BaseUri, http.Options.BaseUri);
        Assert.Null(http.Options.ApiKey);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1025, 3)]
    [InlineData(64, -1)]
    [InlineData(64, 11)]
    public void LimitsAreChecked(int maxConcurrent, int maxRetries)
    {
        Assert.Throws<BloomyConfigurationException>(() => Create(o =>
        {
            o.MaxConcurrentRequests = maxConcurrent;
            o.MaxRetries = maxRetries;
        }));
    }

    [Fact]
    public void TimeoutsMustBePositive()
    {
        Assert.Throws<BloomyConfigurationException>(() => Create(o => o.Timeout = TimeSpan.Zero));
        Assert.Throws<BloomyConfigurationException>(() => Create(o => o.TotalTimeout = TimeSpan.FromSeconds(-5)));
        Assert.Throws<BloomyConfigurationException>(() => Create(o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1)));
        using var infinite = Create(o => o.TotalTimeout = Timeout.InfiniteTimeSpan);
        Assert.Equal(1, Create(o => o.MaxConcurrentRequests = 1).Options.MaxConcurrentRequests);
        Assert.Equal(1024, Create(o => o.MaxConcurrentRequests = 1024).Options.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData("ada", "ada")]
    [InlineData("Ada Park", "Ada+Park")]
    [InlineData("100%", "100%25")]
    [InlineData("ada@example.com", "ada%40example.com")]
    [InlineData("_.-~", "_.-~")]
    [InlineData("a/b?c=d&e#f+g", "a%2Fb%3Fc%3Dd%26e%23f%2Bg")]
    [InlineData("Zoë ✓", "Zo%C3%AB+%E2%9C%93")]
    [InlineData("", "")]
    public void QueryEncodingMatchesHttpx(string value, string expected)
    {
        Assert.Equal(expected, BloomyQuery.Encode(value));
    }
}
