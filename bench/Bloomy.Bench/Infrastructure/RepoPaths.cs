namespace Bloomy.Bench.Infrastructure;

/// <summary>Locations in the repository, found from the benchmark assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The staged module (building this project stages it, through its reference to Bloomy.Cmdlets).</summary>
    public static string ModuleManifest => Path.Combine(Root, "out", "Bloomy", "Bloomy.psd1");

    public static string ResultsFolder => Path.Combine(Root, "bench", "results");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bloomy.PowerShell.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
