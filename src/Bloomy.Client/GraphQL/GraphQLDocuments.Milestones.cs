namespace Bloomy.Client.GraphQL;

// Milestones of a goal (bloom-graphql.md §14). There is no root milestone(id): reads go through goal(id) { milestones }.
// The milestone filter type is unverified (§4.1), so its where stays an inline literal (with a variable inside for the id).
internal static partial class GraphQLDocuments
{
    // Every live milestone of a goal (§14.1), by due date, a page at a time; goal null → the goal was not found.
    public static readonly GraphQLDocument GoalMilestones = new(
        "goal", GraphQLFamily.List, """
        query($goalId: Long!, $after: String) {
          goal(id: $goalId) {
            milestones(after: $after, where: { and: [{ dateDeleted: { eq: null } }] }, order: [{ dueDate: ASC }]) {
              nodes { id goalId title dueDate completed status dateCreated }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // One milestone under its goal (§14.2); no node → not under that goal (or deleted).
    public static readonly GraphQLDocument GoalMilestone = new(
        "goal", GraphQLFamily.List, """
        query($goalId: Long!, $milestoneId: Long!, $after: String) {
          goal(id: $goalId) {
            milestones(after: $after, where: { and: [{ dateDeleted: { eq: null } }, { id: { eq: $milestoneId } }] }) {
              nodes { id goalId title dueDate completed status dateCreated }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // §14.3: rockId is the goal id. F-id.
    public static readonly GraphQLDocument CreateMilestone = new(
        "CreateMilestone", GraphQLFamily.Id, """
        mutation($input: MilestoneCreateModelInput!) {
          CreateMilestone(input: $input) { id }
        }
        """);

    // §14.4/§14.5: only the given keys. F-id.
    public static readonly GraphQLDocument EditMilestone = new(
        "EditMilestone", GraphQLFamily.Id, """
        mutation($input: MilestoneEditModelInput!) {
          EditMilestone(input: $input) { id }
        }
        """);

    // §14.6: soft delete. F-response.
    public static readonly GraphQLDocument DeleteMilestone = new(
        "DeleteMilestone", GraphQLFamily.Response, """
        mutation($milestoneId: Long!) {
          DeleteMilestone(milestoneId: $milestoneId) { success message errorDetails { message } }
        }
        """);
}
