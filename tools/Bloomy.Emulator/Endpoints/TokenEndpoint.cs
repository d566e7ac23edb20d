using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Bloomy.Emulator;

/// <summary>
/// POST /Token (bloom-api-extras §1, §12): form <c>grant_type=password&amp;userName=&lt;email&gt;&amp;password=bloomy-demo</c>
/// or the same keys as JSON. Issues a fresh token (not the user's API key) that lives <see cref="EmulatorTokens.Lifetime"/>;
/// bad credentials → 400 <c>invalid_grant</c>.
/// </summary>
internal static class TokenEndpoint
{
    // "Mon, 11 Jan 2016 07:05:37 GMT", as the OWIN token endpoint writes .issued and .expires.
    private const string HttpDate = "ddd, dd MMM yyyy HH:mm:ss 'GMT'";

    internal static void Map(EndpointRegistry.RouteRegistrar r) => r.Root("POST", "Token", Token);

    private static ApiResult Token(ApiRequest r)
    {
        var fields = Fields(r.BodyText);
        string? Get(string name)
        {
            foreach (var kv in fields)
                if (string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)) return kv.Value;
            return null;
        }
        var stats = r.Emulator.Stats;
        var grant = Get("grant_type");
        if (grant is not null && !string.Equals(grant, "password", StringComparison.Ordinal))
        {
            stats.CountTokenExchange(granted: false);
            return Err("unsupported_grant_type", "The authorization grant type is not supported.");
        }
        var user = Get("userName");
        var password = Get("password");
        long id = 0;
        if (string.IsNullOrWhiteSpace(user) || password != BloomEmulator.DemoPassword
            || !r.Store.EmailToUser.TryGetValue(user.Trim(), out id))
        {
            stats.CountTokenExchange(granted: false);
            return Err("invalid_grant", "The user name or password is incorrect.");
        }
        var u = r.Store.UserMap[id];
        var (token, issued) = r.Emulator.Tokens.Issue(u.Id, DateTimeOffset.UtcNow);
        stats.CountTokenExchange(granted: true);
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)Math.Round((issued.ExpiresAt - issued.IssuedAt).TotalSeconds),
            ["userName"] = u.Email.ToLowerInvariant(),
            [".issued"] = issued.IssuedAt.UtcDateTime.ToString(HttpDate, CultureInfo.InvariantCulture),
            [".expires"] = issued.ExpiresAt.UtcDateTime.ToString(HttpDate, CultureInfo.InvariantCulture),
            ["user_id"] = u.Id,
            ["organization_id"] = u.OrganizationId,
        };
        if (!r.Emulator.Tokens.AnnounceLifetime)
        {
            body.Remove("expires_in");
            body.Remove(".expires");
        }
        return ApiResult.Ok(body);
    }

    // The form the SDKs send, or a JSON object with the same keys (the ASP.NET Core server reads both).
    private static IEnumerable<KeyValuePair<string, string?>> Fields(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            var list = new List<KeyValuePair<string, string?>>();
            try
            {
                using var doc = JsonDocument.Parse(trimmed);
                foreach (var p in doc.RootElement.EnumerateObject())
                    list.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
            }
            catch (JsonException)
            {
                // Not JSON after all: no fields, so the grant is refused like any incomplete one.
            }
            return list;
        }
        return QueryHelpers.ParseQuery(text).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString()));
    }

    private static ApiResult Err(string error, string description) =>
        new(400, Json.Bytes(new { error, error_description = description }), ApiResult.JsonType);
}
