using System.Text.Json;
using Bloomy.Client.Models;

namespace Bloomy.Client.GraphQL;

// A milestone node (bloom-graphql.md §14) to the model, by hand: ids, unix-second times, booleans default false.
internal static class MilestoneReader
{
    public static Milestone Read(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("id", out var id) || !id.TryGetInt64(out var milestoneId))
        {
            throw new FormatException("A milestone without an id: " + node.GetRawText());
        }
        return new Milestone
        {
            Id = milestoneId,
            GoalId = node.TryGetProperty("goalId", out var goal) && goal.ValueKind == JsonValueKind.Number ? goal.GetInt64() : 0,
            Title = (node.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString()! : "").Trim(),
            DueDate = UnixTime.Read(node, "dueDate") ?? throw new FormatException($"Milestone {milestoneId} has no dueDate."),
            Completed = node.TryGetProperty("completed", out var completed) && completed.ValueKind == JsonValueKind.True,
            Status = node.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null,
            CreatedDate = UnixTime.Read(node, "dateCreated"),
        };
    }
}
