using System.Management.Automation;
using System.Management.Automation.Language;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>The staged module as PowerShell sees it: manifest, exports, scripts that must parse.</summary>
public sealed class ModuleTests
{
    [Fact]
    public void The_manifest_passes_Test_ModuleManifest()
    {
        using var session = new PowerShellSession(importModule: false);
        var result = session.Run("Test-ModuleManifest -Path $p", new() { ["p"] = RepoPaths.ModuleManifest }).ThrowIfFailed();

        var module = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output));
        Assert.Equal("Bloomy", module.Name);
        Assert.Contains("Core", module.CompatiblePSEditions);
        Assert.Contains("Desktop", module.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
    }

    [Fact]
    public void Every_exported_cmdlet_is_listed_explicitly_in_the_manifest_and_exists()
    {
        using var session = new PowerShellSession();
        var exported = session.Run("(Get-Module Bloomy).ExportedCmdlets.Keys").ThrowIfFailed().Output.Cast<string>().ToHashSet();
        var declared = session.Run("(" + File.ReadAllText(RepoPaths.ModuleManifest) + ").CmdletsToExport").ThrowIfFailed();
        var inAssembly = typeof(Bloomy.Cmdlets.Commands.BloomyCmdlet).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().FirstOrDefault())
            .Where(a => a is not null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .ToHashSet();

        Assert.Equal(inAssembly.OrderBy(n => n), exported.OrderBy(n => n));
        Assert.Equal(inAssembly.OrderBy(n => n), declared.Output.Cast<string>().OrderBy(n => n));
    }

    [Fact]
    public void Every_powershell_script_in_the_repository_parses()
    {
        var scripts = Directory.EnumerateFiles(RepoPaths.PesterFolder, "*.Tests.ps1", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(scripts);
        scripts.Add(Path.Combine(RepoPaths.Root, "build.ps1"));
        scripts.AddRange(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tools"), "*.ps1", SearchOption.AllDirectories));
        scripts.AddRange(Directory.EnumerateFiles(RepoPaths.PesterFolder, "*.ps1", SearchOption.AllDirectories));

        foreach (var script in scripts.Distinct())
        {
            Parser.ParseFile(script, out _, out var errors);
            Assert.True(errors.Length == 0,
                $"{script}: " + string.Join("; ", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
        }
    }
}
