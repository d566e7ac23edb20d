namespace Bloomy.Client.Auth;

/// <summary>Where the API key of a client came from.</summary>
public enum BloomyApiKeySource
{
    /// <summary>Passed explicitly (parameter, credential exchange, or <c>BloomyClientOptions.ApiKey</c>).</summary>
    Explicit,
    /// <summary>The <c>BG_API_KEY</c> environment variable.</summary>
    Environment,
    /// <summary>The <c>api_key</c> of the config file (<c>~/.bloomy/config.yaml</c>).</summary>
    ConfigFile,
}

/// <summary>An API key together with where it was found.</summary>
/// <remarks><see cref="ToString"/> redacts the key so that logging the object cannot leak it.</remarks>
public sealed class ResolvedApiKey
{
    /// <summary>Creates a resolved key.</summary>
    /// <param name="key">The key (not blank).</param>
    /// <param name="source">Where it came from.</param>
    public ResolvedApiKey(string key, BloomyApiKeySource source)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("The API key must not be blank.", nameof(key));
        }
        Key = key;
        Source = source;
    }

    /// <summary>The key itself. Treat it as a secret.</summary>
    public string Key { get; }

    /// <summary>Where the key was found.</summary>
    public BloomyApiKeySource Source { get; }

    /// <summary>Describes the key without revealing it, e.g. <c>API key from Environment (***)</c>.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"API key from {Source} (***)";
}
