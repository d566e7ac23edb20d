using Bloomy.Client.Auth;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Connections;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Ux;

/// <summary>Several connections in one script, per-runspace defaults, Disconnect-Bloomy, and how a connection shows itself.</summary>
public sealed class ConnectionTests : IAsyncLifetime
{
    private BloomEmulator _big = null!;
    private BloomEmulator _small = null!;

    public async Task InitializeAsync()
    {
        _big = await BloomEmulator.StartAsync(new EmulatorOptions { Users = 12, Seed = 1 });
        _small = await BloomEmulator.StartAsync(new EmulatorOptions { Users = 4, Seed = 2 });
    }

    public async Task DisposeAsync()
    {
        await _big.DisposeAsync();
        await _small.DisposeAsync();
    }

    private Dictionary<string, object?> Both() => new()
    {
        ["bigUri"] = _big.BaseUri, ["bigKey"] = _big.DemoApiKey, ["smallUri"] = _small.BaseUri, ["smallKey"] = _small.DemoApiKey,
    };

    [Fact]
    public void Two_connections_in_one_script_reach_their_own_emulators()
    {
        using var session = new PowerShellSession();
        session.Run("""
            $a = Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -PassThru
            $b = Connect-Bloomy -BaseUri $smallUri -ApiKey $smallKey -PassThru
            """, Both()).ThrowIfFailed();
        _big.Stats.Reset();
        _small.Stats.Reset();

        var viaA = session.Run("Get-BloomyUser -All -Connection $a").ThrowIfFailed().OutputOf<User>().ToList();
        var bigRequests = _big.Stats.TotalRequests;
        var viaB = session.Run("Get-BloomyUser -All -Connection $b").ThrowIfFailed().OutputOf<User>().ToList();
        var viaDefault = session.Run("Get-BloomyUser -All").ThrowIfFailed().OutputOf<User>().ToList();

        Assert.Equal(_big.Store.Users.Count(u => !u.IsPlaceholder), viaA.Count);
        Assert.Equal(_small.Store.Users.Count(u => !u.IsPlaceholder), viaB.Count);
        Assert.NotEqual(viaA.Count, viaB.Count);
        Assert.Equal(viaB.Count, viaDefault.Count); // the last Connect-Bloomy made the default
        Assert.Equal(bigRequests, _big.Stats.TotalRequests);
        Assert.Equal(2, _small.Stats.TotalRequests);
    }

    [Fact]
    public async Task Two_runspaces_connected_to_different_emulators_do_not_see_each_others_connection()
    {
        using var first = new PowerShellSession();
        using var second = new PowerShellSession();
        first.Connect(_big.BaseUri, _big.DemoApiKey);
        second.Connect(_small.BaseUri, _small.DemoApiKey);

        // Both runspaces work at the same time, each on its own default connection.
        var results = await Task.WhenAll(
            Task.Run(() => first.Run("1..5 | ForEach-Object { Get-BloomyUser -All }").ThrowIfFailed().OutputOf<User>().Count()),
            Task.Run(() => second.Run("1..5 | ForEach-Object { Get-BloomyUser -All }").ThrowIfFailed().OutputOf<User>().Count()));

        Assert.Equal(5 * _big.Store.Users.Count(u => !u.IsPlaceholder), results[0]);
        Assert.Equal(5 * _small.Store.Users.Count(u => !u.IsPlaceholder), results[1]);
        var firstConnection = Assert.IsType<BloomyConnection>(ConnectionStore.GetDefault(first.Runspace));
        var secondConnection = Assert.IsType<BloomyConnection>(ConnectionStore.GetDefault(second.Runspace));
        Assert.Equal(_big.BaseUri, firstConnection.BaseUri);
        Assert.Equal(_small.BaseUri, secondConnection.BaseUri);
    }

    [Fact]
    public void Disconnect_Bloomy_forgets_the_default_connection_and_nothing_connects_on_its_own_until_Connect_Bloomy()
    {
        using var session = new PowerShellSession();
        session.Run("$kept = Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -PassThru", Both()).ThrowIfFailed();
        session.Run("Disconnect-Bloomy").ThrowIfFailed();
        _big.Stats.Reset();

        // Whatever BG_API_KEY or ~/.bloomy/config.yaml hold on this machine: no connection is made from them.
        var later = session.Run("Get-BloomyUser");
        var closed = session.Run("Get-BloomyUser -Connection $kept");

        Assert.Equal(0, _big.Stats.TotalRequests);
        Assert.Null(ConnectionStore.GetDefault(session.Runspace));
        Assert.Equal("Bloomy.Disconnected", later.TerminatingRecord?.FullyQualifiedErrorId?.Split(',')[0]);
        Assert.Contains("Connect-Bloomy", later.TerminatingRecord?.Exception.Message);
        Assert.Equal("Bloomy.Disconnected", closed.TerminatingRecord?.FullyQualifiedErrorId?.Split(',')[0]);

        session.Run("Connect-Bloomy -BaseUri $smallUri -ApiKey $smallKey", Both()).ThrowIfFailed();
        Assert.Single(session.Run("Get-BloomyUser").ThrowIfFailed().OutputOf<User>());
    }

    [Fact]
    public void Closing_a_connection_other_than_the_default_leaves_the_default_working()
    {
        using var session = new PowerShellSession();
        session.Run("""
            Connect-Bloomy -BaseUri $smallUri -ApiKey $smallKey
            $other = Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -PassThru
            Connect-Bloomy -BaseUri $smallUri -ApiKey $smallKey
            Disconnect-Bloomy -Connection $other
            """, Both()).ThrowIfFailed();

        Assert.Single(session.Run("Get-BloomyUser").ThrowIfFailed().OutputOf<User>());
    }

    [Fact]
    public void MaxResponseSizeMB_sets_the_connections_body_cap_and_is_validated()
    {
        using var session = new PowerShellSession();
        var connection = Assert.IsType<BloomyConnection>(Assert.Single(session.Run(
            "Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -MaxResponseSizeMB 64 -PassThru", Both()).ThrowIfFailed().Output));
        Assert.Equal(64L * 1024 * 1024, connection.Client.MaxResponseBodyBytes);

        var byDefault = Assert.IsType<BloomyConnection>(Assert.Single(session.Run(
            "Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -PassThru", Both()).ThrowIfFailed().Output));
        Assert.Equal(32L * 1024 * 1024, byDefault.Client.MaxResponseBodyBytes);

        var refused = session.Run("Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -MaxResponseSizeMB 0", Both());
        Assert.NotNull(refused.Terminating);
    }

    [Fact]
    public void A_connection_shows_base_uri_user_throttle_and_retries_but_never_the_key()
    {
        using var session = new PowerShellSession();
        var connection = Assert.IsType<BloomyConnection>(Assert.Single(session.Run(
            "Connect-Bloomy -BaseUri $bigUri -ApiKey $bigKey -ThrottleLimit 7 -MaxRetries 2 -PassThru", Both()).ThrowIfFailed().Output));
        using var console = new HostedConsole();

        var shown = console.Print("$args[0]", connection);
        var text = connection.ToString();

        // The table fits 80 columns (the user id is in the list view and in the text); Format-List shows everything.
        Assert.Matches(@"UserName\s+BaseUri\s+Throttle\s+Retries\s+Auth", shown);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(connection.UserName)}\s+{System.Text.RegularExpressions.Regex.Escape(_big.BaseUri.ToString())}\s+7\s+2\s+ApiKey", shown);
        foreach (var expected in new[] { connection.UserName, _big.DemoUserId.ToString(), _big.BaseUri.ToString(), "throttle 7", "2 retries", "up to 64 requests at once" })
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("in flight", text); // a cap, not a count of requests now running
        Assert.DoesNotContain(_big.DemoApiKey, shown);
        Assert.DoesNotContain(_big.DemoApiKey, text);
        Assert.DoesNotContain(typeof(BloomyConnection).GetProperties(), p => p.Name.Contains("Key", StringComparison.Ordinal) && p.PropertyType == typeof(string));
    }
}
