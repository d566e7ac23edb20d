using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// The default connection of each runspace. Runspaces (ForEach-Object -Parallel, jobs, hosted
/// engines) never see each other's connection, and a runspace that goes away takes its own with it.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, Slot> Defaults = new();

    public static BloomyConnection? GetDefault(Runspace runspace) =>
        Defaults.TryGetValue(runspace, out var slot) ? slot.Connection : null;

    /// <summary>
    /// True after Disconnect-Bloomy closed the runspace's default, until Connect-Bloomy makes a new one: the
    /// user asked to be disconnected, so nothing connects on their behalf from BG_API_KEY or the config file.
    /// </summary>
    public static bool WasDisconnected(Runspace runspace) =>
        Defaults.TryGetValue(runspace, out var slot) && slot.Disconnected;

    /// <summary>Makes <paramref name="connection"/> the runspace's default and returns the one it replaces.</summary>
    public static BloomyConnection? SetDefault(Runspace runspace, BloomyConnection? connection)
    {
        var slot = Defaults.GetValue(runspace, _ => new Slot());
        lock (slot)
        {
            var previous = slot.Connection;
            slot.Connection = connection;
            if (connection is not null) slot.Disconnected = false;
            return previous;
        }
    }

    /// <summary>Forgets the runspace's default and stops cmdlets from connecting on first use (Disconnect-Bloomy).</summary>
    public static BloomyConnection? Disconnect(Runspace runspace)
    {
        var slot = Defaults.GetValue(runspace, _ => new Slot());
        lock (slot)
        {
            var previous = slot.Connection;
            slot.Connection = null;
            slot.Disconnected = true;
            return previous;
        }
    }

    private sealed class Slot
    {
        public BloomyConnection? Connection;
        public bool Disconnected;
    }
}
