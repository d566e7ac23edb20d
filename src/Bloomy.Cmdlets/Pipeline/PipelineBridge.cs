using System.Collections.Concurrent;
using System.Management.Automation;
using Bloomy.Client.Http;

namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// Bridges the synchronous PowerShell pipeline to the async client: each input item's work runs
/// concurrently (at most <c>throttleLimit</c> at once), while every write — objects, errors, verbose
/// messages, progress — happens on the pipeline thread, in input order, as soon as an item and all
/// items before it are done.
/// </summary>
/// <remarks>
/// Call <see cref="Enqueue"/> from ProcessRecord, <see cref="Complete"/> from EndProcessing,
/// <see cref="Stop"/> from StopProcessing and <see cref="Dispose"/> from the cmdlet's Dispose.
/// Back-pressure: Enqueue blocks (while still writing finished results) when the throttle is full or
/// when too many finished items wait behind a slow one, so memory stays bounded for any input length.
/// </remarks>
internal sealed class PipelineBridge : IDisposable
{
    /// <summary>The bridges alive, so a transformation can tell a pipeline row from a command line (<see cref="IsBindingPipelineInput"/>).</summary>
    private static readonly List<PipelineBridge> Active = new();

    private readonly ICommandRuntime _runtime;
    private readonly int _ownerThread = Environment.CurrentManagedThreadId;
    private readonly bool _reportsChangesAfterStop;
    private int _depth;
    private readonly string _activity;
    private readonly int _throttleLimit;
    private readonly int _window;
    private readonly bool _logRequests;
    private readonly CmdletStop _stop;
    private readonly Queue<WorkItem> _pending = new();
    private readonly SemaphoreSlim _wakeUp = new(0);
    private readonly ConcurrentQueue<string> _requestLog = new();
    private readonly PipelineProgress _progress;
    private int _inFlight;
    private int _done;
    private int _failed;

    /// <param name="runtime">The cmdlet's command runtime; only called on the pipeline thread.</param>
    /// <param name="activity">The cmdlet name, shown in progress.</param>
    /// <param name="throttleLimit">Items in flight at most.</param>
    /// <param name="logRequests">Whether to collect request events for WriteVerbose.</param>
    /// <param name="progressDelay">How long a run goes before it reports progress; <see cref="PipelineProgress.DefaultDelay"/> when null.</param>
    /// <param name="reportsChangesAfterStop">
    /// Whether the items change things (a New-, Set-, Remove- cmdlet): then a downstream stop (Select-Object -First) does
    /// not abandon the items in flight, whose change may already be made; they are awaited and each one's outcome is
    /// written as a warning, so no change goes unreported. Reads stop at once.
    /// </param>
    /// <param name="stop">The cmdlet's one cancellation source, which the bridge observes and cancels; a new one when null.</param>
    public PipelineBridge(ICommandRuntime runtime, string activity, int throttleLimit, bool logRequests, TimeSpan? progressDelay = null,
        bool reportsChangesAfterStop = false, CmdletStop? stop = null)
    {
        _stop = stop ?? new CmdletStop();
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
        _runtime = runtime;
        _activity = activity;
        _throttleLimit = throttleLimit;
        // Finished items may wait behind a slow head; cap how many, so memory stays bounded.
        _window = Math.Max(4 * throttleLimit, 16);
        _logRequests = logRequests;
        _progress = new PipelineProgress(activity, progressDelay);
        _reportsChangesAfterStop = reportsChangesAfterStop;
        lock (Active) Active.Add(this);
    }

    /// <summary>
    /// Whether a bridge on this thread is between items, waiting for its next pipeline input: a parameter being bound
    /// now is then (almost always) that cmdlet's pipeline input, such as a CSV row, rather than a command line.
    /// </summary>
    public static bool IsBindingPipelineInput()
    {
        lock (Active) return Active.Any(b => b._ownerThread == Environment.CurrentManagedThreadId && b._depth == 0 && !b._stop.IsRequested);
    }

    /// <summary>
    /// Starts one input item's work after waiting for a free slot, then writes whatever is ready.
    /// </summary>
    /// <param name="target">The input object, reported as the error record's target.</param>
    /// <param name="label">How error messages name the item, e.g. "user 1042".</param>
    /// <param name="work">The item's work; its results are written in order. Must not touch the cmdlet.</param>
    public void Enqueue(object? target, string label, Func<CancellationToken, Task<IReadOnlyList<object?>>> work) =>
        Busy(() => EnqueueCore(target, label, work));

    /// <summary>
    /// Queues an item that failed before any work (such as a row with an unusable cell): its error record is
    /// written in input order, after the items queued before it.
    /// </summary>
    public void EnqueueFailure(object? target, string label, Exception exception) =>
        Enqueue(target, label, _ => Task.FromException<IReadOnlyList<object?>>(exception));

    private void EnqueueCore(object? target, string label, Func<CancellationToken, Task<IReadOnlyList<object?>>> work)
    {
        DrainReady();
        while (Volatile.Read(ref _inFlight) >= _throttleLimit || _pending.Count >= _window)
        {
            WaitForSignal();
            DrainReady();
        }

        var token = _stop.Token;
        if (token.IsCancellationRequested) throw new PipelineStoppedException();

        Interlocked.Increment(ref _inFlight);
        // Started here rather than through Task.Run: the work runs on this thread only until its request is sent
        // (the client never blocks), and each thread-pool hop is a wake-up paid on every round trip of a
        // sequential pipeline (docs/performance.md, workload 1).
        var task = RunAsync(work, token);
        // Signal only once the task reports completion: a signal raised from inside the work could wake
        // the pipeline thread while the task still looks unfinished, and it would then sleep for good.
        task.ContinueWith(_ => OnItemFinished(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _pending.Enqueue(new WorkItem(target, label, task));
    }

    /// <summary>Waits for every started item and writes the rest of the results (EndProcessing).</summary>
    public void Complete() => Busy(() =>
    {
        WriteAllPending();
        CompleteProgress();
    });

    private void WriteAllPending()
    {
        DrainReady();
        while (_pending.Count > 0)
        {
            WaitForSignal();
            DrainReady();
        }
        FlushRequestLog();
    }

    private void Busy(Action action)
    {
        _depth++;
        try
        {
            action();
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Abandons in-flight work and starts no more (StopProcessing; any thread).</summary>
    public void Stop() => _stop.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        lock (Active) Active.Remove(this);
        _stop.Cancel();
        foreach (var item in _pending)
        {
            // Abandoned work may still fault; observe it so nothing surfaces as an unobserved exception.
            item.Task.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        _pending.Clear();
    }

    private async Task<IReadOnlyList<object?>> RunAsync(Func<CancellationToken, Task<IReadOnlyList<object?>>> work, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (!_logRequests) return await work(token).ConfigureAwait(false);
        using (BloomyRequestScope.Begin(OnRequestEvent))
        {
            return await work(token).ConfigureAwait(false);
        }
    }

    private void OnItemFinished()
    {
        Interlocked.Decrement(ref _inFlight);
        _wakeUp.Release();
    }

    private void OnRequestEvent(BloomyRequestEvent requestEvent)
    {
        _requestLog.Enqueue(requestEvent.ToString());
        _wakeUp.Release();
    }

    private void WaitForSignal()
    {
        try
        {
            _wakeUp.Wait(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    private void DrainReady()
    {
        FlushRequestLog();
        while (_pending.Count > 0 && _pending.Peek().Task.IsCompleted)
        {
            Write(_pending.Dequeue());
        }
        ReportProgress();
    }

    private void Write(WorkItem item)
    {
        CheckPipelineThread();
        if (item.Task.Status == TaskStatus.RanToCompletion)
        {
            Interlocked.Increment(ref _done);
            foreach (var output in item.Task.Result)
            {
                Guard(() => _runtime.WriteObject(output), item);
            }
            return;
        }

        var exception = item.Task.Exception?.GetBaseException() ?? new OperationCanceledException();
        if (exception is OperationCanceledException && _stop.IsRequested)
        {
            throw new PipelineStoppedException();
        }

        Interlocked.Increment(ref _failed);
        var record = BloomyErrorRecords.ForItem(exception, item.Target, item.Label);
        if (BloomyErrorRecords.IsTerminating(exception))
        {
            _stop.Cancel();
            _runtime.ThrowTerminatingError(record);
        }
        Guard(() => _runtime.WriteError(record));
    }

    /// <summary>
    /// PowerShell takes writes only from the pipeline thread (PSTask's CheckCmdletThread in spirit): a write from a
    /// worker would fail far from its cause or corrupt the pipeline, so it fails here, naming the mistake.
    /// </summary>
    private void CheckPipelineThread()
    {
        var current = Environment.CurrentManagedThreadId;
        if (current == _ownerThread) return;
        throw new InvalidOperationException(
            $"{_activity} wrote from thread {current}; only its pipeline thread ({_ownerThread}) may write. Work items must not touch the cmdlet.");
    }

    /// <summary>
    /// A downstream stop (Select-Object -First) surfaces as an exception out of a write: cancel the
    /// workers first so nothing more is sent, then let the exception travel on.
    /// </summary>
    private void Guard(Action write, WorkItem? current = null)
    {
        CheckPipelineThread();
        try
        {
            write();
        }
        catch
        {
            if (_reportsChangesAfterStop) ReportChangesAfterStop(current);
            _stop.Cancel();
            throw;
        }
    }

    /// <summary>
    /// The items of a change cmdlet still queued when a downstream stop came may already have made their change:
    /// wait for them (they are in flight, so this is bounded by the client's timeouts; Ctrl+C still cancels them)
    /// and report each one as a warning, since their output can no longer go down the pipeline.
    /// </summary>
    private void ReportChangesAfterStop(WorkItem? current)
    {
        var left = (current is null ? _pending : _pending.Prepend(current)).ToArray();
        _pending.Clear();
        foreach (var item in left)
        {
            try
            {
                item.Task.Wait(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (AggregateException)
            {
                // A failed item: reported below.
            }

            // The item whose output met the stop may or may not have been taken (Select-Object -First takes its
            // last one, then stops): it is reported too, in words that allow both.
            var done = ReferenceEquals(item, current)
                ? $"{_activity} was stopped by a later command (such as Select-Object -First) as it returned {item.Label}, which was done"
                : $"{_activity} was stopped by a later command (such as Select-Object -First), but {item.Label} was already done";
            var message = item.Task.Status == TaskStatus.RanToCompletion
                ? done
                  + (item.Task.Result.Count == 0 ? "." : ": " + string.Join("; ", item.Task.Result.Select(o => o?.ToString())))
                : $"{_activity} was stopped by a later command (such as Select-Object -First); {item.Label} failed: "
                  + (item.Task.Exception?.GetBaseException().Message ?? "cancelled");
            try
            {
                _runtime.WriteWarning(message);
            }
            catch (Exception ex) when (ex is PipelineStoppedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    private void FlushRequestLog()
    {
        while (_requestLog.TryDequeue(out var line))
        {
            Guard(() => _runtime.WriteVerbose(line));
        }
    }

    private void ReportProgress()
    {
        var record = _progress.Next(Volatile.Read(ref _done), Volatile.Read(ref _inFlight), Volatile.Read(ref _failed));
        if (record is not null) Guard(() => _runtime.WriteProgress(record));
    }

    private void CompleteProgress()
    {
        var record = _progress.Completed(_done, _failed);
        if (record is not null) Guard(() => _runtime.WriteProgress(record));
    }

    private sealed class WorkItem(object? target, string label, Task<IReadOnlyList<object?>> task)
    {
        public object? Target { get; } = target;
        public string Label { get; } = label;
        public Task<IReadOnlyList<object?>> Task { get; } = task;
    }
}
