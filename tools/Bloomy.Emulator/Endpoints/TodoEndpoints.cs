namespace Bloomy.Emulator;

/// <summary>todo/*, L10/{id}/todos.</summary>
internal static class TodoEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "todo/user/{id}", ForUser);
        r.Api("GET", "todo/users/{id}", ForUser);
        r.Api("GET", "todo/{id}", Get);
        r.Api("PUT", "todo/{id}", Update);
        r.Api("POST", "todo/{id}/complete", Complete);
        r.Api("POST", "todo/create", CreatePersonal);
        r.Api("GET", "L10/{id}/todos", ForMeeting);
        r.Api("POST", "L10/{id}/todos", CreateInMeeting);
    }

    private static EmulatorTodo Find(ApiRequest r) =>
        r.Store.TodoMap.GetValueOrDefault(r.Id("id", "Todo")) ?? throw new ApiError(ApiResult.NotFound("Todo"));

    private static object Out(ApiRequest r, EmulatorTodo t) => Wire.Todo(r.Store, r.Emulator, t);

    // Archived to-dos (GraphQL archivedTimestamp) leave the REST lists, as they leave the meeting's active list.
    /// <summary>The user's open to-dos; INCLUDE_CLOSED=true adds the closed ones (bloom-api §17: absent means false).</summary>
    private static ApiResult ForUser(ApiRequest r)
    {
        var u = r.User();
        bool all = r.QueryBool("INCLUDE_CLOSED");
        return ApiResult.Ok(r.Store.TodoMap.Values.Where(t => t.OwnerId == u.Id && t.ArchiveTime is null && (all || !t.Complete)).Select(t => Out(r, t)).ToArray());
    }

    private static ApiResult ForMeeting(ApiRequest r)
    {
        var m = r.Meeting();
        bool all = r.QueryBool("INCLUDE_CLOSED");
        return ApiResult.Ok(r.Store.TodoMap.Values.Where(t => t.MeetingId == m.Id && t.ArchiveTime is null && (all || !t.Complete)).Select(t => Out(r, t)).ToArray());
    }

    private static ApiResult Get(ApiRequest r) => ApiResult.Ok(Out(r, Find(r)));

    private static ApiResult Update(ApiRequest r)
    {
        var t = Find(r);
        if (Json.Str(r.Body, "title") is { } title) t = t with { Title = title };
        if (Json.Has(r.Body, "dueDate")) t = t with { DueDate = Json.Date(r.Body, "dueDate") ?? t.DueDate };
        if (Json.Prop(r.Body, "notes", "details") is not null) t = t with { Notes = Json.Str(r.Body, "notes", "details") };
        if (Json.Long(r.Body, "accountableUserId") is > 0)
            t = t with { OwnerId = r.OwnerFromBody("accountableUserId") };
        r.Store.TodoMap[t.Id] = t;
        return ApiResult.Void();
    }

    private static ApiResult Complete(ApiRequest r)
    {
        var t = Find(r);
        bool done = r.QueryBool("status", fallback: true);
        var now = r.Now;
        r.Store.TodoMap[t.Id] = done
            ? t with { Complete = true, CompleteTime = t.CompleteTime ?? now, CloseTime = t.CloseTime ?? now }
            : t with { Complete = false, CompleteTime = null, CloseTime = null };
        return ApiResult.Ok(true);
    }

    private static ApiResult CreatePersonal(ApiRequest r) => Create(r, null);

    private static ApiResult CreateInMeeting(ApiRequest r) => Create(r, r.Meeting().Id);

    private static ApiResult Create(ApiRequest r, long? meetingId)
    {
        var title = r.RequiredTitle("title");
        long owner = r.OwnerFromBody("ForId", "accountableUserId", "ownerId", "userId");
        var now = r.Now;
        var s = r.Store;
        var t = new EmulatorTodo
        {
            Id = s.NextTodoId++, Title = title, Notes = Json.Str(r.Body, "Notes", "details"), OwnerId = owner,
            MeetingId = meetingId, DueDate = Json.Date(r.Body, "dueDate") ?? now.AddDays(7), CreateTime = now,
        };
        s.TodoMap[t.Id] = t;
        r.Created(EmulatorEntityKind.Todo);
        return ApiResult.Ok(Out(r, t));
    }
}
