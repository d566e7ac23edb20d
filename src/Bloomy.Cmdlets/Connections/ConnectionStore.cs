using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// The default connection of each runspace. Runspaces (ForEach-Object -Parallel, jobs, hosted
/// engines) never see each other's connection, and a runspace that goes away takes its own with it.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, StrongBox<BloomyConnection?>> Defaults = new();

    public static BloomyConnection? GetDefault(Runspace runspace) =>
        Defaults.TryGetValue(runspace, out var box) ? box.Value : null;

    /// <summary>Makes <paramref name="connection"/> the runspace's default and returns the one it replaces.</summary>
    public static BloomyConnection? SetDefault(Runspace runspace, BloomyConnection? connection)
    {
        var box = Defaults.GetValue(runspace, _ => new StrongBox<BloomyConnection?>());
        lock (box)
        {
            var previous = box.Value;
            box.Value = connection;
            return previous;
        }
    }
}
