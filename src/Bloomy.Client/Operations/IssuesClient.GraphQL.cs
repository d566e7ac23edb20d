using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

// The issue operations REST cannot do, over GraphQL (bloom-graphql.md §10; bloom-api-extras.md §13): long-term lists,
// moves between meetings and to/from the long-term list, owner changes, archive and restore, notes as pads.
public sealed partial class IssuesClient
{
    /// <summary>Gets an issue over GraphQL (<c>issue(id)</c>), with its long-term flag and notes.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such issue, or the caller cannot see it.</exception>
    public Task<Issue> GetDetailsAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return RunAsync();

        async Task<Issue> RunAsync()
        {
            var value = await GraphQL.ReadRequiredAsync(GraphQLDocuments.Issue, IdVariables(issueId), $"issue {issueId}", cancellationToken)
                .ConfigureAwait(false);
            return IssueReader.Read(value);
        }
    }

    /// <summary>Reads an issue's notes as plain text over GraphQL (one request); null when it has none.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The notes, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such issue, or the caller cannot see it.</exception>
    public Task<string?> GetNotesAsync(long issueId, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        return RunAsync();

        async Task<string?> RunAsync()
        {
            var value = await ReadNotesAsync(issueId, cancellationToken).ConfigureAwait(false);
            return PadNotes.ExtractText(value);
        }
    }

    private Task<JsonElement> ReadNotesAsync(long issueId, CancellationToken cancellationToken) =>
        GraphQL.ReadRequiredAsync(GraphQLDocuments.IssueNotes, IdVariables(issueId), $"issue {issueId}", cancellationToken);

    /// <summary>
    /// Returns the issues with their notes filled in: one GraphQL read per issue, all at once (the connection's
    /// concurrency cap applies), in input order.
    /// </summary>
    /// <param name="issues">Issues from any read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The same issues, each with <see cref="Issue.Notes"/> set, and <see cref="Issue.LongTerm"/> and <see cref="Issue.Archived"/> as GraphQL reports them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issues"/> is null.</exception>
    public Task<IReadOnlyList<Issue>> IncludeNotesAsync(IReadOnlyList<Issue> issues, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(issues, nameof(issues));
        foreach (var issue in issues)
        {
            Guard.NotNull(issue, "issue");
        }
        var list = issues.ToList();
        return RunAsync();

        async Task<IReadOnlyList<Issue>> RunAsync()
        {
            var notes = await Task.WhenAll(list.Select(i => ReadNotesAsync(i.Id, cancellationToken))).ConfigureAwait(false);
            return list.Select((issue, index) => IssueReader.WithNotes(issue, notes[index])).ToList();
        }
    }

    /// <summary>Lists a meeting's long-term issues (<c>meeting.longTermIssues</c>), every page.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The long-term issues, oldest first, with their notes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such meeting, or the caller cannot see it.</exception>
    public Task<IReadOnlyList<Issue>> ListLongTermAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return ListMeetingConnectionAsync(GraphQLDocuments.MeetingLongTermIssues, "longTermIssues", meetingId,
            new JsonObject { ["and"] = new JsonArray(new JsonObject { ["addToDepartmentPlan"] = new JsonObject { ["eq"] = true } }) },
            cancellationToken);
    }

    /// <summary>Lists a meeting's archived issues (<c>meeting.archivedIssues</c>), every page.</summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The archived issues, oldest first, with their notes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="meetingId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such meeting, or the caller cannot see it.</exception>
    public Task<IReadOnlyList<Issue>> ListArchivedAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        return ListMeetingConnectionAsync(GraphQLDocuments.MeetingArchivedIssues, "archivedIssues", meetingId,
            new JsonObject { ["and"] = new JsonArray(new JsonObject { ["addToDepartmentPlan"] = new JsonObject { ["eq"] = false } }) },
            cancellationToken);
    }

    /// <summary>
    /// Raises an issue over GraphQL (<c>CreateIssue</c>), the route that can put it straight on the long-term list and
    /// write multi-line notes as a pad.
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="title">The title.</param>
    /// <param name="longTerm">Create it on the long-term list.</param>
    /// <param name="userId">The owner; null means the current user.</param>
    /// <param name="notes">Notes (a pad is written first; its failure stops the create).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created issue.</returns>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Issue> CreateOverGraphQLAsync(long meetingId, string title, bool longTerm, long? userId = null, string? notes = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Title(title, nameof(title));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<Issue> RunAsync()
        {
            var input = new JsonObject { ["title"] = title, ["recurrenceId"] = meetingId, ["addToDepartmentPlan"] = longTerm };
            if (userId is long owner) input["ownerId"] = owner;
            if (notes is not null) await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            var value = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateIssue, new JsonObject { ["input"] = input }, cancellationToken)
                .ConfigureAwait(false);
            return IssueReader.Read(value);
        }
    }

    /// <summary>Changes an issue over GraphQL (<c>EditIssue</c>, only the given keys) without reading it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="change">The changes; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has made the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">No change was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task SendEditAsync(long issueId, IssueChange change, CancellationToken cancellationToken = default)
    {
        Guard.Id(issueId, nameof(issueId));
        var input = EditInput(issueId, change);
        var notes = change.Notes;
        return RunAsync();

        async Task RunAsync()
        {
            if (notes is not null) await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            await GraphQL.ExecuteAsync(GraphQLDocuments.EditIssue, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Changes an issue over GraphQL (<c>EditIssue</c>) and reads it back (<c>issue(id)</c>).</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="change">The changes; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issue after the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">No change was given, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Issue> EditAsync(long issueId, IssueChange change, CancellationToken cancellationToken = default)
    {
        var send = SendEditAsync(issueId, change, cancellationToken);
        return RunAsync();

        async Task<Issue> RunAsync()
        {
            await send.ConfigureAwait(false);
            return await GetDetailsAsync(issueId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves an issue to another meeting (<c>EditIssue</c> with <c>meetingId</c>) and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="meetingId">The meeting to move it to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The moved issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Issue> MoveAsync(long issueId, long meetingId, CancellationToken cancellationToken = default) =>
        EditAsync(issueId, new IssueChange { MeetingId = meetingId }, cancellationToken);

    /// <summary>Archives an issue (<c>EditIssue</c> with <c>archived: true</c>) and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The archived issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> ArchiveAsync(long issueId, CancellationToken cancellationToken = default) =>
        EditAsync(issueId, new IssueChange { Archived = true }, cancellationToken);

    /// <summary>Restores an archived issue (<c>EditIssue</c> with <c>archived: false</c>; it comes back short-term) and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The restored issue.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> RestoreAsync(long issueId, CancellationToken cancellationToken = default) =>
        EditAsync(issueId, new IssueChange { Archived = false }, cancellationToken);

    /// <summary>Moves an issue to (true) or from (false) its meeting's long-term list and reads it back.</summary>
    /// <param name="issueId">The issue.</param>
    /// <param name="longTerm">True: long-term list (department plan); false: short-term list.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The issue after the move.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueId"/> is not positive.</exception>
    public Task<Issue> SetLongTermAsync(long issueId, bool longTerm, CancellationToken cancellationToken = default) =>
        EditAsync(issueId, new IssueChange { LongTerm = longTerm }, cancellationToken);

    // The EditIssue input (§10.4): id plus only the given keys; checked before anything is sent.
    private static JsonObject EditInput(long issueId, IssueChange change)
    {
        Guard.NotNull(change, nameof(change));
        if (change.IsEmpty)
        {
            throw new ArgumentException("At least one change must be provided (title, owner, meeting, long-term, archived or notes).", nameof(change));
        }
        Guard.OptionalTitle(change.Title, "title");
        Guard.OptionalId(change.OwnerId, "ownerId");
        Guard.OptionalId(change.MeetingId, "meetingId");
        var input = new JsonObject { ["id"] = issueId };
        if (change.Title is not null) input["title"] = change.Title;
        if (change.OwnerId is long owner) input["assigneeId"] = owner;
        if (change.MeetingId is long meeting) input["meetingId"] = meeting;
        if (change.LongTerm is bool longTerm) input["addToDepartmentPlan"] = longTerm;
        if (change.Archived is bool archived) input["archived"] = archived;
        return input;
    }

    private static JsonObject IdVariables(long id) => new() { ["id"] = id };

    private async Task<IReadOnlyList<Issue>> ListMeetingConnectionAsync(GraphQLDocument document, string connection, long meetingId,
        JsonObject where, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["meetingId"] = meetingId, ["where"] = where };
        var nodes = await GraphQLPager.ReadAllAsync(GraphQL, document, variables, new[] { connection }, $"meeting {meetingId}", cancellationToken)
            .ConfigureAwait(false);
        // §10.2: de-duplicated by id, sorted by (dateCreated, id); nodes select their meeting, the argument fills a gap.
        return nodes.Select(n => IssueReader.Read(n, meetingId))
            .GroupBy(i => i.Id).Select(g => g.First())
            .OrderBy(i => i.CreateTime).ThenBy(i => i.Id).ToList();
    }
}
