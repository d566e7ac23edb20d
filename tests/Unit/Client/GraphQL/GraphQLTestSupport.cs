using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;
using Microsoft.Extensions.Time.Testing;

namespace Bloomy.Tests.Client.GraphQL;

// A loopback-free scripted GraphQL server: the FakeHandler of the transport tests answers queued status/body pairs
// and records every request; these helpers read the recorded envelopes.
internal static class GraphQLTest
{
    public static readonly Uri Endpoint = new("http://127.0.0.1:5999/graphql/");

    public static readonly GraphQLDocument Query = new("todo", GraphQLFamily.Query, "query($id: Long!) { todo(id: $id) { id title } }");

    public static readonly GraphQLDocument Mutation = new("EditTodo", GraphQLFamily.Response,
        "mutation($input: TodoEditModelInput!) { EditTodo(input: $input) { success message errorDetails { message } } }");

    // A root connection (no parent), paged.
    public static readonly GraphQLDocument RootList = new("users", GraphQLFamily.List,
        "query($after: String) { users(after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }");

    public static BloomyHttp Http(FakeHandler handler, FakeTimeProvider time, Action<Bloomy.Client.BloomyClientOptions>? configure = null) =>
        CoreTest.Http(handler, time, configure);

    public static FakeHandler Answer(this FakeHandler handler, string body, HttpStatusCode status = HttpStatusCode.OK) =>
        handler.Respond(status, body);

    // The recorded request body as JSON: {"query": ..., "variables": {...}}.
    public static JsonNode Envelope(RecordedRequest request) => JsonNode.Parse(request.Body!)!;

    public static JsonObject Vars(params (string Name, JsonNode? Value)[] pairs)
    {
        var o = new JsonObject();
        foreach (var (name, value) in pairs)
        {
            o[name] = value;
        }
        return o;
    }

    public static string Data(string field, string json) => "{\"data\":{\"" + field + "\":" + json + "}}";
}
