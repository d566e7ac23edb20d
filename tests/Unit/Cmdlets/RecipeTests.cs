using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>
/// The README's cookbook (docs/recipes/*.ps1), run as written against the emulator. The hosted engine
/// lacks Microsoft.PowerShell.Utility, so the session gets minimal stand-ins for the four utility
/// cmdlets the recipes use; everything Bloomy does is real.
/// </summary>
public sealed class RecipeTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string UtilityStandIns = """
        function Get-Date { [DateTime]::Now }
        function Write-Warning { [CmdletBinding()] param([string] $Message) $PSCmdlet.WriteWarning($Message) }
        function Import-Csv {
            param([string] $Path)
            $lines = [System.IO.File]::ReadAllLines($Path)
            $header = $lines[0].Split(',')
            for ($i = 1; $i -lt $lines.Length; $i++) {
                $cells = $lines[$i].Split(',')
                $row = [ordered]@{}
                for ($j = 0; $j -lt $header.Length; $j++) { $row[$header[$j]] = $cells[$j] }
                [pscustomobject]$row
            }
        }
        function Export-Csv {
            param([Parameter(ValueFromPipeline)] $InputObject, [string] $Path, [switch] $NoTypeInformation)
            begin { $rows = [System.Collections.Generic.List[object]]::new() }
            process { $rows.Add($InputObject) }
            end {
                $names = @($rows[0].PSObject.Properties | ForEach-Object { $_.Name })
                $lines = @($names -join ',') + @($rows | ForEach-Object { $row = $_; ($names | ForEach-Object { $row.$_ }) -join ',' })
                [System.IO.File]::WriteAllLines($Path, [string[]]$lines)
            }
        }
        """;

    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bloomy-recipes-" + Guid.NewGuid().ToString("N"));

    public RecipeTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Directory.CreateDirectory(_folder);
        _session.Connect(fixture.Emulator.BaseUri, fixture.Emulator.DemoApiKey);
        _session.Run(UtilityStandIns).ThrowIfFailed();
        fixture.Emulator.Stats.Reset();
    }

    public void Dispose()
    {
        _session.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Recipe(string name) => Path.Combine(RepoPaths.Root, "docs", "recipes", name);

    [Fact]
    public void The_weekly_todo_report_has_one_row_per_user_with_their_open_todos()
    {
        var rows = _session.Run("& $recipe", new() { ["recipe"] = Recipe("Get-WeeklyTodoReport.ps1") }).ThrowIfFailed().Output;

        var users = _fixture.Emulator.Store.Users.Where(u => !u.IsPlaceholder).ToList();
        Assert.Equal(users.Count, rows.Count);
        var ada = rows.Cast<System.Management.Automation.PSObject>().Single(r => (string)r.Properties["User"].Value == "Ada Park");
        var adasOpen = _fixture.Emulator.Store.Todos.Count(t => t.OwnerId == _fixture.Emulator.DemoUserId && !t.Complete);
        Assert.Equal(adasOpen, (int)ada.Properties["Open"].Value);
    }

    [Fact]
    public void Rocks_come_from_a_csv_one_per_good_row_and_a_warning_per_bad_one()
    {
        var csv = Path.Combine(_folder, "rocks.csv");
        File.WriteAllLines(csv, new[]
        {
            "Title,MeetingId",
            "Recipe rock one,2001",
            "Recipe rock two,2001",
            "Rock in a meeting that does not exist,999999",
        });

        var result = _session.Run("& $recipe -Path $csv", new() { ["recipe"] = Recipe("New-RocksFromCsv.ps1"), ["csv"] = csv });

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "Recipe rock one", "Recipe rock two" }, result.OutputOf<Goal>().Select(g => g.Title));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("999999", warning);
        Assert.Equal(2, _fixture.Emulator.Store.Goals.Count(g => g.Title is "Recipe rock one" or "Recipe rock two"));
    }

    [Fact]
    public void Stale_issues_are_only_shown_with_WhatIf_and_closed_without_it()
    {
        var recipe = Recipe("Close-StaleIssues.ps1");
        var preview = _session.Run("& $recipe -OlderThanDays 0 -WhatIf", new() { ["recipe"] = recipe }).ThrowIfFailed();
        Assert.Empty(preview.Output);
        Assert.Equal(0, _fixture.Emulator.Stats.Requests.Count(r => r.Method == "POST"));

        var closed = _session.Run("& $recipe -OlderThanDays 0", new() { ["recipe"] = recipe }).ThrowIfFailed().OutputOf<Issue>().ToList();

        Assert.NotEmpty(closed);
        Assert.All(closed, issue => Assert.NotNull(issue.CloseTime));
        Assert.All(closed, issue => Assert.True(_fixture.Emulator.Store.Issues.Single(i => i.Id == issue.Id).CloseTime is not null));
    }

    [Fact]
    public void The_scorecard_export_writes_one_row_per_measurable_of_last_week()
    {
        var csv = Path.Combine(_folder, "scorecard.csv");
        _session.Run("& $recipe -Path $csv -WeekOffset -1", new() { ["recipe"] = Recipe("Export-Scorecard.ps1"), ["csv"] = csv }).ThrowIfFailed();

        var lines = File.ReadAllLines(csv);
        Assert.Equal("Week,Measurable,MeasurableId,Owner,Target,Value,UpdatedAt", lines[0]);
        var lastWeek = _fixture.Emulator.Store.CurrentWeekNumber - 1;
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), line => Assert.StartsWith(lastWeek + ",", line));
    }
}
