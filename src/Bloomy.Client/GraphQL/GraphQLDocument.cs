namespace Bloomy.Client.GraphQL;

// How an operation's root field tells success from failure (bloom-graphql.md §3).
internal enum GraphQLFamily
{
    // { success message errorDetails { message } }: EditIssue, EditTodo, DeleteMilestone, CreateNote.
    Response,
    // IdModel { id }: Create*/Edit* of goals, headlines, milestones, metrics, scores.
    Id,
    // The created object: CreateIssue, CreateTodo.
    Entity,
    // A by-id read: null means not found (returned as JSON null; GraphQLResults.Required names the item).
    Query,
    // A list under a parent (or a root connection): a null parent is returned as JSON null, for the caller
    // (GraphQLPager, GraphQLResults.Required) to report as "parent not found".
    List,
}

// One hand-written GraphQL document of the table (GraphQLDocuments): one root field, every user value a variable.
internal sealed class GraphQLDocument
{
    // name: the root field the document asks for (and the key of its result under data).
    public GraphQLDocument(string name, GraphQLFamily family, string text)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Family = family;
        Text = text ?? throw new ArgumentNullException(nameof(text));
        IsMutation = text.TrimStart().StartsWith("mutation", StringComparison.Ordinal);
    }

    public string Name { get; }

    public GraphQLFamily Family { get; }

    public string Text { get; }

    // A mutation is never sent again after an unknown outcome (like a POST); a query is retried like a GET.
    public bool IsMutation { get; }

    public override string ToString() => (IsMutation ? "mutation " : "query ") + Name;
}
