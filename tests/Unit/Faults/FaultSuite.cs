using System.Diagnostics;
using System.Management.Automation;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>
/// What every fault suite shares: a real engine connected to the suite's emulator, the figures each suite
/// reports (items, retries seen, time taken), and the accounting check.
/// </summary>
public abstract class FaultSuite : IDisposable
{
    private readonly EmulatorFixture _fixture;

    protected FaultSuite(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        Output = output;
        Emulator.Faults.Reset();
        Emulator.Latency = TimeSpan.Zero;
        Session = new PowerShellSession();
    }

    protected BloomEmulator Emulator => _fixture.Emulator;

    protected PowerShellSession Session { get; }

    protected ITestOutputHelper Output { get; }

    /// <summary>Connects with short retry waits, so suites spend their time on faults rather than on back-off.</summary>
    protected void Connect(int maxRetries = 3, int maxRetryDelaySec = 1, string extra = "") =>
        Session.Connect(Emulator.BaseUri, Emulator.DemoApiKey,
            $"-MaxRetries {maxRetries} -RetryDelayMilliseconds 5 -MaxRetryDelaySec {maxRetryDelaySec} {extra}");

    /// <summary>Runs a script and times it.</summary>
    protected (PowerShellResult Result, TimeSpan Elapsed) Timed(string script, Dictionary<string, object?>? variables = null)
    {
        var watch = Stopwatch.StartNew();
        var result = Session.Run(script, variables);
        return (result, watch.Elapsed);
    }

    /// <summary>The retries the client announced in -Verbose ("…; retry 1/3 in 0.1 s").</summary>
    protected static int RetriesSeen(PowerShellResult result) => result.Verbose.Count(IsRetryLine);

    protected static bool IsRetryLine(string line) => line.Contains("; retry ", StringComparison.Ordinal);

    /// <summary>Writes the suite's figures to the test output, in one line the note can quote.</summary>
    protected void Report(string suite, int items, int outputs, int errors, int retries, TimeSpan elapsed, string extra = "")
    {
        Output.WriteLine($"{suite}: items={items} outputs={outputs} errors={errors} retries={retries} " +
            $"time={elapsed.TotalSeconds:0.00}s requests={Emulator.Stats.TotalRequests}{(extra.Length == 0 ? "" : " " + extra)}");
    }

    /// <summary>Every input came out either as an object or as one error record: nothing lost, nothing twice.</summary>
    protected static void AssertAccounted(int inputs, PowerShellResult result)
    {
        Assert.Null(result.Terminating);
        Assert.Equal(inputs, result.Output.Count + result.Errors.Count);
    }

    /// <summary>Waits (bounded) until the emulator has finished every request it received, so its counts are final.</summary>
    protected void WaitForEmulatorIdle(TimeSpan limit) =>
        Assert.True(SpinWait.SpinUntil(() => Emulator.Stats.InFlight == 0, limit), "the emulator still had requests in flight");

    protected static string ErrorId(ErrorRecord record) => record.FullyQualifiedErrorId.Split(',')[0];

    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
