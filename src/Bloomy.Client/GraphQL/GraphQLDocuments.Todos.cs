namespace Bloomy.Client.GraphQL;

// To-dos (bloom-graphql.md §12): read by id (notes), the meeting list with archived ones, create with notes, edit
// (archive, restore, owner, notes). Reading, completing and reopening stay on REST (bloom-api-extras.md §13).
internal static partial class GraphQLDocuments
{
    // Every field of a to-do (§12), the notes fields (§6.1) and the two projections (§7).
    internal const string TodoFields =
        "id title dueDate completed completedTimestamp archived archivedTimestamp dateCreated "
        + PadNotes.Fields + " assignee { id fullName } meeting { id name }";

    // One to-do by id (§12.1); null = not found.
    public static readonly GraphQLDocument Todo = new(
        "todo", GraphQLFamily.Query, $$"""
        query($id: Long!) {
          todo(id: $id) { {{TodoFields}} }
        }
        """);

    // A meeting's to-dos (§12.2): todosActives drops archived ones, todos holds every one; one is read per request.
    public static readonly GraphQLDocument MeetingTodos = new(
        "meeting", GraphQLFamily.List, $$"""
        query($meetingId: Long!, $where: TodoQueryModelFilterInput, $includeArchived: Boolean!, $after: String) {
          meeting(id: $meetingId) {
            todosActives(where: $where, order: [{ dueDate: ASC }], after: $after) @skip(if: $includeArchived) {
              nodes { {{TodoFields}} }
              pageInfo { hasNextPage endCursor }
            }
            todos(where: $where, order: [{ dueDate: ASC }], after: $after) @include(if: $includeArchived) {
              nodes { {{TodoFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """);

    // Creates a to-do (§12.3), F-entity: the created to-do is the answer (no re-read).
    public static readonly GraphQLDocument CreateTodo = new(
        "CreateTodo", GraphQLFamily.Entity, $$"""
        mutation($input: TodoCreateModelInput!) {
          CreateTodo(input: $input) { {{TodoFields}} }
        }
        """);

    // Edits a to-do (§12.4–12.8): omitted keys are unchanged, archivedTimestamp: null restores.
    public static readonly GraphQLDocument EditTodo = new(
        "EditTodo", GraphQLFamily.Response, """
        mutation($input: TodoEditModelInput!) {
          EditTodo(input: $input) { success message errorDetails { message } }
        }
        """);
}
