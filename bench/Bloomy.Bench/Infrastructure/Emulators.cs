using Bloomy.Client;
using Bloomy.Emulator;

namespace Bloomy.Bench.Infrastructure;

/// <summary>Emulators and clients set up the way every workload needs them.</summary>
internal static class Emulators
{
    /// <summary>An in-process emulator on a free loopback port; request recording off unless a workload reads it.</summary>
    public static async Task<BloomEmulator> StartAsync(int users, TimeSpan latency, bool recordRequests = false)
    {
        var emulator = await BloomEmulator.StartAsync(new EmulatorOptions { Users = users, Quiet = true });
        emulator.Latency = latency;
        emulator.Stats.RecordBodies = false;
        emulator.Stats.RecordRequests = recordRequests;
        return emulator;
    }

    /// <summary>A raw client on the demo user's key, as a script would build one.</summary>
    public static BloomyClient ClientFor(BloomEmulator emulator) =>
        new(new BloomyClientOptions { ApiKey = emulator.DemoApiKey, BaseUri = emulator.BaseUri });

    /// <summary>
    /// The mean time the emulator took per request (arrival to answer), which includes the injected latency and its
    /// overshoot: the floor under any client, so it explains how far an efficiency can get from 1.
    /// </summary>
    public static double MeanServerMilliseconds(BloomEmulator emulator)
    {
        var requests = emulator.Stats.Requests;
        return requests.Count == 0 ? 0 : requests.Average(r => r.Elapsed.TotalMilliseconds);
    }
}
