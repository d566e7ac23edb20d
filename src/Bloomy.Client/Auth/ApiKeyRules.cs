using System.Globalization;

namespace Bloomy.Client.Auth;

// What an API key may contain: printable ASCII, the only text an Authorization header carries intact.
// A NUL, a control character, a zero-width space or any other non-ASCII character is almost always a
// copy-and-paste accident; sent as is it fails as a transport error after retries ("could not reach the
// API"), so such a key is refused at once, naming the character and its position but never the key.
internal static class ApiKeyRules
{
    // Null when the key is usable; otherwise what is wrong, without the key itself.
    public static string? Problem(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c >= ' ' && c <= '~')
            {
                continue;
            }
            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            var what = char.IsControl(c) ? $"a control character ({code})"
                : char.IsWhiteSpace(c) ? $"a non-ASCII space ({code})"
                : c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' ? $"an invisible zero-width character ({code})"
                : $"a non-ASCII character ({code})";
            return $"contains {what} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}; an API key is printable ASCII, so it was probably copied with a stray character";
        }
        return null;
    }

    public static string SourceText(BloomyApiKeySource source) => source switch
    {
        BloomyApiKeySource.Environment => "the BG_API_KEY environment variable",
        BloomyApiKeySource.ConfigFile => "the config file",
        _ => "-ApiKey (BloomyClientOptions.ApiKey)",
    };

    public static void ThrowIfUnusable(ResolvedApiKey key)
    {
        if (Problem(key.Key) is { } problem)
        {
            throw new BloomyConfigurationException($"The API key from {SourceText(key.Source)} {problem}. Nothing was sent.");
        }
    }
}
