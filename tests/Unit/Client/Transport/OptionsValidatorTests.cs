using Bloomy.Client;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Transport;

public class OptionsValidatorTests
{
    private static BloomyClientOptions Options(Action<BloomyClientOptions>? configure = null)
    {
        var options = new BloomyClientOptions { BaseUri = new Uri("https://api.example.test/api/v1") };
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public void TheBaseUriGetsItsTrailingSlash()
    {
        Assert.Equal(new Uri("https://api.example.test/api/v1/"), OptionsValidator.Validate(Options()));
    }

    [Fact]
    public void NullOptionsAreAnArgumentError()
    {
        Assert.Throws<ArgumentNullException>(() => OptionsValidator.Validate(null!));
    }

    [Theory]
    [InlineData("MaxConcurrentRequests")]
    [InlineData("MaxRetries")]
    [InlineData("Timeout")]
    [InlineData("MaxRetryDelay")]
    [InlineData("MaxResponseBodyBytes")]
    [InlineData("TokenUri")]
    [InlineData("BaseUri")]
    public void EachSettingOutOfRangeIsRefusedByName(string setting)
    {
        Action<BloomyClientOptions> breakIt = setting switch
        {
            "MaxConcurrentRequests" => o => o.MaxConcurrentRequests = 0,
            "MaxRetries" => o => o.MaxRetries = 11,
            "Timeout" => o => o.Timeout = TimeSpan.FromMilliseconds(5),
            "MaxRetryDelay" => o => o.MaxRetryDelay = TimeSpan.FromDays(2),
            "MaxResponseBodyBytes" => o => o.MaxResponseBodyBytes = 10,
            "TokenUri" => o => o.TokenUri = new Uri("Token", UriKind.Relative),
            _ => o => o.BaseUri = new Uri("http://api.example.test/api/v1/"),
        };

        var ex = Assert.Throws<BloomyConfigurationException>(() => OptionsValidator.Validate(Options(breakIt)));

        Assert.StartsWith(setting, ex.Message);
    }

    [Fact]
    public void InfiniteTimeoutsArePermitted()
    {
        OptionsValidator.Validate(Options(o =>
        {
            o.Timeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
        }));
    }
}
