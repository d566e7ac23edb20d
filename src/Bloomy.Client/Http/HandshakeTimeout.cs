using System.Net.Http;
using System.Reflection;

namespace Bloomy.Client.Http;

// Bounds how long establishing a connection may take, TLS handshake included. Without it an https URI
// pointed at a plain-http server (which waits forever for a request line it never gets) blocks every
// attempt until its timeout, then retries: two minutes for Connect-Bloomy. SocketsHttpHandler (.NET Core,
// PowerShell 7) has ConnectTimeout; it is reached through reflection because the client targets
// netstandard2.0. On .NET Framework (Windows PowerShell 5.1) the attempt timeout remains the bound.
internal static class HandshakeTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    private static readonly Type? SocketsHandlerType = typeof(HttpClientHandler).GetTypeInfo().Assembly.GetType("System.Net.Http.SocketsHttpHandler", throwOnError: false);

    // Never longer than one attempt may take.
    public static TimeSpan Effective(BloomyClientOptions options) =>
        options.Timeout != System.Threading.Timeout.InfiniteTimeSpan && options.Timeout < options.ConnectTimeout
            ? options.Timeout
            : options.ConnectTimeout;

    // A SocketsHttpHandler set up as `configured` is, plus the connect timeout; `configured` itself
    // where the runtime has no SocketsHttpHandler.
    public static HttpMessageHandler Apply(HttpClientHandler configured, TimeSpan connectTimeout)
    {
        if (SocketsHandlerType is null || connectTimeout <= TimeSpan.Zero || connectTimeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return configured;
        }
        HttpMessageHandler? handler = null;
        try
        {
            handler = (HttpMessageHandler)Activator.CreateInstance(SocketsHandlerType)!;
            Set(handler, "AllowAutoRedirect", configured.AllowAutoRedirect);
            Set(handler, "UseCookies", configured.UseCookies);
            Set(handler, "AutomaticDecompression", configured.AutomaticDecompression);
            Set(handler, "MaxConnectionsPerServer", configured.MaxConnectionsPerServer);
            Set(handler, "ConnectTimeout", connectTimeout);
        }
        catch (Exception ex) when (ex is TargetInvocationException or MissingMemberException or ArgumentException
            or NotSupportedException or PlatformNotSupportedException or InvalidCastException or MemberAccessException)
        {
            handler?.Dispose();
            return configured;
        }
        configured.Dispose();
        return handler;
    }

    private static void Set(object target, string name, object value)
    {
        var property = target.GetType().GetRuntimeProperty(name) ?? throw new MissingMemberException(target.GetType().Name, name);
        property.SetValue(target, value);
    }
}
