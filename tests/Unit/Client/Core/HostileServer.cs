using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bloomy.Tests.Client.Core;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers every request with whatever <c>respond</c> writes to the
/// socket: lying headers, endless bodies, compressed bombs. The client under test uses its own real handler
/// (automatic decompression included), so what is measured is what a user would get.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<Stream, CancellationToken, Task> _respond;
    private readonly Task _loop;

    public HostileServer(Func<Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v1/");

    /// <summary>Writes a status line and headers (CRLF-terminated, blank line included).</summary>
    public static Task WriteHeadAsync(Stream stream, string head, CancellationToken ct)
    {
        var bytes = Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n");
        return stream.WriteAsync(bytes, 0, bytes.Length, ct);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream, _stop.Token);
                await _respond(stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception)
            {
                // The client hung up on an endless answer: that is the point.
            }
        }
    }

    private static async Task ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var last = new Queue<byte>(4);
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct) == 1)
        {
            last.Enqueue(one[0]);
            if (last.Count > 4) last.Dequeue();
            if (last.Count == 4 && Encoding.ASCII.GetString(last.ToArray()) == "\r\n\r\n") return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }
        _stop.Dispose();
    }
}
