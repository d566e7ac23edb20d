using System.Text.Json;
using System.Text.Json.Serialization;

// Response shapes as the server sends them (PascalCase). Unknown fields are ignored; [JsonRequired]
// marks the keys the models cannot do without, so a malformed body fails as an invalid response.
namespace Bloomy.Client.Json.Wire;

/// <summary><c>{"Id", "Name", "ImageUrl"}</c> owner/user sub-object; every key optional.</summary>
internal sealed class OwnerDto
{
    [JsonPropertyName("Id")] public long? Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("ImageUrl")] public string? ImageUrl { get; set; }
}

/// <summary><c>GET users/mine</c>: only <c>Id</c> is read (null → invalid response).</summary>
internal sealed class CurrentUserDto
{
    [JsonPropertyName("Id")] public long? Id { get; set; }
}

/// <summary>A user object (<c>users/{id}</c>, direct reports, attendees).</summary>
internal sealed class UserDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("ImageUrl")] public string? ImageUrl { get; set; }
}

/// <summary>A <c>search/user</c> / <c>search/all</c> result.</summary>
internal sealed class SearchResultDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Description")] public string? Description { get; set; }
    [JsonPropertyName("Email")] public string? Email { get; set; }
    [JsonPropertyName("OrganizationId")] public long? OrganizationId { get; set; }
    [JsonPropertyName("ImageUrl")] public string? ImageUrl { get; set; }
    [JsonPropertyName("ResultType")] public string? ResultType { get; set; }
}

/// <summary>A <c>users/{id}/seats</c> item: <c>{"Group": {"Position": {"Id", "Name"}}}</c>.</summary>
internal sealed class SeatDto
{
    [JsonPropertyName("Group")] public SeatGroupDto? Group { get; set; }
}

internal sealed class SeatGroupDto
{
    [JsonPropertyName("Position")] public SeatPositionDto? Position { get; set; }
}

internal sealed class SeatPositionDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
}

/// <summary><c>{"Id", "Name"}</c> items (meeting list, rock origins).</summary>
internal sealed class NameIdDto
{
    [JsonPropertyName("Id")] public long? Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
}

/// <summary>A meeting list item; <c>Id</c> required.</summary>
internal sealed class MeetingListItemDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
}

/// <summary><c>GET L10/{id}</c> (the parts read).</summary>
internal sealed class MeetingDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Basics")] public MeetingBasicsDto? Basics { get; set; }
    [JsonPropertyName("StartDateUtc")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? StartDateUtc { get; set; }
    [JsonPropertyName("CreateTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CreateTime { get; set; }
    [JsonPropertyName("OrganizationId")] public long? OrganizationId { get; set; }
}

internal sealed class MeetingBasicsDto
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
}

/// <summary><c>POST L10/create</c> answer: camelCase <c>{"meetingId": N}</c>.</summary>
internal sealed class MeetingCreatedDto
{
    [JsonRequired][JsonPropertyName("meetingId")] public long MeetingId { get; set; }
}

/// <summary>A todo (<c>AngularTodo</c>).</summary>
internal sealed class TodoDto
{
    private DateTime? _createTime;

    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("DetailsUrl")] public string? DetailsUrl { get; set; }
    [JsonPropertyName("DueDate")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? DueDate { get; set; }

    [JsonPropertyName("CreateTime")]
    [JsonConverter(typeof(LenientDateTimeConverter))]
    public DateTime? CreateTime
    {
        get => _createTime;
        set
        {
            _createTime = value;
            HasCreateTime = true;
        }
    }

    /// <summary>True when the body had a <c>CreateTime</c> key (even a null one).</summary>
    [JsonIgnore] public bool HasCreateTime { get; private set; }

    [JsonPropertyName("CompleteTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CompleteTime { get; set; }
    [JsonPropertyName("CloseTime")] public string? CloseTime { get; set; }
    [JsonPropertyName("Complete")] public bool? Complete { get; set; }
    [JsonPropertyName("OriginId")] public long? OriginId { get; set; }
    [JsonPropertyName("Origin")] public string? Origin { get; set; }
    [JsonPropertyName("Owner")] public OwnerDto? Owner { get; set; }
}

/// <summary>An issue (<c>AngularIssue</c>).</summary>
internal sealed class IssueDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("DetailsUrl")] public string? DetailsUrl { get; set; }
    [JsonPropertyName("CreateTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CreateTime { get; set; }
    [JsonPropertyName("CloseTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CloseTime { get; set; }
    [JsonPropertyName("CompleteTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CompleteTime { get; set; }
    [JsonPropertyName("Complete")] public bool? Complete { get; set; }
    [JsonPropertyName("Archived")] public bool? Archived { get; set; }
    [JsonPropertyName("OriginId")] public long? OriginId { get; set; }
    [JsonPropertyName("Origin")] public string? Origin { get; set; }
    [JsonPropertyName("Owner")] public OwnerDto? Owner { get; set; }
}

/// <summary>A rock (<c>AngularRock</c>).</summary>
internal sealed class RockDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Owner")] public OwnerDto? Owner { get; set; }
    [JsonPropertyName("DueDate")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? DueDate { get; set; }
    [JsonPropertyName("CreateTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CreateTime { get; set; }
    [JsonPropertyName("Complete")] public bool? Complete { get; set; }

    /// <summary>Rock state: an int (0 AtRisk, 1 OnTrack, 2 Complete) in create answers; anything else is tolerated.</summary>
    [JsonPropertyName("Completion")] public JsonElement Completion { get; set; }

    [JsonPropertyName("Archived")] public bool? Archived { get; set; }
    [JsonPropertyName("Origins")] public List<NameIdDto?>? Origins { get; set; }
}

/// <summary>A headline (<c>AngularHeadline</c>).</summary>
internal sealed class HeadlineDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("DetailsUrl")] public string? DetailsUrl { get; set; }
    [JsonPropertyName("Owner")] public OwnerDto? Owner { get; set; }
    [JsonPropertyName("OriginId")] public long? OriginId { get; set; }
    [JsonPropertyName("Origin")] public string? Origin { get; set; }
    [JsonPropertyName("Archived")] public bool? Archived { get; set; }
    [JsonPropertyName("CreateTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CreateTime { get; set; }
    [JsonPropertyName("CloseTime")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? CloseTime { get; set; }
}

/// <summary><c>GET weeks/current</c>.</summary>
internal sealed class WeekDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonRequired][JsonPropertyName("ForWeekNumber")] public int ForWeekNumber { get; set; }
    [JsonPropertyName("LocalDate")] public WeekLocalDateDto? LocalDate { get; set; }
    [JsonPropertyName("ForWeek")] public string? ForWeek { get; set; }
}

internal sealed class WeekLocalDateDto
{
    [JsonPropertyName("Date")] public string? Date { get; set; }
}

/// <summary><c>GET scorecard/user/{id}</c> and <c>scorecard/meeting/{id}</c>.</summary>
internal sealed class ScorecardDto
{
    [JsonPropertyName("Scores")] public List<ScoreDto>? Scores { get; set; }
}

internal sealed class ScoreDto
{
    [JsonRequired][JsonPropertyName("Id")] public long Id { get; set; }
    [JsonRequired][JsonPropertyName("MeasurableId")] public long MeasurableId { get; set; }
    [JsonPropertyName("AccountableUserId")] public long? AccountableUserId { get; set; }
    [JsonPropertyName("MeasurableName")] public string? MeasurableName { get; set; }
    [JsonPropertyName("Target")][JsonConverter(typeof(LenientDecimalConverter))] public decimal? Target { get; set; }
    [JsonPropertyName("Measured")][JsonConverter(typeof(LenientDecimalConverter))] public decimal? Measured { get; set; }
    [JsonPropertyName("Week")] public string? Week { get; set; }
    [JsonRequired][JsonPropertyName("ForWeek")] public int ForWeek { get; set; }
    [JsonPropertyName("DateEntered")][JsonConverter(typeof(LenientDateTimeConverter))] public DateTime? DateEntered { get; set; }
}
