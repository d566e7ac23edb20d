using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>
/// An issue (bloom-graphql §10), the same record REST serves. <c>archived</c> is the stored flag: true for a long-term
/// issue too (§10 long-term rule); clients work out "really archived".
/// </summary>
public sealed class IssueType : ObjectGraphType<EmulatorIssue>
{
    public IssueType()
    {
        Name = "IssueQueryModel";
        Field<NonNullGraphType<LongGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("title").Resolve(c => c.Source.Title);
        Field<LongGraphType>("recurrenceId").Resolve(c => c.Source.MeetingId);
        Field<NonNullGraphType<BooleanGraphType>>("addToDepartmentPlan").Resolve(c => c.Source.LongTerm);
        Field<NonNullGraphType<BooleanGraphType>>("completed").Resolve(c => c.Source.Complete);
        Field<FloatGraphType>("completedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.CloseTime));
        Field<NonNullGraphType<BooleanGraphType>>("archived").Resolve(c => c.Source.Archived);
        Field<FloatGraphType>("archivedTimestamp").Resolve(c => ResolveContextExtensions.Unix(c.Source.ArchiveTime));
        Field<NonNullGraphType<FloatGraphType>>("dateCreated").Resolve(c => ResolveContextExtensions.Unix(c.Source.CreateTime));
        Field<IntGraphType>("priorityVoteRank").Resolve(_ => 999);
        Field<NonNullGraphType<IntGraphType>>("numStarVotes").Resolve(_ => 0);
        Field<IntGraphType>("issueNumber").Resolve(c => IssueNumber(c.Bloom().Store, c.Source));
        Field<StringGraphType>("sentToIssueMeetingName").Resolve(_ => null);
        // A description written over REST (no pad) reads as the legacy HTML field, so both transports see it.
        PadNotesFields.Add(this, i => i.NotesId, i => i.CollaborationEnabled,
            i => i.LocalHtml ?? (i.Notes is { Length: > 0 } n ? System.Net.WebUtility.HtmlEncode(n).Replace("\n", "<br>") : null));
        Field<UserType>("assignee").Resolve(c => c.Bloom().Store.UserMap.GetValueOrDefault(c.Source.OwnerId));
        Field<MeetingType>("meeting").Resolve(c => c.Bloom().Store.MeetingMap.GetValueOrDefault(c.Source.MeetingId));
    }

    /// <summary>Per meeting, counting from 1 in creation order (§17.5).</summary>
    internal static int IssueNumber(EmulatorStore store, EmulatorIssue issue) =>
        store.IssueMap.Values.Count(i => i.MeetingId == issue.MeetingId && i.Id <= issue.Id);
}

/// <summary><c>IssueQueryModelFilterInput</c> (verified name, §4.1).</summary>
public sealed class IssueQueryModelFilterInput : FilterInputType<IssueQueryModelFilterInput, EmulatorIssue>
{
    public IssueQueryModelFilterInput() : base("IssueQueryModelFilterInput")
    {
        Long("id", i => i.Id);
        String("title", i => i.Title);
        Bool("addToDepartmentPlan", i => i.LongTerm);
        Bool("completed", i => i.Complete);
        Bool("archived", i => i.Archived);
        String("sentToIssueMeetingName", _ => null);
        Float("dateCreated", i => ResolveContextExtensions.Unix(i.CreateTime));
    }
}

/// <summary><c>IssueQueryModelSortInput</c> (inferred name, §4.1).</summary>
public sealed class IssueQueryModelSortInput : SortInputType<IssueQueryModelSortInput, EmulatorIssue>
{
    public IssueQueryModelSortInput() : base("IssueQueryModelSortInput")
    {
        By("id", i => i.Id);
        By("title", i => i.Title);
        By("dateCreated", i => i.CreateTime);
    }
}

/// <summary><c>IssueCreateModelInput</c>: the keys of §10.3.</summary>
public sealed class IssueCreateModelInput : InputObjectGraphType
{
    public IssueCreateModelInput()
    {
        Name = "IssueCreateModelInput";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<LongGraphType>("ownerId");
        Field<NonNullGraphType<LongGraphType>>("recurrenceId");
        Field<BooleanGraphType>("addToDepartmentPlan");
        Field<StringGraphType>("notes");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
    }
}

/// <summary><c>IssueEditModelInput</c>: the keys of §10.4 (omitted = unchanged).</summary>
public sealed class IssueEditModelInput : InputObjectGraphType
{
    public IssueEditModelInput()
    {
        Name = "IssueEditModelInput";
        Field<NonNullGraphType<LongGraphType>>("id");
        Field<StringGraphType>("title");
        Field<LongGraphType>("assigneeId");
        Field<BooleanGraphType>("addToDepartmentPlan");
        Field<LongGraphType>("meetingId");
        Field<StringGraphType>("notesId");
        Field<BooleanGraphType>("collaborationEnabled");
        Field<BooleanGraphType>("completed");
        Field<FloatGraphType>("completedTimestamp");
        Field<BooleanGraphType>("archived");
        Field<FloatGraphType>("archivedTimestamp");
    }
}
