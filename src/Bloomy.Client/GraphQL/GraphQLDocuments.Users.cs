namespace Bloomy.Client.GraphQL;

// Users and the current user (bloom-graphql.md §5, §8).
internal static partial class GraphQLDocuments
{
    // The caller's id. A mutation in name only (§5): safe to send again.
    public static readonly GraphQLDocument GetAuthenticatedUserId = new(
        "getAuthenticatedUserId", GraphQLFamily.Value, """
        mutation {
          getAuthenticatedUserId { id }
        }
        """, retrySafe: true);

    // One user by id (§8.1); null = not found.
    public static readonly GraphQLDocument User = new(
        "user", GraphQLFamily.Query, """
        query($id: Long!) {
          user(id: $id) { id firstName lastName fullName email avatar }
        }
        """);

    // Every user of the organisation (§8.2), a page at a time.
    public static readonly GraphQLDocument Users = new(
        "users", GraphQLFamily.List, """
        query($after: String) {
          users(after: $after, order: [{ fullName: ASC }]) {
            nodes { id firstName lastName fullName email avatar }
            pageInfo { hasNextPage endCursor }
          }
        }
        """);
}
