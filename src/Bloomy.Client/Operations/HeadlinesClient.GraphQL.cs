using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

// The headline operations REST lacks, over GraphQL (bloom-graphql.md §11, bloom-api-extras.md §13): archive, restore,
// owner change, notes (write and read) and lists with archived headlines.
public sealed partial class HeadlinesClient
{
    /// <summary>Gets a headline over GraphQL (<c>headline(id)</c>), with its notes as plain text.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The headline, <see cref="Headline.Notes"/> filled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such headline (or not visible to the caller).</exception>
    public Task<Headline> GetWithNotesAsync(long headlineId, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        return RunAsync();

        async Task<Headline> RunAsync()
        {
            var value = await GraphQL.ReadRequiredAsync(GraphQLDocuments.Headline, new JsonObject { ["id"] = headlineId },
                $"headline {headlineId}", cancellationToken).ConfigureAwait(false);
            return ReadHeadline(GraphQLDocuments.Headline, value);
        }
    }

    /// <summary>
    /// Returns copies of <paramref name="headlines"/> with <see cref="Headline.Notes"/> filled: one GraphQL read per
    /// headline, run concurrently (within the connection's cap), in input order.
    /// </summary>
    /// <param name="headlines">Headlines from any read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The same headlines, in the same order, with their notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headlines"/> is null.</exception>
    public Task<IReadOnlyList<Headline>> AddNotesAsync(IReadOnlyList<Headline> headlines, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(headlines, nameof(headlines));
        var items = headlines.ToList();
        return RunAsync();

        async Task<IReadOnlyList<Headline>> RunAsync()
        {
            var read = await Task.WhenAll(items.Select(h => GetWithNotesAsync(h.Id, cancellationToken))).ConfigureAwait(false);
            return items.Select((h, i) => WithNotes(h, read[i].Notes)).ToList();
        }
    }

    /// <summary>
    /// Lists headlines over GraphQL, archived ones included: a meeting's (<c>meeting.headlines</c> and
    /// <c>meeting.archivedHeadlines</c>) or a user's (<c>headlines(userId)</c>), every page read, sorted by creation.
    /// </summary>
    /// <param name="userId">The user; null (and no meeting) means the current user.</param>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="includeArchived">Also return archived headlines; without it only open ones.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The headlines, with their notes.</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">No such meeting.</exception>
    public Task<IReadOnlyList<Headline>> ListOverGraphQLAsync(long? userId = null, long? meetingId = null, bool includeArchived = true,
        CancellationToken cancellationToken = default)
    {
        Guard.UserOrMeeting(userId, meetingId, Guard.BothIdsHeadlineMessage);
        return RunAsync();

        async Task<IReadOnlyList<Headline>> RunAsync()
        {
            var nodes = new List<(GraphQLDocument Document, JsonElement Node)>();
            if (meetingId is long meeting)
            {
                var variables = new JsonObject { ["meetingId"] = meeting };
                var parent = $"meeting {meeting}";
                foreach (var n in await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.MeetingHeadlines, variables,
                    new[] { "headlines" }, parent, cancellationToken).ConfigureAwait(false))
                {
                    nodes.Add((GraphQLDocuments.MeetingHeadlines, n));
                }
                if (includeArchived)
                {
                    foreach (var n in await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.MeetingArchivedHeadlines, variables,
                        new[] { "archivedHeadlines" }, parent, cancellationToken).ConfigureAwait(false))
                    {
                        nodes.Add((GraphQLDocuments.MeetingArchivedHeadlines, n));
                    }
                }
            }
            else
            {
                var user = await UserIdAsync(userId, cancellationToken).ConfigureAwait(false);
                var variables = new JsonObject
                {
                    ["userId"] = user,
                    ["where"] = includeArchived ? null : new JsonObject { ["archived"] = new JsonObject { ["eq"] = false } },
                };
                foreach (var n in await GraphQLPager.ReadAllAsync(GraphQL, GraphQLDocuments.UserHeadlines, variables,
                    Array.Empty<string>(), $"user {user}", cancellationToken).ConfigureAwait(false))
                {
                    nodes.Add((GraphQLDocuments.UserHeadlines, n));
                }
            }
            // Merged, de-duplicated by id, sorted by (creation, id) as §11.2 says.
            return nodes.Select(n => ReadHeadline(n.Document, n.Node))
                .GroupBy(h => h.Id).Select(g => g.First())
                .OrderBy(h => h.CreateTime).ThenBy(h => h.Id).ToList();
        }
    }

    /// <summary>
    /// Shares a headline with notes over GraphQL: <c>CreateNote</c> makes the notes pad (its failure stops everything),
    /// <c>CreateHeadline</c> creates the headline pointing at it, then it is read back (bloom-graphql.md §6.2, §11.3).
    /// </summary>
    /// <param name="meetingId">The meeting.</param>
    /// <param name="title">The title.</param>
    /// <param name="notes">The notes, plain text (line breaks kept).</param>
    /// <param name="ownerId">The owner; null means the caller.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The created headline, with its notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="title"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<Headline> CreateWithNotesAsync(long meetingId, string title, string notes, long? ownerId = null,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(meetingId, nameof(meetingId));
        Guard.Title(title, nameof(title));
        Guard.NotNull(notes, nameof(notes));
        Guard.OptionalId(ownerId, nameof(ownerId));
        return RunAsync();

        async Task<Headline> RunAsync()
        {
            var input = new JsonObject { ["title"] = title, ["meetings"] = new JsonArray(meetingId) };
            if (ownerId is long owner) input["assignee"] = owner;
            await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            var created = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateHeadline, new JsonObject { ["input"] = input }, cancellationToken)
                .ConfigureAwait(false);
            var id = GraphQLEntityReader.Map(GraphQLDocuments.CreateHeadline, created, e => GraphQLEntityReader.Id(e));
            return await GetWithNotesAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Changes a headline in one GraphQL <c>EditHeadline</c> (bloom-graphql.md §11.4–11.6), without reading it back:
    /// title, owner (<c>assignee</c>), archived state and notes (a new pad made first by <c>CreateNote</c>; its failure
    /// stops the edit).
    /// </summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="change">What to change; at least one field.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has applied the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    /// <exception cref="ArgumentException">Nothing to change, or the title is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyGraphQLException">The server reported a failure (top-level errors), e.g. an unknown headline.</exception>
    public Task SendChangeAsync(long headlineId, HeadlineChange change, CancellationToken cancellationToken = default)
    {
        Guard.Id(headlineId, nameof(headlineId));
        Guard.NotNull(change, nameof(change));
        var (title, ownerId, notes, archived) = (change.Title, change.OwnerId, change.Notes, change.Archived);
        if (title is null && ownerId is null && notes is null && archived is null)
        {
            throw new ArgumentException("At least one field must be provided for update", nameof(change));
        }
        Guard.OptionalTitle(title, nameof(change));
        Guard.OptionalId(ownerId, nameof(change));
        return RunAsync();

        async Task RunAsync()
        {
            var input = new JsonObject { ["headlineId"] = headlineId };
            if (title is not null) input["title"] = title;
            // The owner key of this input is "assignee", not assigneeId (§11.4).
            if (ownerId is long owner) input["assignee"] = owner;
            if (archived is bool archive) input["archived"] = archive;
            if (notes is not null) await NotesWriter.AttachAsync(GraphQL, input, notes, cancellationToken).ConfigureAwait(false);
            await GraphQL.ExecuteAsync(GraphQLDocuments.EditHeadline, new JsonObject { ["input"] = input }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Archives a headline (GraphQL <c>EditHeadline</c> with <c>archived: true</c>), without reading it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has archived the headline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task ArchiveAsync(long headlineId, CancellationToken cancellationToken = default) =>
        SendChangeAsync(headlineId, new HeadlineChange { Archived = true }, cancellationToken);

    /// <summary>Restores an archived headline (GraphQL <c>EditHeadline</c> with <c>archived: false</c>), without reading it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has restored the headline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task RestoreAsync(long headlineId, CancellationToken cancellationToken = default) =>
        SendChangeAsync(headlineId, new HeadlineChange { Archived = false }, cancellationToken);

    /// <summary>Hands a headline to another owner (GraphQL <c>EditHeadline</c> with <c>assignee</c>), without reading it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="ownerId">The new owner.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has changed the owner.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task SetOwnerAsync(long headlineId, long ownerId, CancellationToken cancellationToken = default)
    {
        Guard.Id(ownerId, nameof(ownerId));
        return SendChangeAsync(headlineId, new HeadlineChange { OwnerId = ownerId }, cancellationToken);
    }

    /// <summary>Replaces a headline's notes (GraphQL <c>CreateNote</c>, then <c>EditHeadline</c>), without reading it back.</summary>
    /// <param name="headlineId">The headline.</param>
    /// <param name="notes">The notes, plain text (line breaks kept).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes once the server has attached the new notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headlineId"/> is not positive.</exception>
    public Task SetNotesAsync(long headlineId, string notes, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(notes, nameof(notes));
        return SendChangeAsync(headlineId, new HeadlineChange { Notes = notes }, cancellationToken);
    }

    // A GraphQL headline (§11) as the model REST reads also fill.
    internal static Headline ReadHeadline(GraphQLDocument document, JsonElement value) =>
        GraphQLEntityReader.Map(document, value, e =>
        {
            var meeting = GraphQLEntityReader.Object(e, "meeting");
            var owner = GraphQLEntityReader.Object(e, "assignee");
            return new Headline
            {
                Id = GraphQLEntityReader.Id(e),
                Title = GraphQLEntityReader.String(e, "title") ?? "",
                OwnerId = GraphQLEntityReader.OptionalId(owner, "id"),
                OwnerName = GraphQLEntityReader.String(owner, "fullName"),
                MeetingId = GraphQLEntityReader.OptionalId(meeting, "id") ?? GraphQLEntityReader.OptionalId(e, "recurrenceId"),
                MeetingName = GraphQLEntityReader.String(meeting, "name"),
                Archived = GraphQLEntityReader.Bool(e, "archived"),
                CreateTime = GraphQLEntityReader.Time(e, "dateCreated"),
                CloseTime = GraphQLEntityReader.Time(e, "archivedTimestamp"),
                Notes = PadNotes.ExtractText(e),
            };
        });

    private static Headline WithNotes(Headline h, string? notes) => new()
    {
        Id = h.Id,
        Title = h.Title,
        DetailsUrl = h.DetailsUrl,
        OwnerId = h.OwnerId,
        OwnerName = h.OwnerName,
        MeetingId = h.MeetingId,
        MeetingName = h.MeetingName,
        Archived = h.Archived,
        CreateTime = h.CreateTime,
        CloseTime = h.CloseTime,
        Notes = notes,
    };
}
