namespace Bloomy.Client.GraphQL;

// Goals over GraphQL (bloom-graphql.md §13): only what REST cannot do, the notes (§6). Everything else about goals
// stays on REST (bloom-api-extras.md §13).
internal static partial class GraphQLDocuments
{
    // A goal's notes (§6.1: all four fields). F-query: null → not found.
    public static readonly GraphQLDocument GoalNotes = new(
        "goal", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          goal(id: $id) { id {{PadNotes.Fields}} }
        }
        """);

    // §13.4 with only goalId + notesId + collaborationEnabled (the pad CreateNote just made). F-id.
    public static readonly GraphQLDocument EditGoal = new(
        "EditGoal", GraphQLFamily.Id, """
        mutation($input: GoalEditModelInput!) {
          EditGoal(input: $input) { id }
        }
        """);
}
