using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace Bloomy.Tests.Bridge;

/// <summary>
/// Stands in for a cmdlet's runtime: records every write and the thread it came from, and throws
/// on ThrowTerminatingError as the engine does.
/// </summary>
internal sealed class FakeCommandRuntime : ICommandRuntime
{
    public ConcurrentQueue<(string Kind, object? Value, int Thread)> Writes { get; } = new();

    /// <summary>Thrown from WriteObject once this many objects were written (a downstream stop).</summary>
    public int? StopAfterObjects { get; set; }

    /// <summary>Called after each object is recorded, on the writing thread.</summary>
    public Action<object?>? ObjectWritten { get; set; }

    public IEnumerable<object?> Objects => Writes.Where(w => w.Kind == "object").Select(w => w.Value);
    public IEnumerable<ErrorRecord> Errors => Writes.Where(w => w.Kind == "error").Select(w => (ErrorRecord)w.Value!);
    public IEnumerable<string> VerboseLines => Writes.Where(w => w.Kind == "verbose").Select(w => (string)w.Value!);
    public IEnumerable<ProgressRecord> ProgressRecords => Writes.Where(w => w.Kind == "progress").Select(w => (ProgressRecord)w.Value!);
    public IEnumerable<int> Threads => Writes.Select(w => w.Thread);

    private void Record(string kind, object? value) => Writes.Enqueue((kind, value, Environment.CurrentManagedThreadId));

    public void WriteObject(object? sendToPipeline)
    {
        if (StopAfterObjects is int limit && Objects.Count() >= limit) throw new PipelineStoppedException();
        Record("object", sendToPipeline);
        ObjectWritten?.Invoke(sendToPipeline);
    }

    public void WriteObject(object? sendToPipeline, bool enumerateCollection) => WriteObject(sendToPipeline);
    public void WriteError(ErrorRecord errorRecord) => Record("error", errorRecord);
    public void WriteVerbose(string text) => Record("verbose", text);
    public void WriteDebug(string text) => Record("debug", text);
    public void WriteWarning(string text) => Record("warning", text);
    public void WriteProgress(ProgressRecord progressRecord) => Record("progress", progressRecord);
    public void WriteProgress(long sourceId, ProgressRecord progressRecord) => Record("progress", progressRecord);
    public void WriteCommandDetail(string text) => Record("detail", text);

    [DoesNotReturn]
    public void ThrowTerminatingError(ErrorRecord errorRecord)
    {
        Record("terminating", errorRecord);
        throw new PipelineStoppedException("terminated: " + errorRecord.FullyQualifiedErrorId);
    }

    public bool ShouldProcess(string? target) => true;
    public bool ShouldProcess(string? target, string? action) => true;
    public bool ShouldProcess(string? verboseDescription, string? verboseWarning, string? caption) => true;
    public bool ShouldProcess(string? verboseDescription, string? verboseWarning, string? caption, out ShouldProcessReason shouldProcessReason)
    {
        shouldProcessReason = ShouldProcessReason.None;
        return true;
    }
    public bool ShouldContinue(string? query, string? caption) => true;
    public bool ShouldContinue(string? query, string? caption, ref bool yesToAll, ref bool noToAll) => true;
    public bool TransactionAvailable() => false;
    public PSTransactionContext CurrentPSTransaction => throw new NotSupportedException();
    public PSHost? Host => null;
}
