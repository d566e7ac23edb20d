using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Issue operations.</summary>
public sealed partial class IssuesClient : ResourceClient
{
    internal IssuesClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Gets an issue (<c>GET issues/{issueId}</c>).</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> GetAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return ReadAsync(issueId, cancellationToken);
    }

    /// <summary>
    /// Lists open issues: a meeting's (<c>GET l10/{meetingId}/issues</c>) or a user's (<c>GET issues/users/{userId}</c>).
    /// </summary>
    /// <param name="userId">The user; null (and no meeting) means the current user.</param>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issues.</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Issue>> ListAsync(long? userId = null, long? meetingId = null, CancellationToken cancellationToken = default)
    {
        Guard.UserOrMeeting(userId, meetingId);
        return RunAsync();

        async Task<IReadOnlyList<Issue>> RunAsync()
        {
            var route = meetingId is long meeting
                ? Routes.MeetingIssueList(meeting)
                : Routes.UserIssues(await UserIdAsync(userId, cancellationToken).ConfigureAwait(false));
            return await ReadListAsync(route, includeClosed: false, meetingIdFromArgument: null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Raises an issue in a meeting (<c>POST issues/create</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="title">The title.</param>
    /// <param name="userId">The owner; null means the current user.</param>
    /// <param name="notes">Notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created issue (from the create answer).</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Issue> CreateAsync(long meetingId, string title, long? userId = null, string? notes = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Title(title, nameof(title));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Issue> RunAsync()
        {
            var owner = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var body = new IssueCreateBody { Title = title, MeetingId = meetingId, OwnerId = owner, Notes = notes };
            var dto = await SendAsync(Routes.CreateIssue(), body, Json.IssueCreateBody, Json.IssueDto, cancellationToken)
                .ConfigureAwait(false);

            // The meeting and owner come from the answer; the arguments only fill gaps.
            return Mapper.ToIssue(dto, dto.OriginId ?? meetingId, owner);
        }
    }

    /// <summary>Solves an issue (<c>POST issues/{issueId}/complete</c>) and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The solved issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> CompleteAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return SetCompleteAsync(issueId, true, cancellationToken);
    }

    /// <summary>
    /// Reopens a solved issue (<c>POST issues/{issueId}/complete</c> with <c>{"complete": false}</c>) and reads it back.
    /// </summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reopened issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> ReopenAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return SetCompleteAsync(issueId, false, cancellationToken);
    }

    /// <summary>
    /// Removes an issue from a meeting (<c>DELETE L10/{meetingId}/issues/{issueId}</c>): it leaves the meeting's issue
    /// list. Whether the server also deletes the issue is not documented.
    /// </summary>
    /// <param name="meetingId">The meeting the issue is in.</param>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the issue was removed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task RemoveFromMeetingAsync(long meetingId, long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Id(issueId, nameof(issueId));
        return SendAsync(Routes.RemoveMeetingIssue(meetingId, issueId), cancellationToken);
    }

    /// <summary>Updates an issue's title and/or notes (<c>PUT issues/{issueId}</c>) and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="title">The new title.</param>
    /// <param name="notes">The new notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated issue.</returns>
    /// <exception cref="ArgumentException">Neither field was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> UpdateAsync(long issueId, string? title = null, string? notes = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        if (title is null && notes is null)
        {
            throw new ArgumentException("At least one field (title or notes) must be provided for update");
        }

        Guard.OptionalTitle(title, nameof(title));
        return RunAsync();

        async Task<Issue> RunAsync()
        {
            await SendAsync(Routes.UpdateIssue(issueId), new IssueUpdateBody { Title = title, Notes = notes },
                Json.IssueUpdateBody, cancellationToken).ConfigureAwait(false);
            return await ReadAsync(issueId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Raises many issues, at most <paramref name="maxConcurrent"/> at a time.</summary>
    /// <param name="items">The issues; each needs a <c>MeetingId</c> and a <c>Title</c>.</param>
    /// <param name="maxConcurrent">How many to create at once (1..64).</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>The issues created and the failures, each in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrent"/> is out of range.</exception>
    public Task<BulkResult<Issue>> CreateManyAsync(IEnumerable<IssueCreateItem> items, int maxConcurrent = 5,
        CancellationToken cancellationToken = default)
    {
        var list = Bulk.Prepare(items, maxConcurrent, nameof(items));
        return Bulk.RunAsync(list, maxConcurrent, (item, ct) =>
        {
            Guard.NotNull(item, "item");
            var meetingId = Guard.Required(item.MeetingId, nameof(IssueCreateItem.MeetingId));
            var title = Guard.Required(item.Title, nameof(IssueCreateItem.Title));
            return CreateAsync(meetingId, title, item.UserId, item.Notes, ct);
        }, cancellationToken);
    }

    private async Task<Issue> ReadAsync(long issueId, CancellationToken cancellationToken)
    {
        var dto = await GetAsync(Routes.Issue(issueId), Json.IssueDto, cancellationToken).ConfigureAwait(false);
        return Mapper.ToIssue(dto);
    }

    /// <summary>
    /// Reads a list of issues (a meeting's or a user's): the one rule for both <see cref="ListAsync"/> and
    /// <see cref="MeetingsClient.GetIssuesAsync"/>. Without <paramref name="includeClosed"/> only open issues are
    /// returned, also from servers that list solved ones whatever the query says. The meeting id reported is
    /// <paramref name="meetingIdFromArgument"/> when given (the meeting details do so), else the answer's origin.
    /// </summary>
    internal async Task<IReadOnlyList<Issue>> ReadListAsync(ApiRoute route, bool includeClosed, long? meetingIdFromArgument,
        CancellationToken cancellationToken)
    {
        var items = await GetAsync(route, Json.ListIssueDto, cancellationToken).ConfigureAwait(false);
        var issues = Mapper.List(items, i => Mapper.ToIssue(i, meetingIdFromArgument ?? i.OriginId));
        return includeClosed ? issues : issues.Where(i => !i.Complete).ToList();
    }

    /// <summary>Closes an issue (<c>POST issues/{issueId}/complete</c>) without reading it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has closed the issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task SendCompleteAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return SendAsync(Routes.CompleteIssue(issueId), new IssueCompleteBody { Complete = true },
            Json.IssueCompleteBody, cancellationToken);
    }

    /// <summary>Updates an issue's title and/or notes (<c>PUT issues/{issueId}</c>) without reading it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="title">The new title.</param>
    /// <param name="notes">The new notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has updated the issue.</returns>
    /// <exception cref="ArgumentException">Neither field was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task SendUpdateAsync(long issueId, string? title = null, string? notes = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        if (title is null && notes is null)
        {
            throw new ArgumentException("At least one field (title or notes) must be provided for update");
        }

        Guard.OptionalTitle(title, nameof(title));
        return SendAsync(Routes.UpdateIssue(issueId), new IssueUpdateBody { Title = title, Notes = notes },
            Json.IssueUpdateBody, cancellationToken);
    }

    /// <summary>Reopens a solved issue (<c>POST issues/{issueId}/complete</c> with <c>{"complete": false}</c>) without reading it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has reopened the issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task SendReopenAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return SendAsync(Routes.CompleteIssue(issueId), new IssueCompleteBody { Complete = false },
            Json.IssueCompleteBody, cancellationToken);
    }

    // The flag is always sent: an absent body or key completes.
    private async Task<Issue> SetCompleteAsync(long issueId, bool complete, CancellationToken cancellationToken)
    {
        await SendAsync(Routes.CompleteIssue(issueId), new IssueCompleteBody { Complete = complete },
            Json.IssueCompleteBody, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(issueId, cancellationToken).ConfigureAwait(false);
    }
}
