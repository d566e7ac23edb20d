using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bloomy.Client.GraphQL;

// Reads every node of one connection (bloom-graphql.md §4.8): the document declares $after: String and selects
// pageInfo { hasNextPage endCursor } on the connection; the first request sends no cursor (the server's default page
// size applies), each next one the previous endCursor, until hasNextPage is false. Never silently truncated: a page
// without pageInfo, a repeated cursor or more than MaxPages pages fail loudly (InvalidResponse).
internal static class GraphQLPager
{
    public const int MaxPages = 1000;

    // connectionPath: the fields from the root field's value down to the connection; empty when the root field is the
    // connection itself (users). parent names the root item for a not-found error ("meeting 5", "the organisation").
    // cursorVariable: the variable the connection's after: argument takes (a document with two connections pages each
    // with its own, e.g. $issuesAfter and $longTermAfter, one ReadAllAsync per connection).
    public static async Task<IReadOnlyList<JsonElement>> ReadAllAsync(
        GraphQLTransport transport, GraphQLDocument document, JsonObject? variables, IReadOnlyList<string> connectionPath,
        string parent, CancellationToken ct, int maxPages = MaxPages, string cursorVariable = "after")
    {
        if (transport is null) throw new ArgumentNullException(nameof(transport));
        if (document is null) throw new ArgumentNullException(nameof(document));
        if (connectionPath is null) throw new ArgumentNullException(nameof(connectionPath));
        var where = connectionPath.Count == 0 ? document.Name : document.Name + "." + string.Join(".", connectionPath);
        var nodes = new List<JsonElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var page = 1; ; page++)
        {
            if (page > maxPages)
            {
                throw Invalid(document, $"GraphQL {where} still had more pages after {maxPages} pages; stopped rather than loop on (is the server repeating pages?).");
            }
            var pageVariables = variables is null ? new JsonObject() : (JsonObject)variables.DeepClone();
            if (after is not null)
            {
                pageVariables[cursorVariable] = after;
            }
            var root = await transport.ExecuteAsync(document, pageVariables, ct).ConfigureAwait(false);
            var connection = GraphQLResults.Required(root, document, parent);
            foreach (var field in connectionPath)
            {
                if (connection.ValueKind != JsonValueKind.Object || !connection.TryGetProperty(field, out connection) || connection.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(document, $"GraphQL {where} returned no connection '{field}' on page {page}.");
                }
            }
            if (connection.ValueKind != JsonValueKind.Object
                || !connection.TryGetProperty("nodes", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(document, $"GraphQL {where} returned no nodes list on page {page}.");
            }
            nodes.AddRange(list.EnumerateArray());
            if (!connection.TryGetProperty("pageInfo", out var info) || info.ValueKind != JsonValueKind.Object
                || !info.TryGetProperty("hasNextPage", out var hasNext) || hasNext.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw Invalid(document, $"GraphQL {where} returned no pageInfo.hasNextPage on page {page}: cannot tell whether the list is complete.");
            }
            if (hasNext.ValueKind == JsonValueKind.False)
            {
                return nodes;
            }
            if (!info.TryGetProperty("endCursor", out var cursor) || cursor.ValueKind != JsonValueKind.String || cursor.GetString()!.Length == 0)
            {
                throw Invalid(document, $"GraphQL {where} said more pages follow page {page} but gave no endCursor.");
            }
            after = cursor.GetString()!;
            if (!seen.Add(after))
            {
                throw Invalid(document, $"GraphQL {where} returned the cursor of an earlier page again on page {page}; stopped rather than loop forever.");
            }
        }
    }

    private static BloomyGraphQLException Invalid(GraphQLDocument document, string message) =>
        new(BloomyFailureKind.InvalidResponse, message, document.Name, 200);
}
