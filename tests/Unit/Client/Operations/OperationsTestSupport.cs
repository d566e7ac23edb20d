using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using Bloomy.Client;

namespace Bloomy.Tests.Client.Operations;

/// <summary>One request as the fake server saw it: method, path+query relative to the API root, body text.</summary>
internal sealed record Seen(string Method, string Path, string? Body, string? ContentType);

/// <summary>
/// A recording HttpMessageHandler that answers by "METHOD path?query" (exact match). Unknown routes
/// answer 404 so a wrong path shows up as a failed call (and in <see cref="Requests"/>).
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public const string Root = "http://127.0.0.1:1/api/v1/";

    private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public ConcurrentQueue<Seen> Requests { get; } = new();

    public TimeSpan Delay { get; set; }

    public Func<string, Task>? BeforeAnswer { get; set; }

    public RecordingHandler On(string method, string path, string? json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[method + " " + path] = () =>
        {
            var response = new HttpResponseMessage(status);
            if (json is not null)
            {
                response.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            return response;
        };
        return this;
    }

    public RecordingHandler OnEmpty(string method, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, path, null, status);

    public IReadOnlyList<string> Lines() => Requests.Select(r => $"{r.Method} {r.Path}").ToList();

    public IReadOnlyList<Seen> Without(string path) => Requests.Where(r => r.Path != path).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.AbsoluteUri;
        Assert.StartsWith(Root, uri);
        var path = uri.Substring(Root.Length);
        string? body = null;
        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            body = bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes);
        }

        Requests.Enqueue(new Seen(request.Method.Method, path, body, request.Content?.Headers.ContentType?.MediaType));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (BeforeAnswer is not null)
        {
            await BeforeAnswer(path);
        }

        return _routes.TryGetValue(request.Method.Method + " " + path, out var answer)
            ? answer()
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"Message\":\"no route\"}") };
    }
}

internal static class Ops
{
    public const string Me = """{"Id": 1001, "Name": "Ada Park", "ImageUrl": "https://s3.example/u/ada.png"}""";

    public static (BloomyClient Client, RecordingHandler Handler) Create(bool withMe = true)
    {
        var handler = new RecordingHandler();
        if (withMe)
        {
            handler.On("GET", "users/mine", Me);
        }

        var client = new BloomyClient(new BloomyClientOptions
        {
            ApiKey = "test-key",
            BaseUri = new Uri(RecordingHandler.Root),
            Handler = handler,
            MaxRetries = 0,
        });
        return (client, handler);
    }

    public static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    public static DateTime Local(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Unspecified);

    public static void AssertRequests(RecordingHandler handler, params string[] expected) =>
        Assert.Equal(expected, handler.Lines());

    public static string? BodyOf(RecordingHandler handler, string method, string path) =>
        handler.Requests.Single(r => r.Method == method && r.Path == path).Body;
}
