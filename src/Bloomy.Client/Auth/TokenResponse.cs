using System.Globalization;
using System.Text.Json.Serialization;

namespace Bloomy.Client.Auth;

// The OWIN token endpoint's answer (bloom-api-extras §1): the token and how long it lives.
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    // Seconds from now; production says 1209599 (14 days - 1 s).
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    // "Mon, 11 Jan 2016 07:05:37 GMT", the fallback when expires_in is missing.
    [JsonPropertyName(".expires")]
    public string? Expires { get; set; }

    // When the token stops working, measured from when the answer arrived; null when the server did not say.
    public DateTimeOffset? ExpiresAt(DateTimeOffset receivedAt)
    {
        if (ExpiresIn is > 0 and < 100L * 365 * 24 * 3600)
        {
            return receivedAt.AddSeconds(ExpiresIn.Value);
        }
        if (!string.IsNullOrWhiteSpace(Expires)
            && DateTimeOffset.TryParse(Expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        return null;
    }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class AuthJsonContext : JsonSerializerContext
{
}
