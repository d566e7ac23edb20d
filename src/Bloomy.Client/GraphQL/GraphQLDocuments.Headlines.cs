namespace Bloomy.Client.GraphQL;

// Headlines (bloom-graphql.md §11): read by id (notes), a meeting's list with archived ones, create with notes, edit
// (archive, restore, owner, notes). Creating without notes, renaming and deleting stay on REST.
internal static partial class GraphQLDocuments
{
    // Every field of a headline (§11), the notes fields (§6.1) and the two projections (§7).
    internal const string HeadlineFields =
        "id title recurrenceId archived archivedTimestamp dateCreated "
        + PadNotes.Fields + " assignee { id fullName } meeting { id name }";

    // One headline by id (§11.1); null = not found.
    public static readonly GraphQLDocument Headline = new(
        "headline", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          headline(id: $id) { {{HeadlineFields}} }
        }
        """);

    // A meeting's open headlines (§11.2).
    public static readonly GraphQLDocument MeetingHeadlines = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $after: String) {
          meeting(id: $meetingId) {
            headlines(order: [{ dateCreated: ASC }], after: $after) {
              nodes { {{HeadlineFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // A meeting's archived headlines (§11.2: a separate connection).
    public static readonly GraphQLDocument MeetingArchivedHeadlines = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $after: String) {
          meeting(id: $meetingId) {
            archivedHeadlines(order: [{ dateCreated: ASC }], after: $after) {
              nodes { {{HeadlineFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // A user's headlines (§11.2): archived ones included unless $where filters them out.
    public static readonly GraphQLDocument UserHeadlines = new(
        "headlines", GraphQLFamily.List, $$"""
        query($userId: Long!, $where: HeadlineQueryModelFilterInput, $after: String) {
          headlines(userId: $userId, where: $where, order: [{ dateCreated: ASC }], after: $after) {
            nodes { {{HeadlineFields}} }
            pageInfo { hasNextPage endCursor }
          }
        }
        """);

    // Creates a headline (§11.3), F-id; then re-read.
    public static readonly GraphQLDocument CreateHeadline = new(
        "CreateHeadline", GraphQLFamily.Id, """
        mutation($input: HeadlineCreateModelInput!) {
          CreateHeadline(input: $input) { id }
        }
        """);

    // Edits a headline (§11.4–11.6), F-id: archived true/false archives/restores, assignee changes the owner.
    public static readonly GraphQLDocument EditHeadline = new(
        "EditHeadline", GraphQLFamily.Id, """
        mutation($input: HeadlineEditModelInput!) {
          EditHeadline(input: $input) { id }
        }
        """);
}
