using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>
/// Milestones of goals (rocks), over GraphQL (bloom-graphql.md §14). A milestone is always reached through its goal,
/// so reads and changes take the goal id too; only a delete does not need it.
/// </summary>
public sealed class MilestonesClient : ResourceClient
{
    internal MilestonesClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Lists every milestone of a goal, by due date (all pages of <c>goal(id) { milestones }</c>).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The goal's milestones; deleted ones are never listed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The goal does not exist or is not visible to you.</exception>
    public Task<IReadOnlyList<Milestone>> ListAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return RunAsync();

        async Task<IReadOnlyList<Milestone>> RunAsync()
        {
            var nodes = await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.GoalMilestones, new JsonObject { ["goalId"] = goalId },
                new[] { "milestones" }, $"goal {goalId}", cancellationToken).ConfigureAwait(false);
            return nodes.Select(MilestoneReader.Read).ToList();
        }
    }

    /// <summary>Gets one milestone of a goal.</summary>
    /// <param name="goalId">The goal the milestone belongs to.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The milestone.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The goal, or the milestone under that goal, does not exist.</exception>
    public Task<Milestone> GetAsync(long goalId, long milestoneId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        Guard.Id(milestoneId, nameof(milestoneId));
        return ReadOneAsync(goalId, milestoneId, cancellationToken);
    }

    /// <summary>Creates a milestone of a goal (<c>CreateMilestone</c>), then reads it back through the goal.</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="title">The title.</param>
    /// <param name="dueDate">When it is due (a date means 00:00 UTC of that day).</param>
    /// <param name="completed">Create it already completed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created milestone.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task<Milestone> CreateAsync(long goalId, string title, DateTimeOffset dueDate, bool completed = false,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        Guard.Title(title, nameof(title));
        var input = new JsonObject
        {
            ["rockId"] = goalId,
            ["title"] = title,
            ["dueDate"] = UnixTime.ToUnixSeconds(dueDate),
            ["completed"] = completed,
        };
        return RunAsync();

        async Task<Milestone> RunAsync()
        {
            var created = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateMilestone, new JsonObject { ["input"] = input }, cancellationToken)
                .ConfigureAwait(false);
            return await ReadOneAsync(goalId, created.GetProperty("id").GetInt64(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Changes a milestone (<c>EditMilestone</c> with only the given keys) after checking that it is under that goal
    /// (nothing is written when it is not), then reads it back.
    /// </summary>
    /// <param name="goalId">The goal the milestone belongs to.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="changes">The changes; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The milestone after the change.</returns>
    /// <exception cref="ArgumentException">No change was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The milestone is not under that goal; nothing was changed.</exception>
    public Task<Milestone> UpdateAsync(long goalId, long milestoneId, MilestoneUpdate changes, CancellationToken cancellationToken = default)
    {
        var input = EditInput(goalId, milestoneId, changes);
        return RunAsync();

        async Task<Milestone> RunAsync()
        {
            await EditAsync(goalId, milestoneId, input, cancellationToken).ConfigureAwait(false);
            return await ReadOneAsync(goalId, milestoneId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Changes a milestone as <see cref="UpdateAsync"/> does (read-before guard included), without reading it back.</summary>
    /// <param name="goalId">The goal the milestone belongs to.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="changes">The changes; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has changed the milestone.</returns>
    /// <exception cref="ArgumentException">No change was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The milestone is not under that goal; nothing was changed.</exception>
    public Task SendUpdateAsync(long goalId, long milestoneId, MilestoneUpdate changes, CancellationToken cancellationToken = default)
    {
        var input = EditInput(goalId, milestoneId, changes);
        return EditAsync(goalId, milestoneId, input, cancellationToken);
    }

    /// <summary>Completes a milestone (<c>EditMilestone {completed: true}</c>, read before and after).</summary>
    /// <param name="goalId">The goal the milestone belongs to.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The completed milestone.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The milestone is not under that goal; nothing was changed.</exception>
    public Task<Milestone> CompleteAsync(long goalId, long milestoneId, CancellationToken cancellationToken = default) =>
        UpdateAsync(goalId, milestoneId, new MilestoneUpdate { Completed = true }, cancellationToken);

    /// <summary>Reopens a completed milestone (<c>EditMilestone {completed: false}</c>, read before and after).</summary>
    /// <param name="goalId">The goal the milestone belongs to.</param>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reopened milestone.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The milestone is not under that goal; nothing was changed.</exception>
    public Task<Milestone> ReopenAsync(long goalId, long milestoneId, CancellationToken cancellationToken = default) =>
        UpdateAsync(goalId, milestoneId, new MilestoneUpdate { Completed = false }, cancellationToken);

    /// <summary>Deletes a milestone (<c>DeleteMilestone</c>: a soft delete; it is never listed again).</summary>
    /// <param name="milestoneId">The milestone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the milestone was deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milestoneId"/> is not positive.</exception>
    /// <exception cref="BloomyGraphQLException">The server did not delete it (an unknown or already deleted id).</exception>
    public Task DeleteAsync(long milestoneId, CancellationToken cancellationToken = default)
    {
        Guard.Id(milestoneId, nameof(milestoneId));
        return GraphQL.ExecuteAsync(GraphQLDocuments.DeleteMilestone, new JsonObject { ["milestoneId"] = milestoneId }, cancellationToken);
    }

    // Checks an edit (before any request) and builds its input with only the given keys (§4.9).
    private static JsonObject EditInput(long goalId, long milestoneId, MilestoneUpdate changes)
    {
        Guard.Id(goalId, nameof(goalId));
        Guard.Id(milestoneId, nameof(milestoneId));
        Guard.NotNull(changes, nameof(changes));
        Guard.OptionalTitle(changes.Title, "title");
        if (changes.Title is null && changes.DueDate is null && changes.Completed is null)
        {
            throw new ArgumentException("At least one field must be provided for update.", nameof(changes));
        }
        var input = new JsonObject { ["milestoneId"] = milestoneId };
        if (changes.Title is not null) input["title"] = changes.Title;
        if (changes.DueDate is { } due) input["dueDate"] = UnixTime.ToUnixSeconds(due);
        if (changes.Completed is { } completed) input["completed"] = completed;
        return input;
    }

    // The guard of §14.4: the milestone must be under that goal, else nothing is written.
    private async Task EditAsync(long goalId, long milestoneId, JsonObject input, CancellationToken cancellationToken)
    {
        await ReadOneAsync(goalId, milestoneId, cancellationToken).ConfigureAwait(false);
        await GraphQL.ExecuteAsync(GraphQLDocuments.EditMilestone, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Milestone> ReadOneAsync(long goalId, long milestoneId, CancellationToken cancellationToken)
    {
        var nodes = await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.GoalMilestone,
            new JsonObject { ["goalId"] = goalId, ["milestoneId"] = milestoneId }, new[] { "milestones" }, $"goal {goalId}",
            cancellationToken).ConfigureAwait(false);
        var match = nodes.Select(MilestoneReader.Read).FirstOrDefault(m => m.Id == milestoneId);
        return match ?? throw new BloomyNotFoundException($"milestone {milestoneId} under goal {goalId}", "POST",
            GraphQLTransport.Label(GraphQLDocuments.GoalMilestone));
    }
}
