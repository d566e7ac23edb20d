using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Isolation;

/// <summary>
/// The staged module beside another module's version of one of its dependencies. This process references
/// Bloomy.Client directly, so it proves nothing about isolation; the import runs in tests/IsolationHost, a
/// PowerShell host that knows Bloomy only through Import-Module, as pwsh does.
/// </summary>
public sealed class DependencyIsolationTests : IClassFixture<EmulatorFixture>
{
    private static readonly TimeSpan HostPatience = TimeSpan.FromMinutes(2);
    private static readonly string StagedDependencies = Path.Combine(Path.GetDirectoryName(RepoPaths.ModuleManifest)!, "dependencies");

    private readonly EmulatorFixture _fixture;

    public DependencyIsolationTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Bloomy_works_beside_another_modules_Polly_each_with_its_own_version()
    {
        var emulator = _fixture.Emulator;
        emulator.Faults.Reset();

        var report = await RunIsolationHostAsync(emulator.BaseUri, emulator.DemoApiKey);

        Assert.Empty(report.Errors);
        var expected = emulator.Store.Todos.Where(t => !t.Complete).Select(t => t.Id).Order();
        Assert.Equal(expected, report.TodoIds.Order());

        var polly = report.Assemblies.Where(a => a.Name == "Polly.Core").ToList();
        Assert.Equal(2, polly.Count);
        var others = Assert.Single(polly, a => a.LoadContext == "Default");
        Assert.StartsWith("8.9.1+", others.Version);
        var ours = Assert.Single(polly, a => a.LoadContext == "Bloomy");
        Assert.Equal(Path.Combine(StagedDependencies, "Polly.Core.dll"), ours.Location);
        Assert.StartsWith("8.6.5+", ours.Version);

        Assert.Equal("Bloomy", Assert.Single(report.Assemblies, a => a.Name == "Bloomy.Client").LoadContext);
        Assert.Equal("Default", Assert.Single(report.Assemblies, a => a.Name == "Bloomy.Cmdlets").LoadContext);
        // The runtime's own System.Text.Json is shared, not loaded a second time from dependencies/.
        var json = Assert.Single(report.Assemblies, a => a.Name == "System.Text.Json");
        Assert.Equal("Default", json.LoadContext);
        Assert.Equal(Path.GetDirectoryName(typeof(object).Assembly.Location), Path.GetDirectoryName(json.Location));
    }

    [Fact]
    public void System_Text_Json_stays_at_the_major_of_PowerShell_7_4s_runtime()
    {
        // A newer major than the runtime's would load beside it on PowerShell 7.4 instead of being shared.
        var version = AssemblyName.GetAssemblyName(Path.Combine(StagedDependencies, "System.Text.Json.dll")).Version!;
        Assert.True(version.Major <= 8, $"System.Text.Json {version} is newer than PowerShell 7.4's runtime (8).");
    }

    [Fact]
    public void Only_the_module_and_its_loader_sit_beside_the_manifest()
    {
        var root = Path.GetDirectoryName(RepoPaths.ModuleManifest)!;
        var top = Directory.GetFiles(root, "*.dll").Select(Path.GetFileName).Order();
        Assert.Equal(["Bloomy.Cmdlets.dll", "Bloomy.Loader.dll"], top);
        Assert.True(File.Exists(Path.Combine(StagedDependencies, "Bloomy.LoadContext.dll")));
        Assert.True(File.Exists(Path.Combine(StagedDependencies, "Bloomy.Client.dll")));
    }

    private static async Task<HostReport> RunIsolationHostAsync(Uri baseUri, string apiKey)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", RepoPaths.IsolationHost, RepoPaths.ModuleManifest, baseUri.ToString(), apiKey })
        {
            start.ArgumentList.Add(arg);
        }
        using var host = Process.Start(start) ?? throw new InvalidOperationException("The isolation host did not start.");
        var stdout = host.StandardOutput.ReadToEndAsync();
        var stderr = host.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(HostPatience))
        {
            try
            {
                await host.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                host.Kill(entireProcessTree: true);
                throw new Xunit.Sdk.XunitException($"The isolation host did not finish within {HostPatience}.");
            }
        }
        var output = await stdout;
        Assert.True(output.Length > 0, $"The isolation host printed nothing (exit code {host.ExitCode}): {await stderr}");
        return JsonSerializer.Deserialize<HostReport>(output)
            ?? throw new Xunit.Sdk.XunitException("The isolation host printed no report: " + output);
    }

    private sealed record HostReport(List<long> TodoIds, List<string> Errors, List<LoadedAssembly> Assemblies);

    private sealed record LoadedAssembly(string Name, string? Version, string Location, string? LoadContext);
}
