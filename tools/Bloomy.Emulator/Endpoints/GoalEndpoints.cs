namespace Bloomy.Emulator;

/// <summary>rocks/*, archivedrocks/*, L10/{id}/rocks.</summary>
internal static class GoalEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "rocks/user/{id}", Active);
        r.Api("GET", "archivedrocks/user/{id}", Archived);
        r.Api("GET", "rocks/{id}", Get);
        r.Api("PUT", "rocks/{id}", Update);
        r.Api("DELETE", "rocks/{id}", Delete);
        r.Api("PUT", "rocks/{id}/archive", r1 => SetArchived(r1, true));
        r.Api("PUT", "rocks/{id}/restore", r1 => SetArchived(r1, false));
        r.Api("POST", "rocks/create", r1 => Create(r1, null));
        r.Api("POST", "L10/{id}/rocks", r1 => Create(r1, r1.Meeting().Id));
        r.Api("GET", "L10/{id}/rocks", ForMeeting);
        r.Api("POST", "L10/{id}/rocks/{rockId}", Attach);
    }

    private static EmulatorGoal Find(ApiRequest r) =>
        r.Store.GoalMap.GetValueOrDefault(r.Id("id", "Rock")) ?? throw new ApiError(ApiResult.NotFound("Rock"));

    private static bool Origin(ApiRequest r) => r.QueryBool("include_origin");

    private static object Out(ApiRequest r, EmulatorGoal g, bool origin) => Wire.Rock(r.Store, r.Emulator, g, origin);

    private static ApiResult Active(ApiRequest r)
    {
        var u = r.User();
        bool o = Origin(r);
        return ApiResult.Ok(r.Store.GoalMap.Values.Where(g => g.OwnerId == u.Id && !g.Archived).Select(g => Out(r, g, o)).ToArray());
    }

    private static ApiResult Archived(ApiRequest r)
    {
        var u = r.User();
        bool o = Origin(r);
        return ApiResult.Ok(r.Store.GoalMap.Values.Where(g => g.OwnerId == u.Id && g.Archived).Select(g => Out(r, g, o)).ToArray());
    }

    private static ApiResult ForMeeting(ApiRequest r)
    {
        var m = r.Meeting();
        bool archived = r.QueryBool("include_archive");
        bool o = Origin(r);
        return ApiResult.Ok(r.Store.GoalMap.Values.Where(g => g.MeetingId == m.Id && (archived || !g.Archived)).Select(g => Out(r, g, o)).ToArray());
    }

    private static ApiResult Get(ApiRequest r) => ApiResult.Ok(Out(r, Find(r), Origin(r)));

    /// <summary>completion: "OnTrack" | "AtRisk" | "Complete" (also "OffTrack", "Done", "on", "off", ints 0/1/2).</summary>
    internal static string ParseCompletion(System.Text.Json.JsonElement v)
    {
        if (v.ValueKind == System.Text.Json.JsonValueKind.Number && v.TryGetInt32(out var n))
            return n switch
            {
                0 => "AtRisk", 1 => "OnTrack", 2 => "Complete",
                _ => throw new ApiError(ApiResult.BadRequest($"Invalid completion {n}.")),
            };
        var s = Json.AsString(v)?.Trim().ToLowerInvariant();
        return s switch
        {
            "ontrack" or "on" or "1" => "OnTrack",
            "atrisk" or "offtrack" or "off" or "0" => "AtRisk",
            "complete" or "completed" or "done" or "2" => "Complete",
            _ => throw new ApiError(ApiResult.BadRequest($"Invalid completion '{s}'.")),
        };
    }

    private static ApiResult Update(ApiRequest r)
    {
        var g = Find(r);
        if (Json.Str(r.Body, "title") is { } title) g = g with { Title = title };
        if (Json.Long(r.Body, "accountableUserId") is not null) g = g with { OwnerId = r.OwnerFromBody("accountableUserId") };
        if (Json.Prop(r.Body, "completion") is { ValueKind: not System.Text.Json.JsonValueKind.Null } c) g = g with { Completion = ParseCompletion(c) };
        if (Json.Has(r.Body, "dueDate")) g = g with { DueDate = Json.Date(r.Body, "dueDate") };
        r.Store.GoalMap[g.Id] = g;
        return ApiResult.Void();
    }

    /// <summary>A goal here belongs to one meeting, so attaching one that has a meeting moves it.</summary>
    private static ApiResult Attach(ApiRequest r)
    {
        var m = r.Meeting();
        var g = r.Store.GoalMap.GetValueOrDefault(r.Id("rockId", "Rock")) ?? throw new ApiError(ApiResult.NotFound("Rock"));
        r.Store.GoalMap[g.Id] = g with { MeetingId = m.Id };
        return ApiResult.Void();
    }

    private static ApiResult Delete(ApiRequest r)
    {
        var g = Find(r);
        r.Store.GoalMap.Remove(g.Id);
        return ApiResult.Void();
    }

    private static ApiResult SetArchived(ApiRequest r, bool archived)
    {
        var g = Find(r);
        r.Store.GoalMap[g.Id] = g with { Archived = archived };
        return ApiResult.Void();
    }

    private static ApiResult Create(ApiRequest r, long? meetingId)
    {
        var title = r.RequiredTitle("title");
        long owner = r.OwnerFromBody("accountableUserId", "ownerId");
        var now = r.Now;
        var s = r.Store;
        var g = new EmulatorGoal
        {
            Id = s.NextGoalId++, Title = title, OwnerId = owner, MeetingId = meetingId, CreateTime = now,
            DueDate = Json.Date(r.Body, "dueDate") ?? now.Date.AddDays(90), Completion = "OnTrack",
        };
        s.GoalMap[g.Id] = g;
        r.Created(EmulatorEntityKind.Goal);
        return ApiResult.Ok(Out(r, g, true));
    }
}
