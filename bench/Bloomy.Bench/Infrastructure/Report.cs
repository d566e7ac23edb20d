using System.Globalization;
using System.Text;

namespace Bloomy.Bench.Infrastructure;

/// <summary>One workload's outcome: a table of figures and whether its target was met.</summary>
internal sealed class WorkloadResult(string title, string command, string target)
{
    public string Title { get; } = title;
    public string Command { get; } = command;
    public string Target { get; } = target;
    public string[] Columns { get; set; } = [];
    public List<string[]> Rows { get; } = new();
    public List<string> Notes { get; } = new();
    public bool Met { get; set; }

    public void Row(params object[] cells) => Rows.Add(cells.Select(Format).ToArray());

    private static string Format(object cell) => cell switch
    {
        double d => d.ToString(Math.Abs(d) >= 100 ? "F0" : Math.Abs(d) >= 10 ? "F1" : "F3", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    public void WriteTo(StringBuilder md)
    {
        md.AppendLine($"### {Title}").AppendLine();
        md.AppendLine($"Pipeline: `{Command}`  ").AppendLine($"Target: {Target} — **{(Met ? "met" : "missed")}**").AppendLine();
        md.AppendLine("| " + string.Join(" | ", Columns) + " |");
        md.AppendLine("|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var row in Rows) md.AppendLine("| " + string.Join(" | ", row) + " |");
        md.AppendLine();
        foreach (var note in Notes) md.AppendLine("- " + note);
        if (Notes.Count > 0) md.AppendLine();
    }
}

/// <summary>The markdown report of one harness run: the machine, then one section per workload.</summary>
internal static class Report
{
    public static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
                .Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return $"{Environment.ProcessorCount} logical CPUs, {cpu}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }

    public static string Render(IEnumerable<WorkloadResult> results, TimeSpan elapsed, string arguments)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Bloomy benchmark results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)").AppendLine();
        md.AppendLine($"Machine: {Machine()}  ");
        md.AppendLine($"Command: `dotnet run -c Release --project bench/Bloomy.Bench -- {arguments}` ({elapsed.TotalSeconds:F0} s)").AppendLine();
        var list = results.ToList();
        md.AppendLine("| Workload | Target | Met |").AppendLine("|---|---|---|");
        foreach (var r in list) md.AppendLine($"| {r.Title} | {r.Target} | {(r.Met ? "yes" : "**no**")} |");
        md.AppendLine();
        foreach (var r in list) r.WriteTo(md);
        return md.ToString();
    }
}
