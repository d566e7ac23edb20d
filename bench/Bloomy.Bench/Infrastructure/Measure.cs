using System.Diagnostics;

namespace Bloomy.Bench.Infrastructure;

/// <summary>Timing helpers: repetitions and medians.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("No values.", nameof(values));
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Wall time of one run, in milliseconds.</summary>
    public static double Milliseconds(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        long start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// Wall time and the CPU time this process spent (all threads, the in-process emulator included), in
    /// milliseconds. CPU time is what a run costs; unlike wall time it hardly moves when other processes compete.
    /// </summary>
    public static async Task<(double Wall, double Cpu)> WallAndCpuAsync(Func<Task> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        await action();
        double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }
}

/// <summary>
/// Samples the managed heap while a run goes on: the largest heap seen right after a GC (what the run keeps alive,
/// plus fragmentation) and the largest total seen at any moment (also counting garbage not yet collected).
/// </summary>
internal sealed class HeapSampler
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakAfterGc, _peakTotal;

    private HeapSampler(long baselineAfterGc, long baselineTotal)
    {
        _baselineAfterGc = baselineAfterGc;
        _baselineTotal = baselineTotal;
        _peakAfterGc = baselineAfterGc;
        _peakTotal = baselineTotal;
        _thread = new Thread(Sample) { IsBackground = true, Name = "heap sampler" };
        _thread.Start();
    }

    /// <summary>Collects fully, then starts sampling from the resulting heap size.</summary>
    public static HeapSampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var total = GC.GetTotalMemory(forceFullCollection: true);
        return new HeapSampler(GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes, total);
    }

    private readonly long _baselineAfterGc, _baselineTotal;
    public int Gen0 { get; private set; }
    public int Gen2 { get; private set; }
    /// <summary>Largest heap right after a GC during the run, minus the heap after the starting full GC.</summary>
    public long GrowthAfterGc => Interlocked.Read(ref _peakAfterGc) - _baselineAfterGc;
    /// <summary>Largest heap at any sample (garbage included), minus the live heap at the start.</summary>
    public long GrowthTotal => Interlocked.Read(ref _peakTotal) - _baselineTotal;

    private readonly int _gen0Start = GC.CollectionCount(0), _gen2Start = GC.CollectionCount(2);

    private void Sample()
    {
        while (!_stop)
        {
            Observe();
            Thread.Sleep(2);
        }
    }

    private void Observe()
    {
        Max(ref _peakAfterGc, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
        Max(ref _peakTotal, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long field, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref field)))
            if (Interlocked.CompareExchange(ref field, value, current) == current) break;
    }

    /// <summary>Stops sampling and takes the final reading and GC counts.</summary>
    public void Stop()
    {
        _stop = true;
        _thread.Join();
        Observe();
        Gen0 = GC.CollectionCount(0) - _gen0Start;
        Gen2 = GC.CollectionCount(2) - _gen2Start;
    }
}
