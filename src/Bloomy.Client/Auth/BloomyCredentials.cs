using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bloomy.Client.Http;

namespace Bloomy.Client.Auth;

/// <summary>Finds the API key to use, and exchanges a user name and password for one.</summary>
public static class BloomyCredentials
{
    /// <summary>The timeout of a token request, as in the Python SDK (a fresh client with httpx's 5 s default).</summary>
    public static readonly TimeSpan TokenRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The message raised when no key can be found anywhere.</summary>
    /// <remarks>PowerShell users read it, so it names the cmdlet's parameters, not the .NET option behind them.</remarks>
    internal const string NoKeyMessage =
        "No Bloom Growth API key was found. Pass one explicitly (Connect-Bloomy -ApiKey or -Credential), " +
        "set the BG_API_KEY environment variable, or save one in ~/.bloomy/config.yaml (api_key: <key>).";

    /// <summary>
    /// Resolves the API key the way the Bloom Growth SDKs do: the explicit key (trimmed; blank means
    /// none), then the <c>BG_API_KEY</c> environment variable (when not empty), then the <c>api_key</c>
    /// of the config file.
    /// </summary>
    /// <param name="explicitKey">A key given by the caller, or null.</param>
    /// <param name="configFilePath">The config file; null means <see cref="BloomyConfigFile.DefaultPath"/>.</param>
    /// <returns>The key and its source, or null when there is none.</returns>
    /// <exception cref="BloomyConfigurationException">The key would come from a config file that cannot be used.</exception>
    public static ResolvedApiKey? TryResolve(string? explicitKey, string? configFilePath = null) =>
        TryResolve(explicitKey, configFilePath, EnvironmentReader.Process);

    internal static ResolvedApiKey? TryResolve(string? explicitKey, string? configFilePath, Func<string, string?> environment)
    {
        var trimmed = explicitKey?.Trim();
        if (!string.IsNullOrEmpty(trimmed))
        {
            return new ResolvedApiKey(trimmed!, BloomyApiKeySource.Explicit);
        }
        // Not trimmed, as in the Python SDK; but a value of only whitespace cannot be a key.
        var fromEnvironment = environment(EnvironmentReader.ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new ResolvedApiKey(fromEnvironment!.Trim(), BloomyApiKeySource.Environment);
        }
        // A file that cannot be trusted to mean one key (hostile, ambiguous) is an error, not "no key".
        var fromFile = BloomyConfigFile.ReadApiKey(configFilePath, environment);
        return string.IsNullOrEmpty(fromFile) ? null : new ResolvedApiKey(fromFile!, BloomyApiKeySource.ConfigFile);
    }

    /// <summary>
    /// Exchanges a user name and password for an API key at the token endpoint
    /// (<c>POST /Token</c>, form <c>grant_type=password&amp;userName=…&amp;password=…</c>).
    /// </summary>
    /// <param name="tokenUri">The token endpoint, e.g. <c>https://app.bloomgrowth.com/Token</c>.</param>
    /// <param name="credential">The user name (e-mail) and password.</param>
    /// <param name="handler">A message handler to send through (tests); not disposed. Null creates one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The <c>access_token</c>, which is used as the API key.</returns>
    /// <exception cref="BloomyAuthenticationException">The server refused, could not be reached, or did not return a token.</exception>
    /// <exception cref="BloomyConfigurationException">The token URI is plain http to a host other than this machine; nothing is sent.</exception>
    public static Task<string> ExchangePasswordAsync(
        Uri tokenUri,
        NetworkCredential credential,
        HttpMessageHandler? handler = null,
        CancellationToken cancellationToken = default)
    {
        if (tokenUri is null)
        {
            throw new ArgumentNullException(nameof(tokenUri));
        }
        if (!tokenUri.IsAbsoluteUri || (tokenUri.Scheme != Uri.UriSchemeHttps && tokenUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The token URI must be an absolute http or https URI.", nameof(tokenUri));
        }
        PlainHttpGuard.ThrowIfExposed(tokenUri, allowInsecureHttp: false, "The token URI");
        return ExchangeCheckedAsync(tokenUri, credential, handler, cancellationToken);
    }

    /// <summary>
    /// Exchanges a user name and password for an API key at the token endpoint of <paramref name="options"/>
    /// (<see cref="BloomyClientOptions.TokenUri"/>, else <c>/Token</c> on the host of
    /// <see cref="BloomyClientOptions.BaseUri"/>), through <see cref="BloomyClientOptions.Handler"/> when set.
    /// The base URI and the token URI are checked as a client checks them before anything is sent: plain
    /// http is refused for a host other than this machine unless <see cref="BloomyClientOptions.AllowInsecureHttp"/> is set.
    /// </summary>
    /// <param name="options">Where the API and its token endpoint are.</param>
    /// <param name="credential">The user name (e-mail) and password.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The <c>access_token</c>, which is used as the API key.</returns>
    /// <exception cref="BloomyConfigurationException">A URI is invalid or plain http to another host; nothing is sent.</exception>
    /// <exception cref="BloomyAuthenticationException">The server refused, could not be reached, or did not return a token.</exception>
    public static Task<string> ExchangePasswordAsync(
        BloomyClientOptions options,
        NetworkCredential credential,
        CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        var baseUri = OptionsValidator.ValidateBaseUri(options.BaseUri, options.AllowInsecureHttp);
        var tokenUri = options.TokenUri ?? new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/Token");
        if (!tokenUri.IsAbsoluteUri || (tokenUri.Scheme != Uri.UriSchemeHttps && tokenUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new BloomyConfigurationException($"TokenUri must be an absolute http or https URI; got '{tokenUri}'.");
        }
        PlainHttpGuard.ThrowIfExposed(tokenUri, options.AllowInsecureHttp, "TokenUri");
        return ExchangeCheckedAsync(tokenUri, credential, options.Handler, cancellationToken);
    }

    private static Task<string> ExchangeCheckedAsync(Uri tokenUri, NetworkCredential credential, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }
        if (string.IsNullOrWhiteSpace(credential.UserName))
        {
            throw new ArgumentException("The user name must not be blank.", nameof(credential));
        }
        return ExchangeCoreAsync(tokenUri, credential.UserName, credential.Password ?? string.Empty, handler,
            TokenRequestTimeout, cancellationToken);
    }

    internal static async Task<string> ExchangeCoreAsync(
        Uri tokenUri, string userName, string password, HttpMessageHandler? handler, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var token = await ExchangeTokenCoreAsync(tokenUri, userName, password, handler, timeout, TimeProvider.System, cancellationToken)
            .ConfigureAwait(false);
        return token.Value;
    }

    /// <summary>
    /// The password grant, with when the token expires: <c>expires_in</c> from the moment the answer arrived, else
    /// <c>.expires</c>, else unknown (null). Bad credentials (400) are "user name or password is incorrect"; the
    /// password appears in no message.
    /// </summary>
    internal static async Task<IssuedToken> ExchangeTokenCoreAsync(
        Uri tokenUri, string userName, string password, HttpMessageHandler? handler, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var form = "grant_type=password&userName=" + BloomyQuery.Encode(userName) + "&password=" + BloomyQuery.Encode(password);
        using var client = handler is null
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri);
        request.Headers.ExpectContinue = false;
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        byte[] body;
        HttpStatusCode status;
        string? reason;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeoutSource.Token).ConfigureAwait(false);
            status = response.StatusCode;
            reason = response.ReasonPhrase;
            body = response.IsSuccessStatusCode
                ? await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)
                : Array.Empty<byte>();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new BloomyAuthenticationException(
                $"Failed to fetch API key: the token request to {tokenUri.GetLeftPart(UriPartial.Path)} timed out after {Texts.Duration(timeout)}.", null, ex);
        }
        catch (HttpRequestException ex) when (TransportFailure.IsTls(ex))
        {
            throw new BloomyAuthenticationException(
                $"Failed to fetch API key: {TransportFailure.TlsText(tokenUri)} ({Texts.Redact(Texts.Flatten(ex), password)}).", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new BloomyAuthenticationException(
                $"Failed to fetch API key: could not reach {tokenUri.GetLeftPart(UriPartial.Path)} ({Texts.Redact(Texts.Flatten(ex), password)}).", null, ex);
        }

        var receivedAt = time.GetUtcNow();
        var code = (int)status;
        if (code == 400)
        {
            // The password grant's answer to bad credentials (invalid_grant); its body is not settled, so not parsed.
            throw new BloomyAuthenticationException(
                $"The user name or password is incorrect: the token endpoint {tokenUri.GetLeftPart(UriPartial.Path)} refused them (400 {Texts.Reason(code, reason)}).", code);
        }
        if (code < 200 || code > 299)
        {
            // The body is not echoed: a token endpoint may repeat what it was sent.
            throw new BloomyAuthenticationException(
                $"Failed to fetch API key: {code} {Texts.Reason(code, reason)}. Check the user name and password.", code);
        }

        TokenResponse? token;
        try
        {
            token = JsonSerializer.Deserialize(body, AuthJsonContext.Default.TokenResponse);
        }
        catch (JsonException ex)
        {
            throw new BloomyAuthenticationException("Failed to fetch API key: the token response was not valid JSON.", code, ex);
        }
        var key = token?.AccessToken?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            throw new BloomyAuthenticationException("Failed to fetch API key: the token response has no access_token.", code);
        }
        return new IssuedToken(key!, receivedAt, token!.ExpiresAt(receivedAt));
    }
}
