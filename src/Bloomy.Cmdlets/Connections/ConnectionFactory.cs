using Bloomy.Client;

namespace Bloomy.Cmdlets.Connections;

/// <summary>Opens connections: builds the client and confirms the key by asking who it belongs to.</summary>
internal static class ConnectionFactory
{
    /// <summary>The -ThrottleLimit of cmdlets when neither they nor the connection say otherwise.</summary>
    public const int DefaultThrottleLimit = 5;

    private static readonly TimeSpan WarmupWait = TimeSpan.FromSeconds(1);

    public static async Task<BloomyConnection> OpenAsync(BloomyClientOptions options, int defaultThrottleLimit, CancellationToken cancellationToken)
    {
        var client = new BloomyClient(options);
        var warmup = FirstRunWarmup.StartAsync();
        try
        {
            var me = await client.Users.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            // Bounded: a warm-up slower than this only leaves the rest to first use.
            await Task.WhenAny(warmup, Task.Delay(WarmupWait, cancellationToken)).ConfigureAwait(false);
            return new BloomyConnection(client, me.Id, me.Name, defaultThrottleLimit);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
