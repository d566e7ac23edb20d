using System.Management.Automation;
using System.Security;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the secrets suite.</summary>
public sealed class SecretsFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>
/// Suite 8: every exported cmdlet, run with -Verbose -Debug against a failing server, never shows the key —
/// in no stream, no error record (message, exception, details, target) and not in the connection object.
/// </summary>
public sealed class SecretsTests(SecretsFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<SecretsFixture>
{
    public static TheoryData<string> Failures => new() { "500", "401", "Html", "InvalidJson", "Drop", "BadKey" };

    [Theory]
    [MemberData(nameof(Failures))]
    public void No_stream_or_message_of_any_cmdlet_contains_the_key(string failure)
    {
        Connect(maxRetries: 1);
        var key = Emulator.DemoApiKey;
        switch (failure)
        {
            case "500": Emulator.Faults.FailFraction(1, 500); break;
            case "401": Emulator.Faults.FailFraction(1, 401); break;
            case "Html": Emulator.Faults.Malformed(MalformedKind.Html); break;
            case "InvalidJson": Emulator.Faults.Malformed(MalformedKind.InvalidJson); break;
            case "Drop": Emulator.Faults.DropConnections(1, DropTiming.BeforeAction); break;
            case "BadKey":
                // Connect-Bloomy gets a key the server rejects; the rest run on the connection, against 500s.
                key = "bloomy-SECRET-7f3a9c1e5d2b8046";
                Emulator.Faults.FailFraction(1, 500);
                break;
        }
        Session.Set("key", key);
        Session.Set("base", Emulator.BaseUri);

        var invocations = Invocations();
        Assert.Contains(invocations, i => i.StartsWith("Connect-Bloomy ", StringComparison.Ordinal));
        Emulator.Stats.Reset();
        var texts = new List<string>();
        int retries = 0, errors = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var script in invocations)
        {
            var (result, took) = Timed(script);
            texts.AddRange(Texts(result));
            retries += RetriesSeen(result);
            errors += result.Errors.Count + (result.Terminating is null ? 0 : 1);
            elapsed += took;
        }

        var leaks = texts.Where(t => t.Contains(key, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "the key appeared in: " + string.Join(" | ", leaks.Take(3)));
        // Disconnect-Bloomy and Get-BloomyConnection never call the API, so only the others must fail.
        var failing = invocations.Count(i => !i.StartsWith("Disconnect-Bloomy ", StringComparison.Ordinal)
            && !i.StartsWith("Get-BloomyConnection ", StringComparison.Ordinal));
        Assert.True(errors >= failing, $"only {errors} errors from {failing} failing invocations");
        Report($"secrets/{failure}", invocations.Count, 0, errors, retries, elapsed, $"texts-searched={texts.Count}");
    }

    [Fact]
    public void The_connection_object_never_shows_the_key()
    {
        var result = Session.Run("Connect-Bloomy -BaseUri $b -ApiKey $k -PassThru -Verbose -Debug",
            new() { ["b"] = Emulator.BaseUri, ["k"] = Emulator.DemoApiKey }).ThrowIfFailed();
        var connection = Assert.Single(result.Output);
        var wrapped = PSObject.AsPSObject(connection);

        var texts = Texts(result).Append(connection!.ToString()!).Append(wrapped.ToString())
            .Concat(wrapped.Properties.Select(p => $"{p.Name}={SafeValue(p)}")).ToList();

        Assert.DoesNotContain(texts, t => t.Contains(Emulator.DemoApiKey, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("MaxRetries=", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("RetryDelay=", StringComparison.Ordinal));
    }

    // One invocation per parameter set of every exported cmdlet whose mandatory parameters can be filled.
    private List<string> Invocations()
    {
        var commands = Session.Run("Get-Command -Module Bloomy").ThrowIfFailed().OutputOf<CmdletInfo>().ToList();
        Assert.NotEmpty(commands);
        var scripts = new List<string>();
        foreach (var command in commands.OrderBy(c => c.Verb == "Disconnect" ? 1 : 0))
        {
            foreach (var set in command.ParameterSets)
            {
                var arguments = new List<string>();
                var fillable = true;
                foreach (var parameter in set.Parameters.Where(p => p.IsMandatory || p.Name == "BaseUri"))
                {
                    var value = ValueFor(parameter.ParameterType);
                    if (value is null)
                    {
                        fillable = false;
                        break;
                    }
                    arguments.Add(parameter.ParameterType == typeof(SwitchParameter) ? $"-{parameter.Name}" : $"-{parameter.Name} {value}");
                }
                if (!fillable) continue;
                if (command.Parameters.ContainsKey("Confirm")) arguments.Add("-Confirm:$false");
                scripts.Add($"{command.Name} {string.Join(" ", arguments)} -Verbose -Debug -ErrorAction Continue");
            }
        }
        return scripts;
    }

    private static string? ValueFor(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(long) || t == typeof(int) || t == typeof(long[]) || t == typeof(int[])) return "1001";
        if (t == typeof(string) || t == typeof(string[])) return "'probe'";
        if (t == typeof(DateTime)) return "'2026-12-01'";
        if (t == typeof(SwitchParameter)) return "";
        if (t == typeof(SecureString)) return "$key";
        if (t == typeof(Uri)) return "$base";
        if (t.IsEnum) return Enum.GetNames(t)[0];
        return null;
    }

    // Everything a user could see: every stream and every part of every error record.
    private static IEnumerable<string> Texts(PowerShellResult result)
    {
        foreach (var line in result.Verbose.Concat(result.Debug).Concat(result.Warnings)) yield return line;
        foreach (var progress in result.Progress)
        {
            yield return progress.Activity + " " + progress.StatusDescription + " " + progress.CurrentOperation;
        }
        foreach (var output in result.Output) yield return output?.ToString() ?? "";
        var records = result.Errors.Concat(result.TerminatingRecord is { } t ? [t] : []);
        foreach (var record in records)
        {
            yield return record.ToString();
            yield return record.FullyQualifiedErrorId;
            yield return record.CategoryInfo.ToString();
            yield return record.Exception.ToString();
            yield return record.ErrorDetails?.Message ?? "";
            yield return record.ErrorDetails?.RecommendedAction ?? "";
            if (record.TargetObject is { } target)
            {
                var wrapped = PSObject.AsPSObject(target);
                yield return wrapped.ToString();
                foreach (var property in wrapped.Properties) yield return $"{property.Name}={SafeValue(property)}";
            }
        }
        if (result.Terminating is { } terminating) yield return terminating.ToString();
    }

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value?.ToString() ?? "";
        }
        catch (GetValueException)
        {
            return "";
        }
    }
}
