using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>The emulator's /graphql/ over raw loopback HTTP (no client library), state and settings reset per test.</summary>
public abstract class GraphQLTestBase : IClassFixture<EmulatorFixture>, IDisposable
{
    protected GraphQLTestBase(EmulatorFixture fixture)
    {
        Emulator = fixture.Emulator;
        Emulator.Latency = TimeSpan.Zero;
        Emulator.Faults.Reset();
        Emulator.Stats.Reset();
        Emulator.GraphQLStats.Reset();
        Emulator.GraphQLSettings.Reset();
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    protected BloomEmulator Emulator { get; }
    protected HttpClient Http { get; }

    public void Dispose() => Http.Dispose();

    /// <summary>The answer: status, media type, parsed body (null when not JSON) and raw text.</summary>
    protected sealed record Answer(HttpStatusCode Status, string? MediaType, JsonNode? Json, string Text, HttpResponseMessage Response)
    {
        public JsonNode? Data => Json?["data"];
        public JsonArray? Errors => Json?["errors"] as JsonArray;
        public string FirstError => Errors?[0]?["message"]?.GetValue<string>() ?? "";
    }

    protected Task<Answer> PostRaw(string body, string? key = null, string path = "graphql/", string contentType = "application/json") =>
        Send(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType), key);

    protected Task<Answer> Post(string query, object? variables = null, string? key = null, string path = "graphql/")
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null) body["variables"] = JsonSerializer.SerializeToNode(variables);
        return PostRaw(body.ToJsonString(), key, path);
    }

    protected async Task<Answer> Send(HttpMethod method, string path, HttpContent? content, string? key = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Emulator.RootUri, path)) { Content = content };
        if (key != "") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? Emulator.DemoApiKey);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = text.Length == 0 ? null : JsonNode.Parse(text); } catch (JsonException) { }
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.ToString(), json, text, response);
    }

    protected async Task Control(string path, object body)
    {
        using var response = await Http.PutAsync(new Uri(Emulator.RootUri, path),
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
