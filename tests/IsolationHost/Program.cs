using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

// Usage: Bloomy.Tests.IsolationHost <Bloomy.psd1> <emulator base URI> <API key>
// Loads another module's Polly.Core (a different version) into the default context first, then imports Bloomy
// and lists every user's to-dos through it. Prints one JSON report on standard output; the exit code is 0 when
// the script ran without errors.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Bloomy.Tests.IsolationHost <Bloomy.psd1> <base URI> <API key>");
    return 2;
}

var otherModulePolly = Path.Combine(AppContext.BaseDirectory, "other-module", "Polly.Core.dll");
using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
runspace.SessionStateProxy.SetVariable("otherModulePolly", otherModulePolly);
runspace.SessionStateProxy.SetVariable("manifest", args[0]);
runspace.SessionStateProxy.SetVariable("baseUri", args[1]);
runspace.SessionStateProxy.SetVariable("apiKey", args[2]);

using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddScript("""
    Import-Module $otherModulePolly -ErrorAction Stop
    Import-Module $manifest -ErrorAction Stop
    Connect-Bloomy -BaseUri $baseUri -ApiKey $apiKey
    Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 8
    """);

var todoIds = new List<long>();
var errors = new List<string>();
try
{
    foreach (var item in shell.Invoke())
    {
        if (item?.Properties["Id"]?.Value is { } id) todoIds.Add(Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture));
    }
}
catch (RuntimeException ex)
{
    errors.Add(ex.ToString());
}
errors.AddRange(shell.Streams.Error.Select(e => e.ToString() + Environment.NewLine + e.Exception));

string[] watched = ["Polly.Core", "YamlDotNet", "Microsoft.Bcl.TimeProvider", "System.Text.Json", "Bloomy.Client", "Bloomy.Cmdlets"];
var assemblies = AppDomain.CurrentDomain.GetAssemblies()
    .Where(a => watched.Contains(a.GetName().Name))
    .Select(a => new
    {
        Name = a.GetName().Name,
        Version = a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
        a.Location,
        LoadContext = AssemblyLoadContext.GetLoadContext(a)?.Name,
    })
    .OrderBy(a => a.Name, StringComparer.Ordinal)
    .ToList();

Console.WriteLine(JsonSerializer.Serialize(new { TodoIds = todoIds, Errors = errors, Assemblies = assemblies }));
return errors.Count == 0 ? 0 : 1;
