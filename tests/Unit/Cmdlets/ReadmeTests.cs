using System.Text.RegularExpressions;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>The README's tables stay true: every exported cmdlet is in the cmdlet table, every project in the layout.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    public static TheoryData<string> ExportedCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "Bloomy.psd1"));
        var list = manifest[manifest.IndexOf("CmdletsToExport", StringComparison.Ordinal)..];
        list = list[..list.IndexOf(')')];
        var data = new TheoryData<string>();
        foreach (Match name in Regex.Matches(list, @"'([A-Za-z]+-Bloomy[A-Za-z]*)'")) data.Add(name.Groups[1].Value);
        return data;
    }

    public static TheoryData<string> ProjectFolders()
    {
        var solution = File.ReadAllText(Path.Combine(RepoPaths.Root, "Bloomy.PowerShell.sln"));
        var data = new TheoryData<string>();
        foreach (Match project in Regex.Matches(solution, @"""([^""]+)\\[^\\""]+\.csproj"""))
        {
            data.Add(project.Groups[1].Value.Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void The_cmdlet_table_lists_every_exported_cmdlet(string cmdlet) =>
        Assert.Contains($"`{cmdlet}`", Readme, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ProjectFolders))]
    public void The_layout_table_lists_every_project(string folder) =>
        Assert.Contains($"| `{folder}` |", Readme, StringComparison.Ordinal);
}
