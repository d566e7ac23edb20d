using System.Management.Automation;

namespace Bloomy.Cmdlets.Pipeline;

/// <summary>
/// The one cancellation source of a cmdlet invocation: StopProcessing (Ctrl+C), a downstream stop and a terminating
/// error all cancel it, and every wait of the cmdlet — its own calls and its <see cref="PipelineBridge"/>'s — observes it.
/// </summary>
internal sealed class CmdletStop
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Cancelled once the invocation stops.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the invocation was stopped.</summary>
    public bool IsRequested => _source.IsCancellationRequested;

    /// <summary>Stops the invocation (any thread).</summary>
    public void Cancel() => _source.Cancel();

    /// <summary>
    /// Runs <paramref name="work"/> to completion on the calling (pipeline) thread; a cancellation caused by the stop
    /// becomes the <see cref="PipelineStoppedException"/> PowerShell expects of a stopped cmdlet.
    /// </summary>
    public T Wait<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return work(Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (IsRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
