namespace Bloomy.Client.GraphQL;

// Notes (bloom-graphql.md §6): a new pad per write; its id then goes into the entity's create or edit input.
internal static partial class GraphQLDocuments
{
    public static readonly GraphQLDocument CreateNote = new(
        "CreateNote", GraphQLFamily.Response, """
        mutation($text: String) {
          CreateNote(text: $text) { data success message errorDetails { message } }
        }
        """);
}
