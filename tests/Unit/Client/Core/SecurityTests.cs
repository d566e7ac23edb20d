using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Http;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Core;

/// <summary>
/// Issue 10, points 1, 2, 3 and 16: nothing secret is sent in clear, echoed keys never show in messages, keys
/// with characters a header cannot carry are refused at once, and an https URI to a plain-http server fails fast.
/// </summary>
public sealed class SecurityTests
{
    private static readonly Uri RemotePlainHttp = new("http://bloom.example.test/api/v1/");

    // ---- 1. Plain http to another host: refused before anything is sent -------------------------------

    [Fact]
    public async Task Password_exchange_refuses_plain_http_to_another_host_before_sending()
    {
        var handler = new FakeHandler(CoreTest.NewTime());

        var ex = await Assert.ThrowsAsync<BloomyConfigurationException>(() => BloomyCredentials.ExchangePasswordAsync(
            new Uri("http://bloom.example.test/Token"), new NetworkCredential("ada@example.com", "hunter2"), handler));

        Assert.Contains("plain http", ex.Message);
        Assert.DoesNotContain("hunter2", ex.ToString());
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Password_exchange_with_options_checks_base_and_token_uri_before_sending()
    {
        var handler = new FakeHandler(CoreTest.NewTime());
        var credential = new NetworkCredential("ada@example.com", "hunter2");

        await Assert.ThrowsAsync<BloomyConfigurationException>(() => BloomyCredentials.ExchangePasswordAsync(
            new BloomyClientOptions { BaseUri = RemotePlainHttp, Handler = handler }, credential));
        await Assert.ThrowsAsync<BloomyConfigurationException>(() => BloomyCredentials.ExchangePasswordAsync(
            new BloomyClientOptions { TokenUri = new Uri("http://bloom.example.test/Token"), Handler = handler }, credential));

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task Password_exchange_with_options_allows_loopback_and_an_explicit_opt_in()
    {
        var handler = new FakeHandler(CoreTest.NewTime())
        {
            Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.OK, "{\"access_token\":\"tok\"}")),
        };
        var credential = new NetworkCredential("ada@example.com", "hunter2");

        Assert.Equal("tok", await BloomyCredentials.ExchangePasswordAsync(
            new BloomyClientOptions { BaseUri = CoreTest.Base, Handler = handler }, credential));
        Assert.Equal("tok", await BloomyCredentials.ExchangePasswordAsync(
            new BloomyClientOptions { BaseUri = RemotePlainHttp, AllowInsecureHttp = true, Handler = handler }, credential));

        Assert.Equal(new[] { "http://127.0.0.1:5999/Token", "http://bloom.example.test/Token" },
            handler.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public void Client_refuses_a_plain_http_token_uri_to_another_host()
    {
        var handler = new FakeHandler(CoreTest.NewTime());

        var ex = Assert.Throws<BloomyConfigurationException>(() => CoreTest.Http(handler, CoreTest.NewTime(),
            o => o.TokenUri = new Uri("http://bloom.example.test/Token")));

        Assert.Contains("plain http", ex.Message);
    }

    [Fact]
    public void Connect_with_credential_to_a_plain_http_host_sends_not_one_byte()
    {
        // 0.0.0.0 is not loopback to the check, yet on Linux a connection to it reaches this listener, so
        // the listener proves that not even the token request left the process.
        using var server = new RecordingTcpServer(TcpServerMode.PlainHttp400);
        using var session = new PowerShellSession();

        var password = new System.Security.SecureString();
        foreach (var c in "hunter2") password.AppendChar(c);
        var result = session.Run("Connect-Bloomy -BaseUri $base -Credential $cred -MaxRetries 0", new()
        {
            ["base"] = new Uri($"http://0.0.0.0:{server.Port}/api/v1/"),
            ["cred"] = new System.Management.Automation.PSCredential("ada@example.com", password),
        });

        Assert.NotNull(result.TerminatingRecord);
        Assert.True(result.TerminatingRecord!.FullyQualifiedErrorId.StartsWith("Bloomy.Configuration", StringComparison.Ordinal),
            result.TerminatingRecord.FullyQualifiedErrorId + ": " + result.TerminatingRecord);
        Assert.Contains("plain http", result.TerminatingRecord.ToString());
        Thread.Sleep(100);
        Assert.Equal(0, server.Connections);
        Assert.Equal(0, server.BytesReceived);
    }

    // ---- 2. Excerpts: redact, then cut ----------------------------------------------------------------

    [Theory]
    [InlineData(" ")]
    [InlineData("\r\n\t ")]
    [InlineData("Authorization: Bearer ")]
    public void An_echoed_key_at_any_offset_never_shows_in_an_excerpt(string filler)
    {
        var key = CoreTest.Key;
        for (var offset = 0; offset <= 2000; offset++)
        {
            var body = Body(filler, offset, key, 300);
            var excerpt = Texts.Excerpt(body, body.Length, key) ?? "";
            AssertNoKeyPrefix(excerpt, key, $"offset {offset}");
        }
    }

    [Fact]
    public async Task An_echoed_key_at_any_offset_never_shows_in_an_error_message()
    {
        var time = CoreTest.NewTime();
        var offset = -1;
        var handler = new FakeHandler(time)
        {
            Fallback = (_, _) =>
            {
                var body = Body("\r\n ", Interlocked.Increment(ref offset), CoreTest.Key, 100);
                var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new ByteArrayContent(body) };
                return Task.FromResult(response);
            },
        };
        using var http = CoreTest.Http(handler, time, o => o.MaxRetries = 0);

        // Past the error body limit as well, so a cut while reading is covered too.
        for (var i = 0; i <= 4400; i++)
        {
            var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("items/1", CoreTestJsonContext.Default.TestItem, CancellationToken.None));
            AssertNoKeyPrefix(ex.Message, CoreTest.Key, $"offset {offset}");
            AssertNoKeyPrefix(ex.ResponseExcerpt ?? "", CoreTest.Key, $"offset {offset}");
        }
    }

    private static byte[] Body(string filler, int offset, string key, int tail)
    {
        var text = new StringBuilder();
        while (text.Length < offset) text.Append(filler);
        text.Length = offset;
        text.Append(key);
        for (var i = 0; i < tail; i++) text.Append(' ');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AssertNoKeyPrefix(string text, string key, string where)
    {
        for (var length = key.Length; length >= 4; length--)
        {
            Assert.False(text.Contains(key.Substring(0, length), StringComparison.Ordinal),
                $"{where}: the first {length} characters of the key appear in: {text}");
        }
    }

    // ---- 3. Keys a header cannot carry: refused at once -----------------------------------------------

    [Theory]
    [InlineData("sk-abc\0def", "control")]
    [InlineData("sk-abc\u200Bdef", "U+200B")]
    [InlineData("sk-abcédef", "U+00E9")]
    [InlineData("sk-abc\u00A0def", "U+00A0")]
    [InlineData("sk-abc\tdef", "control")]
    public void Keys_with_characters_a_header_cannot_carry_are_refused_before_any_request(string key, string named)
    {
        var handler = new FakeHandler(CoreTest.NewTime());

        var ex = Assert.Throws<BloomyConfigurationException>(() => CoreTest.Http(handler, CoreTest.NewTime(), o => o.ApiKey = key));

        Assert.Contains(named, ex.Message);
        Assert.Contains("position 7", ex.Message);
        Assert.DoesNotContain("abc", ex.Message);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void A_key_from_the_environment_with_a_zero_width_character_names_its_source()
    {
        var handler = new FakeHandler(CoreTest.NewTime());

        var ex = Assert.Throws<BloomyConfigurationException>(() => CoreTest.Http(handler, CoreTest.NewTime(), o =>
        {
            o.ApiKey = null;
            o.EnvironmentReader = n => n == "BG_API_KEY" ? "\u200Bsk-abc" : null;
        }));

        Assert.Contains("BG_API_KEY", ex.Message);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public void Connect_Bloomy_refuses_a_key_with_a_NUL_instead_of_shortening_it()
    {
        using var server = new RecordingTcpServer(TcpServerMode.PlainHttp400);
        using var session = new PowerShellSession();

        var result = session.Run("Connect-Bloomy -BaseUri $base -ApiKey \"sk-abc`0def\" -MaxRetries 0",
            new() { ["base"] = new Uri($"http://127.0.0.1:{server.Port}/api/v1/") });

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("Bloomy.Configuration", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Contains("control character", result.TerminatingRecord.ToString());
        Assert.Equal(0, server.Connections);
    }

    // ---- 16. https to a plain-http server: a clear TLS error within seconds ---------------------------

    [Fact]
    public async Task A_TLS_failure_on_Windows_PowerShell_is_recognised_by_its_status_and_not_retried()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
        {
            Fallback = (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("An error occurred while sending the request.",
                new WebException("The request was aborted: Could not create SSL/TLS secure channel.", WebExceptionStatus.SecureChannelFailure))),
        };
        using var http = CoreTest.Http(handler, time, o => o.BaseUri = new Uri("https://bloom.example.test/api/v1/"));

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("users/mine", CoreTestJsonContext.Default.TestItem, CancellationToken.None));

        Assert.Contains("TLS handshake", ex.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public void The_handler_with_a_connect_timeout_keeps_every_setting_of_the_client_handler()
    {
        var configured = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 7,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };

        using var handler = HandshakeTimeout.Apply(configured, TimeSpan.FromSeconds(3));

        var sockets = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.False(sockets.AllowAutoRedirect); // a redirect could take the key elsewhere
        Assert.False(sockets.UseCookies);
        Assert.Equal(7, sockets.MaxConnectionsPerServer);
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, sockets.AutomaticDecompression);
        Assert.Equal(TimeSpan.FromSeconds(3), sockets.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), HandshakeTimeout.Effective(new BloomyClientOptions { Timeout = TimeSpan.FromSeconds(5) }));
        Assert.Equal(HandshakeTimeout.Default, HandshakeTimeout.Effective(new BloomyClientOptions()));
    }

    [Theory]
    [InlineData(TcpServerMode.Silent)]
    [InlineData(TcpServerMode.PlainHttp400)]
    public async Task Https_to_a_plain_http_server_fails_fast_with_a_TLS_error_and_is_not_retried(TcpServerMode mode)
    {
        using var server = new RecordingTcpServer(mode);
        using var http = new BloomyHttp(new BloomyClientOptions
        {
            ApiKey = CoreTest.Key,
            BaseUri = new Uri($"https://127.0.0.1:{server.Port}/api/v1/"),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-missing-" + Guid.NewGuid().ToString("N"), "config.yaml"),
            EnvironmentReader = _ => null,
        });
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => http.GetAsync("users/mine", CoreTestJsonContext.Default.TestItem, CancellationToken.None));

        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(BloomyFailureKind.Transport, ex.Kind);
        Assert.Contains("TLS", ex.Message);
        Assert.Contains("https", ex.Message);
        Assert.Equal(0, ex.RetryCount);
        Assert.Equal(1, server.Connections);
    }
}
