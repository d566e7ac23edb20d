using Bloomy.Client.Json;
using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>To-do operations.</summary>
public sealed partial class TodosClient : ResourceClient
{
    internal TodosClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>
    /// Lists to-dos: a meeting's (<c>GET L10/{meetingId}/todos</c>) or a user's (<c>GET todo/user/{userId}</c>),
    /// open ones unless <paramref name="includeClosed"/>.
    /// </summary>
    /// <param name="userId">The user; null (and no meeting) means the current user.</param>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="includeClosed">Also return completed to-dos (<c>INCLUDE_CLOSED=true</c>); without it the
    /// path carries no query, as the reference SDK sends it, and only open to-dos are returned.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-dos.</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Todo>> ListAsync(long? userId = null, long? meetingId = null, bool includeClosed = false,
        CancellationToken cancellationToken = default) =>
        ListAsync(new TodoListQuery { UserId = userId, MeetingId = meetingId, IncludeClosed = includeClosed }, cancellationToken);

    /// <summary>Lists to-dos as <see cref="ListAsync(long?, long?, bool, CancellationToken)"/> does, the filters given as one query.</summary>
    /// <param name="query">Whose to-dos, and whether to include completed ones.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-dos.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<Todo>> ListAsync(TodoListQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query, nameof(query));
        Guard.UserOrMeeting(query.UserId, query.MeetingId);
        // Read now: the query is the caller's object and may change while the request runs.
        var (userId, meetingId, includeClosed) = (query.UserId, query.MeetingId, query.IncludeClosed);
        return RunAsync();

        async Task<IReadOnlyList<Todo>> RunAsync()
        {
            // Without includeClosed the paths carry no query at all, exactly as the reference SDK sends them (§8.1).
            bool? closedQuery = includeClosed ? true : null;
            var route = meetingId is long meeting
                ? Routes.MeetingTodos(meeting, closedQuery)
                : Routes.UserTodos(await UserIdAsync(userId, cancellationToken).ConfigureAwait(false), closedQuery);
            return await ReadListAsync(route, includeClosed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gets a to-do (<c>GET todo/{todoId}</c>).</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task<Todo> GetAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return ReadAsync(todoId, cancellationToken);
    }

    /// <summary>
    /// Creates a to-do: a meeting to-do (<c>POST L10/{meetingId}/todos</c>) when <paramref name="meetingId"/> is
    /// given, else a personal one (<c>POST todo/create</c>).
    /// </summary>
    /// <param name="title">The title.</param>
    /// <param name="meetingId">The meeting to attach the to-do to.</param>
    /// <param name="dueDate">The due date (sent as <c>yyyy-MM-dd</c> when it has no time of day).</param>
    /// <param name="userId">The owner; null means the current user.</param>
    /// <param name="notes">Notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created to-do (built from the create answer; not re-read).</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Todo> CreateAsync(string title, long? meetingId = null, DateTime? dueDate = null, long? userId = null,
        string? notes = null, CancellationToken cancellationToken = default)
    {
        Guard.Title(title, nameof(title));
        Guard.OptionalId(meetingId, nameof(meetingId));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Todo> RunAsync()
        {
            // The owner defaults to the current user for meeting to-dos too (as the reference SDK does).
            var owner = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
            var due = dueDate is DateTime d ? LenientDate.FormatDueDate(d) : null;
            TodoDto dto;
            if (meetingId is long meeting)
            {
                var body = new MeetingTodoCreateBody { Title = title, ForId = owner, Notes = notes, DueDate = due };
                dto = await SendAsync(Routes.CreateMeetingTodo(meeting), body, Json.MeetingTodoCreateBody, Json.TodoDto, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                var body = new PersonalTodoCreateBody { Title = title, AccountableUserId = owner, Notes = notes, DueDate = due };
                dto = await SendAsync(Routes.CreatePersonalTodo(), body, Json.PersonalTodoCreateBody, Json.TodoDto, cancellationToken)
                    .ConfigureAwait(false);
            }

            // Built from the create answer plus the arguments, not re-read (as the reference SDK does).
            return new Todo
            {
                Id = dto.Id,
                Title = dto.Name ?? title,
                DetailsUrl = dto.DetailsUrl,
                DueDate = dto.DueDate,
                CreateTime = dto.HasCreateTime ? dto.CreateTime : Http.Options.TimeProvider.GetUtcNow().UtcDateTime,
                CompleteTime = null,
                MeetingId = meetingId,
                MeetingName = null,
                Complete = false,
                Archived = false,
                OwnerId = owner,
                OwnerName = dto.Owner?.Name,
            };
        }
    }

    /// <summary>
    /// Creates a to-do as <see cref="CreateAsync(string, long?, DateTime?, long?, string?, CancellationToken)"/> does, the
    /// fields given as one item (the item type <see cref="CreateManyAsync"/> takes; here the meeting is optional).
    /// </summary>
    /// <param name="item">The to-do: a <c>Title</c>, and optionally a meeting, due date, owner and notes.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created to-do (built from the create answer; not re-read).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or its title is null.</exception>
    /// <exception cref="ArgumentException">The title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Todo> CreateAsync(TodoCreateItem item, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(item, nameof(item));
        return CreateAsync(item.Title!, item.MeetingId, item.DueDate, item.UserId, item.Notes, cancellationToken);
    }

    /// <summary>Completes a to-do (<c>POST todo/{todoId}/complete?status=true</c>) and reads it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The completed to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task<Todo> CompleteAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return SetCompleteAsync(todoId, true, cancellationToken);
    }

    /// <summary>
    /// Reopens a completed to-do (<c>POST todo/{todoId}/complete?status=false</c>, the call that completes it with the
    /// flag cleared) and reads it back.
    /// </summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The reopened to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task<Todo> ReopenAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return SetCompleteAsync(todoId, false, cancellationToken);
    }

    /// <summary>Reopens a completed to-do (<c>POST todo/{todoId}/complete?status=false</c>) without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has reopened the to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task SendReopenAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return SendAsync(Routes.CompleteTodo(todoId, false), cancellationToken);
    }

    /// <summary>Completes a to-do (<c>POST todo/{todoId}/complete?status=true</c>) without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has completed the to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task SendCompleteAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return SendAsync(Routes.CompleteTodo(todoId, true), cancellationToken);
    }

    /// <summary>Updates a to-do's title and/or due date (<c>PUT todo/{todoId}</c>) without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="title">The new title.</param>
    /// <param name="dueDate">The new due date.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has updated the to-do.</returns>
    /// <exception cref="ArgumentException">Neither field was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task SendUpdateAsync(long todoId, string? title = null, DateTime? dueDate = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        if (title is null && dueDate is null)
        {
            throw new ArgumentException("At least one field must be provided");
        }

        Guard.OptionalTitle(title, nameof(title));
        var body = new TodoUpdateBody { Title = title, DueDate = dueDate is DateTime d ? LenientDate.FormatDueDate(d) : null };
        return SendAsync(Routes.UpdateTodo(todoId), body, Json.TodoUpdateBody, cancellationToken);
    }

    /// <summary>Updates a to-do's title and/or due date (<c>PUT todo/{todoId}</c>) and reads it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="title">The new title.</param>
    /// <param name="dueDate">The new due date.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The updated to-do.</returns>
    /// <exception cref="ArgumentException">Neither field was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task<Todo> UpdateAsync(long todoId, string? title = null, DateTime? dueDate = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        if (title is null && dueDate is null)
        {
            throw new ArgumentException("At least one field must be provided");
        }

        Guard.OptionalTitle(title, nameof(title));
        return RunAsync();

        async Task<Todo> RunAsync()
        {
            var body = new TodoUpdateBody { Title = title, DueDate = dueDate is DateTime d ? LenientDate.FormatDueDate(d) : null };
            await SendAsync(Routes.UpdateTodo(todoId), body, Json.TodoUpdateBody, cancellationToken)
                .ConfigureAwait(false);
            return await ReadAsync(todoId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates many meeting to-dos, at most <paramref name="maxConcurrent"/> at a time.</summary>
    /// <param name="items">The to-dos; each needs a <c>Title</c> and a <c>MeetingId</c>.</param>
    /// <param name="maxConcurrent">How many to create at once (1..64).</param>
    /// <param name="cancellationToken">Cancels the whole batch.</param>
    /// <returns>The to-dos created and the failures, each in input order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConcurrent"/> is out of range.</exception>
    public Task<BulkResult<Todo>> CreateManyAsync(IEnumerable<TodoCreateItem> items, int maxConcurrent = 5,
        CancellationToken cancellationToken = default)
    {
        var list = Bulk.Prepare(items, maxConcurrent, nameof(items));
        return Bulk.RunAsync(list, maxConcurrent, (item, ct) =>
        {
            Guard.NotNull(item, "item");
            var title = Guard.Required(item.Title, nameof(TodoCreateItem.Title));
            var meetingId = Guard.Required(item.MeetingId, nameof(TodoCreateItem.MeetingId));
            return CreateAsync(title, meetingId, item.DueDate, item.UserId, item.Notes, ct);
        }, cancellationToken);
    }

    /// <summary>
    /// Reads a list of to-dos (a meeting's or a user's): the one rule for both <see cref="ListAsync(TodoListQuery, CancellationToken)"/> and
    /// <see cref="MeetingsClient.GetTodosAsync"/>. Without <paramref name="includeClosed"/> only open to-dos are
    /// returned, also from servers that list closed ones whatever the query says.
    /// </summary>
    internal async Task<IReadOnlyList<Todo>> ReadListAsync(ApiRoute route, bool includeClosed, CancellationToken cancellationToken)
    {
        var items = await GetAsync(route, Json.ListTodoDto, cancellationToken).ConfigureAwait(false);
        var todos = Mapper.List(items, Mapper.ToTodo);
        return includeClosed ? todos : todos.Where(t => !t.Complete).ToList();
    }

    private async Task<Todo> ReadAsync(long todoId, CancellationToken cancellationToken)
    {
        var dto = await GetAsync(Routes.Todo(todoId), Json.TodoDto, cancellationToken).ConfigureAwait(false);
        return Mapper.ToTodo(dto);
    }

    // The status is always sent: without it the server completes.
    private async Task<Todo> SetCompleteAsync(long todoId, bool complete, CancellationToken cancellationToken)
    {
        await SendAsync(Routes.CompleteTodo(todoId, complete), cancellationToken)
            .ConfigureAwait(false);
        return await ReadAsync(todoId, cancellationToken).ConfigureAwait(false);
    }
}
