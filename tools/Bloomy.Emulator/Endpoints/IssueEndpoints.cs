namespace Bloomy.Emulator;

/// <summary>issues/*.</summary>
internal static class IssueEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "issues/{id}", r1 => ApiResult.Ok(Out(r1, Find(r1))));
        r.Api("PUT", "issues/{id}", Update);
        r.Api("POST", "issues/{id}/complete", Complete);
        r.Api("POST", "issues/create", Create);
        r.Api("POST", "L10/{id}/issues", r1 => Create(r1, r1.Meeting().Id));
        r.Api("GET", "issues/users/{id}", ForUser);
    }

    private static EmulatorIssue Find(ApiRequest r) =>
        r.Store.IssueMap.GetValueOrDefault(r.Id("id", "Issue")) ?? throw new ApiError(ApiResult.NotFound("Issue"));

    private static object Out(ApiRequest r, EmulatorIssue i) => Wire.Issue(r.Store, r.Emulator, i);

    private static ApiResult ForUser(ApiRequest r)
    {
        var u = r.User();
        bool all = r.QueryBool("include_resolved");
        return ApiResult.Ok(r.Store.IssueMap.Values
            .Where(i => i.OwnerId == u.Id && !i.Archived && (all || (!i.Complete && i.CloseTime is null))).Select(i => Out(r, i)).ToArray());
    }

    private static ApiResult Update(ApiRequest r)
    {
        var i = Find(r);
        if (Json.Str(r.Body, "title") is { } title) i = i with { Title = title };
        // REST notes replace the description: the GraphQL pad, if any, no longer applies (its fields read the REST text).
        if (Json.Prop(r.Body, "notes", "details") is not null) i = i with { Notes = Json.Str(r.Body, "notes", "details"), NotesId = null, CollaborationEnabled = false };
        if (Json.Long(r.Body, "ownerId") is > 0) i = i with { OwnerId = r.OwnerFromBody("ownerId") };
        r.Store.IssueMap[i.Id] = i;
        return ApiResult.Void();
    }

    /// <summary>{"complete": bool} (missing → true): sets or clears Complete, CloseTime, CompleteTime.</summary>
    private static ApiResult Complete(ApiRequest r)
    {
        var i = Find(r);
        bool done = Json.Bool(r.Body, "complete") ?? true;
        var now = r.Now;
        r.Store.IssueMap[i.Id] = done
            ? i with { Complete = true, CloseTime = i.CloseTime ?? now, CompleteTime = i.CompleteTime ?? now }
            : i with { Complete = false, CloseTime = null, CompleteTime = null };
        return ApiResult.Void();
    }

    private static ApiResult Create(ApiRequest r) => Create(r, null);

    private static ApiResult Create(ApiRequest r, long? pathMeeting)
    {
        var title = r.RequiredTitle("title");
        long meetingId;
        if (pathMeeting is { } pm) meetingId = pm;
        else
        {
            var mid = Json.Long(r.Body, "meetingId", "recurrenceId");
            if (mid is null) return ApiResult.BadRequest("A meeting id is required.");
            if (!r.Store.MeetingMap.ContainsKey(mid.Value)) return ApiResult.NotFound("Meeting");
            meetingId = mid.Value;
        }
        long owner = r.OwnerFromBody("ownerId", "accountableUserId");
        var s = r.Store;
        var i = new EmulatorIssue
        {
            Id = s.NextIssueId++, Title = title, Notes = Json.Str(r.Body, "notes", "details"), OwnerId = owner,
            MeetingId = meetingId, CreateTime = r.Now,
        };
        s.IssueMap[i.Id] = i;
        r.Created(EmulatorEntityKind.Issue);
        return ApiResult.Ok(Out(r, i));
    }
}
