using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the bad-input suite, so its request count is this suite's alone.</summary>
public sealed class BadInputFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>
/// Suite 7: bad input of every kind gets a clear error before any request — the emulator sees none.
/// Scripts may use $base (the emulator's base URI), $key (a valid key), $user, $meeting and $todo (real objects).
/// </summary>
public sealed class BadInputTests : FaultSuite, IClassFixture<BadInputFixture>
{
    public BadInputTests(BadInputFixture fixture, ITestOutputHelper output) : base(fixture, output)
    {
        Connect();
        var found = Session.Run("Get-BloomyUser; Get-BloomyMeeting; Get-BloomyTodo").ThrowIfFailed().Output;
        Session.Set("user", found.OfType<Bloomy.Client.Models.User>().First());
        Session.Set("meeting", found.OfType<Bloomy.Client.Models.Meeting>().First());
        Session.Set("todo", found.OfType<Bloomy.Client.Models.Todo>().First());
        Session.Set("base", Emulator.BaseUri);
        Session.Set("key", Emulator.DemoApiKey);
        Emulator.Stats.Reset();
    }

    public static TheoryData<string> CmdletCases => new()
    {
        // Titles
        "New-BloomyTodo -Title ''",
        "New-BloomyTodo -Title '   '",
        "New-BloomyTodo -Title \"`t`n\"",
        "New-BloomyTodo -Title $null",
        "[pscustomobject]@{ Title = '' } | New-BloomyTodo",
        "[pscustomobject]@{ Title = '  ' } | New-BloomyTodo",
        "[pscustomobject]@{ Subject = 'no title column' } | New-BloomyTodo",
        "Set-BloomyTodo -Id 5001 -Title ''",
        "Set-BloomyTodo -Id 5001 -Title '   '",
        "New-BloomyGoal -Title '   '",
        "Set-BloomyGoal -Id 6001 -Title '   '",
        "New-BloomyIssue -MeetingId 2001 -Title '   '",
        "Set-BloomyIssue -Id 7001 -Title '   '",
        "[pscustomobject]@{ MeetingId = 2001; Title = '  ' } | New-BloomyHeadline",
        "Set-BloomyHeadline -Id 8001 -Title '   '",
        "New-BloomyMeeting -Title '   '",
        "Set-BloomyTodo -Id 5001",
        // Ids
        "New-BloomyTodo -Title 'x' -MeetingId 0",
        "New-BloomyTodo -Title 'x' -MeetingId -5",
        "New-BloomyTodo -Title 'x' -UserId 0",
        "[pscustomobject]@{ Title = 'x'; MeetingId = 'abc' } | New-BloomyTodo",
        "Get-BloomyTodo -Id 0",
        "Get-BloomyTodo -Id -1",
        "Get-BloomyTodo -UserId 0",
        "Get-BloomyTodo -MeetingId -2",
        "Get-BloomyTodo -Id 'x'",
        "Get-BloomyUser -Id 0",
        "Get-BloomyMeeting -Id 0",
        "Complete-BloomyTodo -Id 0",
        "Complete-BloomyTodo -Id -3",
        "Set-BloomyTodo -Id 0 -Title 'x'",
        // Both a user and a meeting
        "Get-BloomyTodo -UserId 1001 -MeetingId 2001",
        "Get-BloomyTodo -User $user -Meeting $meeting",
        // Dates
        "New-BloomyTodo -Title 'x' -DueDate 'not a date'",
        "New-BloomyTodo -Title 'x' -DueDate '2026-13-45'",
        "[pscustomobject]@{ Title = 'x'; DueDate = 'tomorrowish' } | New-BloomyTodo",
        "Set-BloomyTodo -Id 5001 -DueDate 'someday'",
        // Null and wrong-typed pipeline objects
        "$null | Get-BloomyTodo",
        "$null | Complete-BloomyTodo",
        "'abc' | Get-BloomyTodo",
        "$user | Complete-BloomyTodo",
        "$meeting | Set-BloomyTodo -Title 'x'",
        "$todo | Get-BloomyUser",
        "Get-BloomyUser -Search ''",
        "Get-BloomyUser -Search '   '",
        "Get-BloomyUser -Id 1001 -All",
        // Throttle limits
        "Get-BloomyTodo -ThrottleLimit 0",
        "Get-BloomyTodo -ThrottleLimit 1000",
        "New-BloomyTodo -Title 'x' -ThrottleLimit 0",
        // Connections
        "Connect-Bloomy -BaseUri 'api/v1/' -ApiKey $key",
        "Connect-Bloomy -BaseUri 'ftp://127.0.0.1/api/v1/' -ApiKey $key",
        "Connect-Bloomy -BaseUri 'http://bloom.example.com/api/v1/' -ApiKey $key",
        "Connect-Bloomy -BaseUri 'https://ada:secret@app.bloomgrowth.com/api/v1/' -ApiKey $key",
        "Connect-Bloomy -BaseUri ($base.AbsoluteUri + '?x=1') -ApiKey $key",
        "Connect-Bloomy -BaseUri $base -ApiKey ''",
        "Connect-Bloomy -BaseUri $base -ApiKey '   '",
        "Connect-Bloomy -BaseUri $base -ApiKey \"bad`nkey\"",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -MaxRetries 11",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -MaxRetries -1",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -TimeoutSec 0",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -TotalTimeoutSec 0",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -RetryDelayMilliseconds -1",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -MaxRetryDelaySec 0",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -ThrottleLimit 0",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -ThrottleLimit 1000",
        "Connect-Bloomy -BaseUri $base -ApiKey $key -MaxConcurrentRequests 0",
    };

    [Theory]
    [MemberData(nameof(CmdletCases))]
    public void Bad_cmdlet_input_is_a_clear_error_before_any_request(string script)
    {
        var result = Session.Run(script);

        var errors = result.Errors.Concat(result.TerminatingRecord is { } t ? [t] : []).ToList();
        Assert.True(errors.Count > 0, $"no error for: {script}");
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ToString())));
        Assert.Empty(result.Output);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Output.WriteLine($"{script} → {errors[0].FullyQualifiedErrorId}: {errors[0]}");
    }

    public static TheoryData<string> OptionCases => new()
    {
        nameof(BloomyClientOptions.BaseUri) + " relative",
        nameof(BloomyClientOptions.BaseUri) + " ftp",
        nameof(BloomyClientOptions.BaseUri) + " insecure",
        nameof(BloomyClientOptions.MaxConcurrentRequests) + " 0",
        nameof(BloomyClientOptions.MaxConcurrentRequests) + " 2000",
        nameof(BloomyClientOptions.MaxRetries) + " 11",
        nameof(BloomyClientOptions.Timeout) + " 1ms",
        nameof(BloomyClientOptions.TotalTimeout) + " negative",
        nameof(BloomyClientOptions.RetryBaseDelay) + " negative",
        nameof(BloomyClientOptions.MaxRetryDelay) + " negative",
        nameof(BloomyClientOptions.TokenUri) + " relative",
        nameof(BloomyClientOptions.ApiKey) + " control",
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Bad_client_options_are_a_clear_error_before_any_request(string @case)
    {
        var options = new BloomyClientOptions { BaseUri = Emulator.BaseUri, ApiKey = Emulator.DemoApiKey };
        switch (@case.Split(' ')[0] + " " + @case.Split(' ')[1])
        {
            case "BaseUri relative": options.BaseUri = new Uri("api/v1/", UriKind.Relative); break;
            case "BaseUri ftp": options.BaseUri = new Uri("ftp://127.0.0.1/api/v1/"); break;
            case "BaseUri insecure": options.BaseUri = new Uri("http://bloom.example.com/api/v1/"); break;
            case "MaxConcurrentRequests 0": options.MaxConcurrentRequests = 0; break;
            case "MaxConcurrentRequests 2000": options.MaxConcurrentRequests = 2000; break;
            case "MaxRetries 11": options.MaxRetries = 11; break;
            case "Timeout 1ms": options.Timeout = TimeSpan.FromMilliseconds(1); break;
            case "TotalTimeout negative": options.TotalTimeout = TimeSpan.FromSeconds(-5); break;
            case "RetryBaseDelay negative": options.RetryBaseDelay = TimeSpan.FromSeconds(-1); break;
            case "MaxRetryDelay negative": options.MaxRetryDelay = TimeSpan.FromSeconds(-1); break;
            case "TokenUri relative": options.TokenUri = new Uri("Token", UriKind.Relative); break;
            case "ApiKey control": options.ApiKey = "bad\u0007key"; break;
            default: throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case");
        }

        var error = Assert.Throws<BloomyConfigurationException>(() => new BloomyClient(options).Dispose());

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain(Emulator.DemoApiKey, error.Message);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Output.WriteLine($"{@case} → {error.Message}");
    }
}
