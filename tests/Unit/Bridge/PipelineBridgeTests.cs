using System.Collections.Concurrent;
using System.Management.Automation;
using Bloomy.Client;
using Bloomy.Client.Http;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Tests.Bridge;

/// <summary>
/// The bridge contract (design §3), driven deterministically: work items wait on completion sources
/// the test releases, and the "pipeline thread" is a dedicated thread, as in the engine.
/// </summary>
public sealed class PipelineBridgeTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    [Fact]
    public void At_most_the_throttle_limit_runs_at_once_and_results_keep_input_order()
    {
        const int items = 30, throttle = 3;
        var runtime = new FakeCommandRuntime();
        var gates = Enumerable.Range(0, items).Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new BlockingCollection<int>();
        int current = 0, peak = 0;

        var pipeline = RunPipeline(runtime, throttle, bridge =>
        {
            for (var i = 0; i < items; i++)
            {
                var index = i;
                bridge.Enqueue(index, $"item {index}", async _ =>
                {
                    var now = Interlocked.Increment(ref current);
                    InterlockedMax(ref peak, now);
                    started.Add(index);
                    await gates[index].Task;
                    Interlocked.Decrement(ref current);
                    return new object?[] { index };
                });
            }
            bridge.Complete();
        });

        // Release items in a scrambled order. The bridge starts another item while fewer than `throttle`
        // run and fewer than `window` wait to be written (written = the released prefix), so the number
        // started is known exactly at every step and the test waits for precisely those starts.
        var window = Math.Max(4 * throttle, 16);
        var released = new HashSet<int>();
        var inFlight = new List<int>();
        var startedCount = 0;
        var random = new Random(7);
        while (released.Count < items)
        {
            var writtenPrefix = 0;
            while (released.Contains(writtenPrefix)) writtenPrefix++;
            var expectedStarted = Math.Min(items, Math.Min(released.Count + throttle, writtenPrefix + window));
            for (; startedCount < expectedStarted; startedCount++) inFlight.Add(Take(started));
            var pick = inFlight[random.Next(inFlight.Count)];
            inFlight.Remove(pick);
            released.Add(pick);
            gates[pick].SetResult(true);
        }
        Join(pipeline);

        Assert.Equal(throttle, peak);
        Assert.Equal(Enumerable.Range(0, items).Cast<object?>(), runtime.Objects);
        Assert.All(runtime.Threads, t => Assert.Equal(pipeline.ThreadId, t));
    }

    [Fact]
    public void A_finished_head_is_written_while_later_items_still_run()
    {
        var runtime = new FakeCommandRuntime();
        var first = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWritten = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.ObjectWritten = value => { if (Equals(value, 0)) firstWritten.TrySetResult(true); };

        var pipeline = RunPipeline(runtime, 2, bridge =>
        {
            bridge.Enqueue(0, "item 0", async _ => { await first.Task; return new object?[] { 0 }; });
            bridge.Enqueue(1, "item 1", async _ => { await second.Task; return new object?[] { 1 }; });
            bridge.Complete();
        });

        first.SetResult(true);
        // Item 1 is held until item 0's output has come out: streaming, not collect-then-write.
        Assert.True(Completes(firstWritten.Task));
        second.SetResult(true);
        Join(pipeline);

        Assert.Equal(new object?[] { 0, 1 }, runtime.Objects);
    }

    [Fact]
    public void A_failed_item_becomes_one_error_record_naming_it_and_the_rest_go_on()
    {
        var runtime = new FakeCommandRuntime();
        var pipeline = RunPipeline(runtime, 4, bridge =>
        {
            bridge.Enqueue("a", "to-do 1", _ => Done("A"));
            bridge.Enqueue("b", "to-do 999", _ => throw new BloomyApiException(
                BloomyFailureKind.HttpStatus, "GET todo/999 failed: 404 Not Found.", "GET", "todo/999", 404));
            bridge.Enqueue("c", "to-do 3", _ => Done("C1", "C2"));
            bridge.Complete();
        });
        Join(pipeline);

        Assert.Equal(new[] { "object", "error", "object", "object" }, runtime.Writes.Select(w => w.Kind));
        var error = Assert.Single(runtime.Errors);
        Assert.Equal("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("b", error.TargetObject);
        Assert.StartsWith("to-do 999: ", error.ErrorDetails.Message);
        Assert.Equal(new object?[] { "A", "C1", "C2" }, runtime.Objects);
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(403, false)]
    public void A_rejected_key_terminates_but_a_forbidden_object_does_not(int status, bool terminates)
    {
        var runtime = new FakeCommandRuntime();
        var stop = new CmdletStop();
        var stopToken = stop.Token;
        var pipeline = RunPipeline(runtime, 1, bridge =>
        {
            bridge.Enqueue(1, "user 1", _ => throw new BloomyAuthenticationException("rejected", status));
            bridge.Enqueue(2, "user 2", _ => Done("second"));
            bridge.Complete();
        }, stop: stop);
        Join(pipeline);

        if (terminates)
        {
            Assert.IsType<PipelineStoppedException>(pipeline.Failure);
            Assert.Contains(runtime.Writes, w => w.Kind == "terminating");
            Assert.True(stopToken.IsCancellationRequested);
            Assert.Empty(runtime.Objects);
        }
        else
        {
            Assert.Null(pipeline.Failure);
            Assert.Equal("Bloomy.Forbidden", Assert.Single(runtime.Errors).FullyQualifiedErrorId);
            Assert.Equal(new object?[] { "second" }, runtime.Objects);
        }
    }

    [Fact]
    public void Only_the_pipeline_thread_that_made_the_bridge_writes()
    {
        var runtime = new FakeCommandRuntime();
        var work = new TaskCompletionSource<IReadOnlyList<object?>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var bridge = new PipelineBridge(runtime, "Test-Bridge", 1, logRequests: false);
        bridge.Enqueue(1, "item 1", _ => work.Task);
        work.SetResult(new object?[] { "one" });

        Exception? failure = null;
        var worker = new Thread(() =>
        {
            try { bridge.Complete(); }
            catch (Exception ex) { failure = ex; }
        }) { IsBackground = true };
        worker.Start();
        Assert.True(worker.Join(Safety));

        Assert.IsType<InvalidOperationException>(failure);
        Assert.Contains("only its pipeline thread", failure!.Message);
        Assert.Empty(runtime.Objects);
    }

    [Fact]
    public void The_bridge_stops_on_the_cmdlets_one_cancellation_source()
    {
        var stop = new CmdletStop();
        var runtime = new FakeCommandRuntime();
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = RunPipeline(runtime, 1, bridge =>
        {
            bridge.Enqueue(0, "item 0", async token =>
            {
                started.SetResult(token);
                await Task.Delay(Timeout.Infinite, token);
                return Array.Empty<object?>();
            });
            bridge.Complete();
        }, stop: stop);

        Assert.True(Completes(started.Task));
        stop.Cancel(); // what StopProcessing does, on the cmdlet's source rather than the bridge
        Join(pipeline);

        Assert.IsType<PipelineStoppedException>(pipeline.Failure);
        Assert.True(Result(started.Task).IsCancellationRequested);
    }

    [Fact]
    public void Stop_unblocks_a_waiting_pipeline_cancels_work_and_starts_nothing_more()
    {
        var runtime = new FakeCommandRuntime();
        var firstStarted = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = false;
        PipelineBridge? shared = null;
        var ready = new ManualResetEventSlim();

        var pipeline = RunPipeline(runtime, 1, bridge =>
        {
            shared = bridge;
            ready.Set();
            bridge.Enqueue(0, "item 0", async token =>
            {
                firstStarted.SetResult(token);
                await Task.Delay(Timeout.Infinite, token);
                return Array.Empty<object?>();
            });
            bridge.Enqueue(1, "item 1", _ => { secondStarted = true; return Done(1); });
            bridge.Complete();
        });

        Assert.True(Completes(firstStarted.Task));
        Assert.True(ready.Wait(Safety));
        shared!.Stop();
        Join(pipeline);

        Assert.IsType<PipelineStoppedException>(pipeline.Failure);
        Assert.True(Result(firstStarted.Task).IsCancellationRequested);
        Assert.False(secondStarted);
        Assert.Empty(runtime.Objects);
    }

    [Fact]
    public void A_downstream_stop_out_of_WriteObject_cancels_the_workers_and_travels_on()
    {
        var runtime = new FakeCommandRuntime { StopAfterObjects = 2 };
        var stop = new CmdletStop();
        var stopToken = stop.Token;
        var pipeline = RunPipeline(runtime, 2, bridge =>
        {
            for (var i = 0; i < 5; i++)
            {
                var index = i;
                bridge.Enqueue(index, $"item {index}", _ => Done(index));
            }
            bridge.Complete();
        }, stop: stop);
        Join(pipeline);

        Assert.IsType<PipelineStoppedException>(pipeline.Failure);
        Assert.True(stopToken.IsCancellationRequested);
        Assert.Equal(new object?[] { 0, 1 }, runtime.Objects);
    }

    [Fact]
    public void A_downstream_stop_in_a_change_cmdlet_reports_every_change_already_in_flight()
    {
        // New-BloomyTodo | Select-Object -First 2 at a high throttle: items 2..5 are already sent when the stop comes.
        var runtime = new FakeCommandRuntime { StopAfterObjects = 2 };
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = RunPipeline(runtime, 8, bridge =>
        {
            for (var i = 0; i < 6; i++)
            {
                var index = i;
                bridge.Enqueue(index, $"to-do 'item {index}'", async _ =>
                {
                    if (index >= 2) await gate.Task;
                    if (index == 4) throw new BloomyApiException(BloomyFailureKind.HttpStatus, "server said no", "POST", "todo/create", 500);
                    return new object?[] { $"Todo {index}" };
                });
            }
            gate.SetResult(true);
            bridge.Complete();
        }, reportsChangesAfterStop: true);
        Join(pipeline);

        Assert.IsType<PipelineStoppedException>(pipeline.Failure);
        Assert.Equal(new object?[] { "Todo 0", "Todo 1" }, runtime.Objects);
        var warnings = runtime.Writes.Where(w => w.Kind == "warning").Select(w => (string)w.Value!).ToList();
        Assert.Equal(4, warnings.Count);
        Assert.Contains("as it returned to-do 'item 2', which was done: Todo 2", warnings[0]);
        Assert.Contains("to-do 'item 3' was already done: Todo 3", warnings[1]);
        Assert.Contains("to-do 'item 4' failed: server said no", warnings[2]);
        Assert.Contains("to-do 'item 5' was already done: Todo 5", warnings[3]);
    }

    [Fact]
    public void A_disposed_connection_is_one_terminating_Disconnected_error_not_one_per_item()
    {
        var runtime = new FakeCommandRuntime();
        var pipeline = RunPipeline(runtime, 4, bridge =>
        {
            for (var i = 0; i < 20; i++)
            {
                bridge.Enqueue(i, $"to-do {i}", _ => throw new ObjectDisposedException("System.Net.Http.HttpClient"));
            }
            bridge.Complete();
        });
        Join(pipeline);

        Assert.IsType<PipelineStoppedException>(pipeline.Failure);
        Assert.Empty(runtime.Errors);
        var terminating = (ErrorRecord)Assert.Single(runtime.Writes, w => w.Kind == "terminating").Value!;
        Assert.Equal("Bloomy.Disconnected", terminating.FullyQualifiedErrorId);
        Assert.Contains("Disconnect-Bloomy", terminating.ToString());
    }

    [Fact]
    public void A_row_refused_before_any_work_is_reported_in_input_order()
    {
        var runtime = new FakeCommandRuntime();
        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = RunPipeline(runtime, 4, bridge =>
        {
            bridge.Enqueue(0, "row 1", async _ => { await gate.Task; return new object?[] { 1 }; });
            bridge.EnqueueFailure("bad", "Input row", new ArgumentException("DueDate 'x' cannot be used"));
            bridge.Enqueue(2, "row 3", _ => Done(3));
            gate.SetResult(true);
            bridge.Complete();
        });
        Join(pipeline);

        Assert.Equal(new[] { "object", "error", "object" }, runtime.Writes.Select(w => w.Kind));
        Assert.Equal("Bloomy.Validation", Assert.Single(runtime.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Finished_items_waiting_behind_a_slow_head_are_bounded()
    {
        const int throttle = 2, items = 60;
        var window = Math.Max(4 * throttle, 16);
        var runtime = new FakeCommandRuntime();
        var head = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedWhileHeadPending = 0;
        var windowFull = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        var pipeline = RunPipeline(runtime, throttle, bridge =>
        {
            bridge.Enqueue(0, "head", async _ => { await head.Task; return new object?[] { 0 }; });
            for (var i = 1; i < items; i++)
            {
                var index = i;
                bridge.Enqueue(index, $"item {index}", _ =>
                {
                    if (!head.Task.IsCompleted && Interlocked.Increment(ref startedWhileHeadPending) == window - 1)
                    {
                        windowFull.SetResult(true);
                    }
                    return Done(index);
                });
            }
            bridge.Complete();
        });

        Assert.True(Completes(windowFull.Task));
        head.SetResult(true);
        Join(pipeline);

        Assert.Equal(window - 1, startedWhileHeadPending);
        Assert.Equal(Enumerable.Range(0, items).Cast<object?>(), runtime.Objects);
    }

    [Fact]
    public void Request_events_become_verbose_lines_on_the_pipeline_thread()
    {
        var runtime = new FakeCommandRuntime();
        var pipeline = RunPipeline(runtime, 2, bridge =>
        {
            bridge.Enqueue(1, "item", _ =>
            {
                BloomyRequestScope.Capture()!.Raise(new BloomyRequestEvent(
                    BloomyRequestEventKind.Completed, "GET", "todo/user/1001", 200, TimeSpan.FromMilliseconds(52), 0, 3, null, null));
                return Done("x");
            });
            bridge.Complete();
        }, logRequests: true);
        Join(pipeline);

        var line = Assert.Single(runtime.VerboseLines);
        Assert.Contains("GET todo/user/1001", line);
        Assert.All(runtime.Threads, t => Assert.Equal(pipeline.ThreadId, t));
    }

    [Fact]
    public void Long_runs_report_progress_and_complete_it_short_runs_stay_silent()
    {
        var quick = new FakeCommandRuntime();
        Join(RunPipeline(quick, 2, bridge => { bridge.Enqueue(1, "a", _ => Done(1)); bridge.Complete(); }));
        Assert.Empty(quick.ProgressRecords);

        var slow = new FakeCommandRuntime();
        Join(RunPipeline(slow, 2, bridge =>
        {
            for (var i = 0; i < 3; i++) bridge.Enqueue(i, "a", _ => Done(1));
            bridge.Complete();
        }, progressDelay: TimeSpan.Zero));
        Assert.NotEmpty(slow.ProgressRecords);
        Assert.Equal(ProgressRecordType.Completed, slow.ProgressRecords.Last().RecordType);
        Assert.Contains("3 done", slow.ProgressRecords.Last().StatusDescription);
    }

    private static bool Completes(Task task) => task.Wait(Safety);

    private static T Result<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static Task<IReadOnlyList<object?>> Done(params object?[] outputs) => Task.FromResult<IReadOnlyList<object?>>(outputs);

    private static int Take(BlockingCollection<int> started) =>
        started.TryTake(out var value, Safety) ? value : throw new TimeoutException("A work item did not start.");

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static PipelineThread RunPipeline(FakeCommandRuntime runtime, int throttle, Action<PipelineBridge> body,
        bool logRequests = false, TimeSpan? progressDelay = null, bool reportsChangesAfterStop = false, CmdletStop? stop = null)
    {
        var result = new PipelineThread();
        var thread = new Thread(() =>
        {
            result.ThreadId = Environment.CurrentManagedThreadId;
            using var bridge = new PipelineBridge(runtime, "Test-Bridge", throttle, logRequests, progressDelay, reportsChangesAfterStop, stop);
            try
            {
                body(bridge);
            }
            catch (Exception ex)
            {
                result.Failure = ex;
            }
        }) { IsBackground = true };
        result.Thread = thread;
        thread.Start();
        return result;
    }

    private static void Join(PipelineThread pipeline) =>
        Assert.True(pipeline.Thread!.Join(Safety), "the pipeline thread did not finish");

    private sealed class PipelineThread
    {
        public Thread? Thread { get; set; }
        public int ThreadId { get; set; }
        public Exception? Failure { get; set; }
    }
}
