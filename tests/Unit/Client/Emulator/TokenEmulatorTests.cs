using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>The emulator's POST /Token (bloom-api-extras §1, §12) and its plural-path trap (§2), as the client sees them.</summary>
public sealed class TokenEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    private static readonly HttpClient Http = new();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostTokenAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await Http.PostAsync(Emulator.TokenUri, content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_token_answer_carries_every_field_of_the_contract()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (status, body) = await PostTokenAsync("grant_type=password&userName=Ben.Ortiz%40example.com&password=bloomy-demo",
            "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, status);
        var token = body.GetProperty("access_token").GetString()!;
        Assert.NotEqual(Emulator.ApiKeyFor(1002), token);
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(1209599, body.GetProperty("expires_in").GetInt64());
        Assert.Equal("ben.ortiz@example.com", body.GetProperty("userName").GetString());
        Assert.Equal(1002, body.GetProperty("user_id").GetInt64());
        Assert.Equal(EmulatorStore.OrganizationId, body.GetProperty("organization_id").GetInt64());
        var issued = DateTimeOffset.ParseExact(body.GetProperty(".issued").GetString()!, "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expires = DateTimeOffset.ParseExact(body.GetProperty(".expires").GetString()!, "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(issued, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1209599), expires - issued);
        Assert.Equal(1002, Emulator.Tokens.All[token].UserId);
    }

    [Fact]
    public async Task A_json_body_is_accepted_like_the_form()
    {
        var (status, body) = await PostTokenAsync("""{"grant_type":"password","userName":"ada@example.com","password":"bloomy-demo"}""",
            "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Me, body.GetProperty("user_id").GetInt64());
    }

    [Theory]
    [InlineData("grant_type=password&userName=ada%40example.com&password=wrong")]
    [InlineData("grant_type=password&userName=nobody%40example.com&password=bloomy-demo")]
    [InlineData("grant_type=password&userName=&password=bloomy-demo")]
    public async Task Bad_credentials_are_400_invalid_grant_and_counted(string form)
    {
        var (status, body) = await PostTokenAsync(form, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("The user name or password is incorrect.", body.GetProperty("error_description").GetString());
        Assert.Equal((0, 1), (Emulator.Stats.TokenExchanges, Emulator.Stats.RefusedTokenExchanges));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_401_on_every_call_and_counted_while_api_keys_keep_working()
    {
        var lifetime = Emulator.Tokens.Lifetime;
        Emulator.Tokens.Lifetime = TimeSpan.FromSeconds(1);
        try
        {
            var (_, body) = await PostTokenAsync("grant_type=password&userName=ada%40example.com&password=bloomy-demo",
                "application/x-www-form-urlencoded");
            Assert.Equal(1, body.GetProperty("expires_in").GetInt64());
            var token = body.GetProperty("access_token").GetString()!;
            using var client = NewClient(token);
            Assert.Equal(5001, (await client.Todos.GetAsync(5001)).Id);

            await Task.Delay(TimeSpan.FromMilliseconds(1100));

            var first = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Todos.GetAsync(5001));
            var second = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Issues.GetAsync(3001));
            Assert.Equal((401, 401), (first.StatusCode, second.StatusCode));
            Assert.Equal(2, Emulator.Stats.ExpiredTokenRejections);
            // The second was sent after the first 401 had been answered: exactly what a session must avoid.
            Assert.Equal(1, Emulator.Stats.ExpiredTokenRequestsAfterRejection);
            Assert.Equal(5001, (await Client.Todos.GetAsync(5001)).Id);
        }
        finally
        {
            Emulator.Tokens.Lifetime = lifetime;
        }
    }

    [Fact]
    public async Task The_control_route_sets_the_lifetime_of_new_tokens_and_stats_show_the_counts()
    {
        var lifetime = Emulator.Tokens.Lifetime;
        try
        {
            using var put = new StringContent("""{"seconds": 2}""", Encoding.UTF8, "application/json");
            using var response = await Http.PutAsync(new Uri(Emulator.RootUri, "_emulator/token-lifetime"), put);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), Emulator.Tokens.Lifetime);

            await BloomyCredentials.ExchangePasswordAsync(Emulator.TokenUri, new NetworkCredential("ada@example.com", BloomEmulator.DemoPassword));
            var stats = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Emulator.RootUri, "_emulator/stats"))).RootElement;
            Assert.Equal(2, stats.GetProperty("TokenLifetimeSeconds").GetDouble());
            Assert.Equal(1, stats.GetProperty("TokenExchanges").GetInt64());
            Assert.Equal(0, stats.GetProperty("ExpiredTokenRejections").GetInt64());
            Assert.Equal(0, stats.GetProperty("ExpiredTokenRequestsAfterRejection").GetInt64());

            using var bad = new StringContent("""{"seconds": 0}""", Encoding.UTF8, "application/json");
            using var refused = await Http.PutAsync(new Uri(Emulator.RootUri, "_emulator/token-lifetime"), bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        finally
        {
            Emulator.Tokens.Lifetime = lifetime;
        }
    }

    [Fact]
    public async Task An_unknown_api_get_is_a_200_html_page_and_other_unknown_methods_are_404()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUri, "todos/user/1001"));
        get.Headers.Authorization = new("Bearer", Emulator.DemoApiKey);
        using var page = await Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await page.Content.ReadAsStringAsync());

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(Emulator.BaseUri, "todos/5001/complete"));
        using var missing = await Http.SendAsync(post);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
