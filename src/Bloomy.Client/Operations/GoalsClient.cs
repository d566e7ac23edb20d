using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Goal (rock) operations.</summary>
public sealed partial class GoalsClient : ResourceClient
{
    private const string InvalidStatusMessage = "Invalid status value. Must be 'on', 'off', or 'complete'.";

    internal GoalsClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>
    /// Parses a goal status: <c>on</c>, <c>off</c>, <c>complete</c> or an enum name (<c>OnTrack</c>, <c>AtRisk</c>,
    /// <c>OffTrack</c>, <c>Complete</c>), case-insensitively.
    /// </summary>
    /// <param name="value">The text to parse.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentException">The text is not a status.</exception>
    public static GoalStatus ParseStatus(string value)
    {
        switch (value?.ToUpperInvariant())
        {
            case "ON":
            case "ONTRACK":
                return GoalStatus.OnTrack;
            case "OFF":
            case "ATRISK":
            case "OFFTRACK":
                return GoalStatus.AtRisk;
            case "COMPLETE":
                return GoalStatus.Complete;
            default:
                throw new ArgumentException(InvalidStatusMessage, nameof(value));
        }
    }

    /// <summary>
    /// Lists a user's goals (<c>GET rocks/user/{userId}?include_origin=true</c>), then, when asked, the archived
    /// ones (<c>GET archivedrocks/user/{userId}</c>) with <c>Archived</c> set.
    /// </summary>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="includeArchived">Also list archived goals (after the active ones).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The goals: active first, then archived.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<IReadOnlyList<Goal>> ListAsync(long? userId = null, bool includeArchived = false,
        CancellationToken cancellationToken = default)
    {
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<IReadOnlyList<Goal>> RunAsync()
        {
            var user = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var active = await GetAsync(Routes.UserGoals(user), Json.ListRockDto, cancellationToken)
                .ConfigureAwait(false);
            var goals = new List<Goal>(Mapper.List(active, r => Mapper.ToGoal(r, archived: false)));
            if (includeArchived)
            {
                // Sequential, after the active list, as the reference SDK does.
                var archived = await GetAsync(Routes.UserArchivedGoals(user), Json.ListRockDto, cancellationToken)
                    .ConfigureAwait(false);
                goals.AddRange(Mapper.List(archived, r => Mapper.ToGoal(r, archived: true)));
            }

            return goals;
        }
    }

    /// <summary>Gets a goal (<c>GET rocks/{goalId}?include_origin=true</c>).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The goal.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task<Goal> GetAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return ReadAsync(goalId, cancellationToken);
    }

    /// <summary>Creates a goal in a meeting (<c>POST L10/{meetingId}/rocks</c>).</summary>
    /// <param name="title">The title.</param>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="userId">The owner; null means the current user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created goal; its status is <c>on</c>, <c>off</c> or <c>complete</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Goal> CreateAsync(string title, long meetingId, long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.Title(title, nameof(title));
        Guard.Id(meetingId, nameof(meetingId));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Goal> RunAsync()
        {
            var owner = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var body = new GoalCreateBody { Title = title, AccountableUserId = owner };
            var dto = await SendAsync(Routes.CreateMeetingGoal(meetingId), body, Json.GoalCreateBody, Json.RockDto, cancellationToken)
                .ConfigureAwait(false);
            return Mapper.ToCreatedGoal(dto, title, meetingId, owner);
        }
    }

    /// <summary>
    /// Creates a goal that belongs to no meeting (<c>POST rocks/create</c>, preview: one old client is the only evidence
    /// of this route). Attach it to a meeting later in the web application.
    /// </summary>
    /// <param name="title">The goal's title.</param>
    /// <param name="userId">The owner; null means the current user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created goal (its <c>MeetingId</c> is null).</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<Goal> CreateWithoutMeetingAsync(string title, long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.Title(title, nameof(title));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Goal> RunAsync()
        {
            var owner = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var body = new GoalCreateBody { Title = title, AccountableUserId = owner };
            var dto = await SendAsync(Routes.CreateGoal(), body, Json.GoalCreateBody, Json.RockDto, cancellationToken)
                .ConfigureAwait(false);
            return Mapper.ToCreatedGoal(dto, title, null, owner);
        }
    }

    /// <summary>
    /// Updates a goal (<c>PUT rocks/{goalId}</c> with only the given fields; the owner changes only when
    /// <paramref name="accountableUserId"/> is given) and reads it back.
    /// </summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="title">The new title.</param>
    /// <param name="accountableUserId">The new owner.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated goal.</returns>
    /// <exception cref="ArgumentException">The title is blank or the status is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Goal> UpdateAsync(long goalId, string? title = null, long? accountableUserId = null, GoalStatus? status = null,
        CancellationToken cancellationToken = default) =>
        UpdateAsync(goalId, new GoalUpdate { Title = title, AccountableUserId = accountableUserId, Status = status }, cancellationToken);

    /// <summary>Updates a goal (<c>PUT rocks/{goalId}</c> with only the given changes) and reads it back.</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated goal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The title is blank or the status is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Goal> UpdateAsync(long goalId, GoalUpdate changes, CancellationToken cancellationToken = default)
    {
        var body = UpdateBody(goalId, changes);
        return RunAsync();

        async Task<Goal> RunAsync()
        {
            await SendAsync(Routes.UpdateGoal(goalId), body, Json.GoalUpdateBody, cancellationToken)
                .ConfigureAwait(false);
            return await ReadAsync(goalId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Updates a goal (<c>PUT rocks/{goalId}</c>) as <see cref="UpdateAsync(long, string?, long?, GoalStatus?, CancellationToken)"/> does, without reading it back.</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="title">The new title.</param>
    /// <param name="accountableUserId">The new owner.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has updated the goal.</returns>
    /// <exception cref="ArgumentException">The title is blank or the status is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task SendUpdateAsync(long goalId, string? title = null, long? accountableUserId = null, GoalStatus? status = null,
        CancellationToken cancellationToken = default) =>
        SendUpdateAsync(goalId, new GoalUpdate { Title = title, AccountableUserId = accountableUserId, Status = status }, cancellationToken);

    /// <summary>Updates a goal (<c>PUT rocks/{goalId}</c>) as <see cref="UpdateAsync(long, GoalUpdate, CancellationToken)"/> does, without reading it back.</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="changes">The changes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has updated the goal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The title is blank or the status is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task SendUpdateAsync(long goalId, GoalUpdate changes, CancellationToken cancellationToken = default) =>
        SendAsync(Routes.UpdateGoal(goalId), UpdateBody(goalId, changes), Json.GoalUpdateBody, cancellationToken);

    /// <summary>Deletes a goal (<c>DELETE rocks/{goalId}</c>).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the goal was deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task DeleteAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return SendAsync(Routes.DeleteGoal(goalId), cancellationToken);
    }

    /// <summary>Archives a goal (<c>PUT rocks/{goalId}/archive</c>).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the goal was archived.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task ArchiveAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return SendAsync(Routes.ArchiveGoal(goalId), cancellationToken);
    }

    /// <summary>Restores an archived goal (<c>PUT rocks/{goalId}/restore</c>).</summary>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the goal was restored.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goalId"/> is not positive.</exception>
    public Task RestoreAsync(long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(goalId, nameof(goalId));
        return SendAsync(Routes.RestoreGoal(goalId), cancellationToken);
    }

    /// <summary>
    /// Attaches an existing goal to a meeting (<c>POST L10/{meetingId}/rocks/{goalId}</c>), e.g. one made with
    /// <see cref="CreateWithoutMeetingAsync"/>. Preview: the route comes from the server's source, not a recorded answer.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="goalId">The goal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the goal was attached.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task AttachToMeetingAsync(long meetingId, long goalId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Id(goalId, nameof(goalId));
        return SendAsync(Routes.AttachGoal(meetingId, goalId), cancellationToken);
    }

    /// <summary>Creates many goals, at most <paramref name="maxConcurrent"/> at a time.</summary>
    /// <param name="items">The goals; each needs a <c>Title</c> and a <c>MeetingId</c>.</param>
    /// <param name="maxConcurrent">How many to create at once (1..64).</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>The goals created and the failures, each in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrent"/> is out of range.</exception>
    public Task<BulkResult<Goal>> CreateManyAsync(IEnumerable<GoalCreateItem> items, int maxConcurrent = 5,
        CancellationToken cancellationToken = default)
    {
        var list = Bulk.Prepare(items, maxConcurrent, nameof(items));
        return Bulk.RunAsync(list, maxConcurrent, (item, ct) =>
        {
            Guard.NotNull(item, "item");
            var title = Guard.Required(item.Title, nameof(GoalCreateItem.Title));
            var meetingId = Guard.Required(item.MeetingId, nameof(GoalCreateItem.MeetingId));
            return CreateAsync(title, meetingId, item.UserId, ct);
        }, cancellationToken);
    }

    // Checks the arguments of an update (before any request) and builds what is sent.
    private static GoalUpdateBody UpdateBody(long goalId, GoalUpdate changes)
    {
        Guard.Id(goalId, nameof(goalId));
        Guard.NotNull(changes, nameof(changes));
        Guard.OptionalTitle(changes.Title, "title");
        Guard.OptionalId(changes.AccountableUserId, "accountableUserId");
        var completion = changes.Status is GoalStatus s ? WireStatus(s) : null;
        return new GoalUpdateBody { AccountableUserId = changes.AccountableUserId, Title = changes.Title, Completion = completion };
    }

    private static string WireStatus(GoalStatus status) => status switch
    {
        GoalStatus.OnTrack => "OnTrack",
        GoalStatus.AtRisk => "AtRisk",
        GoalStatus.Complete => "Complete",
        _ => throw new ArgumentException(InvalidStatusMessage, nameof(status)),
    };

    private async Task<Goal> ReadAsync(long goalId, CancellationToken cancellationToken)
    {
        var dto = await GetAsync(Routes.Goal(goalId), Json.RockDto, cancellationToken).ConfigureAwait(false);
        return Mapper.ToGoal(dto, archived: false);
    }
}
