using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.Transport;

public class RequestAuthorizerTests
{
    private static RequestState State() => new(HttpMethod.Get, "users/mine", null, readBody: true, listener: null);

    [Fact]
    public async Task AKeyFromTheEnvironmentIsSentAsABearerAndKeptSecret()
    {
        var options = new BloomyClientOptions
        {
            EnvironmentReader = name => name == "BG_API_KEY" ? " " + CoreTest.Key + " " : null,
            ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-no-such-dir", "config.yaml"),
        };
        using var authorizer = new RequestAuthorizer(options, TimeProvider.System);
        AuthenticationHeaderValue? sent = null;

        using var response = await authorizer.SendAsync(State(), (_, header, _) =>
        {
            sent = header;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
        }, CancellationToken.None);

        Assert.Equal(BloomyApiKeySource.Environment, authorizer.ApiKeySource);
        Assert.Equal(BloomyAuthenticationMethod.Environment, authorizer.AuthenticationMethod);
        Assert.False(authorizer.UsesTokenSession);
        Assert.Null(authorizer.TokenExpiresAt);
        Assert.Equal(CoreTest.Key, authorizer.CurrentSecret);
        Assert.Equal("Bearer " + CoreTest.Key, sent!.ToString());
        // A key-only connection reports a 401 as it is: nothing to renew.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void NoKeyAnywhereIsAConfigurationError()
    {
        var options = new BloomyClientOptions
        {
            EnvironmentReader = _ => null,
            ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-no-such-dir", "config.yaml"),
        };

        Assert.Throws<BloomyConfigurationException>(() => new RequestAuthorizer(options, TimeProvider.System));
    }
}
