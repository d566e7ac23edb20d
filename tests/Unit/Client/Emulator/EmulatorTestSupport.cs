using Bloomy.Client;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>One request as the emulator recorded it: method, path relative to /api/v1/ (casing as sent), raw query, body text.</summary>
public sealed record Call(string Method, string Path, string Query = "", string Body = "");

/// <summary>
/// Base of the client-against-emulator tests: a real <see cref="BloomyClient"/> over loopback HTTP to the class's
/// emulator, with the emulator's request log, latency and faults cleared before each test (xUnit runs the tests of
/// one class one after another, so the log holds exactly this test's requests).
/// </summary>
public abstract class EmulatorClientTests : IClassFixture<EmulatorFixture>, IDisposable
{
    protected EmulatorClientTests(EmulatorFixture fixture)
    {
        Emulator = fixture.Emulator;
        Emulator.Latency = TimeSpan.Zero;
        Emulator.Faults.Reset();
        Emulator.Stats.Reset();
        Client = NewClient();
    }

    /// <summary>The current user of <see cref="Client"/> (Ada Park).</summary>
    protected long Me => Emulator.DemoUserId;

    protected BloomEmulator Emulator { get; }

    protected EmulatorStore Store => Emulator.Store;

    protected BloomyClient Client { get; }

    public void Dispose() => Client.Dispose();

    protected BloomyClient NewClient(string? apiKey = null) =>
        new(new BloomyClientOptions { ApiKey = apiKey ?? Emulator.DemoApiKey, BaseUri = Emulator.BaseUri });

    protected IReadOnlyList<Call> Calls() =>
        Emulator.Stats.Requests.Select(r => new Call(r.Method, r.RelativePath, r.Query, r.Body ?? "")).ToList();

    /// <summary>Asserts the exact requests in order, each answered 2xx, authorised with the key and typed as JSON when it had a body.</summary>
    protected void AssertCalls(params Call[] expected)
    {
        Assert.Equal(expected, Calls());
        AssertAllCallsSucceeded();
    }

    /// <summary>Like <see cref="AssertCalls"/> for requests that were in flight together (order not defined).</summary>
    protected void AssertCallsInAnyOrder(params Call[] expected)
    {
        Assert.Equal(Sorted(expected), Sorted(Calls()));
        AssertAllCallsSucceeded();
    }

    /// <summary>Clears the request log (between the arrange and act steps of a test).</summary>
    protected void ForgetCalls() => Emulator.Stats.Reset();

    /// <summary>Timestamps go over the wire with whole seconds.</summary>
    protected static DateTime Seconds(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond);

    protected static DateTime? Seconds(DateTime? value) => value is { } v ? Seconds(v) : null;

    /// <summary>Every logged request was answered 2xx, authorised, and typed as JSON when it had a body.</summary>
    protected void AssertAllCallsSucceeded() => Assert.All(Emulator.Stats.Requests, r =>
    {
        Assert.InRange(r.StatusCode, 200, 299);
        Assert.StartsWith("Bearer ", r.Authorization);
        if (!string.IsNullOrEmpty(r.Body))
        {
            Assert.Equal("application/json", r.ContentType);
        }
    });

    private static List<Call> Sorted(IEnumerable<Call> calls) =>
        calls.OrderBy(c => c.Method, StringComparer.Ordinal).ThenBy(c => c.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Query, StringComparer.Ordinal).ThenBy(c => c.Body, StringComparer.Ordinal).ToList();
}
