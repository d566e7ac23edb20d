using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A headline (bloom-graphql §11): archived = the REST close time is set (the same state REST shows).</summary>
public sealed class HeadlineType : ObjectGraphType<EmulatorHeadline>
{
    public HeadlineType()
    {
        Name = "HeadlineQueryModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<LongGraphType>("recurrenceId").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(c => c.Source.CloseTime is not null);
        Field<FloatGraphType>("archivedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.CloseTime));
        Field<NonNullGraphType<FloatGraphType>>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        PadNotesFields.Add(this, h => h.NotesId, h => h.CollaborationEnabled, h => h.LocalHtml);
        Field<UserType>("assignee").Resolve(c => c.Bloom().Store.UserMap.GetValueOrDefault(c.Source.OwnerId));
        Field<MeetingType>("meeting").Resolve(c => c.Bloom().Store.MeetingMap.GetValueOrDefault(c.Source.MeetingId));
    }
}

/// <summary><c>HeadlineQueryModelFilterInput</c>.</summary>
public sealed class HeadlineQueryModelFilterInput : FilterInputType<HeadlineQueryModelFilterInput, EmulatorHeadline>
{
    public HeadlineQueryModelFilterInput() : base("HeadlineQueryModelFilterInput")
    {
        Long("id", h => h.Id);
        String("title", h => h.Title);
        Bool("archived", h => h.CloseTime is not null);
        Float("dateCreated", h => ResolveContextExtensions.Unix(h.CreateTime));
    }
}

/// <summary><c>HeadlineQueryModelSortInput</c> (inferred name).</summary>
public sealed class HeadlineQueryModelSortInput : SortInputType<HeadlineQueryModelSortInput, EmulatorHeadline>
{
    public HeadlineQueryModelSortInput() : base("HeadlineQueryModelSortInput")
    {
        By("id", h => h.Id);
        By("title", h => h.Title);
        By("dateCreated", h => h.CreateTime);
    }
}

/// <summary><c>HeadlineCreateModelInput</c> (§11.3).</summary>
public sealed class HeadlineCreateModelInput : InputObjectGraphType
{
    public HeadlineCreateModelInput()
    {
        Name = "HeadlineCreateModelInput";
        Field<StringGraphType>("title");
        Field<LongGraphType>("assignee");
        Field<ListGraphType<LongGraphType>>("meetings");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
        Field<BooleanGraphType>("archived");
        Field<FloatGraphType>("archivedTimestamp");
    }
}

/// <summary><c>HeadlineEditModelInput</c> (§11.4): <c>assignee</c>, not assigneeId.</summary>
public sealed class HeadlineEditModelInput : InputObjectGraphType
{
    public HeadlineEditModelInput()
    {
        Name = "HeadlineEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("headlineId");
        Field<StringGraphType>("title");
        Field<LongGraphType>("assignee");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
        Field<BooleanGraphType>("archived");
        Field<ListGraphType<LongGraphType>>("meetings");
        Field<FloatGraphType>("archivedTimestamp");
    }
}
