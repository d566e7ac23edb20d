using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Commands.Connection;

/// <summary>
/// <para type="synopsis">Gets this session's default Bloom Growth connection.</para>
/// <para type="description">Get-BloomyConnection returns the connection that Bloomy cmdlets use when they are not given -Connection: its base URI, user, how it signs in (AuthenticatedBy: ApiKey, Credential, Environment or ConfigFile — never the key, token or password), when a Credential connection's token expires (TokenExpires; it is renewed shortly before, so a session lasts as long as the credential is valid), throttle and retry settings. It returns nothing when this runspace has no connection yet. Each runspace has its own default connection.</para>
/// </summary>
/// <example>
///   <code>Get-BloomyConnection</code>
///   <para>Shows who you are connected as, and where.</para>
/// </example>
/// <example>
///   <code>Get-BloomyConnection | Format-List AuthenticatedBy, TokenExpires</code>
///   <para>Shows whether the connection signs in with a key or a credential, and when its current token expires.</para>
/// </example>
/// <example>
///   <code>$saved = Get-BloomyConnection; Connect-Bloomy -ApiKey $otherKey; Get-BloomyUser -All -Connection $saved</code>
///   <para>Keeps the first organisation's connection while connecting to a second one.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "BloomyConnection")]
[OutputType(typeof(BloomyConnection))]
public sealed class GetBloomyConnectionCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var connection = ConnectionStore.GetDefault(Runspace.DefaultRunspace);
        if (connection is null)
        {
            WriteVerbose("This session has no Bloomy connection yet; run Connect-Bloomy.");
            return;
        }
        WriteObject(connection);
    }
}
