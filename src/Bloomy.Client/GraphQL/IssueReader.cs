using System.Text.Json;
using Bloomy.Client.Models;

namespace Bloomy.Client.GraphQL;

// Maps a GraphQL issue (bloom-graphql.md §10) to the Issue model REST reads also fill.
internal static class IssueReader
{
    // meetingName/meetingId: the parent meeting of a list (its nodes carry no meeting object).
    public static Issue Read(JsonElement node, long? meetingId = null, string? meetingName = null)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            throw new FormatException("An issue without an id: " + node.GetRawText());
        }
        var closed = UnixTime.Read(node, "completedTimestamp")?.UtcDateTime;
        var longTerm = GraphQLEntityReader.Bool(node, "addToDepartmentPlan");
        JsonElement meeting = node.TryGetProperty("meeting", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        JsonElement owner = node.TryGetProperty("assignee", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        return new Issue
        {
            Id = id,
            Title = (GraphQLEntityReader.String(node, "title") ?? "").Trim(),
            CreateTime = UnixTime.Read(node, "dateCreated")?.UtcDateTime,
            CloseTime = closed,
            CompleteTime = closed,
            Complete = GraphQLEntityReader.Bool(node, "completed"),
            // The server stores a long-term issue as archived: it is not archived for users (§10 long-term rule).
            Archived = GraphQLEntityReader.Bool(node, "archived") && !longTerm,
            LongTerm = longTerm,
            MeetingId = GraphQLEntityReader.OptionalId(meeting, "id") ?? GraphQLEntityReader.OptionalId(node, "recurrenceId") ?? meetingId,
            MeetingName = GraphQLEntityReader.String(meeting, "name") ?? meetingName,
            OwnerId = GraphQLEntityReader.OptionalId(owner, "id"),
            OwnerName = GraphQLEntityReader.String(owner, "fullName"),
            Notes = PadNotes.ExtractText(node),
        };
    }

    // The same issue with its notes and long-term state from an IssueNotes read (-IncludeNotes after a REST read, which
    // reports a long-term issue as archived and knows nothing of long-term).
    public static Issue WithNotes(Issue issue, JsonElement notes)
    {
        var longTerm = GraphQLEntityReader.Bool(notes, "addToDepartmentPlan");
        return Copy(issue, PadNotes.ExtractText(notes), longTerm, GraphQLEntityReader.Bool(notes, "archived") && !longTerm);
    }

    private static Issue Copy(Issue issue, string? notes, bool longTerm, bool archived) => new()
    {
        Id = issue.Id, Title = issue.Title, DetailsUrl = issue.DetailsUrl, CreateTime = issue.CreateTime, CloseTime = issue.CloseTime,
        CompleteTime = issue.CompleteTime, Complete = issue.Complete, Archived = archived, MeetingId = issue.MeetingId,
        MeetingName = issue.MeetingName, OwnerId = issue.OwnerId, OwnerName = issue.OwnerName, OwnerImageUrl = issue.OwnerImageUrl,
        LongTerm = longTerm, Notes = notes,
    };
}
