using Bloomy.Emulator;

namespace Bloomy.Tests.Infrastructure;

/// <summary>One in-process emulator on a free loopback port, shared by the tests of a class.</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private BloomEmulator? _emulator;

    public BloomEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    protected virtual EmulatorOptions CreateOptions() => new() { Users = 50 };

    public async Task InitializeAsync() => _emulator = await BloomEmulator.StartAsync(CreateOptions());

    public async Task DisposeAsync()
    {
        if (_emulator is not null) await _emulator.DisposeAsync();
    }
}
