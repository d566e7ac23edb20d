using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>40 users behind a 50 ms server: the emulator sets the pace, so concurrency is what it sees.</summary>
public sealed class ThrottleTests : IClassFixture<ThrottleTests.SlowEmulator>, IDisposable
{
    public sealed class SlowEmulator : EmulatorFixture
    {
        protected override EmulatorOptions CreateOptions() => new() { Users = 40, LatencyMs = 50 };
    }

    private readonly SlowEmulator _fixture;
    private readonly PowerShellSession _session = new();

    public ThrottleTests(SlowEmulator fixture)
    {
        _fixture = fixture;
        _session.Connect(fixture.Emulator.BaseUri, fixture.Emulator.DemoApiKey);
    }

    public void Dispose() => _session.Dispose();

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void The_server_sees_exactly_ThrottleLimit_in_flight_and_output_keeps_input_order(int throttleLimit)
    {
        var users = _session.Run("Get-BloomyUser -All").ThrowIfFailed().OutputOf<User>().ToList();
        Assert.Equal(40, users.Count);
        _fixture.Emulator.Stats.Reset();

        var todos = _session.Run("$users | Get-BloomyTodo -ThrottleLimit $k", new() { ["users"] = users, ["k"] = throttleLimit })
            .ThrowIfFailed().OutputOf<Todo>().ToList();

        Assert.Equal(throttleLimit, _fixture.Emulator.Stats.PeakInFlight);
        Assert.Equal(40, _fixture.Emulator.Stats.CountFor("GET", "todo/user/{id}"));
        var expected = users.SelectMany(u => _fixture.Emulator.Store.Todos.Where(t => t.OwnerId == u.Id && !t.Complete).Select(t => t.Id));
        Assert.Equal(expected, todos.Select(t => t.Id));
    }
}
