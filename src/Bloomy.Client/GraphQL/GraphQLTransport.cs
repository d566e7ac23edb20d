using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.Http;

namespace Bloomy.Client.GraphQL;

// The GraphQL transport of a connection (BloomyHttp.GraphQL): POSTs a document of the table with its variables to
// the GraphQL endpoint through the connection's own pipeline (cap, rate-limit gate, retries, body cap, token session,
// cancellation, request events named "graphql/ <root field>"), then checks the answer as bloom-graphql.md §3 orders.
internal sealed class GraphQLTransport
{
    private readonly BloomyHttp _http;
    private readonly GraphQLResponseReader _reader;

    public GraphQLTransport(BloomyHttp http, FailureMapper failures)
    {
        _http = http;
        _reader = new GraphQLResponseReader(failures);
    }

    public Uri Uri => _http.GraphQLUri;

    // The root field's value (a clone, safe to keep) after the checks of the document's family. Query and List
    // documents return JSON null for an unknown id or parent: pass it to GraphQLResults.Required to name the item.
    public async Task<JsonElement> ExecuteAsync(GraphQLDocument document, JsonObject? variables, CancellationToken ct)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }
        var body = GraphQLEnvelope.Write(document, variables);
        var (state, result) = await _http.PostToEndpointAsync(_http.GraphQLUri, Label(document), body, !document.IsMutation, ct).ConfigureAwait(false);
        return _reader.Read(document, state, result);
    }

    // How a request shows in -Verbose events and errors: the root field, never the variables.
    public static string Label(GraphQLDocument document) => "graphql/ " + document.Name;
}

// The request body: {"query": "...", "variables": {...}}, variables {} when there are none (as the SDK sends).
internal static class GraphQLEnvelope
{
    public static byte[] Write(GraphQLDocument document, JsonObject? variables)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("query", document.Text);
            writer.WritePropertyName("variables");
            if (variables is null)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                variables.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
