using System.Net;
using System.Security.Authentication;

namespace Bloomy.Client.Http;

// Transport failures that retrying cannot mend: a TLS handshake that failed (the server does not speak
// TLS, e.g. an https URI pointed at a plain-http server, or its certificate was refused) and a connection
// that was not established within the connect timeout (TLS handshake included). Both happen before the
// request is written, so they are certainly not sent, even for a POST.
internal static class TransportFailure
{
    public static bool IsTls(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // .NET Framework (Windows PowerShell 5.1) may say so only through the WebException's status.
            if (e is AuthenticationException
                || e is WebException { Status: WebExceptionStatus.SecureChannelFailure or WebExceptionStatus.TrustFailure })
            {
                return true;
            }
        }
        return false;
    }

    // SocketsHttpHandler reports an elapsed ConnectTimeout as a cancellation wrapping a TimeoutException;
    // the client's own timeouts are Polly's TimeoutRejectedException, which is not one.
    public static bool IsConnectTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsPermanent(Exception exception) => IsTls(exception) || IsConnectTimeout(exception);

    public static string TlsText(Uri uri) =>
        $"the TLS handshake with {uri.Authority} failed: the server does not speak https (is it a plain-http server? then use an http:// URI) or its certificate was refused";

    // A clear sentence for a permanent transport failure, or null for any other failure.
    public static string? Describe(Exception exception, Uri baseUri, TimeSpan connectTimeout)
    {
        if (IsTls(exception))
        {
            return TlsText(baseUri);
        }
        if (IsConnectTimeout(exception))
        {
            return baseUri.Scheme == Uri.UriSchemeHttps
                ? $"no TLS connection to {baseUri.Authority} was established within {Texts.Duration(connectTimeout)}: the host did not answer or did not complete the TLS handshake (if the server speaks plain http, use an http:// URI instead of https)"
                : $"no connection to {baseUri.Authority} was established within {Texts.Duration(connectTimeout)}";
        }
        return null;
    }
}
