using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;

namespace Bloomy.Client.Operations;

// Goal notes over GraphQL (bloom-graphql.md §6, §13): REST has no notes for goals.
public sealed partial class GoalsClient
{
    /// <summary>Reads a goal's notes as plain text (<c>goal(id)</c> with the four notes fields, over GraphQL).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The notes; null when the goal has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The goal does not exist or is not visible to you.</exception>
    public Task<string?> GetNotesAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return RunAsync();

        async Task<string?> RunAsync()
        {
            var goal = await GraphQL.ReadRequiredAsync(GraphQLDocuments.GoalNotes, new JsonObject { ["id"] = goalId }, $"goal {goalId}",
                cancellationToken).ConfigureAwait(false);
            return PadNotes.ExtractText(goal);
        }
    }

    /// <summary>
    /// Replaces a goal's notes: <c>CreateNote</c> makes a pad from the text (multi-line text keeps its lines), then
    /// <c>EditGoal</c> points the goal at it. A failed <c>CreateNote</c> sends nothing else.
    /// </summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="notes">The new notes, plain text.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the goal points at the new notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task SetNotesAsync(long goalId, string notes, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        Guard.NotNull(notes, nameof(notes));
        return RunAsync();

        async Task RunAsync()
        {
            var input = new JsonObject { ["goalId"] = goalId };
            await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            await GraphQL.ExecuteAsync(GraphQLDocuments.EditGoal, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        }
    }
}
