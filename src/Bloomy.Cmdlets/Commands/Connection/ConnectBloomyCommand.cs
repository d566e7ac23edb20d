using System.Management.Automation;
using System.Net;
using System.Management.Automation.Runspaces;
using System.Runtime.InteropServices;
using System.Security;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Cmdlets.Connections;

namespace Bloomy.Cmdlets.Commands.Connection;

/// <summary>
/// <para type="synopsis">Connects to Bloom Growth and makes the connection this session's default.</para>
/// <para type="description">Connect-Bloomy opens a connection with an API key (-ApiKey), with a user name and password (-Credential), or — with neither — with the key from the BG_API_KEY environment variable or the api_key of ~/.bloomy/config.yaml. A -Credential connection keeps the credential in memory only, as a SecureString (it is written nowhere unless you add -SaveKey, which saves the token, not the password): it exchanges it at the token endpoint for a token, exchanges again shortly before the token expires (tokens live 14 days) and once more if the server refuses the token, so the session lasts as long as the credential is valid. Both -ApiKey and -Credential take what SecretManagement's Get-Secret returns: a SecureString (or plain string) for -ApiKey, a PSCredential for -Credential. It confirms the key by asking the API whose it is, then stores the connection as the default of the current runspace; every Bloomy cmdlet uses it unless given -Connection. With -PassThru it also returns the connection object, so one script can work with several organisations.</para>
/// </summary>
/// <example>
///   <code>Connect-Bloomy -ApiKey $env:MY_BLOOM_KEY</code>
///   <para>Connects with a key held in a variable.</para>
/// </example>
/// <example>
///   <code>Connect-Bloomy -ApiKey (Get-Secret BloomApiKey)</code>
///   <para>Connects with a key kept in a SecretManagement vault; the SecureString is passed as it is.</para>
/// </example>
/// <example>
///   <code>Connect-Bloomy -Credential (Get-Secret BloomLogin)</code>
///   <para>Signs in with a user name and password kept in a vault as a PSCredential; the session renews its token by itself.</para>
/// </example>
/// <example>
///   <code>$emulator = Connect-Bloomy -BaseUri http://127.0.0.1:5080/api/v1/ -Credential (Get-Credential ada@example.com) -PassThru</code>
///   <para>Exchanges a user name and password for a key against the local emulator and keeps the connection in a variable.</para>
/// </example>
[Cmdlet(VerbsCommunications.Connect, "Bloomy", DefaultParameterSetName = StoredKeySet)]
[OutputType(typeof(BloomyConnection))]
public sealed class ConnectBloomyCommand : PSCmdlet
{
    private const string StoredKeySet = "StoredKey";
    private const string ApiKeySet = "ApiKey";
    private const string CredentialSet = "Credential";
    private readonly Pipeline.CmdletStop _stopping = new();

    /// <summary>
    /// <para type="description">The Bloom Growth API key, as a SecureString (what Get-Secret returns) or a plain string.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// <para type="description">A Bloom Growth user name (e-mail) and password, as a PSCredential (Get-Credential, or Get-Secret for a credential secret). Kept in memory only; exchanged at the token endpoint for a token, and again before each token expires.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// <para type="description">The API's base address. Defaults to https://app.bloomgrowth.com/api/v1/; point it at the local emulator for dry runs.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri BaseUri { get; set; } = BloomyDefaults.BaseUri;

    /// <summary>
    /// <para type="description">The GraphQL endpoint, for the operations the REST API cannot do (milestones, metrics, notes, archive and restore). Defaults to /graphql/ on the host of -BaseUri (https://app.bloomgrowth.com/graphql/); it receives the same key, so the same rules apply: https, or plain http to this machine only unless -AllowInsecureHttp.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? GraphQLUri { get; set; }

    /// <summary>
    /// <para type="description">The cap on requests in flight over this connection, across every cmdlet using it (1–1024, default 64).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int MaxConcurrentRequests { get; set; } = BloomyDefaults.MaxConcurrentRequests;

    /// <summary>
    /// <para type="description">How often a failed request is retried where that is safe (0–10, default 3). Rate-limited requests (429) do not count: they wait as long as the server asks, within -TotalTimeoutSec. 0 turns every retry off.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int MaxRetries { get; set; } = BloomyDefaults.MaxRetries;

    /// <summary>
    /// <para type="description">Seconds one request attempt may take (1–600, default 30).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; } = BloomyDefaults.TimeoutSeconds;

    /// <summary>
    /// <para type="description">Seconds one operation may take in all, retries and waits included (1–86400, default 120).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int TotalTimeoutSec { get; set; } = BloomyDefaults.TotalTimeoutSeconds;

    /// <summary>
    /// <para type="description">Milliseconds to wait before the first retry (0–60000, default 500); each later retry waits twice as long, with jitter.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 60000)]
    public int RetryDelayMilliseconds { get; set; } = BloomyDefaults.RetryBaseDelayMilliseconds;

    /// <summary>
    /// <para type="description">The longest wait before one retry, in seconds (1–3600, default 30). A server's Retry-After is honoured up to this long.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int MaxRetryDelaySec { get; set; } = BloomyDefaults.MaxRetryDelaySeconds;

    /// <summary>
    /// <para type="description">The largest answer Bloomy reads, in megabytes after decompression (1–1024, default 32). A longer answer, an endless one or a compressed bomb is a Bloomy.InvalidResponse error for that item, and memory stays bounded.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 1024)]
    public int MaxResponseSizeMB { get; set; } = (int)(BloomyDefaults.MaxResponseBodyBytes / (1024 * 1024));

    /// <summary>
    /// <para type="description">The -ThrottleLimit Bloomy cmdlets use on this connection when they are not given one (1–64, default 5).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = ConnectionFactory.DefaultThrottleLimit;

    /// <summary>
    /// <para type="description">Allows plain http to a host other than this machine. Without it, http is accepted only for loopback addresses.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter AllowInsecureHttp { get; set; }

    /// <summary>
    /// <para type="description">Saves the key in ~/.bloomy/config.yaml (readable by you only), where the Python and Ruby SDKs also look. Only the api_key line changes; the file's other settings stay. A config file that is a symbolic link is refused rather than written through. With -Credential, the token it was exchanged for is saved (it lasts 14 days), never the password.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter SaveKey { get; set; }

    /// <summary>
    /// <para type="description">Returns the connection object, for use with -Connection.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var options = new BloomyClientOptions
        {
            BaseUri = BaseUri,
            GraphQLUri = GraphQLUri,
            MaxConcurrentRequests = MaxConcurrentRequests,
            MaxRetries = MaxRetries,
            Timeout = TimeSpan.FromSeconds(TimeoutSec),
            TotalTimeout = TimeSpan.FromSeconds(TotalTimeoutSec),
            RetryBaseDelay = TimeSpan.FromMilliseconds(RetryDelayMilliseconds),
            MaxRetryDelay = TimeSpan.FromSeconds(MaxRetryDelaySec),
            MaxResponseBodyBytes = MaxResponseSizeMB * 1024L * 1024,
            AllowInsecureHttp = AllowInsecureHttp.IsPresent,
        };

        try
        {
            options.ApiKey = ParameterSetName switch
            {
                ApiKeySet => ExplicitKey(ApiKey!),
                // Saving needs a key now: the token exchanged here is saved, used first, and renewed by the credential.
                CredentialSet when SaveKey.IsPresent => ExchangeCredential(options),
                _ => null,
            };
            if (ParameterSetName == CredentialSet)
            {
                // Kept in memory only, as a SecureString: the client signs in with it and again before each token expires.
                options.Credential = new NetworkCredential(Credential!.UserName, Credential.Password);
                WriteVerbose($"Signing in as {Credential.UserName}; the password stays in memory and the token is renewed before it expires");
            }

            WriteVerbose($"Connecting to {options.BaseUri}");
            var connection = _stopping.Wait(ct => ConnectionFactory.OpenAsync(options, ThrottleLimit, ct));
            if (SaveKey.IsPresent && options.ApiKey is not null)
            {
                try
                {
                    BloomyConfigFile.SaveApiKey(options.ApiKey);
                }
                catch
                {
                    // The key could not be saved as asked (e.g. the config file is a link): no half-made connection.
                    connection.Dispose();
                    throw;
                }
                WriteVerbose($"Saved the API key to {BloomyConfigFile.DefaultPath}");
            }
            ConnectionStore.SetDefault(Runspace.DefaultRunspace, connection);
            WriteVerbose($"Connected as {connection.UserName} ({connection.UserId}), signed in by {connection.AuthenticatedBy}");
            if (PassThru.IsPresent) WriteObject(connection);
        }
        catch (Exception ex) when (ex is BloomyException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(Pipeline.BloomyErrorRecords.ForCommand(ex, BaseUri));
        }
    }

    private string ExchangeCredential(BloomyClientOptions options)
    {
        // The token endpoint sits at the root of the API's host, outside /api/v1. The exchange checks the
        // URIs (plain http to another host is refused) before the password leaves the machine.
        var tokenUri = options.TokenUri ?? new Uri(options.BaseUri, "/Token");
        WriteVerbose($"Exchanging the credential of {Credential!.UserName} for an API key at {tokenUri}");
        return _stopping.Wait(ct => BloomyCredentials.ExchangePasswordAsync(options, Credential.GetNetworkCredential(), ct));
    }

    // A blank key given on purpose is a mistake, not a request to fall back to BG_API_KEY or the config file.
    private static string ExplicitKey(SecureString secure)
    {
        var key = ToPlainText(secure);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("-ApiKey is empty. Give the key, or leave -ApiKey out to use BG_API_KEY or ~/.bloomy/config.yaml.");
        }
        return key;
    }

    private static string ToPlainText(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            // With the length: without it a NUL in the key would silently end it there.
            return Marshal.PtrToStringUni(pointer, secure.Length) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
