namespace Bloomy.Client.Http;

// Checks client options before anything is built from them, so a bad setting fails with a clear
// message before any network call.
internal static class OptionsValidator
{
    // Validates every setting; returns the base URI in the form requests resolve against (with its trailing slash).
    public static Uri Validate(BloomyClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        var baseUri = ValidateBaseUri(options.BaseUri, options.AllowInsecureHttp);
        ValidateRanges(options);
        if (options.TokenUri is { } tokenUri && (!tokenUri.IsAbsoluteUri || (tokenUri.Scheme != Uri.UriSchemeHttp && tokenUri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new BloomyConfigurationException($"TokenUri must be an absolute http or https URI; got '{tokenUri}'.");
        }
        PlainHttpGuard.ThrowIfExposed(options.TokenUri, options.AllowInsecureHttp, "TokenUri");
        if (options.GraphQLUri is { } graphQLUri)
        {
            ValidateGraphQLUri(graphQLUri, options.AllowInsecureHttp);
        }
        return baseUri;
    }

    // The GraphQL endpoint receives the same key as the API root: the same rules, but its path is kept as given
    // (production wants the trailing slash of /graphql/, and a request goes to that exact URI).
    public static Uri ValidateGraphQLUri(Uri uri, bool allowInsecureHttp)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw new BloomyConfigurationException($"GraphQLUri must be an absolute http or https URI; '{uri.OriginalString}' is relative.");
        }
        // Before anything of the URI is quoted back.
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new BloomyConfigurationException("GraphQLUri must not contain a user name or password; the API key is sent in a header.");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new BloomyConfigurationException($"GraphQLUri must be an absolute http or https URI; '{uri.Scheme}' is not supported.");
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new BloomyConfigurationException("GraphQLUri must not contain a query or fragment.");
        }
        PlainHttpGuard.ThrowIfExposed(uri, allowInsecureHttp, "GraphQLUri");
        return uri;
    }

    public static Uri ValidateBaseUri(Uri? uri, bool allowInsecureHttp)
    {
        if (uri is null)
        {
            throw new BloomyConfigurationException("BaseUri must be set (for example https://app.bloomgrowth.com/api/v1/).");
        }
        if (!uri.IsAbsoluteUri)
        {
            throw new BloomyConfigurationException($"BaseUri must be an absolute http or https URI; '{uri.OriginalString}' is relative.");
        }
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new BloomyConfigurationException($"BaseUri must use https (or http for a local emulator); '{uri.Scheme}' is not supported.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new BloomyConfigurationException("BaseUri must not contain a user name or password; the API key is sent in a header.");
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new BloomyConfigurationException("BaseUri must not contain a query or fragment.");
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp)
        {
            throw new BloomyConfigurationException(
                $"BaseUri {uri.GetLeftPart(UriPartial.Authority)} uses plain http, which would send the API key unencrypted. " +
                "Use https, or set AllowInsecureHttp for a trusted network (http to localhost is always allowed).");
        }
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith("/", StringComparison.Ordinal) ? new Uri(text) : new Uri(text + "/");
    }

    private static void ValidateRanges(BloomyClientOptions o)
    {
        if (o.MaxConcurrentRequests < 1 || o.MaxConcurrentRequests > 1024)
        {
            throw new BloomyConfigurationException($"MaxConcurrentRequests must be between 1 and 1024; got {o.MaxConcurrentRequests}.");
        }
        if (o.MaxRetries < 0 || o.MaxRetries > 10)
        {
            throw new BloomyConfigurationException($"MaxRetries must be between 0 and 10; got {o.MaxRetries}.");
        }
        CheckTimeout(o.Timeout, nameof(o.Timeout));
        CheckTimeout(o.TotalTimeout, nameof(o.TotalTimeout));
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"RetryBaseDelay must be between 0 and 1 day; got {o.RetryBaseDelay}.");
        }
        if (o.MaxRetryDelay < TimeSpan.Zero || o.MaxRetryDelay > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"MaxRetryDelay must be between 0 and 1 day; got {o.MaxRetryDelay}.");
        }
        if (o.MaxResponseBodyBytes < BloomyClientOptions.MinResponseBodyBytes || o.MaxResponseBodyBytes > BloomyClientOptions.MaxResponseBodyBytesLimit)
        {
            throw new BloomyConfigurationException(
                $"MaxResponseBodyBytes must be between {BloomyClientOptions.MinResponseBodyBytes} and {BloomyClientOptions.MaxResponseBodyBytesLimit} (1 GB); got {o.MaxResponseBodyBytes}.");
        }
        if (o.TimeProvider is null)
        {
            throw new BloomyConfigurationException("TimeProvider must not be null.");
        }
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }
        // Polly's timeout strategy accepts 10 ms .. 24 h.
        if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1))
        {
            throw new BloomyConfigurationException($"{name} must be between 10 ms and 1 day (or infinite); got {value}.");
        }
    }
}
