using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Commands.Connection;

/// <summary>
/// <para type="synopsis">Closes a Bloom Growth connection and forgets the session's default.</para>
/// <para type="description">Disconnect-Bloomy closes the given connection, or the current runspace's default one, and releases its HTTP resources. After it, nothing connects on its own in this session: cmdlets run without -Connection fail with the error Bloomy.Disconnected until Connect-Bloomy is run again, even when BG_API_KEY or ~/.bloomy/config.yaml holds a key. Closing a connection that is not the default (-Connection) leaves the default alone.</para>
/// </summary>
/// <example>
///   <code>Disconnect-Bloomy</code>
///   <para>Closes the default connection of this session.</para>
/// </example>
/// <example>
///   <code>$second | Disconnect-Bloomy</code>
///   <para>Closes a connection returned by Connect-Bloomy -PassThru.</para>
/// </example>
[Cmdlet(VerbsCommunications.Disconnect, "Bloomy")]
[OutputType(typeof(void))]
public sealed class DisconnectBloomyCommand : PSCmdlet
{
    /// <summary>
    /// <para type="description">The connection to close; the session's default when omitted.</para>
    /// </summary>
    [Parameter(ValueFromPipeline = true, Position = 0)]
    public BloomyConnection? Connection { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var runspace = Runspace.DefaultRunspace;
        var current = ConnectionStore.GetDefault(runspace);
        var target = Connection ?? current;
        if (Connection is null || ReferenceEquals(target, current)) ConnectionStore.Disconnect(runspace);
        if (target is null)
        {
            WriteVerbose("There is no Bloomy connection to close.");
            return;
        }
        target.Dispose();
        WriteVerbose($"Disconnected from {target.BaseUri}");
    }
}
