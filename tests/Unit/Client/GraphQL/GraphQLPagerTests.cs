using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.GraphQL;

public class GraphQLPagerTests
{
    private static readonly GraphQLDocument MeetingTodos = new("meeting", GraphQLFamily.List, """
        query($id: Long!, $after: String) {
          meeting(id: $id) { todos(after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }
        }
        """);

    private static string Page(int[] ids, bool hasNext, string? cursor) =>
        GraphQLTest.Data("meeting", "{\"todos\":{\"nodes\":[" + string.Join(",", ids.Select(i => "{\"id\":" + i + "}")) +
            "],\"pageInfo\":{\"hasNextPage\":" + (hasNext ? "true" : "false") + ",\"endCursor\":" + (cursor is null ? "null" : "\"" + cursor + "\"") + "}}}");

    private static Task<IReadOnlyList<System.Text.Json.JsonElement>> ReadAll(FakeHandler handler, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Bloomy.Client.Http.BloomyHttp http, int maxPages = GraphQLPager.MaxPages) =>
        time.Drive(GraphQLPager.ReadAllAsync(http.GraphQL, MeetingTodos, new JsonObject { ["id"] = 5L }, new[] { "todos" }, "meeting 5", CancellationToken.None, maxPages));

    [Fact]
    public async Task ThreePagesAreFollowedWithTheCursorOfEach()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Answer(Page(new[] { 1, 2, 3 }, true, "c3"))
            .Answer(Page(new[] { 4, 5, 6 }, true, "c6"))
            .Answer(Page(new[] { 7 }, false, "c7"));
        using var http = CoreTest.Http(handler, time);

        var nodes = await ReadAll(handler, time, http);

        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, nodes.Select(n => n.GetProperty("id").GetInt64()));
        var variables = handler.Requests.Select(r => GraphQLTest.Envelope(r)["variables"]).ToList();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"id\":5}"), variables[0]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"id\":5,\"after\":\"c3\"}"), variables[1]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"id\":5,\"after\":\"c6\"}"), variables[2]));
    }

    [Fact]
    public async Task ARepeatedCursorFailsLoudly()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Answer(Page(new[] { 1 }, true, "c1"))
            .Answer(Page(new[] { 2 }, true, "c2"))
            .Answer(Page(new[] { 1 }, true, "c1"));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => ReadAll(handler, time, http));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("cursor of an earlier page", ex.Message);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ThePageCapFailsLoudly()
    {
        var time = CoreTest.NewTime();
        var n = 0;
        var handler = new FakeHandler(time)
        {
            Fallback = (_, _) => Task.FromResult(FakeHandler.Response(HttpStatusCode.OK, Page(new[] { Interlocked.Increment(ref n) }, true, "c" + n))),
        };
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => ReadAll(handler, time, http, maxPages: 5));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("after 5 pages", ex.Message);
        Assert.Equal(5, handler.Calls);
        Assert.Equal(1000, GraphQLPager.MaxPages);
    }

    [Fact]
    public async Task AnUnknownParentIsNotFoundNamingIt()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("meeting", "null"));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => ReadAll(handler, time, http));

        Assert.Equal("meeting 5", ex.Subject);
    }

    [Theory]
    [InlineData("{\"todos\":{\"nodes\":[{\"id\":1}]}}", "no pageInfo")]
    [InlineData("{\"todos\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":null}}}", "no endCursor")]
    [InlineData("{\"todos\":null}", "no connection 'todos'")]
    [InlineData("{\"todos\":{\"pageInfo\":{\"hasNextPage\":false}}}", "no nodes")]
    public async Task AnIncompletePageFailsRatherThanTruncate(string meeting, string expected)
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Answer(GraphQLTest.Data("meeting", meeting));
        using var http = CoreTest.Http(handler, time);

        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => ReadAll(handler, time, http));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task ARootConnectionIsPagedWithAnEmptyPath()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Answer(GraphQLTest.Data("users", "{\"nodes\":[{\"id\":1}],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"a\"}}"))
            .Answer(GraphQLTest.Data("users", "{\"nodes\":[{\"id\":2}],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"b\"}}"));
        using var http = CoreTest.Http(handler, time);

        var nodes = await time.Drive(GraphQLPager.ReadAllAsync(http.GraphQL, GraphQLTest.RootList, null, Array.Empty<string>(), "the organisation", CancellationToken.None));

        Assert.Equal(new long[] { 1, 2 }, nodes.Select(n => n.GetProperty("id").GetInt64()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"after\":\"a\"}"), GraphQLTest.Envelope(handler.Requests.Last())["variables"]));
    }

    [Fact]
    public async Task AFailedPageFailsTheWholeList()
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Answer(Page(new[] { 1 }, true, "c1"))
            .Answer("{\"errors\":[{\"message\":\"boom\"}]}");
        using var http = CoreTest.Http(handler, time);

        await Assert.ThrowsAsync<BloomyGraphQLException>(() => ReadAll(handler, time, http));
    }

    [Fact]
    public async Task EachConnectionOfADocumentIsPagedWithItsOwnCursorVariable()
    {
        var document = new GraphQLDocument("meeting", GraphQLFamily.List, """
            query($id: Long!, $issuesAfter: String, $longTermAfter: String) {
              meeting(id: $id) {
                issues(after: $issuesAfter) { nodes { id } pageInfo { hasNextPage endCursor } }
                longTermIssues(after: $longTermAfter) { nodes { id } pageInfo { hasNextPage endCursor } }
              }
            }
            """);
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time)
            .Answer(GraphQLTest.Data("meeting", "{\"issues\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":false}},\"longTermIssues\":{\"nodes\":[{\"id\":1}],\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"L1\"}}}"))
            .Answer(GraphQLTest.Data("meeting", "{\"issues\":{\"nodes\":[],\"pageInfo\":{\"hasNextPage\":false}},\"longTermIssues\":{\"nodes\":[{\"id\":2}],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"L2\"}}}"));
        using var http = CoreTest.Http(handler, time);

        var nodes = await time.Drive(GraphQLPager.ReadAllAsync(http.GraphQL, document, new JsonObject { ["id"] = 5L },
            new[] { "longTermIssues" }, "meeting 5", CancellationToken.None, cursorVariable: "longTermAfter"));

        Assert.Equal(new long[] { 1, 2 }, nodes.Select(n => n.GetProperty("id").GetInt64()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"id\":5,\"longTermAfter\":\"L1\"}"), GraphQLTest.Envelope(handler.Requests.Last())["variables"]));
        Assert.Empty(DocumentRules.Problems(document));
    }
}
