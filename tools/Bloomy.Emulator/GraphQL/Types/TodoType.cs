using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A to-do (bloom-graphql §12): archived iff archivedTimestamp, completed iff completedTimestamp (§17.5).</summary>
public sealed class TodoType : ObjectGraphType<EmulatorTodo>
{
    public TodoType()
    {
        Name = "TodoQueryModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<FloatGraphType>("dueDate").Resolve(c => ResolveContextExtensions.Unix(c.Source.DueDate));
        Field<NonNullGraphType<BooleanGraphType>>("completed").Resolve(c => c.Source.Complete);
        Field<FloatGraphType>("completedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.CompleteTime));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(c => c.Source.ArchiveTime is not null);
        Field<FloatGraphType>("archivedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.ArchiveTime));
        Field<NonNullGraphType<FloatGraphType>>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        PadNotesFields.Add(this, t => t.NotesId, t => t.CollaborationEnabled, t => t.LocalHtml);
        Field<UserType>("assignee").Resolve(c => c.Bloom().Store.UserMap.GetValueOrDefault(c.Source.OwnerId));
        Field<MeetingType>("meeting").Resolve(c => c.Source.MeetingId is { } id ? c.Bloom().Store.MeetingMap.GetValueOrDefault(id) : null);
    }
}

/// <summary><c>TodoQueryModelFilterInput</c>.</summary>
public sealed class TodoQueryModelFilterInput : FilterInputType<TodoQueryModelFilterInput, EmulatorTodo>
{
    public TodoQueryModelFilterInput() : base("TodoQueryModelFilterInput")
    {
        Long("id", t => t.Id);
        String("title", t => t.Title);
        Bool("completed", t => t.Complete);
        Bool("archived", t => t.ArchiveTime is not null);
        Float("dueDate", t => ResolveContextExtensions.Unix(t.DueDate));
        Float("dateCreated", t => ResolveContextExtensions.Unix(t.CreateTime));
    }
}

/// <summary><c>TodoQueryModelSortInput</c> (inferred name).</summary>
public sealed class TodoQueryModelSortInput : SortInputType<TodoQueryModelSortInput, EmulatorTodo>
{
    public TodoQueryModelSortInput() : base("TodoQueryModelSortInput")
    {
        By("id", t => t.Id);
        By("title", t => t.Title);
        By("dueDate", t => t.DueDate);
        By("dateCreated", t => t.CreateTime);
    }
}

/// <summary><c>TodoCreateModelInput</c> (§12.3).</summary>
public sealed class TodoCreateModelInput : InputObjectGraphType
{
    public TodoCreateModelInput()
    {
        Name = "TodoCreateModelInput";
        Field<StringGraphType>("title");
        Field<LongGraphType>("assigneeId");
        Field<LongGraphType>("meetingRecurrenceId");
        Field<FloatGraphType>("dueDate");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
        Field<FloatGraphType>("completedTimestamp");
        Field<StringGraphType>("context");
    }
}

/// <summary><c>TodoEditModelInput</c> (§12.4): an omitted key is unchanged, an explicit null clears (§4.9).</summary>
public sealed class TodoEditModelInput : InputObjectGraphType
{
    public TodoEditModelInput()
    {
        Name = "TodoEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("todoId");
        Field<StringGraphType>("title");
        Field<FloatGraphType>("dueDate");
        Field<LongGraphType>("assigneeId");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
        Field<FloatGraphType>("completedTimestamp");
        Field<FloatGraphType>("archivedTimestamp");
        Field<LongGraphType>("meetingRecurrenceId");
        Field<StringGraphType>("context");
    }
}
