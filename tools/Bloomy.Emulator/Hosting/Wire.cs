using System.Globalization;

namespace Bloomy.Emulator;

/// <summary>Response shapes (PascalCase, Type/Key envelope, nulls written). Call under the store lock.</summary>
internal static class Wire
{
    internal const string Site = "https://app.bloomgrowth.com";

    private static string K(string type, long id) => type + "_" + id.ToString(CultureInfo.InvariantCulture);

    internal static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Take(2).Select(p => char.ToUpperInvariant(p[0])));
    }

    internal static object User(EmulatorUser? u)
    {
        if (u is null) return new { Id = -1L, Type = "AngularUser", Key = "AngularUser_-1", Name = "n/a", ImageUrl = "/i/userplaceholder", Initials = "", Email = "" };
        return new { u.Id, Type = "AngularUser", Key = K("AngularUser", u.Id), u.Name, u.ImageUrl, Initials = Initials(u.Name), u.Email };
    }

    internal static object User(EmulatorStore s, long id) => User(s.UserMap.GetValueOrDefault(id));

    internal static object SearchUser(EmulatorUser u) => new
    {
        u.Id, Type = "SearchResult", Key = K("SearchResult", u.Id), u.Name, u.Description, u.Email, u.OrganizationId,
        u.ImageUrl, Organization = "Bloomy Demo Co", ResultType = "User",
    };

    internal static object SearchGroup(EmulatorGroup g) => new
    {
        g.Id, Type = "SearchResult", Key = K("SearchResult", g.Id), g.Name, Description = (string?)null, Email = (string?)null,
        OrganizationId = EmulatorStore.OrganizationId, ImageUrl = (string?)null, Organization = "Bloomy Demo Co", g.ResultType,
    };

    internal static object Seat(EmulatorUser u, EmulatorSeat seat) => new
    {
        seat.Id, Type = "AngularAccountabilityNode", Key = K("AngularAccountabilityNode", seat.Id),
        Group = new
        {
            Id = seat.Id + 1_000_000, Type = "AngularAccountabilityGroup", Key = K("AngularAccountabilityGroup", seat.Id + 1_000_000),
            Position = new { Id = seat.PositionId, Type = "AngularPosition", Key = K("AngularPosition", seat.PositionId), Name = seat.PositionName },
        },
        User = User(u),
    };

    internal static object NameId(long id, string name) => new { Id = id, Type = "NameId", Key = K("NameId", id), Name = name };

    internal static string? MeetingName(EmulatorStore s, long? meetingId, BloomEmulator e) =>
        meetingId is not { } id ? null
        : s.MeetingMap.TryGetValue(id, out var m) ? m.Name
        : e.DeletedMeetingNames.GetValueOrDefault(id);

    internal static object Recurrence(EmulatorMeeting m) => new
    {
        m.Id, Type = "AngularRecurrence", Key = K("AngularRecurrence", m.Id),
        Basics = new { m.Id, Type = "AngularBasics", Key = K("AngularBasics", m.Id), m.Name },
        m.Name, CreateTime = Json.Utc(m.CreateTime), StartDateUtc = (string?)null, OrganizationId = EmulatorStore.OrganizationId,
        AttendeeCount = m.AttendeeIds.Count,
    };

    internal static object Todo(EmulatorStore s, BloomEmulator e, EmulatorTodo t) => new
    {
        t.Id, Type = "AngularTodo", Key = K("AngularTodo", t.Id), Name = t.Title,
        DetailsUrl = $"{Site}/Todo/Pad/{t.Id}", DueDate = Json.Local(t.DueDate), CreateTime = Json.Utc(t.CreateTime),
        CompleteTime = Json.Utc(t.CompleteTime), CloseTime = Json.Utc(t.CloseTime), t.Complete,
        OriginId = t.MeetingId, Origin = t.MeetingId is null ? "Individual" : MeetingName(s, t.MeetingId, e),
        Owner = User(s, t.OwnerId), TodoType = t.MeetingId is null ? "Personal" : "Recurrence", DeleteTime = (string?)null,
    };

    internal static object Issue(EmulatorStore s, BloomEmulator e, EmulatorIssue i) => new
    {
        i.Id, Type = "AngularIssue", Key = K("AngularIssue", i.Id), Name = i.Title,
        DetailsUrl = $"{Site}/Issues/Pad/{i.Id}", CreateTime = Json.Utc(i.CreateTime), CloseTime = Json.Utc(i.CloseTime),
        CompleteTime = Json.Utc(i.CompleteTime), i.Complete, i.Archived, Owner = User(s, i.OwnerId),
        Origin = MeetingName(s, i.MeetingId, e) ?? "", OriginId = i.MeetingId,
    };

    internal static int CompletionNumber(string completion) => completion switch { "Complete" => 2, "OnTrack" => 1, _ => 0 };

    internal static object Rock(EmulatorStore s, BloomEmulator e, EmulatorGoal g, bool includeOrigin)
    {
        var owner = s.UserMap.GetValueOrDefault(g.OwnerId);
        object[]? origins = includeOrigin
            ? g.MeetingId is { } mid && MeetingName(s, mid, e) is { } name ? [NameId(mid, name)] : []
            : null;
        return new
        {
            g.Id, Type = "AngularRock", Key = K("AngularRock", g.Id), Name = g.Title, Owner = User(owner),
            DueDate = Json.Local(g.DueDate), g.Complete, Completion = CompletionNumber(g.Completion), CreateTime = Json.Utc(g.CreateTime),
            g.Archived, Origins = origins, AccountableUserId = g.OwnerId, AccountableUserName = owner?.Name,
            AccountableUserInitials = owner is null ? null : Initials(owner.Name),
        };
    }

    internal static object Measurable(EmulatorStore s, EmulatorMeasurable m, int ordering = 0) => new
    {
        m.Id, Type = "AngularMeasurable", Key = K("AngularMeasurable", m.Id), Name = m.Title,
        Owner = User(s, m.OwnerId), Admin = User(s, m.AdminId), m.Target, AltTarget = (decimal?)null,
        m.Direction, Modifiers = m.Unit, IsDivider = false, Ordering = ordering, Disabled = false, RecurrenceId = m.MeetingId,
    };

    internal static object Score(EmulatorMeasurable m, EmulatorScore sc) => new
    {
        sc.Id, Type = "AngularScore", Key = K("AngularScore", sc.Id), sc.MeasurableId, AccountableUserId = m.OwnerId,
        MeasurableName = m.Title, m.Target, sc.Measured, Week = Json.Utc(EmulatorStore.WeekStart(sc.WeekNumber)),
        ForWeek = sc.WeekNumber, DateEntered = Json.Utc(sc.DateEntered),
    };

    internal static object Week(int weekNumber, int currentWeek)
    {
        var start = EmulatorStore.WeekStart(weekNumber);
        var end = start.AddDays(6);
        return new
        {
            Id = end.Ticks, Type = "AngularWeek", Key = K("AngularWeek", end.Ticks), ForWeekNumber = weekNumber,
            ForWeek = Json.Local(end), LocalDate = new { Date = Json.Local(start) },
            DisplayDate = start.ToString("MMM d", CultureInfo.InvariantCulture) + " - " + end.ToString("MMM d", CultureInfo.InvariantCulture),
            IsCurrentWeek = weekNumber == currentWeek,
        };
    }

    internal static object Scorecard(EmulatorStore s, IEnumerable<EmulatorMeasurable> measurables, long id)
    {
        var list = measurables.ToList();
        var scores = new List<object>();
        foreach (var m in list)
            foreach (var sc in s.ScoreMap.Values.Where(x => x.MeasurableId == m.Id).OrderBy(x => x.WeekNumber))
                scores.Add(Score(m, sc));
        int cur = s.CurrentWeekNumber;
        var weeks = Enumerable.Range(cur - EmulatorSeed.PastWeeks, EmulatorSeed.PastWeeks + 1).Select(w => Week(w, cur)).ToArray();
        return new
        {
            Id = id, Type = "AngularScorecard", Key = K("AngularScorecard", id), Scores = scores,
            Measurables = list.Select((m, i) => Measurable(s, m, i)).ToArray(), Weeks = weeks,
        };
    }

    internal static object Headline(EmulatorStore s, BloomEmulator e, EmulatorHeadline h, bool includeOrigin) => new
    {
        h.Id, Type = "AngularHeadline", Key = K("AngularHeadline", h.Id), Name = h.Title,
        DetailsUrl = $"{Site}/headlines/pad/{h.Id}", Owner = User(s, h.OwnerId),
        Origin = includeOrigin ? MeetingName(s, h.MeetingId, e) : null, OriginId = h.MeetingId,
        Archived = h.CloseTime is not null, CreateTime = Json.Utc(h.CreateTime), CloseTime = Json.Utc(h.CloseTime),
        About = (object?)null,
    };
}
