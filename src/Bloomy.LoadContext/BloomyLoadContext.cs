using System.Reflection;
using System.Runtime.Loader;

namespace Bloomy.LoadContext;

/// <summary>
/// The load context of the module's client and its third-party dependencies (Polly, YamlDotNet…) on
/// PowerShell 7, so that the versions other modules put in the default context neither replace ours nor
/// are replaced by them.
/// </summary>
/// <remarks>
/// The cmdlet assembly stays in the default context, where PowerShell loads it. Its only reference outside
/// the runtime is the client (the cmdlets' parameters and outputs are client models), so the default context
/// is answered for the client alone; everything the client references is then resolved here first.
/// Assemblies the runtime itself provides at the same or a newer version (System.Text.Json, System.Memory…,
/// which dependencies/ carries for Windows PowerShell) are left to the default context, so there is one copy
/// of their types in the process.
/// </remarks>
public sealed class BloomyLoadContext : AssemblyLoadContext
{
    // The one assembly whose types the default context (the cmdlets, the engine's binder and formatter) sees.
    private const string SharedAssembly = "Bloomy.Client";

    private static readonly object InstallGate = new();
    private static BloomyLoadContext? _installed;

    private readonly string _dependencyFolder;
    private readonly string _runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private BloomyLoadContext(string dependencyFolder)
        : base("Bloomy")
    {
        _dependencyFolder = dependencyFolder;
    }

    /// <summary>
    /// Creates the context for <paramref name="dependencyFolder"/> and lets it answer the default context's
    /// request for the client. Once per process: the hook is process-wide, while modules are imported and
    /// removed per runspace; later calls (another runspace, a re-import) change nothing.
    /// </summary>
    /// <param name="dependencyFolder">The staged module's <c>dependencies/</c> folder.</param>
    public static void Install(string dependencyFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(dependencyFolder);
        lock (InstallGate)
        {
            if (_installed is not null) return;
            _installed = new BloomyLoadContext(Path.GetFullPath(dependencyFolder));
            Default.Resolving += _installed.ResolveSharedAssembly;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = DependencyPath(assemblyName);
        return path is null || ProvidedByRuntime(assemblyName) ? null : LoadFromAssemblyPath(path);
    }

    private Assembly? ResolveSharedAssembly(AssemblyLoadContext requester, AssemblyName assemblyName) =>
        assemblyName.Name == SharedAssembly && DependencyPath(assemblyName) is not null
            ? LoadFromAssemblyName(assemblyName)
            : null;

    private string? DependencyPath(AssemblyName assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName.Name)) return null;
        var path = Path.Combine(_dependencyFolder, assemblyName.Name + ".dll");
        return File.Exists(path) ? path : null;
    }

    // Only the shared framework counts, not every assembly on the host's probing list: a host application
    // (or PowerShell's own folder) carrying another Polly is exactly what this context exists to avoid.
    private bool ProvidedByRuntime(AssemblyName assemblyName)
    {
        var path = Path.Combine(_runtimeFolder, assemblyName.Name + ".dll");
        if (!File.Exists(path)) return false;
        var requested = assemblyName.Version;
        return requested is null || AssemblyName.GetAssemblyName(path).Version >= requested;
    }
}
