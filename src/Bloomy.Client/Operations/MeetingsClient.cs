using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Meeting (Level 10) operations.</summary>
public sealed class MeetingsClient : ResourceClient
{
    internal MeetingsClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Lists the meetings a user attends (<c>GET L10/{userId}/list</c>).</summary>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The meetings.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="userId"/> is not positive.</exception>
    public Task<IReadOnlyList<Meeting>> ListAsync(long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<IReadOnlyList<Meeting>> RunAsync()
        {
            var id = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var items = await GetAsync(Routes.UserMeetings(id), Json.ListMeetingListItemDto, cancellationToken)
                .ConfigureAwait(false);
            return Mapper.List(items, m => new Meeting { Id = m.Id, Name = m.Name ?? "" });
        }
    }

    /// <summary>
    /// Lists every meeting the current user can see (<c>GET L10/list</c>): those they attend and, unlike
    /// <see cref="ListAsync"/>, those visible to them without attending (an admin sees more). Needs no
    /// <c>users/mine</c> lookup.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The meetings.</returns>
    public async Task<IReadOnlyList<Meeting>> ListVisibleAsync(CancellationToken cancellationToken = default)
    {
        var items = await GetAsync(Routes.VisibleMeetings(), Json.ListMeetingListItemDto, cancellationToken).ConfigureAwait(false);
        return Mapper.List(items, m => new Meeting { Id = m.Id, Name = m.Name ?? "" });
    }

    /// <summary>Gets a meeting's attendees (<c>GET L10/{meetingId}/attendees</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attendees.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<IReadOnlyList<User>> GetAttendeesAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return AttendeesAsync(meetingId, cancellationToken);
    }

    /// <summary>Gets a meeting's issues (<c>GET L10/{meetingId}/issues?include_resolved=...</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="includeClosed">Include solved issues.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issues (their <c>MeetingId</c> is <paramref name="meetingId"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<IReadOnlyList<Issue>> GetIssuesAsync(long meetingId, bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return IssuesAsync(meetingId, includeClosed, cancellationToken);
    }

    /// <summary>Gets a meeting's to-dos (<c>GET L10/{meetingId}/todos?INCLUDE_CLOSED=...</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="includeClosed">Include completed to-dos.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-dos.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<IReadOnlyList<Todo>> GetTodosAsync(long meetingId, bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return TodosAsync(meetingId, includeClosed, cancellationToken);
    }

    /// <summary>Gets a meeting's measurables (<c>GET L10/{meetingId}/measurables</c>), skipping malformed entries.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The measurables.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<IReadOnlyList<Measurable>> GetMeasurablesAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return MeasurablesAsync(meetingId, cancellationToken);
    }

    /// <summary>Gets a meeting's id and name (<c>GET L10/{meetingId}</c>, without the lists of <see cref="GetDetailsAsync"/>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The meeting.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<Meeting> GetAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return RunAsync();

        async Task<Meeting> RunAsync()
        {
            var meeting = await ReadMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
            return new Meeting { Id = meeting.Id, Name = meeting.Basics?.Name ?? "" };
        }
    }

    /// <summary>
    /// Gets a meeting with its attendees, issues, to-dos and measurables: <c>GET L10/{meetingId}</c>, then the
    /// four lists concurrently.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="includeClosed">Include solved issues and completed to-dos.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The meeting details.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task<MeetingDetails> GetDetailsAsync(long meetingId, bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return RunAsync();

        async Task<MeetingDetails> RunAsync()
        {
            var meeting = await ReadMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);

            // The sub-calls use the argument id, as the reference SDK does.
            var attendees = AttendeesAsync(meetingId, cancellationToken);
            var issues = IssuesAsync(meetingId, includeClosed, cancellationToken);
            var todos = TodosAsync(meetingId, includeClosed, cancellationToken);
            var measurables = MeasurablesAsync(meetingId, cancellationToken);
            await Task.WhenAll(attendees, issues, todos, measurables).ConfigureAwait(false);

            return new MeetingDetails
            {
                Id = meeting.Id,
                Name = meeting.Basics?.Name ?? "",
                StartDateUtc = meeting.StartDateUtc,
                CreateTime = meeting.CreateTime,
                OrganizationId = meeting.OrganizationId,
                Attendees = await attendees.ConfigureAwait(false),
                Issues = await issues.ConfigureAwait(false),
                Todos = await todos.ConfigureAwait(false),
                Measurables = await measurables.ConfigureAwait(false),
            };
        }
    }

    /// <summary>
    /// Creates a meeting (<c>POST L10/create</c>), then adds the attendees concurrently
    /// (<c>POST L10/{id}/attendees/{userId}</c>) and checks them in list order.
    /// </summary>
    /// <param name="title">The meeting's name.</param>
    /// <param name="addSelf">Let the server add the caller as an attendee.</param>
    /// <param name="attendeeIds">Further attendees.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created meeting.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An attendee id is not positive.</exception>
    /// <exception cref="BloomyApiException">
    /// The create failed, or adding an attendee failed after the meeting was created (the message names both).
    /// </exception>
    public Task<CreatedMeeting> CreateAsync(string title, bool addSelf = true, IEnumerable<long>? attendeeIds = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Title(title, nameof(title));
        var attendees = attendeeIds?.ToList() ?? new List<long>();
        foreach (var id in attendees)
        {
            Guard.Id(id, nameof(attendeeIds));
        }

        return RunAsync();

        async Task<CreatedMeeting> RunAsync()
        {
            var body = new MeetingCreateBody { Title = title, AddSelf = addSelf };
            var created = await SendAsync(Routes.CreateMeeting(), body, Json.MeetingCreateBody, Json.MeetingCreatedDto,
                cancellationToken).ConfigureAwait(false);
            var meetingId = created.MeetingId;

            if (attendees.Count > 0)
            {
                // All sent at once (as the async reference SDK does), then checked in list order.
                var adds = attendees.Select(u => SendAsync(Routes.AddAttendee(meetingId, u), cancellationToken)).ToArray();
                try
                {
                    await Task.WhenAll(adds).ConfigureAwait(false);
                }
                catch
                {
                    // Inspected one by one below.
                }

                for (var i = 0; i < adds.Length; i++)
                {
                    var add = adds[i];
                    if (add.IsCanceled)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new OperationCanceledException(
                            $"Meeting {meetingId} was created, but adding attendee {attendees[i]} was cancelled.");
                    }

                    if (add.IsFaulted)
                    {
                        throw AttendeeFailure(meetingId, attendees[i], add.Exception!.GetBaseException());
                    }
                }
            }

            return new CreatedMeeting { Id = meetingId, Name = title, AttendeeIds = attendees };
        }
    }

    /// <summary>Adds an attendee to a meeting (<c>POST L10/{meetingId}/attendees/{userId}</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="userId">The user to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the attendee was added.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task AddAttendeeAsync(long meetingId, long userId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Id(userId, nameof(userId));
        return SendAsync(Routes.AddAttendee(meetingId, userId), cancellationToken);
    }

    /// <summary>Deletes a meeting (<c>DELETE L10/{meetingId}</c>).</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the meeting was deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    public Task DeleteAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return SendAsync(Routes.DeleteMeeting(meetingId), cancellationToken);
    }

    /// <summary>Gets the details of many meetings, at most <paramref name="maxConcurrent"/> at a time.</summary>
    /// <param name="meetingIds">The meetings (duplicates are fetched each time).</param>
    /// <param name="maxConcurrent">How many meetings to fetch at once (1..64).</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>The meetings fetched and the failures, each in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrent"/> is out of range.</exception>
    public Task<BulkResult<MeetingDetails>> GetManyAsync(IEnumerable<long> meetingIds, int maxConcurrent = 5,
        CancellationToken cancellationToken = default)
    {
        var ids = Bulk.Prepare(meetingIds, maxConcurrent, nameof(meetingIds));
        return Bulk.RunAsync(ids, maxConcurrent, (id, ct) => GetDetailsAsync(id, false, ct), cancellationToken);
    }

    /// <summary>Creates many meetings, at most <paramref name="maxConcurrent"/> at a time.</summary>
    /// <param name="items">The meetings to create; each needs a <c>Title</c>.</param>
    /// <param name="maxConcurrent">How many meetings to create at once (1..64).</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>The meetings created and the failures, each in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrent"/> is out of range.</exception>
    public Task<BulkResult<CreatedMeeting>> CreateManyAsync(IEnumerable<MeetingCreateItem> items, int maxConcurrent = 5,
        CancellationToken cancellationToken = default)
    {
        var list = Bulk.Prepare(items, maxConcurrent, nameof(items));
        return Bulk.RunAsync(list, maxConcurrent, (item, ct) =>
        {
            Guard.NotNull(item, "item");
            var title = Guard.Required(item.Title, nameof(MeetingCreateItem.Title));
            return CreateAsync(title, item.AddSelf, item.AttendeeIds, ct);
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<User>> AttendeesAsync(long meetingId, CancellationToken cancellationToken)
    {
        var items = await GetAsync(Routes.Attendees(meetingId), Json.ListUserDto, cancellationToken)
            .ConfigureAwait(false);
        return Mapper.List(items, u => Mapper.ToUser(u, imageUrlDefault: ""));
    }

    // The one reader of a meeting's issues (Issues.ListAsync uses it too); this call always sends the query, as §7.3 does.
    private Task<IReadOnlyList<Issue>> IssuesAsync(long meetingId, bool includeClosed, CancellationToken cancellationToken) =>
        Client.Issues.ReadListAsync(Routes.MeetingIssues(meetingId, includeClosed), includeClosed, meetingId, cancellationToken);

    // The one reader of a meeting's to-dos (Todos.ListAsync uses it too); this call always sends the query, as §7.4 does.
    private Task<IReadOnlyList<Todo>> TodosAsync(long meetingId, bool includeClosed, CancellationToken cancellationToken) =>
        Client.Todos.ReadListAsync(Routes.MeetingTodos(meetingId, includeClosed), includeClosed, cancellationToken);

    private async Task<IReadOnlyList<Measurable>> MeasurablesAsync(long meetingId, CancellationToken cancellationToken)
    {
        var body = await GetAsync(Routes.Measurables(meetingId), Json.JsonElement, cancellationToken)
            .ConfigureAwait(false);
        return Mapper.ToMeasurables(body);
    }

    private Task<MeetingDto> ReadMeetingAsync(long meetingId, CancellationToken cancellationToken) =>
        GetAsync(Routes.Meeting(meetingId), Json.MeetingDto, cancellationToken);

    private static Exception AttendeeFailure(long meetingId, long userId, Exception error)
    {
        var message = $"Meeting {meetingId} was created, but adding attendee {userId} failed: {error.Message}";
        return error switch
        {
            BloomyApiException api => new BloomyApiException(api.Kind, message, api.Method, api.Path, api.StatusCode,
                api.ResponseExcerpt, api.RetryCount, api.RetryAfter, api),
            BloomyAuthenticationException auth => new BloomyAuthenticationException(message, auth.StatusCode, auth),
            OperationCanceledException => error,
            _ => new BloomyException(message, error),
        };
    }
}
