using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>meeting(id) (§9.2) and root meetings, which always times out (§4.10, §17.4).</summary>
internal static class MeetingsGraphQL
{
    /// <summary>HotChocolate's execution-timeout text.</summary>
    internal const string TimeoutMessage = "The request exceeded the configured timeout of `00:00:30`.";

    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<MeetingType>("meeting")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c =>
            {
                var ctx = c.Bloom();
                return ctx.Store.MeetingMap.GetValueOrDefault(c.GetArgument<long>("id")) is { } meeting && MeetingType.Visible(meeting, ctx.CallerId)
                    ? meeting : null;
            });
        // user(id) { meetingsListLookup } (§9.1), added to the shared user type through the extension point.
        q.Extensions.User(t => Connections.Field<MeetingListItemType, MeetingListItem>(t, "meetingsListLookup",
            c => MeetingListItem.For(c.Bloom(), ((EmulatorUser)c.Source!).Id),
            where: typeof(MeetingListLookupModelFilterInput), order: typeof(MeetingListLookupModelSortInput)));
        Connections.Field<MeetingType, EmulatorMeeting>(q, "meetings",
            _ => throw new ExecutionError(TimeoutMessage) { Code = "HC0045" });
    }
}
