using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using Bloomy.Client.Http;

namespace Bloomy.Cmdlets.Connections;

/// <summary>
/// Prepares on a background thread, while the first connection waits for the network, what a new shell's first
/// pipeline would otherwise pay for on the pipeline thread: the cmdlets' code and parameter metadata, and the
/// client's read path (docs/performance.md, workload 7). Once per process; a failure only costs the speed-up.
/// </summary>
internal static class FirstRunWarmup
{
    private static readonly Lazy<Task> Warmup = new(() => Task.Run(async () =>
        {
            try
            {
                var cmdlets = typeof(FirstRunWarmup).Assembly;
                foreach (var type in cmdlets.GetTypes().Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t)))
                {
                    // The engine caches a cmdlet type's parameter metadata process-wide on first use.
                    _ = new CommandMetadata(type);
                }
                await ClientWarmup.RunAsync(CancellationToken.None).ConfigureAwait(false);
                Compile(cmdlets);
            }
            catch (Exception)
            {
                // Nothing here is needed for correctness: whatever was not prepared is prepared on first use.
            }
        }));

    /// <summary>
    /// Starts the warm-up (the first call in a process) and returns it; it never fails. A connection that waits
    /// for it is ready at full speed; over a real network it finishes within the first round trip.
    /// </summary>
    public static Task StartAsync() => Warmup.Value;

    private static void Compile(Assembly assembly)
    {
        const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
            {
                if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() is null) continue;
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }
}
