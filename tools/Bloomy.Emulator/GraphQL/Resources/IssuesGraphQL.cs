using GraphQL;
using GraphQL.Types;
using Bloomy.Emulator.GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Resources;

/// <summary>
/// issue(id), meeting.{issues, longTermIssues, recentlySolvedIssues, archivedIssues}, CreateIssue and EditIssue
/// (bloom-graphql §10, state rules §17.5) over the records REST serves.
/// </summary>
internal static class IssuesGraphQL
{
    /// <summary>How long a solved issue stays on <c>recentlySolvedIssues</c> (§18.5 leaves it open; §17.5: 7 days).</summary>
    internal static readonly TimeSpan RecentlySolvedWindow = TimeSpan.FromDays(7);

    internal static void Register(BloomQuery q, BloomMutation m)
    {
        q.Field<IssueType>("issue")
            .Argument<NonNullGraphType<LongGraphType>>("id")
            .Resolve(c => c.Bloom().Store.IssueMap.GetValueOrDefault(c.GetArgument<long>("id")));

        q.Extensions.Meeting(t =>
        {
            Connection(t, "issues", i => !i.LongTerm && !i.Archived && !i.Complete);
            Connection(t, "longTermIssues", i => i.LongTerm);
            Connection(t, "recentlySolvedIssues", i => i.Complete && !i.Archived && i.CloseTime is { } closed
                && DateTime.UtcNow - closed <= RecentlySolvedWindow);
            Connection(t, "archivedIssues", i => i.Archived && !i.LongTerm);
        });

        m.Field<IssueType>("CreateIssue")
            .Argument<NonNullGraphType<IssueCreateModelInput>>("input")
            .Resolve(Create);
        m.Field<GraphQLResponseOfBooleanType>("EditIssue")
            .Argument<NonNullGraphType<IssueEditModelInput>>("input")
            .Resolve(Edit);
    }

    private static void Connection(MeetingType meeting, string name, Func<EmulatorIssue, bool> holds) =>
        Connections.Field<IssueType, EmulatorIssue>(meeting, name,
            c => c.Bloom().Store.IssueMap.Values
                .Where(i => i.MeetingId == ((EmulatorMeeting)c.Source!).Id && !i.RemovedFromMeeting && holds(i)).ToList(),
            where: typeof(IssueQueryModelFilterInput), order: typeof(IssueQueryModelSortInput));

    private static Dictionary<string, object?> Input(IResolveFieldContext c) =>
        c.Arguments?["input"].Value is IDictionary<string, object?> d ? new Dictionary<string, object?>(d) : new Dictionary<string, object?>();

    // F-entity: the created issue; an unknown meeting or owner is a top-level execution error.
    private static EmulatorIssue Create(IResolveFieldContext c)
    {
        var ctx = c.Bloom();
        var s = ctx.Store;
        var input = Input(c);
        var title = (input.GetValueOrDefault("title") as string)?.Trim();
        if (string.IsNullOrEmpty(title)) throw BloomErrors.Unexpected("A title is required.");
        var meetingId = Convert.ToInt64(input["recurrenceId"], System.Globalization.CultureInfo.InvariantCulture);
        if (!s.MeetingMap.ContainsKey(meetingId)) throw BloomErrors.Unexpected($"Meeting {meetingId} does not exist.");
        var ownerId = input.GetValueOrDefault("ownerId") is { } o ? Convert.ToInt64(o, System.Globalization.CultureInfo.InvariantCulture) : ctx.CallerId;
        if (!s.UserMap.ContainsKey(ownerId)) throw BloomErrors.Unexpected($"User {ownerId} does not exist.");
        bool longTerm = input.GetValueOrDefault("addToDepartmentPlan") as bool? ?? false;
        var issue = new EmulatorIssue
        {
            Id = s.NextIssueId++, Title = title, OwnerId = ownerId, MeetingId = meetingId, CreateTime = DateTime.UtcNow,
            LongTerm = longTerm, Archived = longTerm,
            NotesId = input.GetValueOrDefault("notesId") as string,
            CollaborationEnabled = input.GetValueOrDefault("collaborationEnabled") as bool? ?? false,
            Notes = input.GetValueOrDefault("notes") as string,
        };
        s.IssueMap[issue.Id] = issue;
        ctx.Emulator.Stats.CountCreated(EmulatorEntityKind.Issue);
        return issue;
    }

    // F-response: only the keys sent change; failures are success:false (§17.4).
    private static GraphQLResponse Edit(IResolveFieldContext c)
    {
        var s = c.Bloom().Store;
        var input = Input(c);
        var id = Convert.ToInt64(input["id"], System.Globalization.CultureInfo.InvariantCulture);
        if (!s.IssueMap.TryGetValue(id, out var i)) return GraphQLResponse.Failed();
        var now = DateTime.UtcNow;
        if (input.TryGetValue("title", out var title))
        {
            if (title is not string t || t.Trim().Length == 0) return GraphQLResponse.Failed("A title is required.", "VALIDATION");
            i = i with { Title = t.Trim() };
        }
        if (input.TryGetValue("assigneeId", out var assignee) && assignee is not null)
        {
            var owner = Convert.ToInt64(assignee, System.Globalization.CultureInfo.InvariantCulture);
            if (!s.UserMap.ContainsKey(owner)) return GraphQLResponse.Failed();
            i = i with { OwnerId = owner };
        }
        if (input.TryGetValue("meetingId", out var meeting) && meeting is not null)
        {
            var target = Convert.ToInt64(meeting, System.Globalization.CultureInfo.InvariantCulture);
            if (!s.MeetingMap.ContainsKey(target)) return GraphQLResponse.Failed();
            i = i with { MeetingId = target, RemovedFromMeeting = false };
        }
        if (input.TryGetValue("notesId", out var pad)) i = i with { NotesId = pad as string, Notes = null };
        if (input.TryGetValue("collaborationEnabled", out var collaboration) && collaboration is bool on) i = i with { CollaborationEnabled = on };
        if (input.TryGetValue("addToDepartmentPlan", out var plan) && plan is bool longTerm)
        {
            // Long-term issues are stored archived; taking one off the list makes it an open short-term issue again.
            i = longTerm ? i with { LongTerm = true, Archived = true } : i.LongTerm ? i with { LongTerm = false, Archived = false } : i;
        }
        if (input.TryGetValue("completed", out var completed) || input.ContainsKey("completedTimestamp"))
        {
            DateTime? stamp = input.TryGetValue("completedTimestamp", out var ts)
                ? ts is null ? null : DateTime.UnixEpoch.AddSeconds(Convert.ToDouble(ts, System.Globalization.CultureInfo.InvariantCulture))
                : completed is true ? now : completed is false ? null : i.CloseTime;
            // Quirk (§10.5, live): while archived, the timestamp changes but completed does not.
            bool done = i.Archived ? i.Complete : completed as bool? ?? stamp is not null;
            i = i with { Complete = done, CloseTime = stamp, CompleteTime = stamp };
        }
        if (input.TryGetValue("archived", out var archived) && archived is bool archive)
        {
            // Archiving a long-term issue takes it off the list (it stays archived); restoring makes it short-term.
            i = archive ? i with { Archived = true, LongTerm = false, ArchiveTime = now } : i with { Archived = false, LongTerm = false, ArchiveTime = null };
        }
        s.IssueMap[id] = i;
        return GraphQLResponse.Ok(true);
    }
}
