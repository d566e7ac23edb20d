using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bloomy.Tests.Infrastructure;

// A real HTTP server on 127.0.0.1 (HttpListener) that answers queued status/body pairs in order (200 "{}" when the
// queue is empty) and records every request: for tests that must go through the real socket and handler, not a fake.
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _answers = new();

    public ScriptedHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public int Port { get; }

    public Uri Root => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public ScriptedHttpServer Answer(int status, string body)
    {
        _answers.Enqueue((status, body));
        return this;
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new ScriptedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty,
                context.Request.ContentType, context.Request.Headers["Authorization"], body));
            var (status, answer) = _answers.TryDequeue(out var next) ? next : (200, "{}");
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

internal sealed record ScriptedRequest(string Method, string RawUrl, string? ContentType, string? Authorization, string Body);
