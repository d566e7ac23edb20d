using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>bloom-graphql §17.1/§17.2: transport, authentication, validation (400, no data) and execution errors (200).</summary>
public sealed class GraphQLTransportTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    [Theory]
    [InlineData("graphql/")]
    [InlineData("graphql")]
    public async Task Post_with_and_without_the_trailing_slash_runs_the_document_with_json_utf8(string path)
    {
        var a = await Post("mutation { getAuthenticatedUserId { id } }", path: path);

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal("application/json; charset=utf-8", a.MediaType);
        Assert.Equal(Emulator.DemoUserId, a.Data!["getAuthenticatedUserId"]!["id"]!.GetValue<long>());
        Assert.Null(a.Errors);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(HttpMethod.Get, "graphql/", null)).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Send(HttpMethod.Put, "graphql", new StringContent("{}"))).Status);
    }

    [Theory]
    [InlineData("")]                        // no Authorization header
    [InlineData("bg-demo-1001-0000000000000000")] // unknown key
    public async Task A_missing_or_unknown_token_is_401_json_without_errors(string key)
    {
        var a = await Post("{ user(id: 1001) { id } }", key: key);

        Assert.Equal(HttpStatusCode.Unauthorized, a.Status);
        Assert.NotNull(a.Json);
        Assert.Null(a.Json!["errors"]);
        Assert.Equal(0, Emulator.GraphQLStats.CountFor("user"));
    }

    [Fact]
    public async Task An_expired_token_is_401_and_a_live_one_from_the_token_endpoint_works()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            { ["grant_type"] = "password", ["userName"] = Emulator.DemoEmail, ["password"] = BloomEmulator.DemoPassword });
        var token = System.Text.Json.Nodes.JsonNode.Parse(await (await Http.PostAsync(Emulator.TokenUri, form)).Content.ReadAsStringAsync())!
            ["access_token"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.OK, (await Post("mutation { getAuthenticatedUserId { id } }", key: token)).Status);
        Emulator.Tokens.ExpireAll(DateTimeOffset.UtcNow);
        var a = await Post("mutation { getAuthenticatedUserId { id } }", key: token);

        Assert.Equal(HttpStatusCode.Unauthorized, a.Status);
        Assert.Null(a.Json!["errors"]);
        Assert.Equal(1, Emulator.Stats.ExpiredTokenRejections);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("[1, 2]")]
    public async Task A_body_that_is_not_json_or_has_no_query_is_400_with_errors(string body)
    {
        var a = await PostRaw(body);

        Assert.Equal(HttpStatusCode.BadRequest, a.Status);
        Assert.NotEmpty(a.Errors!);
        Assert.Null(a.Json!["data"]);
    }

    [Theory]
    [InlineData("{\"query\": \"{ user(id: 1001) { id } }\"}")]
    [InlineData("{\"query\": \"{ user(id: 1001) { id } }\", \"variables\": null}")]
    [InlineData("{\"query\": \"{ user(id: 1001) { id } }\", \"variables\": {}}")]
    public async Task Variables_may_be_absent_null_or_empty(string body)
    {
        var a = await PostRaw(body);

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(1001, a.Data!["user"]!["id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("{ usr(id: 1001) { id } }", null)]                                              // unknown field
    [InlineData("{ user(id: 1001, userId: 2) { id } }", null)]                                   // unknown argument
    [InlineData("query($w: UserQueryModelFilterInput) { users(where: $w) { totalCount } }", "{\"w\":{\"nope\":{\"eq\":1}}}")] // unknown input key
    [InlineData("{ users(where: {nope: {eq: 1}}) { totalCount } }", null)]                       // unknown input key (literal)
    [InlineData("query($id: String!) { user(id: $id) { id } }", "{\"id\":\"1001\"}")]           // wrong variable type
    [InlineData("query($id: Long!) { user(id: $id) { id } }", "{\"id\":\"abc\"}")]              // value not a Long
    [InlineData("query($id: Long!) { user(id: $id) { id } }", "{\"id\":\"1001\"}")]           // a Long sent as a string
    [InlineData("query($id: Long!) { user(id: $id) { id } }", "{\"id\":1001.5}")]              // a Long with a fraction
    [InlineData("query($id: Long!) { user(id: $id) { id } }", "{}")]                             // missing variable
    [InlineData("{ user(id: 1001) { id { value } } }", null)]                                    // selection on a scalar
    [InlineData("{ user(id: 1001) }", null)]                                                     // no selection on an object
    [InlineData("mutation { getAuthenticatedUserId }", null)]                                    // legacy scalar form on the object schema
    [InlineData("{ user(id: 1001) { id ", null)]                                                 // syntax error
    public async Task Validation_errors_are_400_with_errors_and_no_data(string query, string? variables)
    {
        var body = "{\"query\":" + System.Text.Json.JsonSerializer.Serialize(query) + (variables is null ? "" : ",\"variables\":" + variables) + "}";

        var a = await PostRaw(body);

        Assert.Equal(HttpStatusCode.BadRequest, a.Status);
        Assert.NotEmpty(a.Errors!);
        Assert.False(a.Json!.AsObject().ContainsKey("data"));
    }

    // The emulator skips the validation rules for a document it has validated before (as GraphQL.NET's document
    // cache does); the variables of each request must still be checked.
    [Fact]
    public async Task A_document_validated_before_still_has_its_variables_checked()
    {
        const string query = "query($id: Long!) { again: user(id: $id) { id } }";
        string Body(string variables) => "{\"query\":" + System.Text.Json.JsonSerializer.Serialize(query) + ",\"variables\":" + variables + "}";

        Assert.Equal(HttpStatusCode.OK, (await PostRaw(Body("{\"id\":1001}"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostRaw(Body("{\"id\":1001}"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostRaw(Body("{\"id\":\"abc\"}"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostRaw(Body("{}"))).Status);
    }

    [Fact]
    public async Task An_execution_error_is_200_with_errors_and_data()
    {
        var a = await Post("{ me: user(id: 1001) { id } meetings { totalCount } }");

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Contains("timeout", a.FirstError);
        Assert.Equal(1001, a.Data!["me"]!["id"]!.GetValue<long>());
        Assert.Null(a.Data!["meetings"]);
    }

    [Theory]
    [InlineData("{ __schema { types { name } } }")]
    [InlineData("{ __type(name: \"User\") { name } }")]
    public async Task Introspection_is_refused_with_the_HC0046_body(string query)
    {
        var a = await Post(query);

        Assert.Equal(HttpStatusCode.BadRequest, a.Status);
        Assert.Equal("Introspection is not allowed for the current request.", a.FirstError);
        Assert.Equal("HC0046", a.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(a.Data);
    }

    [Fact]
    public async Task Typename_stays_allowed_and_include_and_skip_work()
    {
        var a = await Post("query($f: Boolean!) { __typename user(id: 1001) { id email @include(if: $f) fullName @skip(if: $f) } }",
            new { f = false });

        Assert.Equal("Query", a.Data!["__typename"]!.GetValue<string>());
        Assert.False(a.Data!["user"]!.AsObject().ContainsKey("email"));
        Assert.Equal("Ada Park", a.Data!["user"]!["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_media_type_setting_answers_application_graphql_response_json()
    {
        await Control("_emulator/graphql", new { mediaType = "graphql-response" });

        var a = await Post("{ user(id: 1001) { id } }");

        Assert.Equal("application/graphql-response+json; charset=utf-8", a.MediaType);
        Assert.Equal(1001, a.Data!["user"]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_legacy_setting_makes_getAuthenticatedUserId_a_Long_scalar()
    {
        await Control("_emulator/graphql", new { legacyUserIdScalar = true });

        var scalar = await Post("mutation { getAuthenticatedUserId }");
        var objectForm = await Post("mutation { getAuthenticatedUserId { id } }");

        Assert.Equal(1001, scalar.Data!["getAuthenticatedUserId"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.BadRequest, objectForm.Status);
        Assert.Contains("getAuthenticatedUserId", objectForm.FirstError);
    }

    [Fact]
    public async Task Rest_faults_apply_to_graphql_rate_limit_and_5xx()
    {
        Emulator.Faults.RateLimit(1, route: "graphql");
        var first = await Post("mutation { getAuthenticatedUserId { id } }");
        var limited = await Post("mutation { getAuthenticatedUserId { id } }");
        Emulator.Faults.Reset();
        Emulator.Faults.FailNext(1, 503, route: "graphql");
        var failed = await Post("mutation { getAuthenticatedUserId { id } }");
        var ok = await Post("mutation { getAuthenticatedUserId { id } }");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.NotNull(limited.Response.Headers.RetryAfter);
        Assert.Null(limited.Json!["errors"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal(new[] { 200, 429, 503, 200 }, Emulator.Stats.Requests.Select(r => r.StatusCode));
        Assert.All(Emulator.Stats.Requests, r => Assert.Equal("POST graphql", r.RouteTemplate));
    }

    [Fact]
    public async Task Rest_faults_apply_to_graphql_drop_after_action_and_malformed()
    {
        Emulator.Faults.DropNext(1, DropTiming.AfterAction, route: "graphql");
        await Assert.ThrowsAsync<HttpRequestException>(() => Post("mutation($t: String) { CreateNote(text: $t) { data success } }", new { t = "x" }));
        Assert.Equal(1, Emulator.Pads.Count - PadsBefore);
        Assert.Equal(1, Emulator.GraphQLStats.CountFor("CreateNote"));

        Emulator.Faults.Malformed(MalformedKind.InvalidJson, route: "graphql");
        var spoiled = await Post("{ user(id: 1001) { id } }");
        Assert.Equal(HttpStatusCode.OK, spoiled.Status);
        Assert.Null(spoiled.Json);
    }

    private readonly int PadsBefore = fixture.Emulator.Pads.Count;
}
