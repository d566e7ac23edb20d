namespace Bloomy.Emulator;

/// <summary>L10/* (meetings, attendees, meeting lists of issues/todos/measurables).</summary>
internal static class MeetingEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "L10/{id}/list", r1 => List(r1, r1.User().Id));
        r.Api("GET", "L10/list", Visible);
        r.Api("GET", "L10/{id}", r1 => ApiResult.Ok(Wire.Recurrence(r1.Meeting())));
        r.Api("PUT", "L10/{id}", Rename);
        r.Api("DELETE", "L10/{id}", Delete);
        r.Api("POST", "L10/create", Create);
        r.Api("GET", "L10/{id}/attendees", Attendees);
        r.Api("POST", "L10/{id}/attendees/{userId}", AddAttendee);
        r.Api("GET", "L10/{id}/issues", Issues);
        r.Api("DELETE", "L10/{id}/issues/{issueId}", RemoveIssue);
        r.Api("GET", "L10/{id}/measurables", Measurables);
    }

    private static ApiResult List(ApiRequest r, long userId) =>
        ApiResult.Ok(r.Store.MeetingMap.Values.Where(m => m.AttendeeIds.Contains(userId)).Select(m => Wire.NameId(m.Id, m.Name)).ToArray());

    /// <summary>L10/list: the meetings the caller attends plus those visible to everyone (bloom-api-extras §9, §12).</summary>
    private static ApiResult Visible(ApiRequest r) =>
        ApiResult.Ok(r.Store.MeetingMap.Values.Where(m => m.VisibleToAll || m.AttendeeIds.Contains(r.CallerId))
            .Select(m => Wire.NameId(m.Id, m.Name)).ToArray());

    private static ApiResult Create(ApiRequest r)
    {
        var title = Json.Str(r.Body, "title", "name") ?? "";
        bool addSelf = Json.Bool(r.Body, "addSelf") ?? false;
        var s = r.Store;
        long id = s.NextMeetingId++;
        s.MeetingMap[id] = new EmulatorMeeting
        {
            Id = id, Name = title, CreateTime = r.Now, CreatorId = r.CallerId,
            AttendeeIds = addSelf ? [r.CallerId] : [],
        };
        r.Created(EmulatorEntityKind.Meeting);
        return ApiResult.Ok(new { meetingId = id });
    }

    private static ApiResult Rename(ApiRequest r)
    {
        var m = r.Meeting();
        var title = Json.Str(r.Body, "title", "name");
        if (title is not null) r.Store.MeetingMap[m.Id] = m with { Name = title };
        return ApiResult.Void();
    }

    private static ApiResult Delete(ApiRequest r)
    {
        var m = r.Meeting();
        r.Store.MeetingMap.Remove(m.Id);
        r.Emulator.DeletedMeetingNames[m.Id] = m.Name;
        return ApiResult.Void();
    }

    private static ApiResult Attendees(ApiRequest r)
    {
        var m = r.Meeting();
        return ApiResult.Ok(m.AttendeeIds.Select(id => Wire.User(r.Store, id)).ToArray());
    }

    private static ApiResult AddAttendee(ApiRequest r)
    {
        var m = r.Meeting();
        var u = r.User("userId");
        if (!m.AttendeeIds.Contains(u.Id))
            r.Store.MeetingMap[m.Id] = m with { AttendeeIds = m.AttendeeIds.Append(u.Id).ToArray() };
        return ApiResult.Void();
    }

    private static ApiResult Issues(ApiRequest r)
    {
        var m = r.Meeting();
        bool all = r.QueryBool("include_resolved");
        return ApiResult.Ok(r.Store.IssueMap.Values
            .Where(i => i.MeetingId == m.Id && !i.RemovedFromMeeting && !i.Archived && (all || (!i.Complete && i.CloseTime is null)))
            .Select(i => Wire.Issue(r.Store, r.Emulator, i)).ToArray());
    }

    private static ApiResult RemoveIssue(ApiRequest r)
    {
        var m = r.Meeting();
        var id = r.Id("issueId", "Issue");
        if (!r.Store.IssueMap.TryGetValue(id, out var i) || i.MeetingId != m.Id || i.RemovedFromMeeting) return ApiResult.NotFound("Issue");
        r.Store.IssueMap[id] = i with { RemovedFromMeeting = true };
        return ApiResult.Void();
    }

    private static ApiResult Measurables(ApiRequest r)
    {
        var m = r.Meeting();
        return ApiResult.Ok(r.Store.MeasurableMap.Values.Where(x => x.MeetingId == m.Id && !x.Archived)
            .Select((x, i) => Wire.Measurable(r.Store, x, i)).ToArray());
    }
}
