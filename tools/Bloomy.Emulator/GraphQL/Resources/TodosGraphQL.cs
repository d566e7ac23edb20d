using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// To-dos over GraphQL (bloom-graphql §12, §17.5) on the same entities REST uses: todo(id), todos(userId),
/// meeting.todosActives / meeting.todos, CreateTodo (F-entity), EditTodo (F-response; explicit null clears).
/// </summary>
internal static class TodosGraphQL
{
    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<TodoType>("todo")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c => c.Bloom().Store.TodoMap.GetValueOrDefault(c.GetArgument<long>("id")));
        // The owner's not-archived to-dos, meeting and personal; an archived filter cannot bring archived ones back.
        Connections.Field<TodoType, EmulatorTodo>(q, "todos", c =>
            {
                var userId = c.GetArgument<long>("userId");
                return c.Bloom().Store.TodoMap.Values.Where(t => t.OwnerId == userId && t.ArchiveTime is null).ToList();
            }, where: typeof(TodoQueryModelFilterInput), order: typeof(TodoQueryModelSortInput))
            .Arguments!.Add(new QueryArgument<NonNullGraphType<LongGraphType>> { Name = "userId" });
        q.Extensions.Meeting(t =>
        {
            Connections.Field<TodoType, EmulatorTodo>(t, "todosActives",
                c => Of(c).Where(x => x.ArchiveTime is null).ToList(),
                where: typeof(TodoQueryModelFilterInput), order: typeof(TodoQueryModelSortInput));
            Connections.Field<TodoType, EmulatorTodo>(t, "todos", c => Of(c).ToList(),
                where: typeof(TodoQueryModelFilterInput), order: typeof(TodoQueryModelSortInput));
        });

        m.Field<TodoType>("CreateTodo")
            .Argument<NonNullGraphType<TodoCreateModelInput>>("input")
            .Resolve(c => Create(c.Bloom(), TodoHeadlineInputs.Of(c)));
        m.Field<GraphQLResponseOfBooleanType>("EditTodo")
            .Argument<NonNullGraphType<TodoEditModelInput>>("input")
            .Resolve(c => Edit(c.Bloom(), TodoHeadlineInputs.Of(c)));
    }

    private static IEnumerable<EmulatorTodo> Of(IResolveFieldContext c)
    {
        var meetingId = ((EmulatorMeeting)c.Source!).Id;
        return c.Bloom().Store.TodoMap.Values.Where(x => x.MeetingId == meetingId);
    }

    private static EmulatorTodo Create(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        var title = TodoHeadlineInputs.String(input, "title");
        if (string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A to-do needs a title.");
        long? meetingId = TodoHeadlineInputs.Long(input, "meetingRecurrenceId");
        if (meetingId is { } mid && !s.MeetingMap.ContainsKey(mid)) throw BloomErrors.Unexpected($"Meeting {mid} does not exist.");
        // A personal to-do always belongs to the caller (§12.3, §17.5).
        long owner = meetingId is null ? ctx.CallerId : TodoHeadlineInputs.Long(input, "assigneeId") ?? ctx.CallerId;
        if (!s.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
        var now = DateTime.UtcNow;
        var todo = new EmulatorTodo
        {
            Id = s.NextTodoId++, Title = title!, OwnerId = owner, MeetingId = meetingId, CreateTime = now,
            DueDate = TodoHeadlineInputs.Time(input, "dueDate") ?? now.Date.AddDays(7),
            NotesId = TodoHeadlineInputs.String(input, "notesId"), CollaborationEnabled = TodoHeadlineInputs.Bool(input, "collaborationEnabled") ?? false,
        };
        if (TodoHeadlineInputs.Time(input, "completedTimestamp") is { } done) todo = todo with { Complete = true, CompleteTime = done, CloseTime = done };
        s.TodoMap[todo.Id] = todo;
        ctx.Emulator.Stats.CountCreated(EmulatorEntityKind.Todo);
        return todo;
    }

    private static GraphQLResponse Edit(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        if (TodoHeadlineInputs.Long(input, "todoId") is not { } id || !s.TodoMap.TryGetValue(id, out var t)) return GraphQLResponse.Failed();
        if (input.ContainsKey("title"))
        {
            if (string.IsNullOrWhiteSpace(TodoHeadlineInputs.String(input, "title"))) return GraphQLResponse.Failed("A to-do needs a title.", "VALIDATION");
            t = t with { Title = TodoHeadlineInputs.String(input, "title")! };
        }
        // The due date can be changed, not cleared (§12.4).
        if (TodoHeadlineInputs.Time(input, "dueDate") is { } due) t = t with { DueDate = due };
        if (input.ContainsKey("assigneeId"))
        {
            if (TodoHeadlineInputs.Long(input, "assigneeId") is not { } owner || !s.UserMap.ContainsKey(owner)) return GraphQLResponse.Failed();
            t = t with { OwnerId = owner };
        }
        if (input.ContainsKey("notesId")) t = t with { NotesId = TodoHeadlineInputs.String(input, "notesId"), LocalHtml = null };
        if (TodoHeadlineInputs.Bool(input, "collaborationEnabled") is { } collaboration) t = t with { CollaborationEnabled = collaboration };
        if (input.ContainsKey("completedTimestamp"))
        {
            t = TodoHeadlineInputs.Time(input, "completedTimestamp") is { } done
                ? t with { Complete = true, CompleteTime = done, CloseTime = done }
                : t with { Complete = false, CompleteTime = null, CloseTime = null };
        }
        if (input.ContainsKey("archivedTimestamp")) t = t with { ArchiveTime = TodoHeadlineInputs.Time(input, "archivedTimestamp") };
        if (input.ContainsKey("meetingRecurrenceId"))
        {
            var meetingId = TodoHeadlineInputs.Long(input, "meetingRecurrenceId");
            if (meetingId is { } mid && !s.MeetingMap.ContainsKey(mid)) return GraphQLResponse.Failed();
            t = t with { MeetingId = meetingId };
        }
        s.TodoMap[t.Id] = t;
        return GraphQLResponse.Ok(true);
    }
}

/// <summary>Reads a GraphQL input object as the dictionary GraphQL.NET builds: a key is present only when sent.</summary>
internal static class TodoHeadlineInputs
{
    internal static IDictionary<string, object?> Of(IResolveFieldContext c, string name = "input") =>
        c.GetArgument<Dictionary<string, object?>>(name) ?? new Dictionary<string, object?>();

    internal static string? String(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var v) ? v as string : null;

    internal static long? Long(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is not null ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    internal static bool? Bool(IDictionary<string, object?> input, string key) => input.TryGetValue(key, out var v) ? v as bool? : null;

    /// <summary>A unix-seconds Float as a UTC time; null when absent or null.</summary>
    internal static DateTime? Time(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is not null
            ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)), DateTimeKind.Utc)
            : null;

    /// <summary>A list of Longs (e.g. headline <c>meetings</c>); empty when absent.</summary>
    internal static IReadOnlyList<long> Longs(IDictionary<string, object?> input, string key) =>
        input.TryGetValue(key, out var v) && v is System.Collections.IEnumerable list
            ? list.Cast<object?>().Where(x => x is not null).Select(x => Convert.ToInt64(x, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];
}
