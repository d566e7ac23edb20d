using System.Reflection;

namespace Bloomy.Tests.Infrastructure;

/// <summary>Locations in the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleManifest => Path.Combine(Root, "out", "Bloomy", "Bloomy.psd1");

    public static string PesterFolder => Path.Combine(Root, "tests", "Pester");

    /// <summary>tests/IsolationHost's program, built in this test assembly's configuration.</summary>
    public static string IsolationHost => Path.Combine(Root, "tests", "IsolationHost", "bin",
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0",
        "Bloomy.Tests.IsolationHost.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bloomy.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
