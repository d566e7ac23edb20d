using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A meeting (bloom-graphql §9.2); other resources add fields through <c>q.Extensions.Meeting(...)</c>.</summary>
public sealed class MeetingType : ObjectGraphType<EmulatorMeeting>
{
    /// <summary>meeting.attendees pages at 2000 by default [SRV].</summary>
    public const int AttendeesPageSize = 2000;

    public MeetingType(SchemaExtensions extensions)
    {
        Name = "Meeting";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<LongGraphType>("orgId").Resolve(_ => EmulatorStore.OrganizationId);
        Field<StringGraphType>("meetingType").Resolve(_ => "L10");
        Field<NonNullGraphType<FloatGraphType>>("createdTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(_ => false);
        Connections.Field<MeetingAttendeeType, EmulatorUser>(this, "attendees",
            c => ((EmulatorMeeting)c.Source!).AttendeeIds.Select(id => c.Bloom().Store.UserMap.GetValueOrDefault(id)).OfType<EmulatorUser>(),
            order: typeof(UserQueryModelSortInput), defaultPageSize: AttendeesPageSize);
        extensions.Apply(this);
    }

    /// <summary>Whether the caller may see the meeting (attends it, or it is visible to all).</summary>
    public static bool Visible(EmulatorMeeting m, long callerId) => m.VisibleToAll || m.AttendeeIds.Contains(callerId);
}

/// <summary>An attendee of a meeting: the user's names, e-mail nested under <c>user</c>.</summary>
public sealed class MeetingAttendeeType : ObjectGraphType<EmulatorUser>
{
    public MeetingAttendeeType()
    {
        Name = "MeetingAttendee";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("fullName").Resolve(c => c.Source.Name);
        Field<StringGraphType>("firstName").Resolve(c => Names.First(c.Source));
        Field<StringGraphType>("lastName").Resolve(c => Names.Last(c.Source));
        Field<StringGraphType>("avatar").Resolve(c => c.Source.ImageUrl);
        Field<UserType>("user").Resolve(c => c.Source);
    }
}

/// <summary>An entry of <c>user.meetingsListLookup</c> (§9.1).</summary>
public sealed record MeetingListItem(EmulatorMeeting Meeting, bool UserIsAttendee, bool IsCurrentUserAdmin)
{
    /// <summary>Meetings the user attends, plus those visible to all (userIsAttendee false).</summary>
    public static IEnumerable<MeetingListItem> For(BloomContext ctx, long userId) =>
        ctx.Store.MeetingMap.Values
            .Where(m => m.VisibleToAll || m.AttendeeIds.Contains(userId))
            .Select(m => new MeetingListItem(m, m.AttendeeIds.Contains(userId), m.CreatorId == ctx.CallerId))
            .ToList();
}

public sealed class MeetingListItemType : ObjectGraphType<MeetingListItem>
{
    public MeetingListItemType()
    {
        Name = "MeetingListLookupModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Meeting.Id);
        Field<StringGraphType>("name").Resolve(c => c.Source.Meeting.Name);
        Field<StringGraphType>("meetingType").Resolve(_ => "L10");
        Field<NonNullGraphType<FloatGraphType>>("createdTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.Meeting.CreateTime));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(_ => false);
        Field<NonNullGraphType<BooleanGraphType>>("userIsAttendee").Resolve(c => c.Source.UserIsAttendee);
        Field<NonNullGraphType<BooleanGraphType>>("isCurrentUserAdmin").Resolve(c => c.Source.IsCurrentUserAdmin);
    }
}

/// <summary><c>MeetingListLookupModelFilterInput</c> (inferred name, §4.1).</summary>
public sealed class MeetingListLookupModelFilterInput : FilterInputType<MeetingListLookupModelFilterInput, MeetingListItem>
{
    public MeetingListLookupModelFilterInput() : base("MeetingListLookupModelFilterInput")
    {
        Long("id", m => m.Meeting.Id);
        Bool("userIsAttendee", m => m.UserIsAttendee);
        Bool("archived", _ => false);
        String("name", m => m.Meeting.Name);
    }
}

public sealed class MeetingListLookupModelSortInput : SortInputType<MeetingListLookupModelSortInput, MeetingListItem>
{
    public MeetingListLookupModelSortInput() : base("MeetingListLookupModelSortInput")
    {
        By("id", m => m.Meeting.Id);
        By("name", m => m.Meeting.Name);
        By("createdTimestamp", m => m.Meeting.CreateTime);
    }
}
