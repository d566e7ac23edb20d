using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

// The to-do operations REST lacks, over GraphQL (bloom-graphql.md §12, bloom-api-extras.md §13): archive, restore,
// owner change, notes (write and read) and a meeting's list with its archived to-dos.
public sealed partial class TodosClient
{
    /// <summary>
    /// Gets a to-do over GraphQL (<c>todo(id)</c>), with its notes as plain text and its archived state, which the REST
    /// read does not carry.
    /// </summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-do, <see cref="Todo.Notes"/> filled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such to-do (or not visible to the caller).</exception>
    public Task<Todo> GetWithNotesAsync(long todoId, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        return RunAsync();

        async Task<Todo> RunAsync()
        {
            var value = await GraphQL.ReadRequiredAsync(GraphQLDocuments.Todo, new JsonObject { ["id"] = todoId },
                $"to-do {todoId}", cancellationToken).ConfigureAwait(false);
            return ReadTodo(GraphQLDocuments.Todo, value);
        }
    }

    /// <summary>
    /// Returns copies of <paramref name="todos"/> with <see cref="Todo.Notes"/> filled: one GraphQL read per to-do, run
    /// concurrently (within the connection's cap), in input order.
    /// </summary>
    /// <param name="todos">To-dos from any read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The same to-dos, in the same order, with their notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="todos"/> is null.</exception>
    public Task<IReadOnlyList<Todo>> AddNotesAsync(IReadOnlyList<Todo> todos, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(todos, nameof(todos));
        var items = todos.ToList();
        return RunAsync();

        async Task<IReadOnlyList<Todo>> RunAsync()
        {
            var notes = await Task.WhenAll(items.Select(t => GetWithNotesAsync(t.Id, cancellationToken))).ConfigureAwait(false);
            return items.Select((t, i) => WithNotes(t, notes[i].Notes)).ToList();
        }
    }

    /// <summary>
    /// Lists a meeting's to-dos over GraphQL (<c>meeting.todos</c> with <paramref name="includeArchived"/>, else
    /// <c>meeting.todosActives</c>), every page read; open ones only unless <paramref name="includeClosed"/>.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="includeClosed">Also return completed to-dos.</param>
    /// <param name="includeArchived">Also return archived to-dos (only GraphQL lists them).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The to-dos, by due date, with their notes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such meeting.</exception>
    public Task<IReadOnlyList<Todo>> ListMeetingTodosAsync(long meetingId, bool includeClosed, bool includeArchived,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return RunAsync();

        async Task<IReadOnlyList<Todo>> RunAsync()
        {
            var variables = new JsonObject
            {
                ["meetingId"] = meetingId,
                ["where"] = includeClosed ? null : new JsonObject { ["completed"] = new JsonObject { ["eq"] = false } },
                ["includeArchived"] = includeArchived,
            };
            var nodes = await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.MeetingTodos, variables,
                new[] { includeArchived ? "todos" : "todosActives" }, $"meeting {meetingId}", cancellationToken).ConfigureAwait(false);
            return nodes.Select(n => ReadTodo(GraphQLDocuments.MeetingTodos, n)).ToList();
        }
    }

    /// <summary>
    /// Creates a to-do with notes over GraphQL: <c>CreateNote</c> makes the notes pad (its failure stops everything),
    /// then <c>CreateTodo</c> creates the to-do pointing at it (bloom-graphql.md §6.2, §12.3).
    /// </summary>
    /// <param name="title">The title.</param>
    /// <param name="notes">The notes, plain text (line breaks kept).</param>
    /// <param name="meetingId">The meeting; null for a personal to-do (always owned by the caller).</param>
    /// <param name="dueDate">The due date (a date alone means 00:00 UTC); default a week from today, 00:00 UTC.</param>
    /// <param name="userId">The owner of a meeting to-do; null means the caller.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created to-do as the server returned it, with its notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Todo> CreateWithNotesAsync(string title, string notes, long? meetingId = null, DateTime? dueDate = null,
        long? userId = null, CancellationToken cancellationToken = default)
    {
        Guard.Title(title, nameof(title));
        Guard.NotNull(notes, nameof(notes));
        Guard.OptionalId(meetingId, nameof(meetingId));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Todo> RunAsync()
        {
            var due = dueDate is DateTime d
                ? UnixTime.FromUser(d)
                : UnixTime.DateToUnixSeconds(Http.Options.TimeProvider.GetUtcNow().UtcDateTime.Date.AddDays(7));
            // meetingRecurrenceId is sent as an explicit null for a personal to-do (§12.3).
            var input = new JsonObject { ["title"] = title, ["meetingRecurrenceId"] = meetingId, ["dueDate"] = due };
            if (userId is long owner) input["assigneeId"] = owner;
            await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            var created = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateTodo, new JsonObject { ["input"] = input }, cancellationToken)
                .ConfigureAwait(false);
            return ReadTodo(GraphQLDocuments.CreateTodo, created);
        }
    }

    /// <summary>
    /// Changes a to-do in one GraphQL <c>EditTodo</c> (bloom-graphql.md §12.4–12.8), without reading it back: title,
    /// due date, owner, archived state (<c>archivedTimestamp</c> now, or null to restore) and notes (a new pad made
    /// first by <c>CreateNote</c>; its failure stops the edit).
    /// </summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="change">What to change; at least one field.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has applied the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">Nothing to change, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyGraphQLException">The server reported a failure (<c>success: false</c>), e.g. an unknown to-do.</exception>
    public Task SendChangeAsync(long todoId, TodoChange change, CancellationToken cancellationToken = default)
    {
        Guard.Id(todoId, nameof(todoId));
        Guard.NotNull(change, nameof(change));
        var (title, dueDate, ownerId, notes, archived) = (change.Title, change.DueDate, change.OwnerId, change.Notes, change.Archived);
        if (title is null && dueDate is null && ownerId is null && notes is null && archived is null)
        {
            throw new ArgumentException("At least one field must be provided for update", nameof(change));
        }
        Guard.OptionalTitle(title, nameof(change));
        Guard.OptionalId(ownerId, nameof(change));
        return RunAsync();

        async Task RunAsync()
        {
            var input = new JsonObject { ["todoId"] = todoId };
            if (title is not null) input["title"] = title;
            if (dueDate is DateTime d) input["dueDate"] = UnixTime.FromUser(d);
            if (ownerId is long owner) input["assigneeId"] = owner;
            // There is no archived flag on this input: the timestamp drives it, an explicit null restores (§4.9).
            if (archived is bool archive)
            {
                input["archivedTimestamp"] = archive ? UnixTime.ToUnixSeconds(Http.Options.TimeProvider.GetUtcNow()) : null;
            }
            if (notes is not null) await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            await GraphQL.ExecuteAsync(GraphQLDocuments.EditTodo, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Archives a to-do (GraphQL <c>EditTodo</c> with <c>archivedTimestamp</c> now), without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has archived the to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task ArchiveAsync(long todoId, CancellationToken cancellationToken = default) =>
        SendChangeAsync(todoId, new TodoChange { Archived = true }, cancellationToken);

    /// <summary>Restores an archived to-do (GraphQL <c>EditTodo</c> with <c>archivedTimestamp: null</c>), without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has restored the to-do.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task RestoreAsync(long todoId, CancellationToken cancellationToken = default) =>
        SendChangeAsync(todoId, new TodoChange { Archived = false }, cancellationToken);

    /// <summary>Hands a to-do to another owner (GraphQL <c>EditTodo</c> with <c>assigneeId</c>), without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="ownerId">The new owner.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has changed the owner.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task SetOwnerAsync(long todoId, long ownerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(ownerId, nameof(ownerId));
        return SendChangeAsync(todoId, new TodoChange { OwnerId = ownerId }, cancellationToken);
    }

    /// <summary>Replaces a to-do's notes (GraphQL <c>CreateNote</c>, then <c>EditTodo</c>), without reading it back.</summary>
    /// <param name="todoId">The to-do.</param>
    /// <param name="notes">The notes, plain text (line breaks kept).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has attached the new notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="todoId"/> is not positive.</exception>
    public Task SetNotesAsync(long todoId, string notes, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(notes, nameof(notes));
        return SendChangeAsync(todoId, new TodoChange { Notes = notes }, cancellationToken);
    }

    // A GraphQL to-do (§12) as the model REST reads also fill; a personal to-do's meeting is "Individual" as over REST.
    internal static Todo ReadTodo(GraphQLDocument document, JsonElement value) =>
        GraphQLEntityReader.Map(document, value, e =>
        {
            var meeting = GraphQLEntityReader.Object(e, "meeting");
            var owner = GraphQLEntityReader.Object(e, "assignee");
            var hasMeeting = meeting.ValueKind == JsonValueKind.Object;
            return new Todo
            {
                Id = GraphQLEntityReader.Id(e),
                Title = GraphQLEntityReader.String(e, "title") ?? "",
                DueDate = GraphQLEntityReader.Time(e, "dueDate"),
                CreateTime = GraphQLEntityReader.Time(e, "dateCreated"),
                CompleteTime = GraphQLEntityReader.Time(e, "completedTimestamp"),
                MeetingId = hasMeeting ? GraphQLEntityReader.Id(meeting) : null,
                MeetingName = hasMeeting ? GraphQLEntityReader.String(meeting, "name") : "Individual",
                Complete = GraphQLEntityReader.Bool(e, "completed"),
                Archived = GraphQLEntityReader.Bool(e, "archived"),
                ArchiveTime = GraphQLEntityReader.Time(e, "archivedTimestamp"),
                OwnerId = GraphQLEntityReader.OptionalId(owner, "id"),
                OwnerName = GraphQLEntityReader.String(owner, "fullName"),
                Notes = PadNotes.ExtractText(e),
            };
        });

    private static Todo WithNotes(Todo t, string? notes) => new()
    {
        Id = t.Id,
        Title = t.Title,
        DetailsUrl = t.DetailsUrl,
        DueDate = t.DueDate,
        CreateTime = t.CreateTime,
        CompleteTime = t.CompleteTime,
        MeetingId = t.MeetingId,
        MeetingName = t.MeetingName,
        Complete = t.Complete,
        Archived = t.Archived,
        ArchiveTime = t.ArchiveTime,
        OwnerId = t.OwnerId,
        OwnerName = t.OwnerName,
        Notes = notes,
    };
}
