namespace Bloomy.Emulator;

/// <summary>Options of <see cref="BloomEmulator.StartAsync"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }
    /// <summary>Number of real users (ids 1001..1000+Users). Minimum 1.</summary>
    public int Users { get; set; } = 50;
    public int Seed { get; set; } = 1;
    public int LatencyMs { get; set; }
    public int LatencyJitterMs { get; set; }
    /// <summary>No console logging when true (default).</summary>
    public bool Quiet { get; set; } = true;
}
