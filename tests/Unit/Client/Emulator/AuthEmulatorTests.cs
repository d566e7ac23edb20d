using System.Net;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class AuthEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task A_password_exchanged_at_the_token_endpoint_gives_a_working_token_that_is_not_the_api_key()
    {
        var key = await BloomyCredentials.ExchangePasswordAsync(Emulator.TokenUri,
            new NetworkCredential("ada@example.com", BloomEmulator.DemoPassword));

        // The token endpoint issues a fresh access token (as production does), not the user's API key.
        Assert.NotEqual(Emulator.DemoApiKey, key);
        Assert.StartsWith("bg-token-", key);
        var token = Assert.Single(Emulator.Stats.Requests);
        Assert.Equal(("POST", "/Token", "", 200), (token.Method, token.Path, token.Query, token.StatusCode));
        Assert.Equal("grant_type=password&userName=ada%40example.com&password=" + BloomEmulator.DemoPassword, token.Body);
        Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
        Assert.Null(token.Authorization);
        Assert.Equal(1, Emulator.Stats.TokenExchanges);
        using var client = NewClient(key);
        Assert.Equal(Me, await client.GetCurrentUserIdAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_that_does_not_repeat_the_password()
    {
        const string password = "not-the-Password-42";

        var error = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => BloomyCredentials.ExchangePasswordAsync(
            Emulator.TokenUri, new NetworkCredential("ada@example.com", password)));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("400", error.Message);
        Assert.DoesNotContain(password, error.Message);
        Assert.Equal(400, Assert.Single(Emulator.Stats.Requests).StatusCode);
    }

    [Fact]
    public async Task The_current_user_is_the_key_owner()
    {
        using var bens = NewClient(Emulator.ApiKeyFor(1002));

        Assert.Equal(Me, await Client.GetCurrentUserIdAsync());
        Assert.Equal(1002, await bens.GetCurrentUserIdAsync());
        Assert.Equal(Me, await Client.GetCurrentUserIdAsync());

        AssertCallsInAnyOrder(new Call("GET", "users/mine"), new Call("GET", "users/mine"));
        Assert.Equal(new[] { "Bearer " + Emulator.DemoApiKey, "Bearer " + Emulator.ApiKeyFor(1002) },
            Emulator.Stats.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Thirty_concurrent_calls_fetch_the_current_user_once()
    {
        Emulator.Latency = TimeSpan.FromMilliseconds(50);

        var lists = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Client.Todos.ListAsync()));

        Assert.Equal(1, Emulator.Stats.CountPath("GET", "users/mine"));
        Assert.Equal(30, Emulator.Stats.CountFor("GET", "todo/user/{id}"));
        Assert.All(Emulator.Stats.Requests.Where(r => r.RelativePath != "users/mine"), r => Assert.Equal($"todo/user/{Me}", r.RelativePath));
        var expected = Store.Todos.Where(t => t.OwnerId == Me && !t.Complete).Select(t => t.Id).ToList();
        Assert.All(lists, list => Assert.Equal(expected, list.Select(t => t.Id)));
        AssertAllCallsSucceeded();
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_authentication_error_without_the_key()
    {
        const string key = "bg-wrong-key-123";
        using var client = NewClient(key);

        var error = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Todos.GetAsync(5001));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("GET todo/5001", error.Message);
        Assert.DoesNotContain(key, error.Message);
        var request = Assert.Single(Emulator.Stats.Requests);
        Assert.Equal((401, "Bearer " + key), (request.StatusCode, request.Authorization));
    }
}
