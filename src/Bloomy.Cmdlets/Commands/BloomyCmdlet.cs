using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Bloomy.Client;
using Bloomy.Cmdlets.Connections;
using Bloomy.Cmdlets.Pipeline;

namespace Bloomy.Cmdlets.Commands;

/// <summary>
/// Base of every Bloomy cmdlet that talks to the API: finds the connection to use — the
/// <c>-Connection</c> given, the runspace's default from Connect-Bloomy, or one made on first use
/// from BG_API_KEY or ~/.bloomy/config.yaml (never after Disconnect-Bloomy).
/// </summary>
public abstract class BloomyCmdlet : PSCmdlet
{
    /// <summary>The invocation's one cancellation source, shared with its pipeline bridge.</summary>
    private protected CmdletStop InvocationStop { get; } = new();

    /// <summary>
    /// <para type="description">The connection to use instead of the session's default, as returned by Connect-Bloomy -PassThru.</para>
    /// </summary>
    [Parameter]
    public BloomyConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void StopProcessing() => InvocationStop.Cancel();

    /// <summary>The connection this invocation uses; terminates the pipeline when there is none to be had.</summary>
    protected BloomyConnection ResolveConnection()
    {
        if (Connection is not null)
        {
            if (Connection.IsDisconnected)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("This connection was closed by Disconnect-Bloomy. Connect again with Connect-Bloomy."),
                    "Bloomy.Disconnected", ErrorCategory.InvalidOperation, Connection));
            }
            return Connection;
        }

        var runspace = Runspace.DefaultRunspace;
        var existing = ConnectionStore.GetDefault(runspace);
        if (existing is not null) return existing;
        if (ConnectionStore.WasDisconnected(runspace))
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("Disconnect-Bloomy closed this session's connection, and nothing connects on its own after it. Run Connect-Bloomy to connect again."),
                "Bloomy.Disconnected", ErrorCategory.InvalidOperation, null));
        }

        var connection = Run(ct => ConnectionFactory.OpenAsync(new BloomyClientOptions(), ConnectionFactory.DefaultThrottleLimit, ct));
        ConnectionStore.SetDefault(runspace, connection);
        return connection;
    }

    /// <summary>
    /// Runs one call to completion on the pipeline thread; every failure terminates, since a cmdlet
    /// uses this only for work that the rest of its pipeline depends on.
    /// </summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return InvocationStop.Wait(work);
        }
        catch (Exception ex) when (ex is BloomyException or ArgumentException)
        {
            ThrowTerminatingError(BloomyErrorRecords.ForCommand(ex));
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    /// <summary>Whether -Verbose or $VerbosePreference asks for verbose output.</summary>
    protected bool IsVerboseEnabled()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose))
        {
            return verbose is SwitchParameter { IsPresent: true };
        }
        return GetVariableValue("VerbosePreference") is ActionPreference preference
            && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }
}
