using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.GraphQL;

// Through a real socket and the client's own handler: the request reaches /graphql/ beside /api/v1/, and a 400 with
// errors is read, not reported as a bare HTTP 400.
public class GraphQLLoopbackTests
{
    private static readonly GraphQLDocument User = new("user", GraphQLFamily.Query, "query($id: Long!) { user(id: $id) { id fullName } }");

    private static BloomyHttp Http(ScriptedHttpServer server) => new(new BloomyClientOptions
    {
        ApiKey = CoreTest.Key,
        BaseUri = new Uri(server.Root, "api/v1/"),
        MaxRetries = 0,
        ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-missing-" + Guid.NewGuid().ToString("N"), "config.yaml"),
        EnvironmentReader = _ => null,
    });

    [Fact]
    public async Task ARequestGoesToTheGraphQLEndpointOfTheSameHost()
    {
        using var server = new ScriptedHttpServer().Answer(200, GraphQLTest.Data("user", "{\"id\":7,\"fullName\":\"Ada Park\"}"));
        using var http = Http(server);

        var user = await http.GraphQL.ExecuteAsync(User, new JsonObject { ["id"] = 7L }, CancellationToken.None);

        Assert.Equal("Ada Park", user.GetProperty("fullName").GetString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/graphql/", request.RawUrl);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("Bearer " + CoreTest.Key, request.Authorization);
        Assert.True(JsonNode.DeepEquals(
            new JsonObject { ["query"] = User.Text, ["variables"] = new JsonObject { ["id"] = 7 } },
            JsonNode.Parse(request.Body)));
    }

    [Fact]
    public async Task ARefusedDocumentIsReadFromThe400()
    {
        using var server = new ScriptedHttpServer().Answer(400, "{\"errors\":[{\"message\":\"The argument `id` is required.\"}]}");
        using var http = Http(server);

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() =>
            http.GraphQL.ExecuteAsync(User, new JsonObject { ["id"] = 7L }, CancellationToken.None));

        Assert.True(ex.DocumentRefused);
        Assert.Contains("The argument `id` is required.", ex.Message);
    }
}
