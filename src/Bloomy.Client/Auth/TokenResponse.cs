using System.Text.Json.Serialization;

namespace Bloomy.Client.Auth;

// The OWIN token endpoint's answer; only access_token matters (the SDKs ignore the rest).
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class AuthJsonContext : JsonSerializerContext
{
}
