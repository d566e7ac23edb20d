using Microsoft.AspNetCore.WebUtilities;

namespace Bloomy.Emulator;

/// <summary>POST /Token (form: grant_type=password&amp;userName=&lt;email&gt;&amp;password=bloomy-demo).</summary>
internal static class TokenEndpoint
{
    internal static void Map(EndpointRegistry.RouteRegistrar r) => r.Root("POST", "Token", Token);

    private static ApiResult Token(ApiRequest r)
    {
        var form = QueryHelpers.ParseQuery(r.BodyText);
        string? Get(string name)
        {
            foreach (var kv in form)
                if (string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)) return kv.Value.ToString();
            return null;
        }
        var grant = Get("grant_type");
        if (grant is not null && !string.Equals(grant, "password", StringComparison.Ordinal))
            return Err("unsupported_grant_type", "The authorization grant type is not supported.");
        var user = Get("userName") ?? Get("username");
        var password = Get("password");
        if (string.IsNullOrEmpty(user) || password != BloomEmulator.DemoPassword
            || !r.Store.EmailToUser.TryGetValue(user.Trim(), out var id))
            return Err("invalid_grant", "The user name or password is incorrect.");
        var u = r.Store.UserMap[id];
        return ApiResult.Ok(new { access_token = u.ApiKey, token_type = "bearer", expires_in = 1209599, userName = u.Email });
    }

    private static ApiResult Err(string error, string description) =>
        new(400, Json.Bytes(new { error, error_description = description }), ApiResult.JsonType);
}
