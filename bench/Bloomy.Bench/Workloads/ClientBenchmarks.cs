using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Bloomy.Bench.Infrastructure;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;

namespace Bloomy.Bench.Workloads;

/// <summary>
/// Workload 6 (BenchmarkDotNet): the client alone, 64 requests in flight at zero latency. Over loopback against the
/// in-process emulator (requests per second of the whole exchange), and against a handler that answers from memory
/// (the client's own cost and allocations per request: serialising, the resilience pipeline, source-generated JSON).
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    /// <summary>Requests started together per benchmark invocation.</summary>
    public const int InFlight = 64;

    private BloomEmulator? _emulator;
    private BloomyClient? _loopback;
    private BloomyClient? _inMemory;
    private long[] _ids = [];
    private readonly Task<Todo>[] _tasks = new Task<Todo>[InFlight];

    /// <summary>Starts the emulator and both clients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _emulator = Emulators.StartAsync(users: 50, TimeSpan.Zero).GetAwaiter().GetResult();
        _ids = _emulator.Store.Todos.Take(InFlight).Select(t => t.Id).ToArray();
        _loopback = Emulators.ClientFor(_emulator);
        var body = FetchRawTodo(_emulator, _ids[0]).GetAwaiter().GetResult();
        _inMemory = new BloomyClient(new BloomyClientOptions
        {
            ApiKey = _emulator.DemoApiKey, BaseUri = _emulator.BaseUri, Handler = new CannedHandler(body),
        });
    }

    /// <summary>Stops the emulator and disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _loopback?.Dispose();
        _inMemory?.Dispose();
        _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>64 GET todo/{id} at once over loopback to the emulator.</summary>
    [Benchmark(OperationsPerInvoke = InFlight, Description = "GET todo over loopback, 64 in flight")]
    public Task Loopback() => RunAsync(_loopback!);

    /// <summary>64 GET todo/{id} at once, answered from memory: the client's cost alone.</summary>
    [Benchmark(OperationsPerInvoke = InFlight, Description = "GET todo from an in-memory handler, 64 in flight")]
    public Task InMemory() => RunAsync(_inMemory!);

    private async Task RunAsync(BloomyClient client)
    {
        for (int i = 0; i < InFlight; i++) _tasks[i] = client.Todos.GetAsync(_ids[i], CancellationToken.None);
        await Task.WhenAll(_tasks);
    }

    /// <summary>The emulator's exact answer to GET todo/{id}, for the in-memory handler to repeat.</summary>
    private static async Task<byte[]> FetchRawTodo(BloomEmulator emulator, long id)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, $"todo/{id}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.DemoApiKey);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private sealed class CannedHandler(byte[] body) : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
