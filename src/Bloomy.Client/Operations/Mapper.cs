using System.Globalization;
using System.Text.Json;
using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Wire DTO → model mapping, shared by the list, detail and create variants.</summary>
internal static class Mapper
{
    private const string PlaceholderImage = "/i/userplaceholder";

    public static IReadOnlyList<TOut> List<TIn, TOut>(List<TIn>? items, Func<TIn, TOut> map)
    {
        if (items is null || items.Count == 0)
        {
            return Array.Empty<TOut>();
        }

        var result = new List<TOut>(items.Count);
        foreach (var item in items)
        {
            if (item is not null)
            {
                result.Add(map(item));
            }
        }

        return result;
    }

    public static User ToUser(UserDto dto, string? imageUrlDefault = null, IReadOnlyList<User>? directReports = null,
        IReadOnlyList<UserPosition>? positions = null) => new()
    {
        Id = dto.Id,
        Name = dto.Name ?? "",
        ImageUrl = dto.ImageUrl ?? imageUrlDefault,
        IsPlaceholder = string.Equals(dto.ImageUrl, PlaceholderImage, StringComparison.Ordinal),
        DirectReports = directReports,
        Positions = positions,
    };

    public static User ToUser(SearchResultDto dto) => new()
    {
        Id = dto.Id,
        Name = dto.Name ?? "",
        Email = dto.Email,
        Position = dto.Description,
        ImageUrl = dto.ImageUrl,
        OrganizationId = dto.OrganizationId,
        IsPlaceholder = IsPlaceholder(dto),
    };

    /// <summary>[PY] placeholder rule: no e-mail (missing, null or empty).</summary>
    public static bool IsPlaceholder(SearchResultDto dto) => string.IsNullOrEmpty(dto.Email);

    /// <summary>Seats → positions; a seat without its <c>Group.Position</c> object is a malformed answer, not "no position".</summary>
    public static IReadOnlyList<UserPosition> ToPositions(List<SeatDto> seats, string path)
    {
        var result = new List<UserPosition>(seats.Count);
        for (var i = 0; i < seats.Count; i++)
        {
            SeatDto? seat = seats[i];
            var position = seat?.Group?.Position;
            if (position is null)
            {
                var missing = seat is null ? "is null" : seat.Group is null ? "has no Group object" : "has no Group.Position object";
                throw Missing("GET", path, $"seat {i + 1} of {seats.Count} {missing}");
            }

            result.Add(new UserPosition { Id = position.Id, Name = position.Name });
        }

        return result;
    }

    /// <summary>
    /// The error for an answer that parsed as JSON but lacks structure the result cannot do without: a silent
    /// empty list would read as "there is nothing", which is not what the server said.
    /// </summary>
    public static BloomyApiException Missing(string method, string path, string what) =>
        new(BloomyFailureKind.InvalidResponse, $"{method} {path} returned an answer without required structure: {what}.",
            method, path, statusCode: 200);

    public static Todo ToTodo(TodoDto dto) => new()
    {
        Id = dto.Id,
        Title = dto.Name ?? "",
        DetailsUrl = dto.DetailsUrl,
        DueDate = dto.DueDate,
        CreateTime = dto.CreateTime,
        CompleteTime = dto.CompleteTime,
        MeetingId = dto.OriginId,
        MeetingName = dto.Origin,
        Complete = dto.Complete ?? false,
        Archived = !string.IsNullOrEmpty(dto.CloseTime),
        OwnerId = dto.Owner?.Id,
        OwnerName = dto.Owner?.Name,
    };

    /// <param name="dto">The issue.</param>
    /// <param name="meetingId">The meeting id to report (meeting issue lists use the argument, not the response).</param>
    /// <param name="ownerIdFallback">The owner id to report when the answer has none.</param>
    public static Issue ToIssue(IssueDto dto, long? meetingId, long? ownerIdFallback = null) => new()
    {
        Id = dto.Id,
        Title = dto.Name ?? "",
        DetailsUrl = dto.DetailsUrl,
        CreateTime = dto.CreateTime,
        CloseTime = dto.CloseTime,
        CompleteTime = dto.CompleteTime,
        Complete = dto.CloseTime is not null || (dto.Complete ?? false),
        Archived = dto.Archived ?? false,
        MeetingId = meetingId,
        MeetingName = dto.Origin,
        OwnerId = dto.Owner?.Id ?? ownerIdFallback,
        OwnerName = dto.Owner?.Name,
        OwnerImageUrl = dto.Owner?.ImageUrl,
    };

    public static Issue ToIssue(IssueDto dto) => ToIssue(dto, dto.OriginId);

    /// <summary>Active and archived goals alike: the status in the words -Status takes (see <see cref="GoalStatusWord"/>).</summary>
    public static Goal ToGoal(RockDto dto, bool archived)
    {
        var origin = FirstOrigin(dto);
        var complete = dto.Complete ?? false;
        // A single read (rocks/{id}) does not know which list the rock is in; the rock says so itself.
        archived = dto.Archived ?? archived;
        return new Goal
        {
            Id = dto.Id,
            Title = dto.Name ?? "",
            OwnerId = dto.Owner?.Id,
            OwnerName = dto.Owner?.Name,
            DueDate = dto.DueDate,
            CreateTime = dto.CreateTime,
            Status = GoalStatusWord(dto.Completion, complete),
            Archived = archived,
            MeetingId = origin?.Id,
            MeetingName = origin?.Name,
        };
    }

    /// <summary>Create answer: owner, title and meeting from the arguments; status from <c>Completion</c>.</summary>
    public static Goal ToCreatedGoal(RockDto dto, string title, long? meetingId, long userId) => new()
    {
        Id = dto.Id,
        Title = title,
        OwnerId = userId,
        OwnerName = dto.Owner?.Name,
        DueDate = dto.DueDate,
        CreateTime = dto.CreateTime,
        Status = GoalStatusWord(dto.Completion, dto.Complete ?? false),
        Archived = false,
        MeetingId = meetingId,
        MeetingName = FirstOrigin(dto)?.Name,
    };

    /// <summary>
    /// A rock's state as the API reports it (<c>Completion</c>, a RockState: 0 = AtRisk, 1 = OnTrack, 2 = Complete, or
    /// the same names as text), in the words Set-BloomyGoal -Status takes: <c>OnTrack</c>, <c>AtRisk</c> or
    /// <c>Complete</c>. Without a usable <c>Completion</c>, <c>Complete: true</c> still says <c>Complete</c>; otherwise
    /// the state is unknown (null) rather than guessed.
    /// </summary>
    public static string? GoalStatusWord(JsonElement completion, bool complete)
    {
        if (completion.ValueKind == JsonValueKind.Number && completion.TryGetInt32(out var n))
        {
            switch (n)
            {
                case 0: return "AtRisk";
                case 1: return "OnTrack";
                case 2: return "Complete";
            }
        }
        if (completion.ValueKind == JsonValueKind.String)
        {
            switch (completion.GetString()?.Trim().ToUpperInvariant())
            {
                case "ATRISK" or "OFFTRACK": return "AtRisk";
                case "ONTRACK": return "OnTrack";
                case "COMPLETE" or "COMPLETED" or "DONE": return "Complete";
            }
        }
        return complete ? "Complete" : null;
    }

    public static Headline ToHeadline(HeadlineDto dto) => new()
    {
        Id = dto.Id,
        Title = dto.Name ?? "",
        DetailsUrl = dto.DetailsUrl,
        OwnerId = dto.Owner?.Id,
        OwnerName = dto.Owner?.Name,
        MeetingId = dto.OriginId,
        MeetingName = dto.Origin,
        Archived = dto.Archived ?? false,
        CreateTime = dto.CreateTime,
        CloseTime = dto.CloseTime,
    };

    public static ScorecardItem ToScore(ScoreDto dto) => new()
    {
        Id = dto.Id,
        MeasurableId = dto.MeasurableId,
        AccountableUserId = dto.AccountableUserId ?? 0,
        Title = dto.MeasurableName ?? "",
        Target = dto.Target,
        Value = dto.Measured,
        Week = dto.Week ?? "",
        WeekNumber = dto.ForWeek,
        UpdatedAt = dto.DateEntered,
    };

    public static ScorecardWeek ToWeek(WeekDto dto) => new()
    {
        Id = dto.Id,
        WeekNumber = dto.ForWeekNumber,
        WeekStart = dto.LocalDate?.Date ?? "",
        WeekEnd = dto.ForWeek ?? "",
    };

    /// <summary>
    /// The tolerant measurable transform of bloom-api §7.5: a non-array body → empty; non-objects and items
    /// without an Id or a non-empty Name are skipped; a null Target stays null (the SDK would crash);
    /// a missing Target is 0; a missing Owner/Admin gives null ids and names.
    /// </summary>
    public static IReadOnlyList<Measurable> ToMeasurables(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<Measurable>();
        }

        var result = new List<Measurable>();
        foreach (var item in body.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var id = ReadLong(item, "Id");
            var name = ReadString(item, "Name")?.Trim();
            if (id is null || string.IsNullOrEmpty(name))
            {
                continue;
            }

            var owner = ReadObject(item, "Owner");
            var admin = ReadObject(item, "Admin");
            result.Add(new Measurable
            {
                Id = id.Value,
                Title = name!,
                Target = item.TryGetProperty("Target", out var target) ? ReadDouble(target) : 0.0,
                // Optional: missing and null both mean "not given" (null), never an empty string.
                Unit = item.TryGetProperty("Modifiers", out var unit) ? Text(unit) : null,
                Direction = item.TryGetProperty("Direction", out var direction) ? Text(direction) : null,
                OwnerId = owner is { } o ? ReadLong(o, "Id") : null,
                OwnerName = owner is { } on ? ReadString(on, "Name")?.Trim() : null,
                AdminId = admin is { } a ? ReadLong(a, "Id") : null,
                AdminName = admin is { } an ? ReadString(an, "Name")?.Trim() : null,
            });
        }

        return result;
    }

    private static NameIdDto? FirstOrigin(RockDto dto) =>
        dto.Origins is { Count: > 0 } origins && origins[0] is { } first && (first.Id is not null || first.Name is not null)
            ? first
            : null;

    private static JsonElement? ReadObject(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? ReadString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? ReadLong(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var n):
                return n;
            case JsonValueKind.String when long.TryParse(value.GetString()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                return null;
        }
    }

    private static double? ReadDouble(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetDouble(out var d):
                return d;
            case JsonValueKind.String when double.TryParse(value.GetString()?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s):
                return s;
            default:
                return null;
        }
    }

    /// <summary>Enum-ish fields (Direction, Modifiers) may be strings or numbers; null → null.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()?.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => null,
    };
}
