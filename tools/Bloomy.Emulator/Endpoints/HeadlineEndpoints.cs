namespace Bloomy.Emulator;

/// <summary>headline/*, L10/{id}/headlines.</summary>
internal static class HeadlineEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "headline/{id}", r1 => ApiResult.Ok(Out(r1, Find(r1))));
        r.Api("PUT", "headline/{id}", Update);
        r.Api("DELETE", "headline/{id}", Delete);
        r.Api("GET", "headline/users/{id}", ForUser);
        r.Api("GET", "L10/{id}/headlines", ForMeeting);
        r.Api("POST", "L10/{id}/headlines", Create);
        r.Api("DELETE", "L10/{id}/headlines/{headlineId}", RemoveFromMeeting);
    }

    private static EmulatorHeadline Find(ApiRequest r) =>
        r.Store.HeadlineMap.GetValueOrDefault(r.Id("id", "Headline")) ?? throw new ApiError(ApiResult.NotFound("Headline"));

    private static object Out(ApiRequest r, EmulatorHeadline h) => Wire.Headline(r.Store, r.Emulator, h, r.QueryBool("Include_Origin"));

    private static ApiResult ForUser(ApiRequest r)
    {
        var u = r.User();
        return ApiResult.Ok(r.Store.HeadlineMap.Values.Where(h => h.OwnerId == u.Id).Select(h => Out(r, h)).ToArray());
    }

    private static ApiResult ForMeeting(ApiRequest r)
    {
        var m = r.Meeting();
        return ApiResult.Ok(r.Store.HeadlineMap.Values.Where(h => h.MeetingId == m.Id).Select(h => Out(r, h)).ToArray());
    }

    private static ApiResult Update(ApiRequest r)
    {
        var h = Find(r);
        if (Json.Str(r.Body, "title") is { } title) h = h with { Title = title };
        if (Json.Prop(r.Body, "notes", "details") is not null) h = h with { Notes = Json.Str(r.Body, "notes", "details") };
        r.Store.HeadlineMap[h.Id] = h;
        return ApiResult.Void();
    }

    private static ApiResult Delete(ApiRequest r)
    {
        var h = Find(r);
        r.Store.HeadlineMap.Remove(h.Id);
        return ApiResult.Void();
    }

    private static ApiResult RemoveFromMeeting(ApiRequest r)
    {
        var m = r.Meeting();
        var id = r.Id("headlineId", "Headline");
        if (!r.Store.HeadlineMap.TryGetValue(id, out var h) || h.MeetingId != m.Id) return ApiResult.NotFound("Headline");
        r.Store.HeadlineMap.Remove(id);
        return ApiResult.Void();
    }

    private static ApiResult Create(ApiRequest r)
    {
        var m = r.Meeting();
        var title = r.RequiredTitle("title");
        long owner = r.OwnerFromBody("ownerId", "accountableUserId");
        var s = r.Store;
        var h = new EmulatorHeadline
        {
            Id = s.NextHeadlineId++, Title = title, Notes = Json.Str(r.Body, "notes", "details"), OwnerId = owner,
            MeetingId = m.Id, CreateTime = r.Now,
        };
        s.HeadlineMap[h.Id] = h;
        r.Created(EmulatorEntityKind.Headline);
        return ApiResult.Ok(Wire.Headline(s, r.Emulator, h, includeOrigin: true));
    }
}
