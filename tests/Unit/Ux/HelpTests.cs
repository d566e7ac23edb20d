using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Ux;

/// <summary>Get-Help as a user sees it: generated cmdlet help for every exported cmdlet and the about_Bloomy topic.</summary>
public sealed class HelpTests
{
    private const string HelpSummaryScript = """
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        foreach ($command in Get-Command -Module Bloomy -CommandType Cmdlet) {
            $help = Get-Help $command.Name -Full
            $described = @{}
            foreach ($parameter in @($help.parameters.parameter | Where-Object { $_ })) {
                $described[$parameter.name] = (@($parameter.description) | ForEach-Object { $_.Text }) -join ' '
            }
            # A hashtable, because the session hands back base objects and a pscustomobject's are empty.
            @{
                Name        = $command.Name
                Synopsis    = $help.Synopsis
                Description = (@($help.description) | ForEach-Object { $_.Text }) -join ' '
                Examples    = @($help.examples.example | ForEach-Object { $_.code })
                Described   = $described
                Parameters  = @($command.Parameters.Keys | Where-Object { $common -notcontains $_ })
            }
        }
        """;

    [Fact]
    public void Every_exported_cmdlet_has_a_synopsis_a_description_described_parameters_and_two_examples()
    {
        using var session = new PowerShellSession();
        var summaries = session.Run(HelpSummaryScript).ThrowIfFailed().Output.Cast<Hashtable>().ToList();

        var exported = session.Run("(Get-Module Bloomy).ExportedCmdlets.Keys").ThrowIfFailed().Output.Cast<string>().ToList();
        Assert.Equal(exported.OrderBy(n => n), summaries.Select(s => (string)s["Name"]!).OrderBy(n => n));
        foreach (var summary in summaries)
        {
            var name = (string)summary["Name"]!;
            var synopsis = summary["Synopsis"] as string ?? "";
            // Without a help file, Get-Help makes the synopsis up from the syntax, which starts with the name.
            Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.TrimStart().StartsWith(name, StringComparison.OrdinalIgnoreCase),
                $"{name} has no synopsis of its own: '{synopsis}'");
            Assert.False(string.IsNullOrWhiteSpace(summary["Description"] as string), $"{name} has no description");
            var examples = ((IEnumerable)summary["Examples"]!).Cast<object>().Select(o => o.ToString()).ToList();
            Assert.True(examples.Count >= 2, $"{name} has {examples.Count} example(s)");
            Assert.All(examples, code => Assert.False(string.IsNullOrWhiteSpace(code), $"{name} has an empty example"));

            var described = (Hashtable)summary["Described"]!;
            var parameters = ((IEnumerable)summary["Parameters"]!).Cast<object>().Select(o => o.ToString()!).ToList();
            foreach (var parameter in parameters)
            {
                Assert.True(described[parameter] is string text && text.Length > 0, $"{name} -{parameter} has no description in the help");
            }
        }
    }

    [Fact]
    public void Full_help_shows_syntax_pipeline_input_defaults_and_examples()
    {
        using var console = new HostedConsole();

        var todo = console.Print("Get-Help Get-BloomyTodo -Full");
        Assert.Contains("Gets to-dos: yours, a user's, a meeting's, or to-dos by id.", todo);
        Assert.Matches(@"Get-BloomyTodo \[-Id\] <Int64\[\]>", todo);
        Assert.Matches(new Regex(@"-User <User>\s.*?Accept pipeline input\?\s+True \(ByValue\)", RegexOptions.Singleline), todo);
        Assert.Matches(new Regex(@"-MeetingId <Int64\[\]>\s.*?Accept pipeline input\?\s+True \(ByPropertyName\)", RegexOptions.Singleline), todo);
        Assert.Matches(new Regex(@"-ThrottleLimit <Int32>\s.*?Default value\s+5\b", RegexOptions.Singleline), todo);
        Assert.Contains("Example 2", todo);
        Assert.Contains("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 10", todo);

        var connect = console.Print("Get-Help Connect-Bloomy -Full");
        Assert.Matches(new Regex(@"-BaseUri <Uri>\s.*?Default value\s+https://app\.bloomgrowth\.com/api/v1/", RegexOptions.Singleline), connect);
        Assert.Matches(new Regex(@"-MaxRetries <Int32>\s.*?Default value\s+3\b", RegexOptions.Singleline), connect);
    }

    [Fact]
    public void Connect_Bloomy_help_shows_the_form_without_a_key_as_Get_Command_does()
    {
        using var session = new PowerShellSession();

        var forms = session.Run("(Get-Help Connect-Bloomy).syntax.syntaxItem | ForEach-Object { @($_.parameter | ForEach-Object name) -join ' ' }")
            .ThrowIfFailed().Output.Select(o => o!.ToString()!).ToList();

        // Three forms, as Get-Command -Syntax lists them, the default first: from BG_API_KEY or the config file, -ApiKey, -Credential.
        Assert.Equal(3, forms.Count);
        Assert.StartsWith("BaseUri ", forms[0], StringComparison.Ordinal);
        Assert.Single(forms, f => !f.Contains("ApiKey", StringComparison.Ordinal) && !f.Contains("Credential", StringComparison.Ordinal));
        Assert.Single(forms, f => f.StartsWith("ApiKey ", StringComparison.Ordinal));
        Assert.Single(forms, f => f.StartsWith("Credential ", StringComparison.Ordinal));
    }

    [Fact]
    public void About_Bloomy_covers_connecting_throttling_the_emulator_and_errors()
    {
        using var console = new HostedConsole();

        var topic = console.Print("Get-Help about_Bloomy");

        Assert.Contains("about_Bloomy", topic);
        foreach (var section in new[] { "CONNECTING", "THROTTLING AND RETRIES", "THE EMULATOR", "ERRORS" })
        {
            Assert.Contains(section, topic);
        }
        Assert.Contains("Bloomy.RateLimited", topic);
        Assert.Contains("Bloomy.Disconnected", topic);
        Assert.Contains("-like 'Bloomy.NotFound,*'", topic);
    }

    [Fact]
    public void The_help_generator_fails_when_a_parameter_is_undocumented_or_a_cmdlet_has_one_example()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var cmdlets = Path.Combine(RepoPaths.Root, "src", "Bloomy.Cmdlets", "bin", configuration, "netstandard2.0");
        var generator = Path.Combine(RepoPaths.Root, "tools", "Bloomy.HelpGen", "bin", configuration, "net10.0", "Bloomy.HelpGen.dll");
        var docs = File.ReadAllText(Path.Combine(cmdlets, "Bloomy.Cmdlets.xml"));
        var broken = docs.Replace("<para type=\"description\">Lists every user of the organisation.</para>", "");
        broken = Regex.Replace(broken,
            "(<member name=\"T:Bloomy.Cmdlets.Commands.Connection.DisconnectBloomyCommand\">.*?)<example>.*?</example>", "$1",
            RegexOptions.Singleline);
        Assert.NotEqual(docs, broken);
        var folder = Directory.CreateTempSubdirectory("bloomy-help-");
        try
        {
            var brokenDocs = Path.Combine(folder.FullName, "Bloomy.Cmdlets.xml");
            File.WriteAllText(brokenDocs, broken);
            var output = Path.Combine(folder.FullName, "Bloomy.Cmdlets.dll-Help.xml");

            var (exitCode, errors) = RunGenerator(generator, Path.Combine(cmdlets, "Bloomy.Cmdlets.dll"), brokenDocs, output);

            Assert.Equal(1, exitCode);
            Assert.Contains("error BLOOMYHELP: Get-BloomyUser -All", errors);
            Assert.Contains("error BLOOMYHELP: Disconnect-Bloomy", errors);
            Assert.Contains("at least 2 are required", errors);
            Assert.False(File.Exists(output));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Errors) RunGenerator(string generator, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(generator);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }
}
