namespace Bloomy.Client.GraphQL;

// Issues (bloom-graphql.md §10): the by-id read, a meeting's long-term and archived lists, create and edit.
internal static partial class GraphQLDocuments
{
    // Every field of an issue (§10), the notes fields (§6.1) and the two projections.
    internal const string IssueFields =
        "id title recurrenceId addToDepartmentPlan completed completedTimestamp archived archivedTimestamp dateCreated "
        + "priorityVoteRank numStarVotes issueNumber " + PadNotes.Fields + " assignee { id fullName } meeting { id name }";

    // One issue with its meeting (§10.1); null = not found.
    public static readonly GraphQLDocument Issue = new(
        "issue", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          issue(id: $id) { {{IssueFields}} }
        }
        """);

    // The notes of one issue, with the two flags REST does not report right (-IncludeNotes: one small read per item).
    public static readonly GraphQLDocument IssueNotes = new(
        "issue", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          issue(id: $id) { id addToDepartmentPlan archived {{PadNotes.Fields}} }
        }
        """);

    // A meeting's long-term issues (§10.2 with longTerm = true: one connection, followed page by page).
    public static readonly GraphQLDocument MeetingLongTermIssues = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $where: IssueQueryModelFilterInput, $after: String) {
          meeting(id: $meetingId) {
            id name
            longTermIssues(where: $where, after: $after, order: [{ dateCreated: ASC }]) {
              nodes { {{IssueFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // A meeting's archived issues (§10.2 archivedIssues), for -IncludeArchived.
    public static readonly GraphQLDocument MeetingArchivedIssues = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $where: IssueQueryModelFilterInput, $after: String) {
          meeting(id: $meetingId) {
            id name
            archivedIssues(where: $where, after: $after, order: [{ dateCreated: ASC }]) {
              nodes { {{IssueFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // Creates an issue (§10.3), returning it (F-entity).
    public static readonly GraphQLDocument CreateIssue = new(
        "CreateIssue", GraphQLFamily.Entity, $$"""
        mutation($input: IssueCreateModelInput!) {
          CreateIssue(input: $input) { {{IssueFields}} }
        }
        """);

    // Changes an issue (§10.4–10.8): only the keys given change (F-response; re-read to see the result).
    public static readonly GraphQLDocument EditIssue = new(
        "EditIssue", GraphQLFamily.Response, """
        mutation($input: IssueEditModelInput!) {
          EditIssue(input: $input) { success message errorDetails { message } }
        }
        """);
}
