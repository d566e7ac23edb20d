using System.Management.Automation;
using Bloomy.Client.Auth;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Ux;

/// <summary>
/// Sessions as a user has them (issue 13): Connect-Bloomy with what SecretManagement's Get-Secret returns (a PSCredential,
/// a SecureString), what Get-BloomyConnection shows, a wrong password, and pipelines that outlive their tokens.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string Password = BloomEmulator.DemoPassword;
    private BloomEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await BloomEmulator.StartAsync(new EmulatorOptions { Users = 60 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    // The types Get-Secret returns: a PSCredential for a credential secret, a SecureString for a string secret (built
    // here, as the hosted engine has no ConvertTo-SecureString).
    private const string SecretsLikeGetSecret = "";

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    private Dictionary<string, object?> Vars(string password = Password) => new()
    {
        ["base"] = _emulator.BaseUri,
        ["credentialSecret"] = new PSCredential("ada@example.com", Secure(password)),
        ["keySecret"] = Secure(_emulator.DemoApiKey),
    };

    [Fact]
    public void A_credential_connection_shows_how_it_signs_in_and_when_its_token_expires_but_never_the_token_or_password()
    {
        using var session = new PowerShellSession();
        var result = session.Run(SecretsLikeGetSecret + """
            Connect-Bloomy -BaseUri $base -Credential $credentialSecret
            Get-BloomyConnection
            """, Vars()).ThrowIfFailed();

        var connection = result.OutputOf<BloomyConnection>().Single();
        Assert.Equal(BloomyAuthenticationMethod.Credential, connection.AuthenticatedBy);
        Assert.InRange(connection.TokenExpires!.Value, DateTime.Now.AddDays(14).AddMinutes(-5), DateTime.Now.AddDays(14));
        using var console = new HostedConsole();
        var shown = console.Print("$args[0]", connection);
        Assert.Matches(@"Retries\s+Auth", shown);
        Assert.Matches(@"\s+Credential\s", shown);
        var token = _emulator.Tokens.All.Single().Key;
        Assert.DoesNotContain(token, shown);
        Assert.DoesNotContain(Password, shown);
        Assert.DoesNotContain(token, connection.ToString());
        Assert.NotEmpty(session.Run("Get-BloomyTodo").ThrowIfFailed().OutputOf<Todo>());
        Assert.Equal(1, _emulator.Stats.TokenExchanges);
    }

    [Fact]
    public void A_secure_string_key_connects_as_an_api_key_with_no_known_expiry()
    {
        using var session = new PowerShellSession();
        var connection = session.Run(SecretsLikeGetSecret + "Connect-Bloomy -BaseUri $base -ApiKey $keySecret -PassThru", Vars())
            .ThrowIfFailed().OutputOf<BloomyConnection>().Single();

        Assert.Equal(BloomyAuthenticationMethod.ApiKey, connection.AuthenticatedBy);
        Assert.Null(connection.TokenExpires);
        Assert.Equal(0, _emulator.Stats.TokenExchanges);
    }

    [Fact]
    public void A_wrong_password_is_one_authentication_error_saying_so_and_the_password_is_in_no_stream()
    {
        const string wrong = "s3cret-Wrong-Pa55";
        using var session = new PowerShellSession();

        var result = session.Run(SecretsLikeGetSecret + "Connect-Bloomy -BaseUri $base -Credential $credentialSecret -Verbose -Debug", Vars(wrong));

        var error = result.TerminatingRecord;
        Assert.NotNull(error);
        Assert.StartsWith("Bloomy.Authentication", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("user name or password is incorrect", error.ToString());
        var everything = string.Join("\n", new[] { error.ToString(), error.Exception.ToString(), error.ErrorDetails?.Message ?? "" }
            .Concat(result.Verbose).Concat(result.Debug).Concat(result.Warnings).Concat(result.Errors.Select(e => e.ToString())));
        Assert.DoesNotContain(wrong, everything);
        Assert.Equal(0, _emulator.Stats.Requests.Count(r => r.RelativePath != "Token"));
        Assert.Null(session.Run("Get-BloomyConnection").Output.SingleOrDefault());
    }

    [Fact]
    public void A_pipeline_longer_than_its_tokens_lives_has_no_errors_and_one_exchange_per_lifetime()
    {
        _emulator.Tokens.Lifetime = TimeSpan.FromSeconds(1);
        using var session = new PowerShellSession();
        session.Run(SecretsLikeGetSecret + "Connect-Bloomy -BaseUri $base -Credential $credentialSecret", Vars()).ThrowIfFailed();
        _emulator.Latency = TimeSpan.FromMilliseconds(100);
        _emulator.Stats.Reset();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = session.Run("0..149 | ForEach-Object { 5001 + $_ % 150 } | Get-BloomyTodo -ThrottleLimit 10");

        var elapsed = clock.Elapsed;
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(150, result.OutputOf<Todo>().Count());
        Assert.InRange(_emulator.Stats.TokenExchanges, 1, 1 + (long)Math.Ceiling(elapsed.TotalSeconds / 0.9));
        Assert.Equal(0, _emulator.Stats.ExpiredTokenRequestsAfterRejection);
    }

    [Fact]
    public void Tokens_ended_under_a_running_pipeline_are_renewed_once_and_no_item_fails()
    {
        _emulator.Tokens.AnnounceLifetime = false;
        using var session = new PowerShellSession();
        session.Run(SecretsLikeGetSecret + "Connect-Bloomy -BaseUri $base -Credential $credentialSecret", Vars()).ThrowIfFailed();
        _emulator.Tokens.ExpireAll(DateTimeOffset.UtcNow);
        _emulator.Latency = TimeSpan.FromMilliseconds(50);
        _emulator.Stats.Reset();

        var result = session.Run("5001..5040 | Get-BloomyTodo -ThrottleLimit 10");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(40, result.OutputOf<Todo>().Count());
        Assert.Equal(1, _emulator.Stats.TokenExchanges);
        Assert.InRange(_emulator.Stats.ExpiredTokenRejections, 1, 10);
        Assert.Equal(0, _emulator.Stats.ExpiredTokenRequestsAfterRejection);
    }
}
