using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// Headlines over GraphQL (bloom-graphql §11, §17.5) on the same entities REST uses: headline(id), headlines(userId)
/// (all of the owner's, filterable), meeting.headlines (open) / meeting.archivedHeadlines, CreateHeadline and
/// EditHeadline (F-id: an unknown id is a top-level error).
/// </summary>
internal static class HeadlinesGraphQL
{
    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<HeadlineType>("headline")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c => c.Bloom().Store.HeadlineMap.GetValueOrDefault(c.GetArgument<long>("id")));
        Connections.Field<HeadlineType, EmulatorHeadline>(q, "headlines", c =>
            {
                var userId = c.GetArgument<long>("userId");
                return c.Bloom().Store.HeadlineMap.Values.Where(h => h.OwnerId == userId).ToList();
            }, where: typeof(HeadlineQueryModelFilterInput), order: typeof(HeadlineQueryModelSortInput))
            .Arguments!.Add(new QueryArgument<NonNullGraphType<LongGraphType>> { Name = "userId" });
        q.Extensions.Meeting(t =>
        {
            Connections.Field<HeadlineType, EmulatorHeadline>(t, "headlines", c => Of(c).Where(h => h.CloseTime is null).ToList(),
                where: typeof(HeadlineQueryModelFilterInput), order: typeof(HeadlineQueryModelSortInput));
            Connections.Field<HeadlineType, EmulatorHeadline>(t, "archivedHeadlines", c => Of(c).Where(h => h.CloseTime is not null).ToList(),
                where: typeof(HeadlineQueryModelFilterInput), order: typeof(HeadlineQueryModelSortInput));
        });

        m.Field<IdModelType>("CreateHeadline")
            .Argument<NonNullGraphType<HeadlineCreateModelInput>>("input")
            .Resolve(c => Create(c.Bloom(), GraphQLInputs.Of(c)));
        m.Field<IdModelType>("EditHeadline")
            .Argument<NonNullGraphType<HeadlineEditModelInput>>("input")
            .Resolve(c => Edit(c.Bloom(), GraphQLInputs.Of(c)));
    }

    private static IEnumerable<EmulatorHeadline> Of(IResolveFieldContext c)
    {
        var meetingId = ((EmulatorMeeting)c.Source!).Id;
        return c.Bloom().Store.HeadlineMap.Values.Where(h => h.MeetingId == meetingId);
    }

    private static long Create(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        var title = GraphQLInputs.String(input, "title");
        if (string.IsNullOrWhiteSpace(title)) throw BloomErrors.Unexpected("A headline needs a title.");
        var meetings = GraphQLInputs.Longs(input, "meetings");
        if (meetings.Count == 0 || !s.MeetingMap.ContainsKey(meetings[0])) throw BloomErrors.Unexpected("The headline's meeting does not exist.");
        long owner = GraphQLInputs.Long(input, "assignee") ?? ctx.CallerId;
        if (!s.UserMap.ContainsKey(owner)) throw BloomErrors.Unexpected($"User {owner} does not exist.");
        var now = DateTime.UtcNow;
        var h = new EmulatorHeadline
        {
            Id = s.NextHeadlineId++, Title = title!, OwnerId = owner, MeetingId = meetings[0], CreateTime = now,
            NotesId = GraphQLInputs.String(input, "notesId"), CollaborationEnabled = GraphQLInputs.Bool(input, "collaborationEnabled") ?? false,
            CloseTime = GraphQLInputs.Bool(input, "archived") == true ? now : null,
        };
        s.HeadlineMap[h.Id] = h;
        ctx.Emulator.Stats.CountCreated(EmulatorEntityKind.Headline);
        return h.Id;
    }

    private static long Edit(BloomContext ctx, IDictionary<string, object?> input)
    {
        var s = ctx.Store;
        var id = GraphQLInputs.Long(input, "headlineId") ?? 0;
        if (!s.HeadlineMap.TryGetValue(id, out var h)) throw BloomErrors.Unexpected($"Headline {id} does not exist.");
        if (input.ContainsKey("title"))
        {
            if (string.IsNullOrWhiteSpace(GraphQLInputs.String(input, "title"))) throw BloomErrors.Unexpected("A headline needs a title.");
            h = h with { Title = GraphQLInputs.String(input, "title")! };
        }
        if (input.ContainsKey("assignee"))
        {
            if (GraphQLInputs.Long(input, "assignee") is not { } owner || !s.UserMap.ContainsKey(owner))
                throw BloomErrors.Unexpected($"User {GraphQLInputs.Long(input, "assignee")} does not exist.");
            h = h with { OwnerId = owner };
        }
        if (input.ContainsKey("notesId")) h = h with { NotesId = GraphQLInputs.String(input, "notesId"), LocalHtml = null };
        if (GraphQLInputs.Bool(input, "collaborationEnabled") is { } collaboration) h = h with { CollaborationEnabled = collaboration };
        if (GraphQLInputs.Bool(input, "archived") is { } archived)
            h = h with { CloseTime = archived ? h.CloseTime ?? DateTime.UtcNow : null };
        s.HeadlineMap[h.Id] = h;
        return h.Id;
    }
}
