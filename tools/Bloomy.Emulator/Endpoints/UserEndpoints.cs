namespace Bloomy.Emulator;

/// <summary>users/*, search/*.</summary>
internal static class UserEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "users/{id}", r1 => ApiResult.Ok(Wire.User(r1.User())));
        r.Api("GET", "users/{id}/directreports", DirectReports);
        r.Api("GET", "users/minedirectreports", r1 => ApiResult.Ok(Reports(r1, r1.CallerId)));
        // Every user of the organisation, placeholders included (ImageUrl /i/userplaceholder), per bloom-api-extras §12.
        r.Api("GET", "users/mineviewable", r1 => ApiResult.Ok(r1.Store.UserMap.Values.Select(Wire.User).ToArray()));
        r.Api("GET", "users/{id}/seats", Seats);
        r.Api("GET", "search/user", SearchUsers);
        r.Api("GET", "search/all", SearchAll);
    }

    private static ApiResult DirectReports(ApiRequest r) => ApiResult.Ok(Reports(r, r.User().Id));

    private static object[] Reports(ApiRequest r, long managerId) =>
        r.Store.UserMap.Values.Where(u => u.ManagerId == managerId && !u.IsPlaceholder).Select(Wire.User).ToArray();

    private static ApiResult Seats(ApiRequest r)
    {
        var u = r.User();
        return ApiResult.Ok(u.Seats.Select(s => Wire.Seat(u, s)).ToArray());
    }

    /// <summary>Term matching: "" → nothing; only '%' → everything; else case-insensitive substring of name or email ('%' ignored).</summary>
    internal static Func<string, string?, bool>? Matcher(string? term)
    {
        var t = (term ?? "").Trim();
        if (t.Length == 0) return null;
        var core = t.Replace("%", "", StringComparison.Ordinal).Trim();
        if (core.Length == 0) return static (_, _) => true;
        return (name, email) => name.Contains(core, StringComparison.OrdinalIgnoreCase)
            || (email is not null && email.Contains(core, StringComparison.OrdinalIgnoreCase));
    }

    private static ApiResult SearchUsers(ApiRequest r)
    {
        var m = Matcher(r.Query("term"));
        if (m is null) return ApiResult.Ok(Array.Empty<object>());
        return ApiResult.Ok(r.Store.UserMap.Values.Where(u => m(u.Name, u.Email)).Select(Wire.SearchUser).ToArray());
    }

    private static ApiResult SearchAll(ApiRequest r)
    {
        var m = Matcher(r.Query("term"));
        if (m is null) return ApiResult.Ok(Array.Empty<object>());
        var list = new List<object>();
        list.AddRange(r.Store.UserMap.Values.Where(u => m(u.Name, u.Email)).Select(Wire.SearchUser));
        list.AddRange(r.Store.GroupList.Where(g => m(g.Name, null)).Select(Wire.SearchGroup));
        return ApiResult.Ok(list);
    }
}
