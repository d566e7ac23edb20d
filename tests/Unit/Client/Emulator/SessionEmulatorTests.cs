using System.Net;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>This class's own emulator: its tests change the token lifetime and end tokens.</summary>
public sealed class SessionEmulatorFixture : EmulatorFixture;

/// <summary>
/// Credential connections against the emulator's /Token (issue 13): a session renews its token before it expires,
/// renews once for every request refused with 401 at the same moment, sends a refused request once more, and keeps the
/// password out of every message.
/// </summary>
public sealed class SessionEmulatorTests : IClassFixture<SessionEmulatorFixture>, IDisposable
{
    private const string Password = BloomEmulator.DemoPassword;
    private readonly BloomEmulator _emulator;
    private readonly List<BloomyClient> _clients = new();

    public SessionEmulatorTests(SessionEmulatorFixture fixture)
    {
        _emulator = fixture.Emulator;
        _emulator.Latency = TimeSpan.Zero;
        _emulator.Faults.Reset();
        _emulator.Tokens.Lifetime = EmulatorTokens.DefaultLifetime;
        _emulator.Tokens.AnnounceLifetime = true;
        _emulator.Stats.Reset();
    }

    public void Dispose()
    {
        foreach (var c in _clients) c.Dispose();
        _emulator.Tokens.Lifetime = EmulatorTokens.DefaultLifetime;
        _emulator.Tokens.AnnounceLifetime = true;
    }

    private BloomyClient CredentialClient(string password = Password, int maxConcurrent = 64)
    {
        var client = new BloomyClient(new BloomyClientOptions
        {
            BaseUri = _emulator.BaseUri,
            Credential = new NetworkCredential("ada@example.com", password),
            MaxConcurrentRequests = maxConcurrent,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });
        _clients.Add(client);
        return client;
    }

    private IEnumerable<EmulatorRequest> ApiRequests => _emulator.Stats.Requests.Where(r => r.RelativePath != "Token");

    [Fact]
    public async Task A_credential_client_signs_in_on_first_use_with_a_token_and_knows_when_it_expires()
    {
        var client = CredentialClient();
        Assert.Equal(BloomyAuthenticationMethod.Credential, client.AuthenticationMethod);
        Assert.Null(client.TokenExpiresAt);

        Assert.Equal(_emulator.DemoUserId, await client.GetCurrentUserIdAsync());

        var requests = _emulator.Stats.Requests.OrderBy(r => r.StartedAt).ToList();
        Assert.Equal(new[] { "POST Token", "GET users/mine" }, requests.Select(r => $"{r.Method} {r.RelativePath}"));
        var token = _emulator.Tokens.All.OrderBy(t => t.Value.IssuedAt).Last().Key;
        Assert.Equal("Bearer " + token, requests[1].Authorization);
        Assert.NotEqual("Bearer " + _emulator.DemoApiKey, requests[1].Authorization);
        Assert.InRange(client.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddSeconds(1209599 - 30), DateTimeOffset.UtcNow.AddSeconds(1209599 + 1));
        Assert.Equal(1, _emulator.Stats.TokenExchanges);
    }

    [Fact]
    public async Task One_second_tokens_are_renewed_before_they_expire_so_no_request_is_refused()
    {
        _emulator.Tokens.Lifetime = TimeSpan.FromSeconds(1);
        _emulator.Latency = TimeSpan.FromMilliseconds(40);
        var client = CredentialClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long calls = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 10), async (_, ct) =>
        {
            // Until three tokens have been issued (two renewals), however slow a busy machine makes the start.
            while (_emulator.Stats.TokenExchanges < 3 && clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                await client.Todos.GetAsync(5001, ct);
                Interlocked.Increment(ref calls);
            }
        });

        var elapsed = clock.Elapsed;
        Assert.True(calls >= 10, $"{calls} calls");
        // Every call succeeded (none threw). One exchange per token lifetime: the first, then one each 0.9 s (renewed
        // with a tenth of the life left); a request delayed past expiry by a busy machine is refused, renewed and
        // sent again, sharing that same exchange.
        var issued = _emulator.Tokens.All.Values.Select(t => t.IssuedAt).OrderBy(t => t).ToList();
        var firstToLast = issued[^1] - issued[^3];
        Assert.Equal(3, _emulator.Stats.TokenExchanges);
        // Two renewals, each no earlier than 0.9 s into the token's life: never two exchanges for one expiry.
        Assert.True(firstToLast >= TimeSpan.FromSeconds(1.7), $"three tokens within {firstToLast}");
        Assert.Equal(0, _emulator.Stats.ExpiredTokenRequestsAfterRejection);
        Assert.All(ApiRequests, r => Assert.True(r.StatusCode == 200 || (r.StatusCode == 401 && r.Fault is null)));
    }

    [Fact]
    public async Task Requests_refused_together_share_one_renewal_and_are_each_sent_once_more()
    {
        _emulator.Tokens.AnnounceLifetime = false;
        var client = CredentialClient();
        await client.GetCurrentUserIdAsync();
        Assert.Null(client.TokenExpiresAt);
        _emulator.Tokens.ExpireAll(DateTimeOffset.UtcNow);
        _emulator.Latency = TimeSpan.FromMilliseconds(100);
        _emulator.Stats.Reset();

        var todos = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.Todos.GetAsync(5001 + i)));

        Assert.Equal(Enumerable.Range(5001, 20).Select(i => (long)i), todos.Select(t => t.Id));
        Assert.Equal(1, _emulator.Stats.TokenExchanges);
        Assert.Equal(20, _emulator.Stats.ExpiredTokenRejections);
        Assert.Equal(0, _emulator.Stats.ExpiredTokenRequestsAfterRejection);
        Assert.Equal(40, ApiRequests.Count());
        var renewed = _emulator.Tokens.All.OrderBy(t => t.Value.IssuedAt).Last().Key;
        Assert.All(ApiRequests.Where(r => r.StatusCode == 200), r => Assert.Equal("Bearer " + renewed, r.Authorization));
    }

    [Fact]
    public async Task A_post_refused_with_401_is_sent_once_more_and_creates_exactly_one_item()
    {
        var client = CredentialClient();
        await client.GetCurrentUserIdAsync();
        _emulator.Tokens.ExpireAll(DateTimeOffset.UtcNow);
        _emulator.Stats.Reset();

        var todo = await client.Todos.CreateAsync("Renewed on the way");

        Assert.Equal(new[] { ("POST", "todo/create", 401), ("POST", "Token", 200), ("POST", "todo/create", 200) },
            _emulator.Stats.Requests.OrderBy(r => r.StartedAt).Select(r => (r.Method, r.RelativePath, r.StatusCode)));
        Assert.Equal(1, _emulator.Stats.Created.Todo);
        Assert.Single(_emulator.Store.Todos, t => t.Title == "Renewed on the way" && t.Id == todo.Id);
    }

    [Fact]
    public async Task A_server_that_refuses_the_renewed_token_too_is_reported_after_one_renewal()
    {
        var client = CredentialClient();
        await client.GetCurrentUserIdAsync();
        _emulator.Faults.FailNext(2, 401, "GET", "todo/{id}");
        _emulator.Stats.Reset();

        var error = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Todos.GetAsync(5001));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("even after signing in again", error.Message);
        Assert.Equal(2, _emulator.Stats.CountPath("GET", "todo/5001"));
        Assert.Equal(1, _emulator.Stats.TokenExchanges);
    }

    [Fact]
    public async Task A_key_only_client_reports_a_401_as_it_is_without_signing_in()
    {
        using var client = new BloomyClient(new BloomyClientOptions { ApiKey = _emulator.DemoApiKey, BaseUri = _emulator.BaseUri });
        _emulator.Faults.FailNext(1, 401, "GET", "todo/{id}");

        var error = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Todos.GetAsync(5001));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(BloomyAuthenticationMethod.ApiKey, client.AuthenticationMethod);
        Assert.Null(client.TokenExpiresAt);
        Assert.Equal(("GET", "todo/5001"), (Assert.Single(_emulator.Stats.Requests).Method, _emulator.Stats.Requests[0].RelativePath));
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_saying_so_without_the_password_and_nothing_else_is_sent()
    {
        const string wrong = "Tr0ub4dor&3-not-it";
        var client = CredentialClient(wrong);

        var error = await Assert.ThrowsAsync<BloomyAuthenticationException>(() => client.Todos.GetAsync(5001));

        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("The user name or password is incorrect", error.Message);
        Assert.DoesNotContain(wrong, error.ToString());
        Assert.Equal("Token", Assert.Single(_emulator.Stats.Requests).RelativePath);
        Assert.Equal(1, _emulator.Stats.RefusedTokenExchanges);
        Assert.DoesNotContain(wrong, client.ToString());
    }

    [Fact]
    public async Task The_password_travels_only_to_the_token_endpoint()
    {
        var client = CredentialClient();
        await client.Todos.GetAsync(5001);
        await client.Todos.CreateAsync("Anything");

        var requests = _emulator.Stats.Requests;
        Assert.Contains(requests, r => r.RelativePath == "Token" && r.Body!.Contains(Password));
        Assert.All(requests.Where(r => r.RelativePath != "Token"), r =>
        {
            Assert.DoesNotContain(Password, r.Body ?? "");
            Assert.DoesNotContain(Password, r.Authorization ?? "");
            Assert.DoesNotContain(Password, r.Query);
        });
    }
}
