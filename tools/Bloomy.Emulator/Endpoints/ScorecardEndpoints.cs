using System.Globalization;

namespace Bloomy.Emulator;

/// <summary>weeks/current, scorecard/*, measurables/*.</summary>
internal static class ScorecardEndpoints
{
    internal static void Map(EndpointRegistry.RouteRegistrar r)
    {
        r.Api("GET", "weeks/current", r1 => ApiResult.Ok(Wire.Week(r1.Store.CurrentWeekNumber, r1.Store.CurrentWeekNumber)));
        r.Api("GET", "scorecard/user/{id}", ForUser);
        r.Api("GET", "scorecard/meeting/{id}", ForMeeting);
        r.Api("GET", "measurables/{id}", Get);
        r.Api("GET", "measurables/user/{id}", MeasurablesOfUser);
        r.Api("PUT", "measurables/{id}/week/{week}", Score);
    }

    private static ApiResult ForUser(ApiRequest r)
    {
        var u = r.User();
        return ApiResult.Ok(Wire.Scorecard(r.Store, r.Store.MeasurableMap.Values.Where(m => m.OwnerId == u.Id && !m.Archived), u.Id));
    }

    private static ApiResult ForMeeting(ApiRequest r)
    {
        var m = r.Meeting();
        return ApiResult.Ok(Wire.Scorecard(r.Store, r.Store.MeasurableMap.Values.Where(x => x.MeetingId == m.Id && !x.Archived), m.Id));
    }

    private static ApiResult Get(ApiRequest r)
    {
        var raw = r.Route("id");
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || !r.Store.MeasurableMap.TryGetValue(id, out var m))
            return ApiResult.BadRequest("Measurable does not exist.");
        return ApiResult.Ok(Wire.Measurable(r.Store, m));
    }

    private static ApiResult MeasurablesOfUser(ApiRequest r)
    {
        var u = r.User();
        return ApiResult.Ok(r.Store.MeasurableMap.Values.Where(m => m.OwnerId == u.Id && !m.Archived).Select((m, i) => Wire.Measurable(r.Store, m, i)).ToArray());
    }

    /// <summary>PUT measurables/{id}/week/{week} {"value": n|null}: sets (null clears) the score of that week number.</summary>
    private static ApiResult Score(ApiRequest r)
    {
        var s = r.Store;
        var id = r.Id("id", "Measurable");
        if (!s.MeasurableMap.ContainsKey(id)) return ApiResult.NotFound("Measurable");
        if (!int.TryParse(r.Route("week"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var week))
            return ApiResult.BadRequest("Invalid week.");
        var prop = Json.Prop(r.Body, "value");
        decimal? value = prop is { } v ? Json.AsDecimal(v) : null;
        var now = r.Now;
        if (s.ScoreIndex.TryGetValue((id, week), out var scoreId))
        {
            s.ScoreMap[scoreId] = s.ScoreMap[scoreId] with { Measured = value, DateEntered = value is null ? null : now };
        }
        else
        {
            s.AddScore(new EmulatorScore
            {
                Id = s.NextScoreId++, MeasurableId = id, WeekNumber = week, Measured = value, DateEntered = value is null ? null : now,
            });
        }
        return ApiResult.Void();
    }
}
