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

    public static IReadOnlyList<UserPosition> ToPositions(List<SeatDto>? seats)
    {
        var result = new List<UserPosition>();
        foreach (var seat in seats ?? new List<SeatDto>())
        {
            var position = seat?.Group?.Position;
            if (position is not null)
            {
                result.Add(new UserPosition { Id = position.Id, Name = position.Name });
            }
        }

        return result;
    }

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

    /// <summary>Active goals say "Completed"/"Incomplete"; archived ones "Complete"/"Incomplete" (the SDK's words).</summary>
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
            Status = archived ? (complete ? "Complete" : "Incomplete") : (complete ? "Completed" : "Incomplete"),
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
        Status = CompletionWord(dto.Completion),
        Archived = false,
        MeetingId = meetingId,
        MeetingName = FirstOrigin(dto)?.Name,
    };

    /// <summary>2 → "complete", 1 → "on", anything else (0, null, missing, a string) → "off".</summary>
    public static string CompletionWord(JsonElement completion)
    {
        if (completion.ValueKind == JsonValueKind.Number && completion.TryGetInt32(out var n))
        {
            return n switch { 2 => "complete", 1 => "on", _ => "off" };
        }

        return "off";
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
                Unit = item.TryGetProperty("Modifiers", out var unit) ? Text(unit) : "",
                Direction = item.TryGetProperty("Direction", out var direction) ? Text(direction) : "",
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
