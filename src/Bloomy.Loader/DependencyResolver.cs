using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Bloomy.Loader;

/// <summary>
/// Resolves the module's own dependencies from its <c>dependencies/</c> folder, which PowerShell does not
/// probe, so Bloomy imports beside modules that carry other versions of System.Text.Json, Polly or YamlDotNet.
/// </summary>
/// <remarks>
/// This is an assembly of its own, imported as the manifest's nested module, because PowerShell loads every
/// public type of the root module (and with them the client types in their fields and base types) before it
/// runs that module's initializer: the resolver has to exist by then.
/// On PowerShell 7 the client and its dependencies load in a context of their own (Bloomy.LoadContext, a
/// net8.0 assembly, because this netstandard2.0 one cannot name AssemblyLoadContext); the default context,
/// where PowerShell keeps the cmdlets, is handed the client alone, whose models are the cmdlets' parameters
/// and outputs; ClientTypeNames makes them nameable in scripts. An unsupported host (PowerShell 7.0–7.3) is
/// refused here with one message (SupportedHost). Windows PowerShell has one load context per AppDomain, so there an AssemblyResolve handler
/// loads whatever the runtime cannot find.
/// </remarks>
public sealed class DependencyResolver : IModuleAssemblyInitializer
{
    private const string LoadContextAssembly = "Bloomy.LoadContext.dll";
    private const string LoadContextType = "Bloomy.LoadContext.BloomyLoadContext";
    private const string ClientAssembly = "Bloomy.Client";

    private static readonly object InstallGate = new();
    private static bool _installed;

    private static readonly string DependencyFolder =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "dependencies");

    /// <summary>
    /// Installs the resolver when the module is first imported in the process. It stays for the life of the
    /// process: it is process-wide, while imports and removals are per runspace.
    /// </summary>
    public void OnImport()
    {
        lock (InstallGate)
        {
            if (_installed) return;
            var isNetFramework = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
            var refusal = SupportedHost.Refusal(isNetFramework, typeof(PSObject).Assembly.GetName().Version ?? new Version(0, 0), Environment.Version);
            if (refusal is not null) throw new PlatformNotSupportedException(refusal);
            if (isNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            }
            else
            {
                InstallLoadContext();
            }
            _installed = true;
        }
    }

    private static void InstallLoadContext()
    {
        var loadContext = Assembly.LoadFrom(Path.Combine(DependencyFolder, LoadContextAssembly));
        var install = loadContext.GetType(LoadContextType, throwOnError: true)!.GetMethod("Install", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException(LoadContextType, "Install");
        install.Invoke(null, new object[] { DependencyFolder });
        // The client as the default context, and so the cmdlets, bind to it: the load context's copy in pwsh, the
        // host's own copy in a host that ships the client itself.
        ClientTypeNames.Register(Assembly.Load(new AssemblyName(ClientAssembly)));
    }

    private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null) return null;
        var path = Path.Combine(DependencyFolder, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
