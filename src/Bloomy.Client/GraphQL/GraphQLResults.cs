using System.Text.Json;

namespace Bloomy.Client.GraphQL;

// What callers do with a root field's value that may be null (F-query, F-list): name the missing item.
internal static class GraphQLResults
{
    // The value, or BloomyNotFoundException naming the item ("to-do 123", "meeting 5") when GraphQL returned null:
    // an unknown id or one the caller cannot see (bloom-graphql.md §3). For a list, subject names its parent.
    public static JsonElement Required(JsonElement value, GraphQLDocument document, string subject)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new BloomyNotFoundException(subject, "POST", GraphQLTransport.Label(document));
        }
        return value;
    }

    // Execute a by-id read and require its result.
    public static async Task<JsonElement> ReadRequiredAsync(this GraphQLTransport transport, GraphQLDocument document,
        System.Text.Json.Nodes.JsonObject? variables, string subject, CancellationToken ct)
    {
        var value = await transport.ExecuteAsync(document, variables, ct).ConfigureAwait(false);
        return Required(value, document, subject);
    }
}
