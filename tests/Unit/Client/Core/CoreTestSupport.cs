using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization;
using Bloomy.Client;
using Bloomy.Client.Http;
using Microsoft.Extensions.Time.Testing;

namespace Bloomy.Tests.Client.Core;

internal sealed class TestItem
{
    [JsonRequired]
    public long Id { get; set; }

    public string? Name { get; set; }
}

internal sealed class TestBody
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }
}

[JsonSerializable(typeof(TestItem))]
[JsonSerializable(typeof(TestBody))]
internal sealed partial class CoreTestJsonContext : JsonSerializerContext
{
}

internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string Accept,
    string UserAgent,
    string? ContentType,
    long? ContentLength,
    byte[]? Body,
    bool HasContent,
    DateTimeOffset At);

// A scripted HttpMessageHandler: answers from a queue (or a fallback), records every request with
// the fake time at which it arrived, and tracks how many requests are inside it at once.
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly TimeProvider _time;
    private int _inFlight;
    private int _peak;

    public FakeHandler(TimeProvider time) => _time = time;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public int Calls => Requests.Count;
    public int Peak => Volatile.Read(ref _peak);
    public int InFlight => Volatile.Read(ref _inFlight);

    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Fallback { get; set; }

    public FakeHandler Enqueue(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public FakeHandler Respond(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null) =>
        Enqueue((_, _) => Task.FromResult(Response(status, body, configure)));

    public FakeHandler Throw(Exception exception) => Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));

    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        configure?.Invoke(response);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        Requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.Headers.UserAgent.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content?.Headers.ContentLength,
            body,
            request.Content is not null,
            _time.GetUtcNow()));

        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
        try
        {
            if (_script.TryDequeue(out var step))
            {
                return await step(request, cancellationToken);
            }
            if (Fallback is not null)
            {
                return await Fallback(request, cancellationToken);
            }
            return Response(HttpStatusCode.OK, "{\"Id\":1}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

internal static class CoreTest
{
    public const string Key = "sk-SECRET-0123456789abcdef";
    public static readonly Uri Base = new("http://127.0.0.1:5999/api/v1/");

    public static FakeTimeProvider NewTime() => new(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public static BloomyClientOptions Options(FakeHandler handler, TimeProvider time, Action<BloomyClientOptions>? configure = null)
    {
        var options = new BloomyClientOptions
        {
            ApiKey = Key,
            BaseUri = Base,
            Handler = handler,
            TimeProvider = time,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(30),
            ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-missing-" + Guid.NewGuid().ToString("N"), "config.yaml"),
            EnvironmentReader = _ => null,
            JitterSource = () => 0.5,
        };
        configure?.Invoke(options);
        return options;
    }

    public static BloomyHttp Http(FakeHandler handler, TimeProvider time, Action<BloomyClientOptions>? configure = null) =>
        new(Options(handler, time, configure));

    // Moves fake time forward in small steps until the task finishes. Each step yields briefly to let
    // continuations register their next timer; assertions therefore use the delays the client
    // reported (exact) and lower bounds on the fake arrival times (never upper bounds on real time).
    public static async Task<T> Drive<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null, int maxSteps = 20000)
    {
        await DriveCore(time, task, step, maxSteps);
        return await task;
    }

    public static async Task Drive(this FakeTimeProvider time, Task task, TimeSpan? step = null, int maxSteps = 20000)
    {
        await DriveCore(time, task, step, maxSteps);
        await task;
    }

    private static async Task DriveCore(FakeTimeProvider time, Task task, TimeSpan? step, int maxSteps)
    {
        var by = step ?? TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            if (!task.IsCompleted)
            {
                time.Advance(by);
            }
        }
        if (!task.IsCompleted)
        {
            throw new TimeoutException("The operation did not finish while driving fake time.");
        }
    }

    public static async Task WaitUntil(Func<bool> condition, int timeoutMs = 10000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Condition not reached.");
            }
            await Task.Delay(1);
        }
    }

    public static HttpMethod Method(string name) => new(name);
}
