namespace Bloomy.Client.Auth;

/// <summary>How a client signs its requests.</summary>
public enum BloomyAuthenticationMethod
{
    /// <summary>An API key given explicitly (parameter or <c>BloomyClientOptions.ApiKey</c>); it has no known expiry.</summary>
    ApiKey,
    /// <summary>
    /// A user name and password kept in memory: exchanged at the token endpoint for a token, again shortly before the
    /// token expires and once after the server refuses it.
    /// </summary>
    Credential,
    /// <summary>The key of the <c>BG_API_KEY</c> environment variable.</summary>
    Environment,
    /// <summary>The <c>api_key</c> of the config file (<c>~/.bloomy/config.yaml</c>).</summary>
    ConfigFile,
}
