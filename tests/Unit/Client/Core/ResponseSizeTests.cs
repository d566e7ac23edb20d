using System.IO.Compression;
using System.Text;
using Bloomy.Client;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

/// <summary>Runs alone, so that the process-wide allocation counter measures these requests and nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationSensitiveCollection
{
    public const string Name = "Allocation-sensitive";
}

/// <summary>
/// Hostile answers from a real socket: a lying Content-Length, an endless body, a gzip bomb. Each is one clear
/// InvalidResponse error, and the memory used while reading stays bounded by the cap, not by what the server sends.
/// </summary>
[Collection(AllocationSensitiveCollection.Name)]
public class ResponseSizeTests
{
    private const long Megabyte = 1024 * 1024;
    private const long AllocationBound = 100 * Megabyte;
    private static readonly CoreTestJsonContext Json = CoreTestJsonContext.Default;

    [Fact]
    public async Task AClaimedTwoGigabyteBodyIsRefusedWithoutReservingIt()
    {
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 2000000000", ct);
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 65536));
            for (var i = 0; i < 16; i++) await stream.WriteAsync(spaces, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var http = Client(server);

        var (ex, allocated) = await MeasureFailure(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("GET users/mine returned a body too large to read: the answer says it is 1907.3 MB, more than the 32 MB limit " +
            "(MaxResponseBodyBytes; Connect-Bloomy -MaxResponseSizeMB raises it).", ex.Message);
        Assert.True(allocated < AllocationBound, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public async Task AnEndlessBodyStopsAtTheCap()
    {
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, "HTTP/1.1 200 OK\nContent-Type: application/json\nTransfer-Encoding: chunked", ct);
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string('[', 65536) + "\r\n");
            while (true) await stream.WriteAsync(chunk, ct);
        });
        using var http = Client(server);

        var (ex, allocated) = await MeasureFailure(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("the answer is longer than the 32 MB limit", ex.Message);
        Assert.True(allocated < AllocationBound, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public async Task AGzipBombStopsAtTheCapCountingDecompressedBytes()
    {
        // 200 MB of zeros compress to about 200 KB.
        var bomb = Gzip(new byte[200 * Megabyte]);
        Assert.True(bomb.Length < 1 * Megabyte);
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream,
                $"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: {bomb.Length}", ct);
            await stream.WriteAsync(bomb, ct);
        });
        using var http = Client(server);

        var (ex, allocated) = await MeasureFailure(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("the answer is longer than the 32 MB limit", ex.Message);
        Assert.True(allocated < AllocationBound, $"{allocated / Megabyte} MB allocated");
    }

    [Fact]
    public async Task TheCapCanBeRaisedAndCountsTheDecodedBody()
    {
        // A 3 MB answer that compresses to a few KB: the decoded size is what counts.
        var json = Encoding.UTF8.GetBytes("{\"Id\":42,\"Name\":\"" + new string('n', (int)(3 * Megabyte)) + "\"}");
        var gzipped = Gzip(json);
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream,
                $"HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Encoding: gzip\nContent-Length: {gzipped.Length}", ct);
            await stream.WriteAsync(gzipped, ct);
        });

        using (var small = Client(server, 2 * Megabyte))
        {
            var ex = await Assert.ThrowsAsync<BloomyApiException>(() => small.GetAsync("users/mine", Json.TestItem, CancellationToken.None));
            Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
            Assert.Contains("longer than the 2 MB limit", ex.Message);
        }
        using (var large = Client(server, 4 * Megabyte))
        {
            var item = await large.GetAsync("users/mine", Json.TestItem, CancellationToken.None);
            Assert.Equal(42, item.Id);
            Assert.Equal(3 * Megabyte, item.Name!.Length);
        }
    }

    [Fact]
    public async Task AnErrorBodyIsReadOnlyAsFarAsTheExcerptNeeds()
    {
        await using var server = new HostileServer(async (stream, ct) =>
        {
            await HostileServer.WriteHeadAsync(stream, "HTTP/1.1 404 Not Found\nContent-Type: text/plain\nTransfer-Encoding: chunked", ct);
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string('e', 65536) + "\r\n");
            while (true) await stream.WriteAsync(chunk, ct);
        });
        using var http = Client(server);

        var (ex, allocated) = await MeasureFailure(() => http.GetAsync("users/mine", Json.TestItem, CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.True(allocated < 10 * Megabyte, $"{allocated / Megabyte} MB allocated");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(1024L * 1024 * 1024 + 1)]
    public void AnUnusableCapIsAConfigurationError(long bytes)
    {
        var options = Options(new Uri("http://127.0.0.1:5999/api/v1/"), bytes);
        var ex = Assert.Throws<BloomyConfigurationException>(() => new BloomyHttp(options));
        Assert.StartsWith("MaxResponseBodyBytes must be between 1024 and 1073741824 (1 GB)", ex.Message);
    }

    private static async Task<(BloomyApiException Error, long Allocated)> MeasureFailure(Func<Task> call)
    {
        // Warm-up of the process (JIT, pools) is not what is measured.
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var ex = await Assert.ThrowsAsync<BloomyApiException>(call);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (ex, allocated);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data, 0, data.Length);
        }
        return output.ToArray();
    }

    private static BloomyClientOptions Options(Uri baseUri, long? cap) => new()
    {
        ApiKey = CoreTest.Key,
        BaseUri = baseUri,
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(20),
        MaxResponseBodyBytes = cap ?? BloomyClientOptions.DefaultMaxResponseBodyBytes,
        ConfigFilePath = Path.Combine(Path.GetTempPath(), "bloomy-missing-" + Guid.NewGuid().ToString("N"), "config.yaml"),
        EnvironmentReader = _ => null,
    };

    private static BloomyHttp Client(HostileServer server, long? cap = null) => new(Options(server.BaseUri, cap));
}
