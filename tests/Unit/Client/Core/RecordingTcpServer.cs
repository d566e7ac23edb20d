using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bloomy.Tests.Client.Core;

/// <summary>How a <see cref="RecordingTcpServer"/> answers a connection.</summary>
public enum TcpServerMode
{
    /// <summary>Reads and never answers, like a plain-http server waiting for a request line.</summary>
    Silent,
    /// <summary>Answers a plain-http 400 at once and closes, like a web server given a TLS hello.</summary>
    PlainHttp400,
}

/// <summary>
/// A bare TCP listener on loopback that counts connections and every byte it receives, to prove what a
/// client sent (or did not send) and to stand in for a server speaking plain http where https was expected.
/// </summary>
internal sealed class RecordingTcpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = new();
    private int _connections;
    private long _bytes;

    public RecordingTcpServer(TcpServerMode mode)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync(mode);
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    public long BytesReceived => Interlocked.Read(ref _bytes);

    private async Task AcceptLoopAsync(TcpServerMode mode)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            lock (_clients) _clients.Add(client);
            _ = ServeAsync(client, mode);
        }
    }

    private async Task ServeAsync(TcpClient client, TcpServerMode mode)
    {
        try
        {
            var stream = client.GetStream();
            var buffer = new byte[4096];
            var read = await stream.ReadAsync(buffer, _stop.Token);
            Interlocked.Add(ref _bytes, read);
            if (mode == TcpServerMode.PlainHttp400)
            {
                var answer = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(answer, _stop.Token);
                client.Close();
                return;
            }
            while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
            {
                Interlocked.Add(ref _bytes, read);
            }
        }
        catch (Exception)
        {
            // The client gave up or the server is stopping.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients) client.Dispose();
        }
    }
}
