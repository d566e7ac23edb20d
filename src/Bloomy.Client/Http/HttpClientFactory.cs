using System.Net;
using System.Net.Http;
using System.Reflection;

namespace Bloomy.Client.Http;

// Builds a connection's one HttpClient: an injected handler, or one of its own sized for the concurrency cap,
// without redirects or cookies, with decompression, a bounded handshake, and Bloomy's default headers.
internal static class HttpClientFactory
{
    internal static string DefaultUserAgent { get; } = "Bloomy/" + GetVersion();

    public static HttpClient Create(BloomyClientOptions options, Uri baseUri)
    {
        var client = options.Handler is { } injected
            ? new HttpClient(injected, disposeHandler: false)
            : new HttpClient(CreateHandler(options, baseUri, options.MaxConcurrentRequests), disposeHandler: true);
        client.BaseAddress = baseUri;
        // The pipeline's timeouts bound every attempt; HttpClient's own would cut in with a less clear error.
        client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Accept.ParseAdd("*/*");
        client.DefaultRequestHeaders.ExpectContinue = false;
        var userAgent = string.IsNullOrWhiteSpace(options.UserAgent) ? DefaultUserAgent : options.UserAgent!.Trim();
        if (!client.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent))
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }
        return client;
    }

    private static HttpMessageHandler CreateHandler(BloomyClientOptions options, Uri baseUri, int cap)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (handler.SupportsAutomaticDecompression)
        {
            handler.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
        }
        // Windows PowerShell 5.1 (.NET Framework) allows 2 connections per host by default, which
        // would silently cap every throttle limit at 2.
        try
        {
            handler.MaxConnectionsPerServer = Math.Max(cap, 2);
        }
        catch (PlatformNotSupportedException)
        {
        }
        try
        {
            var servicePoint = ServicePointManager.FindServicePoint(baseUri);
            if (servicePoint.ConnectionLimit < cap)
            {
                servicePoint.ConnectionLimit = cap;
            }
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or NotSupportedException or InvalidOperationException)
        {
        }
        EnsureTls12();
        return HandshakeTimeout.Apply(handler, HandshakeTimeout.Effective(options));
    }

    // .NET Framework before 4.7 (still seen under Windows PowerShell 5.1 on old servers) may not offer
    // TLS 1.2, which the API requires. SystemDefault (0), the modern default, is left alone.
    private static void EnsureTls12()
    {
        try
        {
            var protocols = ServicePointManager.SecurityProtocol;
            if (protocols != 0 && (protocols & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = protocols | SecurityProtocolType.Tls12;
            }
        }
        catch (Exception ex) when (ex is NotSupportedException or PlatformNotSupportedException)
        {
        }
    }

    private static string GetVersion()
    {
        var assembly = typeof(HttpClientFactory).GetTypeInfo().Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational!.IndexOf('+');
            return plus > 0 ? informational.Substring(0, plus) : informational;
        }
        return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
