using System.Text.Json.Serialization;

// Request bodies. Property names and declaration order are the wire contract (bloom-api §7–§13):
// the casing is deliberately mixed, exactly as the reference SDK sends it. Null properties are
// omitted (context default) unless marked otherwise.
namespace Bloomy.Client.Json.Wire;

/// <summary><c>POST L10/create</c>: <c>{"title","addSelf"}</c>.</summary>
internal sealed class MeetingCreateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("addSelf")] public bool AddSelf { get; set; }
}

/// <summary><c>POST L10/{id}/todos</c>: <c>{"Title","ForId","Notes"?,"dueDate"?}</c>.</summary>
internal sealed class MeetingTodoCreateBody
{
    [JsonPropertyName("Title")] public string Title { get; set; } = "";
    [JsonPropertyName("ForId")] public long ForId { get; set; }
    [JsonPropertyName("Notes")] public string? Notes { get; set; }
    [JsonPropertyName("dueDate")] public string? DueDate { get; set; }
}

/// <summary><c>POST todo/create</c>: <c>{"title","accountableUserId","notes"?,"dueDate"?}</c>.</summary>
internal sealed class PersonalTodoCreateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("accountableUserId")] public long AccountableUserId { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
    [JsonPropertyName("dueDate")] public string? DueDate { get; set; }
}

/// <summary><c>PUT todo/{id}</c>: <c>{"title"?,"dueDate"?}</c>.</summary>
internal sealed class TodoUpdateBody
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("dueDate")] public string? DueDate { get; set; }
}

/// <summary><c>POST L10/{id}/rocks</c>: <c>{"title","accountableUserId"}</c>.</summary>
internal sealed class GoalCreateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("accountableUserId")] public long AccountableUserId { get; set; }
}

/// <summary><c>PUT rocks/{id}</c>: <c>{"accountableUserId"?,"title"?,"completion"?}</c> (completion as a string).</summary>
internal sealed class GoalUpdateBody
{
    [JsonPropertyName("accountableUserId")] public long? AccountableUserId { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("completion")] public string? Completion { get; set; }
}

/// <summary><c>PUT measurables/{id}/week/{n}</c>: <c>{"value": n}</c>; a null value is sent (it deletes the score).</summary>
internal sealed class ScoreBody
{
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? Value { get; set; }
}

/// <summary><c>POST issues/create</c>: <c>{"title","meetingid","ownerid","notes"?}</c>.</summary>
internal sealed class IssueCreateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("meetingid")] public long MeetingId { get; set; }
    [JsonPropertyName("ownerid")] public long OwnerId { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
}

/// <summary><c>POST issues/{id}/complete</c>: <c>{"complete": true}</c>.</summary>
internal sealed class IssueCompleteBody
{
    [JsonPropertyName("complete")] public bool Complete { get; set; }
}

/// <summary><c>PUT issues/{id}</c>: <c>{"title"?,"notes"?}</c>.</summary>
internal sealed class IssueUpdateBody
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
}

/// <summary><c>POST L10/{id}/headlines</c>: <c>{"title","ownerId","notes"?}</c>.</summary>
internal sealed class HeadlineCreateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
    [JsonPropertyName("ownerId")] public long OwnerId { get; set; }
    [JsonPropertyName("notes")] public string? Notes { get; set; }
}

/// <summary><c>PUT headline/{id}</c>: <c>{"title"}</c>.</summary>
internal sealed class HeadlineUpdateBody
{
    [JsonPropertyName("title")] public string Title { get; set; } = "";
}
