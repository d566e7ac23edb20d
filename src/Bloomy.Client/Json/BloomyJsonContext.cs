using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bloomy.Client.Json.Wire;

namespace Bloomy.Client.Json;

/// <summary>
/// The one source-generated JSON context for every wire shape. Use <see cref="Instance"/> (not
/// <c>Default</c>): it carries the relaxed encoder so non-ASCII text goes out raw, as the reference SDK sends it.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    WriteIndented = false,
    Converters = new[] { typeof(TrimmingStringConverter) })]
// Responses
[JsonSerializable(typeof(CurrentUserDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(List<UserDto>))]
[JsonSerializable(typeof(List<SearchResultDto>))]
[JsonSerializable(typeof(List<SeatDto>))]
[JsonSerializable(typeof(List<MeetingListItemDto>))]
[JsonSerializable(typeof(MeetingDto))]
[JsonSerializable(typeof(MeetingCreatedDto))]
[JsonSerializable(typeof(TodoDto))]
[JsonSerializable(typeof(List<TodoDto>))]
[JsonSerializable(typeof(IssueDto))]
[JsonSerializable(typeof(List<IssueDto>))]
[JsonSerializable(typeof(RockDto))]
[JsonSerializable(typeof(List<RockDto>))]
[JsonSerializable(typeof(HeadlineDto))]
[JsonSerializable(typeof(List<HeadlineDto>))]
[JsonSerializable(typeof(WeekDto))]
[JsonSerializable(typeof(ScorecardDto))]
[JsonSerializable(typeof(JsonElement))]
// Requests
[JsonSerializable(typeof(MeetingCreateBody))]
[JsonSerializable(typeof(MeetingTodoCreateBody))]
[JsonSerializable(typeof(PersonalTodoCreateBody))]
[JsonSerializable(typeof(TodoUpdateBody))]
[JsonSerializable(typeof(GoalCreateBody))]
[JsonSerializable(typeof(GoalUpdateBody))]
[JsonSerializable(typeof(ScoreBody))]
[JsonSerializable(typeof(IssueCreateBody))]
[JsonSerializable(typeof(IssueCompleteBody))]
[JsonSerializable(typeof(IssueUpdateBody))]
[JsonSerializable(typeof(HeadlineCreateBody))]
[JsonSerializable(typeof(HeadlineUpdateBody))]
internal sealed partial class BloomyJsonContext : JsonSerializerContext
{
    /// <summary>The context every operation uses: compact, nulls omitted, non-ASCII raw, lenient numbers.</summary>
    public static BloomyJsonContext Instance { get; } = new(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            PropertyNameCaseInsensitive = true,
            WriteIndented = false,
        };
        options.Converters.Add(new TrimmingStringConverter());
        return options;
    }
}
