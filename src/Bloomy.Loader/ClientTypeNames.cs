using System.Management.Automation;
using System.Reflection;

namespace Bloomy.Loader;

/// <summary>
/// Lets scripts name the client's public types (<c>[Bloomy.Client.Models.Todo]</c>, <c>-is</c>, <c>-as</c>,
/// <c>param([Bloomy.Client.Models.User] $u)</c>, <c>catch [Bloomy.Client.BloomyException]</c>) on PowerShell 7.
/// </summary>
/// <remarks>
/// PowerShell 7 resolves a type name only among the assemblies of the default load context, and the client
/// lives in Bloomy's own context. It cannot move to the default one: its references would then bind there too,
/// to whatever Polly or YamlDotNet another module loaded first (Polly keeps assembly version 8.0.0.0 across
/// 8.x, so any 8.x satisfies the request). PowerShell's type accelerators are the one place type names are
/// looked up outside the default context, so each public client type is registered there under its full name.
/// The accelerator table is not public API, hence the reflection; without it, names stay assembly-qualified.
/// </remarks>
internal static class ClientTypeNames
{
    private const string AcceleratorsType = "System.Management.Automation.TypeAccelerators";

    /// <summary>Registers every public type of <paramref name="client"/> under its full name.</summary>
    public static void Register(Assembly client)
    {
        var add = typeof(PSObject).Assembly.GetType(AcceleratorsType)?
            .GetMethod("Add", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string), typeof(Type) }, null);
        if (add is null) return;
        foreach (var type in client.GetExportedTypes())
        {
            if (type.FullName is { } name) add.Invoke(null, new object[] { name, type });
        }
    }
}
