namespace Bloomy.Client.Http;

// Plain http sends the key (and, for the token exchange, the password) in clear text, so it is allowed
// only to this machine (loopback, for the emulator) or when the caller opted in with AllowInsecureHttp.
// Every endpoint is checked before the first byte goes out: the API root and the token endpoint alike.
internal static class PlainHttpGuard
{
    public static bool IsExposed(Uri uri, bool allowInsecureHttp) =>
        uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowInsecureHttp;

    public static void ThrowIfExposed(Uri? uri, bool allowInsecureHttp, string what)
    {
        if (uri is not null && IsExposed(uri, allowInsecureHttp))
        {
            throw new BloomyConfigurationException(
                $"{what} {uri.GetLeftPart(UriPartial.Authority)} uses plain http, which would send the API key and any password " +
                "unencrypted. Use https, or set AllowInsecureHttp for a trusted network (http to localhost is always allowed). Nothing was sent.");
        }
    }
}
