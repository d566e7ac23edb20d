using System.Runtime;

namespace Bloomy.Bench.Infrastructure;

/// <summary>
/// Warm-up that lasts until tiered compilation has settled, not for a fixed count: the client, the cmdlets, the engine
/// and the in-process emulator (ASP.NET Core, GraphQL.NET) are over ten thousand methods, re-jitted at tier 1 in the
/// background over tens of thousands of requests. Measured before this existed: the CPU per GraphQL milestone list fell
/// from ~0.8 ms to ~0.18 ms over the first 50 000 requests while the JIT spent ~4 s, and a run measured in that window
/// paid for the JIT's thread on a 2-core machine.
/// </summary>
internal static class JitWarmup
{
    /// <summary>The rounds run and the methods compiled during them.</summary>
    public readonly record struct Outcome(int Rounds, long MethodsCompiled, TimeSpan CompilationTime, bool Settled)
    {
        public override string ToString() =>
            $"{Rounds} warm-up rounds, {MethodsCompiled} methods jitted in them ({CompilationTime.TotalSeconds:F1} s of JIT time)" +
            (Settled ? ", until a round jitted fewer than " + QuietRound : $"; the JIT had not settled after {Rounds} rounds");
    }

    private const int QuietRound = 5;
    private const int QuietRoundsInARow = 3;

    /// <summary>Runs <paramref name="round"/> until <see cref="QuietRoundsInARow"/> rounds in a row jit fewer than
    /// <see cref="QuietRound"/> methods each, or <paramref name="maxRounds"/> have run.</summary>
    public static async Task<Outcome> UntilSettledAsync(Func<Task> round, int minRounds, int maxRounds)
    {
        long firstCount = JitInfo.GetCompiledMethodCount();
        var firstTime = JitInfo.GetCompilationTime();
        int quiet = 0, rounds = 0;
        while (rounds < maxRounds && (rounds < minRounds || quiet < QuietRoundsInARow))
        {
            long before = JitInfo.GetCompiledMethodCount();
            await round();
            rounds++;
            quiet = JitInfo.GetCompiledMethodCount() - before < QuietRound ? quiet + 1 : 0;
        }
        return new Outcome(rounds, JitInfo.GetCompiledMethodCount() - firstCount, JitInfo.GetCompilationTime() - firstTime,
            quiet >= QuietRoundsInARow);
    }
}
