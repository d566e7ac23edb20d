using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Cmdlets.Pipeline;
using Bloomy.Tests.Client.Core;

namespace Bloomy.Tests.Client.GraphQL;

// bloom-graphql.md §3, in order, per family; each failure with the error id a cmdlet shows for it.
public class GraphQLResponseReaderTests
{
    private static readonly GraphQLDocument IdDocument = new("EditGoal", GraphQLFamily.Id,
        "mutation($input: GoalEditModelInput!) { EditGoal(input: $input) { id } }");

    private static readonly GraphQLDocument EntityDocument = new("CreateTodo", GraphQLFamily.Entity,
        "mutation($input: TodoCreateModelInput!) { CreateTodo(input: $input) { id title } }");

    private static readonly GraphQLDocument ListDocument = new("meeting", GraphQLFamily.List,
        "query($id: Long!, $after: String) { meeting(id: $id) { todos(after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } }");

    private static async Task<JsonElement> Run(GraphQLDocument document, string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var time = CoreTest.NewTime();
        var handler = new FakeHandler(time).Respond(status, null, r =>
            r.Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType));
        using var http = CoreTest.Http(handler, time);
        return await time.Drive(http.GraphQL.ExecuteAsync(document, new JsonObject(), CancellationToken.None));
    }

    private static async Task<T> Fails<T>(GraphQLDocument document, string body, HttpStatusCode status = HttpStatusCode.OK) where T : Exception =>
        await Assert.ThrowsAsync<T>(() => Run(document, body, status));

    private static string Id(Exception ex) => BloomyErrorRecords.Classify(ex).ErrorId;

    [Fact]
    public async Task ANonJsonBodyWith200IsAnInvalidResponse()
    {
        var ex = await Fails<BloomyApiException>(GraphQLTest.Query, "<html>sign in</html>");
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("HTML page", ex.Message);
        Assert.Equal("Bloomy.InvalidResponse", Id(ex));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"data\":")]
    public async Task AnEmptyTruncatedOrNonObjectBodyIsAnInvalidResponse(string body)
    {
        var ex = await Fails<BloomyApiException>(GraphQLTest.Query, body);
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task ANonJsonBodyWithAnErrorStatusIsThatHttpFailure()
    {
        // A mutation, so the 502 is not retried.
        var ex = await Fails<BloomyApiException>(GraphQLTest.Mutation, "Bad Gateway", HttpStatusCode.BadGateway);
        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(502, ex.StatusCode);
        Assert.Equal("Bloomy.ServerError", Id(ex));
    }

    [Fact]
    public async Task ExecutionErrorsWith200FailWithEveryMessageAndTheRawErrors()
    {
        const string body = """
            {"errors":[{"message":"Unexpected Execution Error","path":["CreateMetricScore"],
                        "extensions":{"message":"A score for this measurable and date already exists.","code":"X1"}},
                       {"message":"PermissionsException: no access"},
                       {"path":["a",0]}],
             "data":{"CreateMetricScore":null}}
            """;
        var ex = await Fails<BloomyGraphQLException>(IdDocument, body);

        Assert.Equal("GraphQL EditGoal failed: A score for this measurable and date already exists.; PermissionsException: no access; Unknown GraphQL error.", ex.Message);
        Assert.Equal(3, ex.Errors.Count);
        Assert.Equal("Unexpected Execution Error", ex.Errors[0].Message);
        Assert.Equal("A score for this measurable and date already exists.", ex.Errors[0].ExtensionsMessage);
        Assert.Equal("X1", ex.Errors[0].Extensions!.Value.GetProperty("code").GetString());
        Assert.Equal(new[] { "CreateMetricScore" }, ex.Errors[0].Path);
        Assert.Equal(new[] { "a", "0" }, ex.Errors[2].Path);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("EditGoal", ex.OperationName);
        Assert.False(ex.DocumentRefused);
        // One of the errors is the server's PermissionsException: the caller may not do this.
        Assert.Equal("Bloomy.Forbidden", Id(ex));
    }

    [Fact]
    public async Task ASpecificMessageKeepsItsExtensionMessageBeside()
    {
        var ex = await Fails<BloomyGraphQLException>(IdDocument,
            "{\"errors\":[{\"message\":\"Goal not found\",\"extensions\":{\"message\":\"id 9\"}}]}");
        Assert.Contains("Goal not found (id 9)", ex.Message);
    }

    [Fact]
    public async Task A400WithErrorsSaysTheDocumentWasRefused()
    {
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Query,
            "{\"errors\":[{\"message\":\"The field `titel` does not exist on the type `TodoQueryModel`.\"}]}", HttpStatusCode.BadRequest);

        Assert.True(ex.DocumentRefused);
        Assert.Equal(400, ex.StatusCode);
        Assert.StartsWith("The server refused the GraphQL document todo (HTTP 400): The field `titel` does not exist", ex.Message);
        Assert.Contains("Bloomy bug or a change of the server's schema", ex.Message);
        Assert.Equal("Bloomy.BadRequest", Id(ex));
    }

    [Fact]
    public async Task ErrorsWinOverData()
    {
        await Fails<BloomyGraphQLException>(GraphQLTest.Query, "{\"errors\":[{\"message\":\"boom\"}],\"data\":{\"todo\":{\"id\":1}}}");
    }

    [Fact]
    public async Task AnEmptyErrorsListIsNotAFailure()
    {
        var value = await Run(GraphQLTest.Query, "{\"errors\":[],\"data\":{\"todo\":{\"id\":1}}}");
        Assert.Equal(1, value.GetProperty("id").GetInt64());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\":\"Unauthorized\"}")]
    public async Task A401WithoutErrorsIsAnAuthenticationFailure(string body)
    {
        var ex = await Fails<BloomyAuthenticationException>(GraphQLTest.Query, body, HttpStatusCode.Unauthorized);
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("graphql/ todo", ex.Message);
        Assert.DoesNotContain(CoreTest.Key, ex.Message);
        Assert.Equal("Bloomy.Authentication", Id(ex));
    }

    [Fact]
    public async Task ResponseSuccessFalseFailsWithItsMessageAndDetails()
    {
        const string body = """
            {"data":{"EditTodo":{"success":false,"message":"Not able to perform the action.",
              "errorDetails":[{"message":"An error has ocurred.","type":"INTERNAL_ERROR"}]}}}
            """;
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Mutation, body);

        Assert.Equal("GraphQL EditTodo failed: Not able to perform the action. (An error has ocurred.).", ex.Message);
        var detail = Assert.Single(ex.ErrorDetails);
        Assert.Equal("INTERNAL_ERROR", detail.Type);
        Assert.Equal(BloomyFailureKind.HttpStatus, ex.Kind);
    }

    [Theory]
    [InlineData("{\"success\":false,\"message\":\"Not able to perform the action.\",\"errorDetails\":[{\"message\":\"User not allowed to perform this action\"}]}")]
    [InlineData("{\"success\":false,\"message\":\"Not able to perform the action.\",\"errorDetails\":[{\"message\":\"x\",\"type\":\"FORBIDDEN\"}]}")]
    public async Task ResponseSuccessFalseForbiddenIsPermissionDenied(string result)
    {
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Mutation, GraphQLTest.Data("EditTodo", result));

        Assert.True(ex.IsPermissionDenied);
        Assert.Equal(("Bloomy.Forbidden", System.Management.Automation.ErrorCategory.PermissionDenied), BloomyErrorRecords.Classify(ex));
    }

    [Fact]
    public async Task APermissionsExceptionErrorIsPermissionDeniedAndOtherFailuresAreNot()
    {
        var denied = await Fails<BloomyGraphQLException>(IdDocument,
            """{"errors":[{"message":"Unexpected Execution Error","extensions":{"message":"PermissionsException: You do not have access."}}],"data":{"EditGoal":null}}""");
        var internalError = await Fails<BloomyGraphQLException>(GraphQLTest.Mutation, GraphQLTest.Data("EditTodo",
            "{\"success\":false,\"message\":\"Not able to perform the action.\",\"errorDetails\":[{\"message\":\"An error has ocurred.\",\"type\":\"INTERNAL_ERROR\"}]}"));
        var otherError = await Fails<BloomyGraphQLException>(IdDocument, """{"errors":[{"message":"Goal not found"}],"data":{"EditGoal":null}}""");

        Assert.Equal("Bloomy.Forbidden", Id(denied));
        Assert.False(internalError.IsPermissionDenied);
        Assert.Equal("Bloomy.ApiError", Id(internalError));
        Assert.False(otherError.IsPermissionDenied);
        Assert.Equal("Bloomy.ApiError", Id(otherError));
    }

    [Theory]
    [InlineData("{\"success\":false,\"errorDetails\":[{\"message\":\"a\"},{\"message\":\"b\"}]}", "GraphQL EditTodo failed: a; b.")]
    [InlineData("{\"success\":false,\"message\":null,\"errorDetails\":null}", "GraphQL EditTodo failed: the server reported that it did not perform the action, without a reason.")]
    public async Task ResponseSuccessFalseFallsBackToDetailsThenAGenericText(string result, string expected)
    {
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Mutation, GraphQLTest.Data("EditTodo", result));
        Assert.Equal(expected, ex.Message);
    }

    [Theory]
    [InlineData("{\"data\":{\"EditTodo\":null}}")]
    [InlineData("{\"data\":null}")]
    [InlineData("{}")]
    public async Task ResponseWithoutResultIsAnInvalidResponse(string body)
    {
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Mutation, body);
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("no result", ex.Message);
        Assert.Equal("Bloomy.InvalidResponse", Id(ex));
    }

    [Theory]
    [InlineData("{\"id\":0}")]
    [InlineData("{\"id\":null}")]
    [InlineData("{}")]
    [InlineData("{\"id\":\"12\"}")]
    public async Task IdWithoutAUsableIdFails(string result)
    {
        var ex = await Fails<BloomyGraphQLException>(IdDocument, GraphQLTest.Data("EditGoal", result));
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("no id returned", ex.Message);
    }

    [Fact]
    public async Task IdNullResultWithoutErrorsFails()
    {
        var ex = await Fails<BloomyGraphQLException>(IdDocument, GraphQLTest.Data("EditGoal", "null"));
        Assert.Contains("no result", ex.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"id\":0,\"title\":\"x\"}")]
    public async Task EntityNullOrIdZeroFails(string result)
    {
        var ex = await Fails<BloomyGraphQLException>(EntityDocument, GraphQLTest.Data("CreateTodo", result));
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
    }

    [Fact]
    public async Task EntityAndIdReturnTheResult()
    {
        Assert.Equal("x", (await Run(EntityDocument, GraphQLTest.Data("CreateTodo", "{\"id\":3,\"title\":\"x\"}"))).GetProperty("title").GetString());
        Assert.Equal(4, (await Run(IdDocument, GraphQLTest.Data("EditGoal", "{\"id\":4}"))).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task QueryNullIsReturnedAndRequiredNamesTheItem()
    {
        var value = await Run(GraphQLTest.Query, GraphQLTest.Data("todo", "null"));
        Assert.Equal(JsonValueKind.Null, value.ValueKind);

        var ex = Assert.Throws<BloomyNotFoundException>(() => GraphQLResults.Required(value, GraphQLTest.Query, "to-do 123"));
        Assert.Equal("to-do 123 was not found: it does not exist or is not visible to you.", ex.Message);
        Assert.Equal("to-do 123", ex.Subject);
        Assert.Equal("graphql/ todo", ex.Path);
        Assert.Equal("Bloomy.NotFound", Id(ex));
    }

    [Fact]
    public async Task ListNullParentIsReturnedForTheCallerToReportTheParent()
    {
        var value = await Run(ListDocument, GraphQLTest.Data("meeting", "null"));
        Assert.Equal(JsonValueKind.Null, value.ValueKind);
    }

    [Fact]
    public async Task TheMediaTypeDoesNotMatter()
    {
        var value = await Run(GraphQLTest.Query, GraphQLTest.Data("todo", "{\"id\":2}"), mediaType: "application/graphql-response+json");
        Assert.Equal(2, value.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ALargeErrorAnswerIsReadInFull()
    {
        var message = new string('m', 6000) + " the end";
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Query, "{\"errors\":[{\"message\":\"" + message + "\"}]}", HttpStatusCode.BadRequest);
        Assert.Contains("the end", ex.Message);
    }

    [Fact]
    public async Task TheKeyNeverAppearsInAGraphQLErrorMessage()
    {
        var ex = await Fails<BloomyGraphQLException>(GraphQLTest.Query,
            "{\"errors\":[{\"message\":\"bad token " + CoreTest.Key + "\",\"extensions\":{\"message\":\"" + CoreTest.Key + "\"}}]}");
        Assert.DoesNotContain(CoreTest.Key, ex.Message);
        Assert.Contains("***", ex.Message);
    }
}
