using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using Bloomy.Client.Auth;

namespace Bloomy.Client.Http;

// Who a connection's requests are sent as: a resolved API key (argument, BG_API_KEY or the config file), or a
// credential's token session. Puts the Authorization header on each request and knows the secret that must
// never appear in a message.
internal sealed class RequestAuthorizer : IDisposable
{
    private readonly string? _key;
    private readonly AuthenticationHeaderValue? _keyHeader;
    private readonly BloomyTokenSession? _session;
    private readonly SecureString? _password;

    public RequestAuthorizer(BloomyClientOptions options, TimeProvider time)
    {
        if (options.Credential is { } credential)
        {
            (_session, _password) = StartSession(options, credential, time);
            ApiKeySource = BloomyApiKeySource.Explicit;
            AuthenticationMethod = BloomyAuthenticationMethod.Credential;
        }
        else
        {
            var environment = options.EnvironmentReader ?? EnvironmentReader.Process;
            var resolved = BloomyCredentials.TryResolve(options.ApiKey, options.ConfigFilePath, environment)
                ?? throw new BloomyConfigurationException(BloomyCredentials.NoKeyMessage);
            ApiKeyRules.ThrowIfUnusable(resolved);
            _key = resolved.Key;
            _keyHeader = new AuthenticationHeaderValue("Bearer", _key);
            ApiKeySource = resolved.Source;
            AuthenticationMethod = resolved.Source switch
            {
                BloomyApiKeySource.Environment => BloomyAuthenticationMethod.Environment,
                BloomyApiKeySource.ConfigFile => BloomyAuthenticationMethod.ConfigFile,
                _ => BloomyAuthenticationMethod.ApiKey,
            };
        }
    }

    public BloomyApiKeySource ApiKeySource { get; }

    public BloomyAuthenticationMethod AuthenticationMethod { get; }

    // Whether requests carry a credential's renewable token rather than a fixed key.
    public bool UsesTokenSession => _session is not null;

    // When the token of a credential connection expires (null for an API key, whose expiry is unknown).
    public DateTimeOffset? TokenExpiresAt => _session?.ExpiresAt;

    // The secret that must never appear in a message: the key, or the session's current token.
    public string CurrentSecret => _session?.CurrentValue ?? _key ?? string.Empty;

    // Sends the request with the key, or with the session's token; a credential connection whose token the server
    // refuses (401) gets one renewed token, shared with every request refused alike, and sends the request once more.
    // That is safe for every method, a POST included: a 401 comes from the authorization check, before the server
    // acts on the request, so nothing can have been done twice. A key-only connection reports the 401 as it is.
    public async Task<HttpResponseMessage> SendAsync(
        RequestState state,
        Func<RequestState, AuthenticationHeaderValue, CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken ct)
    {
        if (_session is null)
        {
            return await send(state, _keyHeader!, ct).ConfigureAwait(false);
        }
        var token = await _session.GetTokenAsync(ct).ConfigureAwait(false);
        var response = await send(state, BearerHeader(token), ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || state.Reauthenticated)
        {
            return response;
        }
        state.Reauthenticated = true;
        response.Dispose();
        var renewed = await _session.RenewAfterRejectionAsync(token, ct).ConfigureAwait(false);
        return await send(state, BearerHeader(renewed), ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _session?.Dispose();
        _password?.Dispose();
    }

    private static AuthenticationHeaderValue BearerHeader(string token)
    {
        if (token.Any(char.IsControl))
        {
            throw new BloomyConfigurationException("The token from the token endpoint contains control characters and cannot be sent in a header.");
        }
        return new AuthenticationHeaderValue("Bearer", token);
    }

    // The password grant behind a credential connection. The password stays a read-only SecureString copy and
    // becomes text only for the moment each exchange builds its form.
    private static (BloomyTokenSession Session, SecureString Password) StartSession(
        BloomyClientOptions options, NetworkCredential credential, TimeProvider time)
    {
        var userName = credential.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            throw new BloomyConfigurationException("The credential has no user name; give the e-mail address you sign in with.");
        }
        // TokenUri itself was checked with the base URI; the default one shares the base URI's scheme and host.
        var tokenUri = options.GetEffectiveTokenUri();
        PlainHttpGuard.ThrowIfExposed(tokenUri, options.AllowInsecureHttp, "The token endpoint");
        var password = credential.SecurePassword.Copy();
        password.MakeReadOnly();
        var handler = options.Handler;
        var timeout = BloomyCredentials.TokenRequestTimeout;
        IssuedToken? initial = null;
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            var key = options.ApiKey!.Trim();
            ApiKeyRules.ThrowIfUnusable(new ResolvedApiKey(key, BloomyApiKeySource.Explicit));
            // Its expiry is unknown: it is used until the server refuses it, then the credential renews it.
            initial = new IssuedToken(key, time.GetUtcNow(), null);
        }
        var session = new BloomyTokenSession(
            ct => BloomyCredentials.ExchangeTokenCoreAsync(tokenUri, userName!, new NetworkCredential(string.Empty, password).Password,
                handler, timeout, time, ct),
            time, initial);
        return (session, password);
    }
}
