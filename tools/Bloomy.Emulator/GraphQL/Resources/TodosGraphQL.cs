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
            .Resolve(c => Create(c.Bloom(), GraphQLInputs.Of(c)));
        m.Field<GraphQLResponseOfBooleanType>("EditTodo")
            .Argument<NonNullGraphType<TodoEditModelInput>>("input")
            .Resolve(c => Edit(c.Bloom(), GraphQLInputs.Of(c)));
    }

    private static IEnumerable<EmulatorTodo> Of(IResolveFieldContext c)
    {
        var meetingId = ((EmulatorMeeting)c.Source!).Id;
        return c.Bloom().Store.TodoMap.Values.Where(x => x.MeetingId == meetingId);
    }

    private static EmulatorTodo Create(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        var title = GraphQLInputs.String(input, "title");
        if (string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A to-do needs a title.");
        long? meetingId = GraphQLInputs.Long(input, "meetingRecurrenceId");
        if (meetingId is { } mid && !s.MeetingMap.ContainsKey(mid)) throw BloomErrors.Unexpected($"Meeting {mid} does not exist.");
        // A personal to-do always belongs to the caller (§12.3, §17.5).
        long owner = meetingId is null ? ctx.CallerId : GraphQLInputs.Long(input, "assigneeId") ?? ctx.CallerId;
        if (!s.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
        var now = DateTime.UtcNow;
        var todo = new EmulatorTodo
        {
            Id = s.NextTodoId++, Title = title!, OwnerId = owner, MeetingId = meetingId, CreateTime = now,
            DueDate = GraphQLInputs.Time(input, "dueDate") ?? now.Date.AddDays(7),
            NotesId = GraphQLInputs.String(input, "notesId"), CollaborationEnabled = GraphQLInputs.Bool(input, "collaborationEnabled") ?? false,
        };
        if (GraphQLInputs.Time(input, "completedTimestamp") is { } done) todo = todo with { Complete = true, CompleteTime = done, CloseTime = done };
        s.TodoMap[todo.Id] = todo;
        ctx.Emulator.Stats.CountCreated(EmulatorEntityKind.Todo);
        return todo;
    }

    private static GraphQLResponse Edit(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        if (GraphQLInputs.Long(input, "todoId") is not { } id || !s.TodoMap.TryGetValue(id, out var t)) return GraphQLResponse.Failed();
        if (input.ContainsKey("title"))
        {
            if (string.IsNullOrWhiteSpace(GraphQLInputs.String(input, "title"))) return GraphQLResponse.Failed("A to-do needs a title.", "VALIDATION");
            t = t with { Title = GraphQLInputs.String(input, "title")! };
        }
        // The due date can be changed, not cleared (§12.4).
        if (GraphQLInputs.Time(input, "dueDate") is { } due) t = t with { DueDate = due };
        if (input.ContainsKey("assigneeId"))
        {
            if (GraphQLInputs.Long(input, "assigneeId") is not { } owner || !s.UserMap.ContainsKey(owner)) return GraphQLResponse.Failed();
            t = t with { OwnerId = owner };
        }
        if (input.ContainsKey("notesId")) t = t with { NotesId = GraphQLInputs.String(input, "notesId"), LocalHtml = null };
        if (GraphQLInputs.Bool(input, "collaborationEnabled") is { } collaboration) t = t with { CollaborationEnabled = collaboration };
        if (input.ContainsKey("completedTimestamp"))
        {
            t = GraphQLInputs.Time(input, "completedTimestamp") is { } done
                ? t with { Complete = true, CompleteTime = done, CloseTime = done }
                : t with { Complete = false, CompleteTime = null, CloseTime = null };
        }
        if (input.ContainsKey("archivedTimestamp")) t = t with { ArchiveTime = GraphQLInputs.Time(input, "archivedTimestamp") };
        if (input.ContainsKey("meetingRecurrenceId"))
        {
            var meetingId = GraphQLInputs.Long(input, "meetingRecurrenceId");
            if (meetingId is { } mid && !s.MeetingMap.ContainsKey(mid)) return GraphQLResponse.Failed();
            t = t with { MeetingId = meetingId };
        }
        s.TodoMap[t.Id] = t;
        return GraphQLResponse.Ok(true);
    }
}
