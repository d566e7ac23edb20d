using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>CreateNote, the pad store, and what tests can observe (§17.6): counts, documents, variables, reset.</summary>
public sealed class GraphQLStatsTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private const string CreateNote = "mutation($text: String) { CreateNote(text: $text) { data success message errorDetails { message } } }";

    [Fact]
    public async Task CreateNote_stores_the_html_in_a_new_pad_and_the_request_is_recorded_with_its_variables()
    {
        var a = await Post(CreateNote, new { text = "line one<br>a &amp; b" });
        var b = await Post(CreateNote, new { text = "again" });

        var pad = a.Data!["CreateNote"]!["data"]!.GetValue<string>();
        Assert.True(a.Data!["CreateNote"]!["success"]!.GetValue<bool>());
        Assert.NotEqual(pad, b.Data!["CreateNote"]!["data"]!.GetValue<string>());
        Assert.Equal("line one<br>a &amp; b", Emulator.Pads.Html(pad));
        Assert.Equal("line one\na & b\n", Emulator.Pads.Text(pad));
        Assert.Equal(2, Emulator.GraphQLStats.CountFor("CreateNote"));
        var first = Emulator.GraphQLStats.Requests[0];
        Assert.Equal(CreateNote, first.Query);
        Assert.Equal("mutation", first.Operation);
        Assert.Equal(["CreateNote"], first.RootFields);
        Assert.Equal("line one<br>a &amp; b", JsonNode.Parse(first.Variables)!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateNote_fails_with_success_false_when_the_fault_flag_is_set()
    {
        await Control("_emulator/graphql", new { createNoteFails = true });
        int pads = Emulator.Pads.Count;

        var a = await Post(CreateNote, new { text = "x" });

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.False(a.Data!["CreateNote"]!["success"]!.GetValue<bool>());
        Assert.Null(a.Data!["CreateNote"]!["data"]);
        Assert.Equal(pads, Emulator.Pads.Count);
    }

    [Fact]
    public async Task The_requests_route_lists_counts_and_documents_and_reset_clears_them_and_restores_settings()
    {
        await Control("_emulator/graphql", new { defaultPageSize = 3, createNoteFails = true });
        await Post("{ a: user(id: 1001) { id } b: user(id: 1002) { id } users { totalCount } }");
        await Post("{ user(id: 1001) { id }", null); // syntax error: recorded, no root fields

        var seen = JsonNode.Parse(await Http.GetStringAsync(new Uri(Emulator.RootUri, "_emulator/graphql/requests")))!;
        Assert.Equal(2, seen["RootFields"]!["user"]!.GetValue<int>());
        Assert.Equal(1, seen["RootFields"]!["users"]!.GetValue<int>());
        Assert.Equal(2, seen["Requests"]!.AsArray().Count);
        Assert.Equal(400, seen["Requests"]![1]!["StatusCode"]!.GetValue<int>());
        Assert.Equal(3, seen["Settings"]!["DefaultPageSize"]!.GetValue<int>());

        using (var reset = await Http.PostAsync(new Uri(Emulator.RootUri, "_emulator/reset"), null))
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        Assert.Empty(Emulator.GraphQLStats.Requests);
        Assert.Equal(0, Emulator.GraphQLStats.CountFor("user"));
        Assert.Equal(10, Emulator.GraphQLSettings.DefaultPageSize);
        Assert.False(Emulator.GraphQLSettings.CreateNoteFails);
    }

    [Fact]
    public async Task An_unknown_setting_is_refused()
    {
        using var response = await Http.PutAsync(new Uri(Emulator.RootUri, "_emulator/graphql"),
            new StringContent("{\"pageSize\": 3}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
