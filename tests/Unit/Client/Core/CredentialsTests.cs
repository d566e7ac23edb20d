using System.Net;
using System.Net.Http;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

public sealed class CredentialsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bloomy-cred-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string ConfigWith(string content)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllText(path, content);
        return path;
    }

    private static Func<string, string?> Env(string? apiKey = null, string? configPath = null) => name => name switch
    {
        "BG_API_KEY" => apiKey,
        "BLOOMY_CONFIG_PATH" => configPath,
        _ => null,
    };

    [Fact]
    public void ExplicitKeyWinsAndIsTrimmed()
    {
        var file = ConfigWith("api_key: from-file\n");
        var resolved = BloomyCredentials.TryResolve("  explicit  ", file, Env("from-env"));

        Assert.NotNull(resolved);
        Assert.Equal("explicit", resolved!.Key);
        Assert.Equal(BloomyApiKeySource.Explicit, resolved.Source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankExplicitKeyFallsThroughToEnvironment(string? explicitKey)
    {
        var file = ConfigWith("api_key: from-file\n");
        var resolved = BloomyCredentials.TryResolve(explicitKey, file, Env("from-env"));

        Assert.Equal("from-env", resolved!.Key);
        Assert.Equal(BloomyApiKeySource.Environment, resolved.Source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void EmptyEnvironmentFallsThroughToConfigFile(string? env)
    {
        var file = ConfigWith("api_key: from-file\nversion: 1\n");
        var resolved = BloomyCredentials.TryResolve(null, file, Env(env));

        Assert.Equal("from-file", resolved!.Key);
        Assert.Equal(BloomyApiKeySource.ConfigFile, resolved.Source);
    }

    [Fact]
    public void ConfigPathComesFromEnvironmentWhenNotGiven()
    {
        var file = ConfigWith("api_key: via-env-path\n");
        var resolved = BloomyCredentials.TryResolve(null, null, Env(null, file));

        Assert.Equal("via-env-path", resolved!.Key);
    }

    [Fact]
    public void NothingFoundIsNull()
    {
        Assert.Null(BloomyCredentials.TryResolve(null, Path.Combine(_dir, "nope.yaml"), Env()));
    }

    [Fact]
    public void ResolvedKeyToStringRedacts()
    {
        var resolved = new ResolvedApiKey("super-secret", BloomyApiKeySource.Environment);
        Assert.DoesNotContain("super-secret", resolved.ToString());
    }

    [Fact]
    public void ClientWithoutKeyThrowsTheNoKeyMessage()
    {
        var ex = Assert.Throws<BloomyConfigurationException>(() => new BloomyHttp(new BloomyClientOptions
        {
            ConfigFilePath = Path.Combine(_dir, "nope.yaml"),
            EnvironmentReader = Env(),
        }));

        Assert.Equal(
            "No Bloom Growth API key was found. Pass one explicitly (Connect-Bloomy -ApiKey or -Credential), " +
            "set the BG_API_KEY environment variable, or save one in ~/.bloomy/config.yaml (api_key: <key>).",
            ex.Message);
    }

    [Fact]
    public void ClientReportsKeySource()
    {
        using var http = new BloomyHttp(new BloomyClientOptions
        {
            ConfigFilePath = ConfigWith("api_key: k-file\n"),
            EnvironmentReader = Env(),
        });

        Assert.Equal(BloomyApiKeySource.ConfigFile, http.ApiKeySource);
    }

    [Fact]
    public async Task PasswordExchangePostsTheFormAndReadsAccessToken()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, "{\"access_token\":\"tok-123\",\"token_type\":\"bearer\",\"expires_in\":1209599}");

        var key = await BloomyCredentials.ExchangePasswordAsync(
            new Uri("http://127.0.0.1:5999/Token"), new NetworkCredential("ada@example.com", "p@ss word&=+"), handler);

        Assert.Equal("tok-123", key);
        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:5999/Token", request.Uri.AbsoluteUri);
        Assert.Null(request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("grant_type=password&userName=ada%40example.com&password=p%40ss+word%26%3D%2B", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public async Task PasswordExchangeFailureNamesTheStatusNotThePassword()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.BadRequest, "{\"error\":\"invalid_grant\",\"echo\":\"hunter2\"}");

        var ex = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => BloomyCredentials.ExchangePasswordAsync(
            new Uri("http://127.0.0.1:5999/Token"), new NetworkCredential("ada@example.com", "hunter2"), handler));

        Assert.Equal(400, ex.StatusCode);
        // Issue 13: a 400 from the token endpoint is bad credentials, said so plainly.
        Assert.StartsWith("The user name or password is incorrect", ex.Message);
        Assert.Contains("400 Bad Request", ex.Message);
        Assert.DoesNotContain("hunter2", ex.ToString());
    }

    [Theory]
    [InlineData("{\"token_type\":\"bearer\"}")]
    [InlineData("{\"access_token\":\"\"}")]
    [InlineData("not json")]
    public async Task PasswordExchangeWithoutTokenFails(string body)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.OK, body);

        await Assert.ThrowsAsync<BloomyAuthenticationException>(() => BloomyCredentials.ExchangePasswordAsync(
            new Uri("http://127.0.0.1:5999/Token"), new NetworkCredential("ada@example.com", "x"), handler));
    }

    [Fact]
    public async Task PasswordExchangeTimesOut()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return FakeHandler.Response(HttpStatusCode.OK);
            },
        };

        var ex = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => BloomyCredentials.ExchangeCoreAsync(
            new Uri("http://127.0.0.1:5999/Token"), "ada@example.com", "x", handler, TimeSpan.FromMilliseconds(50), CancellationToken.None));

        Assert.Contains("timed out", ex.Message);
    }

    [Fact]
    public void DefaultTokenUriIsTokenOnTheBaseHost()
    {
        Assert.Equal(new Uri("https://app.bloomgrowth.com/Token"), new BloomyClientOptions().GetEffectiveTokenUri());
        Assert.Equal(new Uri("http://127.0.0.1:5080/Token"),
            new BloomyClientOptions { BaseUri = new Uri("http://127.0.0.1:5080/api/v1/") }.GetEffectiveTokenUri());
    }
}
