using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Http;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.GraphQL;

public class GraphQLTransportTests
{
    [Fact]
    public async Task TheEnvelopeIsAPostOfQueryAndVariablesToTheGraphQLEndpoint()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("todo", "{\"id\":5,\"title\":\"a\"}"));
        using var http = GraphQLTest.Http(handler, time);

        var value = await http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 5L)), CancellationToken.None);

        Assert.Equal("a", value.GetProperty("title").GetString());
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(GraphQLTest.Endpoint, request.Uri);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("Bearer " + CoreTest.Key, request.Authorization);
        var envelope = GraphQLTest.Envelope(request).AsObject();
        Assert.Equal(new[] { "query", "variables" }, envelope.Select(p => p.Key));
        Assert.Equal(GraphQLTest.Query.Text, envelope["query"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"id\":5}"), envelope["variables"]));
    }

    [Fact]
    public async Task NoVariablesAreSentAsAnEmptyObject()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("users", "{\"nodes\":[{\"id\":1305290}],\"pageInfo\":{\"hasNextPage\":false}}"));
        using var http = GraphQLTest.Http(handler, time);

        var value = await http.GraphQL.ExecuteAsync(GraphQLTest.RootList, null, CancellationToken.None);

        Assert.Equal(1305290, value.GetProperty("nodes")[0].GetProperty("id").GetInt64());
        var variables = GraphQLTest.Envelope(Assert.Single(handler.Requests))["variables"];
        Assert.True(JsonNode.DeepEquals(new JsonObject(), variables));
    }

    [Fact]
    public async Task UserTextTravelsOnlyInVariablesAndIsEscapedAsJson()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("EditTodo", "{\"success\":true}"));
        using var http = GraphQLTest.Http(handler, time);
        const string title = "quote \" brace } \\ <b> \u00e9\n";
        var input = new JsonObject { ["todoId"] = 7L, ["title"] = title, ["completedTimestamp"] = null };

        await http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", input)), CancellationToken.None);

        var envelope = GraphQLTest.Envelope(Assert.Single(handler.Requests));
        Assert.Equal(GraphQLTest.Mutation.Text, envelope["query"]!.GetValue<string>());
        Assert.Equal(title, envelope["variables"]!["input"]!["title"]!.GetValue<string>());
        // An explicit null (clears a field) is kept, not dropped.
        Assert.True(envelope["variables"]!["input"]!.AsObject().ContainsKey("completedTimestamp"));
    }

    [Fact]
    public void TheDefaultEndpointIsGraphQLOnTheHostOfTheBaseUri()
    {
        var time = CoreTest.NewTime();
        using var http = GraphQLTest.Http(new FakeHandler(time), time, o => o.BaseUri = new Uri("http://127.0.0.1:8443/api/v1"));
        Assert.Equal(new Uri("http://127.0.0.1:8443/graphql/"), http.GraphQLUri);
        Assert.Equal(new Uri("https://app.bloomgrowth.com/graphql/"), new BloomyClientOptions().GetEffectiveGraphQLUri());
    }

    [Fact]
    public async Task AGivenEndpointIsUsedAsIs()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("todo", "null"));
        using var http = GraphQLTest.Http(handler, time, o => o.GraphQLUri = new Uri("http://localhost:7001/gql"));

        await http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 1L)), CancellationToken.None);

        Assert.Equal(new Uri("http://localhost:7001/gql"), Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task RestPathsStayRelativeToTheApiRoot()
    {
        var time = CoreTest.NewTime();
        using var http = GraphQLTest.Http(new FakeHandler(time), time);
        await Assert.ThrowsAsync<ArgumentException>(() => http.GetAsync("http://127.0.0.1:5999/graphql/", CoreTestJsonContext.Default.TestItem, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => http.GetAsync("/graphql/", CoreTestJsonContext.Default.TestItem, CancellationToken.None));
    }

    [Fact]
    public async Task AQueryIsRetriedAfter503LikeAGet()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.ServiceUnavailable, "busy")
            .Respond(HttpStatusCode.BadGateway)
            .Answer(GraphQLTest.Data("todo", "{\"id\":5}"));
        using var http = GraphQLTest.Http(handler, time);

        var value = await time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 5L)), CancellationToken.None));

        Assert.Equal(5, value.GetProperty("id").GetInt64());
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task AMutationIsNotResentAfter503()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.ServiceUnavailable, "busy").Answer(GraphQLTest.Data("EditTodo", "{\"success\":true}"));
        using var http = GraphQLTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", new JsonObject())), CancellationToken.None)));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("graphql/ EditTodo", ex.Path);
    }

    [Fact]
    public async Task AMutationWhoseAnswerIsLostIsNotResentAndReportedAsUnknownOutcome()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Throw(new HttpRequestException("The response ended prematurely.", new IOException("connection reset")))
            .Answer(GraphQLTest.Data("EditTodo", "{\"success\":true}"));
        using var http = GraphQLTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", new JsonObject())), CancellationToken.None)));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(BloomyFailureKind.OutcomeUnknown, ex.Kind);
        Assert.Contains("POST graphql/ EditTodo", ex.Message);
    }

    [Fact]
    public async Task AMutationThatTimesOutIsNotResent()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Enqueue(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return FakeHandler.Response(HttpStatusCode.OK); })
            .Answer(GraphQLTest.Data("EditTodo", "{\"success\":true}"));
        using var http = GraphQLTest.Http(handler, time, o => o.Timeout = TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", new JsonObject())), CancellationToken.None)));

        Assert.Equal(1, handler.Calls);
        Assert.Equal(BloomyFailureKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task A429IsWaitedOutForAMutationToo()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Respond(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("Retry-After", "3"))
            .Answer(GraphQLTest.Data("EditTodo", "{\"success\":true}"));
        using var http = GraphQLTest.Http(handler, time);
        var events = new List<BloomyRequestEvent>();

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", new JsonObject())), CancellationToken.None));
        }

        Assert.Equal(2, handler.Calls);
        var requests = handler.Requests.ToArray();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(3));
        Assert.Contains(events, e => e.Path == "graphql/ EditTodo" && e.StatusCode == 429);
    }

    [Fact]
    public async Task EventsNameTheRootFieldNeverTheKeyOrVariables()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(HttpStatusCode.ServiceUnavailable).Answer(GraphQLTest.Data("todo", "{\"id\":5}"));
        using var http = GraphQLTest.Http(handler, time);
        var events = new List<BloomyRequestEvent>();

        using (BloomyRequestScope.Begin(e => { lock (events) { events.Add(e); } }))
        {
            await time.Drive(http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 424242L)), CancellationToken.None));
        }

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.Equal("graphql/ todo", e.Path);
            Assert.DoesNotContain("424242", e.ToString());
            Assert.DoesNotContain(CoreTest.Key, e.ToString());
        });
    }

    [Fact]
    public async Task AnAnswerOverTheBodyCapIsRefused()
    {
        var time = CoreTest.NewTime();
        var big = GraphQLTest.Data("todo", "{\"id\":5,\"title\":\"" + new string('x', 4096) + "\"}");
        var handler = new FakeHandler(time).Answer(big);
        using var http = GraphQLTest.Http(handler, time, o => o.MaxResponseBodyBytes = 1024);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() =>
            http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 5L)), CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("MaxResponseBodyBytes", ex.Message);
    }

    [Fact]
    public async Task CancellationStopsTheRequest()
    {
        var time = CoreTest.NewTime();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(time).Enqueue(async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHandler.Response(HttpStatusCode.OK);
        });
        using var http = GraphQLTest.Http(handler, time);
        using var cts = new CancellationTokenSource();

        var call = http.GraphQL.ExecuteAsync(GraphQLTest.Query, GraphQLTest.Vars(("id", 5L)), cts.Token);
        await entered.Task;
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task ACredentialSessionSignsInAgainAfter401AndSendsTheMutationOnce()
    {
        var time = CoreTest.NewTime();
        var tokens = 0;
        var graphQLCalls = 0;
        var handler = new FakeHandler(time)
        {
            Fallback = (request, _) =>
            {
                if (request.RequestUri!.AbsolutePath == "/Token")
                {
                    var n = Interlocked.Increment(ref tokens);
                    return Task.FromResult(FakeHandler.Response(HttpStatusCode.OK, "{\"access_token\":\"tok-" + n + "-abcdefghijklmnop\",\"expires_in\":1209599}"));
                }
                return Task.FromResult(Interlocked.Increment(ref graphQLCalls) == 1
                    ? FakeHandler.Response(HttpStatusCode.Unauthorized, "{\"message\":\"Unauthorized\"}")
                    : FakeHandler.Response(HttpStatusCode.OK, GraphQLTest.Data("EditTodo", "{\"success\":true}")));
            },
        };
        using var http = GraphQLTest.Http(handler, time, o =>
        {
            o.ApiKey = null;
            o.Credential = new NetworkCredential("ada@example.com", "pw");
        });

        // No fake time is driven: nothing here waits, and the token exchange's own timeout runs on the same clock.
        await http.GraphQL.ExecuteAsync(GraphQLTest.Mutation, GraphQLTest.Vars(("input", new JsonObject())), CancellationToken.None);

        var graphQL = handler.Requests.Where(r => r.Uri == GraphQLTest.Endpoint).ToList();
        Assert.Equal(2, graphQL.Count);
        Assert.Equal("Bearer tok-1-abcdefghijklmnop", graphQL[0].Authorization);
        Assert.Equal("Bearer tok-2-abcdefghijklmnop", graphQL[1].Authorization);
    }
}
