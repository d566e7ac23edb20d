using System.Diagnostics;

namespace Bloomy.Emulator;

/// <summary>
/// Accurate delays for latency injection. Task.Delay overshoots by ~2 ms on Linux (timer-queue granularity), which
/// would skew latency benchmarks, so one shared background thread keeps the deadlines in a priority queue and waits
/// with Monitor.Wait (accurate to ~0.1 ms), yielding only for the last fraction of a millisecond. Completions run
/// their continuations on the thread pool.
/// </summary>
internal static class PreciseDelay
{
    private static readonly object Gate = new();
    private static readonly PriorityQueue<TaskCompletionSource, long> Queue = new();
    private static readonly long OneMs = Stopwatch.Frequency / 1000;
    private static readonly long Tolerance = Stopwatch.Frequency / 5000; // 0.2 ms
    private static Thread? _thread;

    /// <summary>Completes when Stopwatch reaches <paramref name="deadline"/> (a Stopwatch timestamp), within ~0.2 ms.</summary>
    internal static Task UntilAsync(long deadline)
    {
        if (deadline - Stopwatch.GetTimestamp() <= Tolerance) return Task.CompletedTask;
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Gate)
        {
            Queue.Enqueue(tcs, deadline);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Bloomy.Emulator latency" };
                _thread.Start();
            }
            if (Queue.TryPeek(out var first, out _) && ReferenceEquals(first, tcs)) Monitor.Pulse(Gate);
        }
        return tcs.Task;
    }

    private static void Run()
    {
        var due = new List<TaskCompletionSource>();
        while (true)
        {
            bool spin = false;
            lock (Gate)
            {
                while (Queue.Count == 0) Monitor.Wait(Gate);
                long now = Stopwatch.GetTimestamp();
                while (Queue.TryPeek(out var tcs, out var deadline) && deadline - now <= Tolerance)
                {
                    Queue.Dequeue();
                    due.Add(tcs);
                }
                if (due.Count == 0 && Queue.TryPeek(out _, out var next))
                {
                    long ms = (next - now) / OneMs;
                    if (ms >= 1) Monitor.Wait(Gate, (int)Math.Min(ms, int.MaxValue));
                    else spin = true;
                }
            }
            foreach (var t in due) t.TrySetResult();
            due.Clear();
            if (spin) Thread.Yield();
        }
    }
}
